//! A village's draft: starting one in a competition and saving its profile. The page and the
//! JSON API both call these, so the rules (eligibility, window, one per village, optimistic
//! version) and their refusals are the same for both.

use chrono::{DateTime, FixedOffset};
use entity::{competition, nomination};
use sea_orm::{DatabaseConnection, DbErr};

use super::{EntryRefusal, Status, editable, entry_refusal};
use crate::db::{self, nominations::Profile};
use crate::ids::{CompetitionId, NominationId, UserId};

/// Why a draft could not be started or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// No such competition, or one villages cannot see (answered as missing).
    NotFound,
    /// Wrong category or outside the region scope.
    NotEligible,
    /// Not open, or outside the nomination window.
    Closed,
    /// The nomination is no longer a draft.
    NotDraft,
    /// The village already has a nomination in this competition.
    Duplicate,
    /// Someone saved since the form was read.
    Stale,
}

impl Refused {
    /// The message key.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            Refused::NotFound => "err-not-found",
            Refused::NotEligible => "nom-err-not-eligible",
            Refused::Closed => "nom-problem-closed",
            Refused::NotDraft => "nom-problem-not-draft",
            Refused::Duplicate => "nom-err-duplicate",
            Refused::Stale => "nom-err-stale",
        }
    }
}

/// Why the nomination's profile and evidence cannot change now, if they cannot.
#[must_use]
pub fn lock(
    n: &nomination::Model,
    c: &competition::Model,
    now: DateTime<FixedOffset>,
) -> Option<Refused> {
    if editable(n, c, now) {
        None
    } else if n.status == Status::Draft {
        Some(Refused::Closed)
    } else {
        Some(Refused::NotDraft)
    }
}

/// Starts an empty draft for `village` in the competition, with its competition.
pub async fn create(
    db: &DatabaseConnection,
    competition: CompetitionId,
    village: &str,
    actor: UserId,
    now: DateTime<FixedOffset>,
) -> Result<Result<(nomination::Model, competition::Model), Refused>, DbErr> {
    let Some(c) = db::competitions::find_by_id(db, competition).await? else {
        return Ok(Err(Refused::NotFound));
    };
    // Drafts are invisible to villages; a competition they cannot see does not exist.
    match entry_refusal(&c, village, now) {
        Some(EntryRefusal::Invisible) => return Ok(Err(Refused::NotFound)),
        Some(EntryRefusal::NotEligible) => return Ok(Err(Refused::NotEligible)),
        Some(EntryRefusal::Closed) => return Ok(Err(Refused::Closed)),
        None => {}
    }
    match db::nominations::insert_draft(db, c.id, village, actor).await {
        Ok(n) => Ok(Ok((n, c))),
        // The unique index has the last word when two requests create at once.
        Err(e) if db::is_unique_violation(&e) => Ok(Err(Refused::Duplicate)),
        Err(e) => Err(e),
    }
}

/// Saves the draft's profile if it is still editable and nobody saved since `version`.
pub async fn save(
    db: &DatabaseConnection,
    (n, c): (&nomination::Model, &competition::Model),
    version: i32,
    profile: &Profile,
    now: DateTime<FixedOffset>,
) -> Result<Result<nomination::Model, Refused>, DbErr> {
    if let Some(refused) = lock(n, c, now) {
        return Ok(Err(refused));
    }
    let id = NominationId::from(n.id);
    Ok(db::nominations::update_draft(db, id, version, profile)
        .await?
        .ok_or(Refused::Stale))
}
