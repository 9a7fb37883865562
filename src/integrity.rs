//! The frozen-results rule for callers outside the results aggregate: the rule lives in
//! `app::results::frozen`; here its refusal is the web layer's `AppError` (409).

use entity::competition;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::app::results::frozen;
pub use crate::app::results::frozen::{LOCKED_KEY, is_published};
pub use crate::db::is_lock_violation;
use crate::error::AppError;

/// The refusal, in `lang`.
#[must_use]
pub fn refusal(lang: &str) -> AppError {
    frozen::refusal(lang).into()
}

/// Refuses (409) a change to an input of `c`'s published result.
pub fn ensure_open(c: &competition::Model, lang: &str) -> Result<(), AppError> {
    Ok(frozen::ensure_open(c, lang)?)
}

/// Like [`ensure_open`], for callers holding only the competition's id.
pub async fn ensure_result_inputs_open<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    lang: &str,
) -> Result<(), AppError> {
    Ok(frozen::ensure_result_inputs_open(db, competition_id, lang).await?)
}
