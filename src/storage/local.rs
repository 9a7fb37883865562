//! The local-directory backend: `<upload_dir>/<competition>/<uuid>.<ext>`, written under a
//! dot-prefixed temporary name in the same folder and renamed into place (atomic).

use std::path::Path;

use uuid::Uuid;

pub(super) async fn put(dir: &Path, name: &str, bytes: Vec<u8>) -> std::io::Result<()> {
    let target = dir.join(name);
    let folder = target.parent().unwrap_or(dir).to_path_buf();
    tokio::fs::create_dir_all(&folder).await?;
    let temp = folder.join(format!(".{}.part", Uuid::new_v4()));
    let written = async {
        tokio::fs::write(&temp, bytes).await?;
        tokio::fs::rename(&temp, &target).await
    }
    .await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

pub(super) async fn read(dir: &Path, name: &str) -> std::io::Result<Option<Vec<u8>>> {
    match tokio::fs::read(dir.join(name)).await {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub(super) async fn remove(dir: &Path, name: &str) -> std::io::Result<()> {
    match tokio::fs::remove_file(dir.join(name)).await {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// For `Drop`, which cannot wait.
pub(super) fn remove_now(dir: &Path, name: &str) {
    let _ = std::fs::remove_file(dir.join(name));
}

/// `<folder>/<file>` of every file two levels down (the caller keeps only stored names).
pub(super) async fn list(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    let mut folders = match tokio::fs::read_dir(dir).await {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(names),
        Err(e) => return Err(e),
    };
    while let Some(folder) = folders.next_entry().await? {
        if !folder.file_type().await?.is_dir() {
            continue;
        }
        let folder_name = folder.file_name().to_string_lossy().into_owned();
        let mut files = tokio::fs::read_dir(folder.path()).await?;
        while let Some(file) = files.next_entry().await? {
            names.push(format!(
                "{folder_name}/{}",
                file.file_name().to_string_lossy()
            ));
        }
    }
    Ok(names)
}
