//! The one reader of an uploaded file part. It reads at most `max + 1` bytes — enough to tell
//! an oversized file from one at the limit without reading a huge body — and keeps the
//! client's file name only as a label (`uploads::sanitize_name` cleans it before display).

use rocket::fs::TempFile;
use rocket::tokio::io::AsyncReadExt;

use crate::error::AppError;

/// An uploaded file's bytes (capped) and the name the client gave it.
#[derive(Debug)]
pub struct Upload {
    pub bytes: Vec<u8>,
    pub raw_name: String,
}

/// Reads `file`, at most `max + 1` bytes; `uploads::check` then refuses oversized ones.
pub async fn read(file: &TempFile<'_>, max: u64) -> Result<Upload, AppError> {
    let io = |e: std::io::Error| AppError::Internal(format!("reading upload: {e}"));
    let mut bytes = Vec::new();
    file.open()
        .await
        .map_err(io)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .await
        .map_err(io)?;
    let raw_name = file
        .raw_name()
        .map(|n| n.dangerous_unsafe_unsanitized_raw().as_str().to_owned())
        .unwrap_or_default();
    Ok(Upload { bytes, raw_name })
}

/// The bytes of stored file `name`, for a route serving it: a missing file is 404, a store
/// that fails is logged and 500.
pub async fn stored_bytes(
    storage: &crate::storage::Storage,
    name: &str,
) -> Result<Vec<u8>, AppError> {
    match storage.read(name).await {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Internal(format!(
            "reading stored file {name}: {e}"
        ))),
    }
}
