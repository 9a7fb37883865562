//! Uploaded files of the results aggregate (appeal attachments, transfer proofs): stored under
//! a new name before the transaction that records them and kept only when it commits, so a
//! refusal or a failed commit leaves nothing behind (a dropped `StagedFile` removes its file).

use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use super::Error;
use crate::db::results::StoredFile;
use crate::storage::{Pending, Storage};
use crate::uploads::Checked;

/// An accepted upload, checked but not stored yet.
pub struct NewFile {
    /// The client's name, sanitized.
    pub name: String,
    pub checked: Checked,
    pub bytes: Vec<u8>,
}

/// A file stored under a name nothing refers to yet, with the row that will record it.
pub struct StagedFile {
    pending: Pending,
    pub row: StoredFile,
}

/// Stores `file` under a new name in the competition's folder.
pub async fn stage(
    storage: &Storage,
    competition: Uuid,
    file: &NewFile,
) -> Result<StagedFile, Error> {
    let pending = storage
        .put_new(competition, file.checked.kind, &file.bytes)
        .await
        .map_err(Error::Io)?;
    Ok(StagedFile {
        row: StoredFile {
            name: file.name.clone(),
            stored: pending.stored_name().to_owned(),
            content_type: file.checked.kind.content_type().to_owned(),
            size: i64::try_from(file.checked.size).unwrap_or(i64::MAX),
            sha256: file.checked.sha256.clone(),
        },
        pending,
    })
}

/// Commits; the stored file (if any) stays only if the commit succeeded.
pub async fn commit(txn: DatabaseTransaction, file: Option<StagedFile>) -> Result<(), Error> {
    match (txn.commit().await, file) {
        (Ok(()), Some(f)) => f.pending.keep(),
        (Ok(()), None) => {}
        (Err(e), Some(f)) => {
            f.pending.discard().await;
            return Err(e.into());
        }
        (Err(e), None) => return Err(e.into()),
    }
    Ok(())
}
