//! Uploaded files of the results aggregate (appeal attachments, transfer proofs): staged next
//! to their place before the transaction that records them, moved into place only when it
//! commits, so a refusal or a failed commit leaves nothing behind.

use std::path::Path;

use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use super::Error;
use crate::db::results::StoredFile;
use crate::uploads::{self, Checked, Staged};

/// An accepted upload, checked but not stored yet.
pub struct NewFile {
    /// The client's name, sanitized.
    pub name: String,
    pub checked: Checked,
    pub bytes: Vec<u8>,
}

/// A file written under a temporary name, with the row that will record it.
pub struct StagedFile {
    staged: Staged,
    pub row: StoredFile,
}

/// Writes `file` into the competition's folder under a temporary name.
pub fn stage(upload_dir: &Path, competition: Uuid, file: &NewFile) -> Result<StagedFile, Error> {
    let staged = uploads::stage(upload_dir, competition, file.checked.kind, &file.bytes)
        .map_err(Error::Io)?;
    Ok(StagedFile {
        row: StoredFile {
            name: file.name.clone(),
            stored: staged.stored_name.clone(),
            content_type: file.checked.kind.content_type().to_owned(),
            size: i64::try_from(file.checked.size).unwrap_or(i64::MAX),
            sha256: file.checked.sha256.clone(),
        },
        staged,
    })
}

/// Moves the staged file (if any) into place and commits; the file stays only if the commit
/// succeeded.
pub async fn commit(txn: DatabaseTransaction, file: Option<StagedFile>) -> Result<(), Error> {
    let placed = file
        .map(|f| f.staged.persist())
        .transpose()
        .map_err(Error::Io)?;
    txn.commit().await?;
    if let Some(p) = placed {
        p.keep();
    }
    Ok(())
}
