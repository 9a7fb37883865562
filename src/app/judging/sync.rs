//! The offline sync of a score sheet: a judge's phone keeps every change locally and sends the
//! whole sheet with the version it was based on. The save is the one rule of
//! [`sheets::save`]; what sync adds is (1) a stale save answered with the server's current copy,
//! so the judge can compare both side by side and choose (nothing is overwritten silently),
//! (2) the device that saved, so opening a sheet that another device is editing warns, and
//! (3) photos sent from a queue at most once per sheet (a retried upload is recognised by its
//! content hash).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use entity::{score_sheet, sheet_photo};
use sea_orm::{DatabaseConnection, DbErr};
use sha2::{Digest, Sha256};

use super::photos::{self as photo_rules, PhotoRefusal, Upload};
use super::sheets::{self, SaveRefusal};
use crate::app::stored::StoreError;
use crate::db::judging::sheets::{self as rows, Answer, SheetCtx, SheetInput};
use crate::db::judging::{SheetStatus, devices, photos};

/// How long a save from another device counts as "being edited there".
pub const RECENT: Duration = Duration::minutes(20);

/// The sheet as the server holds it now.
#[derive(Clone, Debug)]
pub struct ServerCopy {
    pub version: i32,
    pub status: SheetStatus,
    pub answers: Vec<Answer>,
    pub visit_date: Option<NaiveDate>,
    pub visit_notes: String,
    pub updated_at: DateTime<FixedOffset>,
}

/// Why a sync wrote nothing.
#[derive(Clone, Debug)]
pub enum SyncRefusal {
    /// The server's version moved since the copy was read: here is what it holds now.
    Stale(ServerCopy),
    /// Any other refusal of the save rule (values, lock, deadline, set-up).
    Refused(SaveRefusal),
}

/// True for a device id a browser may send: 8–64 letters, digits or dashes.
#[must_use]
pub fn valid_device(device: &str) -> bool {
    (8..=64).contains(&device.len())
        && device
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The sheet's current copy on the server.
pub async fn current(db: &DatabaseConnection, ctx: &SheetCtx) -> Result<ServerCopy, DbErr> {
    let row = rows::find(db, ctx.sheet.id)
        .await?
        .unwrap_or_else(|| ctx.sheet.clone());
    let answers = rows::scores(db, ctx.sheet.id)
        .await?
        .into_iter()
        .map(Answer::from)
        .collect();
    Ok(ServerCopy {
        version: row.version,
        status: row.status,
        answers,
        visit_date: row.visit_date,
        visit_notes: row.visit_notes,
        updated_at: row.updated_at,
    })
}

/// Saves a draft from a device through the same rule as the sheet page and the API.
pub async fn sync(
    db: &DatabaseConnection,
    ctx: &SheetCtx,
    input: &SheetInput,
    device: &str,
    now: DateTime<FixedOffset>,
) -> Result<Result<score_sheet::Model, SyncRefusal>, DbErr> {
    match sheets::save(db, ctx, input, false, now).await? {
        Ok(saved) => {
            devices::touch(db, saved.id, device, now).await?;
            Ok(Ok(saved))
        }
        Err(SaveRefusal::Stale { .. }) => Ok(Err(SyncRefusal::Stale(current(db, ctx).await?))),
        Err(other) => Ok(Err(SyncRefusal::Refused(other))),
    }
}

/// When another device last saved this sheet, if that was within [`RECENT`].
pub async fn other_device(
    db: &DatabaseConnection,
    ctx: &SheetCtx,
    device: &str,
    now: DateTime<FixedOffset>,
) -> Result<Option<DateTime<FixedOffset>>, DbErr> {
    Ok(devices::other_since(db, ctx.sheet.id, device, now - RECENT)
        .await?
        .map(|d| d.saved_at))
}

/// Adds a queued photo unless the sheet already has one with the same content (an upload
/// retried after its answer was lost), which is then answered instead. The rule for adding
/// is `photos::add`'s.
pub async fn add_photo_once(
    db: &DatabaseConnection,
    place: (&crate::storage::Storage, u64),
    ctx: &SheetCtx,
    upload: Option<Upload<'_>>,
    now: DateTime<FixedOffset>,
) -> Result<Result<sheet_photo::Model, PhotoRefusal>, StoreError> {
    if let Some((bytes, _)) = upload {
        let hash: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let known = photos::list(db, ctx.sheet.id)
            .await
            .map_err(StoreError::from)?
            .into_iter()
            .find(|p| p.sha256 == hash);
        if let Some(photo) = known {
            return Ok(Ok(photo));
        }
    }
    photo_rules::add(db, place, ctx, upload, now).await
}

#[cfg(test)]
mod tests {
    use super::valid_device;

    #[test]
    fn device_ids_are_short_plain_tokens() {
        assert!(valid_device("3f2a9c1e-7b4d-4e8a-9f00-123456789abc"));
        assert!(!valid_device("short"));
        assert!(!valid_device(&"a".repeat(65)));
        assert!(!valid_device("spasi di dalam id"));
        assert!(!valid_device("<script>alert(1)</script>"));
    }
}
