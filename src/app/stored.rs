//! Keeping an uploaded file together with the row that records it, for every kind of upload
//! (evidence on a nomination, photos on a score sheet). The file is staged under a generated
//! name, the row (and its audit event) written in a transaction, the file moved into place,
//! then the transaction committed; each `?` drops the transaction (rolled back) and the staged
//! or placed file (removed), so a failure at any step leaves nothing behind.

use std::path::Path;

use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use uuid::Uuid;

use crate::db::documents::StoredFile;
use crate::uploads;

/// Storing a file failed: the disk or the database.
#[derive(Debug)]
pub enum StoreError {
    Io(std::io::Error),
    Db(DbErr),
}

impl From<DbErr> for StoreError {
    fn from(e: DbErr) -> Self {
        StoreError::Db(e)
    }
}

/// Stores checked `bytes` of competition `competition` and records them with `record`, which
/// writes the row (and any audit event) in the transaction it is given.
pub async fn keep<T>(
    db: &DatabaseConnection,
    (upload_dir, competition): (&Path, Uuid),
    checked: uploads::Checked,
    bytes: &[u8],
    record: impl AsyncFnOnce(&DatabaseTransaction, StoredFile) -> Result<T, DbErr>,
) -> Result<T, StoreError> {
    let io = StoreError::Io;
    let staged = uploads::stage(upload_dir, competition, checked.kind, bytes).map_err(io)?;
    let txn = db.begin().await?;
    let file = StoredFile {
        stored_name: staged.stored_name.clone(),
        content_type: checked.kind.content_type().to_owned(),
        size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
        sha256: checked.sha256,
    };
    let row = record(&txn, file).await?;
    let placed = staged.persist().map_err(io)?;
    txn.commit().await?;
    placed.keep();
    Ok(row)
}
