//! The one rule that keeps a published result trustworthy: once a competition is announced
//! (or archived), nothing changes an input of its result (sheets, scores, panels, assignments,
//! the presentation draw, stages, minutes, prize tiers, entries) except a correction, which
//! names what it changes and is recorded. Every mutating workflow asks here first; database
//! triggers (migrations `…000007` and `…000101`) refuse the same writes for any code path
//! that forgets, and `db::is_lock_violation` turns their refusal into a 409.

use entity::competition;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::Error;
use crate::db::competitions::Status;
use crate::i18n;

/// The translation key of the refusal (the same key `error` uses for the trigger's refusal).
pub const LOCKED_KEY: &str = "err-result-published";

/// True once the result is public: its inputs are frozen.
#[must_use]
pub fn is_published(c: &competition::Model) -> bool {
    matches!(Some(c.status), Some(Status::Announced | Status::Archived))
}

/// The refusal, in `lang`.
#[must_use]
pub fn refusal(lang: &str) -> Error {
    Error::Conflict(i18n::t(lang, LOCKED_KEY))
}

/// Refuses (409) a change to an input of `c`'s published result.
pub fn ensure_open(c: &competition::Model, lang: &str) -> Result<(), Error> {
    if is_published(c) {
        Err(refusal(lang))
    } else {
        Ok(())
    }
}

/// Like [`ensure_open`], for callers holding only the competition's id.
pub async fn ensure_result_inputs_open<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    lang: &str,
) -> Result<(), Error> {
    match competition::Entity::find_by_id(competition_id)
        .one(db)
        .await?
    {
        Some(c) => ensure_open(&c, lang),
        None => Ok(()),
    }
}
