//! Keeping an uploaded file together with the row that records it, for every kind of upload
//! (evidence on a nomination, photos on a score sheet). The file is written whole under a
//! generated name nobody refers to yet, the row (and its audit event) written in a
//! transaction and committed; when any step fails the transaction is rolled back and the file
//! removed, so a failure leaves nothing behind.

use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use uuid::Uuid;

use crate::db::documents::StoredFile;
use crate::storage::Storage;
use crate::uploads;

/// Storing a file failed: the file store or the database.
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
    (storage, competition): (&Storage, Uuid),
    checked: uploads::Checked,
    bytes: &[u8],
    record: impl AsyncFnOnce(&DatabaseTransaction, StoredFile) -> Result<T, DbErr>,
) -> Result<T, StoreError> {
    let pending = storage
        .put_new(competition, checked.kind, bytes)
        .await
        .map_err(StoreError::Io)?;
    let file = StoredFile {
        stored_name: pending.stored_name().to_owned(),
        content_type: checked.kind.content_type().to_owned(),
        size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
        sha256: checked.sha256,
    };
    let recorded = async {
        let txn = db.begin().await?;
        let row = record(&txn, file).await?;
        txn.commit().await?;
        Ok(row)
    }
    .await;
    match recorded {
        Ok(row) => {
            pending.keep();
            Ok(row)
        }
        Err(e) => {
            pending.discard().await;
            Err(StoreError::Db(e))
        }
    }
}
