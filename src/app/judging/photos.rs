//! Field-verification photos on a score sheet: the assigned judge adds JPEG or PNG images (told
//! by their content, not their name) while the sheet may still change; each photo is kept with
//! its row and audit event (`app::stored::keep`), or not at all.

use chrono::{DateTime, FixedOffset};
use entity::sheet_photo;
use sea_orm::{DatabaseConnection, DatabaseTransaction};

use super::sheets::{NotEditable, ensure_editable};
use crate::app::stored::{self, StoreError};
use crate::db::audit::{self, NewEvent};
use crate::db::documents::StoredFile;
use crate::db::judging::photos;
use crate::db::judging::sheets::SheetCtx;
use crate::storage::Storage;
use crate::uploads;

/// Why a photo was not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoRefusal {
    /// The sheet may not change now.
    NotEditable(NotEditable),
    /// No file, or not a JPEG or PNG within the size limit.
    NotAnImage,
}

impl PhotoRefusal {
    /// The locale key of the message.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            PhotoRefusal::NotEditable(n) => n.message_key(),
            PhotoRefusal::NotAnImage => "jdg-err-photo",
        }
    }
}

/// A photo as uploaded: its bytes (read up to one byte past the limit) and the client's name.
pub type Upload<'a> = (&'a [u8], &'a str);

/// Adds `upload` (`None`: the form carried no file) to the sheet of `ctx`, stored below
/// `storage` and refused beyond `max_bytes`. Nothing is written when refused.
pub async fn add(
    db: &DatabaseConnection,
    (storage, max_bytes): (&Storage, u64),
    ctx: &SheetCtx,
    upload: Option<Upload<'_>>,
    now: DateTime<FixedOffset>,
) -> Result<Result<sheet_photo::Model, PhotoRefusal>, StoreError> {
    if let Err(n) = ensure_editable(ctx, now) {
        return Ok(Err(PhotoRefusal::NotEditable(n)));
    }
    let Some((bytes, raw_name)) = upload else {
        return Ok(Err(PhotoRefusal::NotAnImage));
    };
    let checked = match uploads::check(bytes, max_bytes) {
        Ok(c) if c.kind.content_type().starts_with("image/") => c,
        _ => return Ok(Err(PhotoRefusal::NotAnImage)),
    };
    let label = uploads::sanitize_name(raw_name);
    let record = async |txn: &DatabaseTransaction, file: StoredFile| {
        let photo = photos::insert(txn, ctx.sheet.id, &label, file).await?;
        let event = NewEvent {
            competition_id: Some(ctx.competition.id),
            nomination_id: Some(ctx.nomination.id),
            actor_id: Some(ctx.sheet.judge_id),
            action: "sheet.photo_added".into(),
            details: format!("tahap {}: {label}", ctx.stage.code),
            ..Default::default()
        };
        audit::record(txn, event).await?;
        Ok(photo)
    };
    let place = (storage, ctx.competition.id);
    Ok(Ok(stored::keep(db, place, checked, bytes, record).await?))
}
