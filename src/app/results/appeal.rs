//! Appeals (*sanggahan*): a village files one per appeal window (`window`: the first
//! announcement's, and a fresh one after each correction that changes its standing), only for
//! a judged entry; the committee rejects it with a reason here,
//! or accepts it with the correction that answers it (`announce`).

use crate::storage::Storage;

use chrono::{DateTime, FixedOffset, Utc};
use entity::{appeal, competition, nomination, result_snapshot};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::files::{self, NewFile};
use super::{Error, window};
use crate::db::audit::{self, NewEvent};
use crate::db::nominations::Status as NominationStatus;
use crate::db::results::{appeals, snapshots};
use crate::i18n;

/// What the village sees of its appeal rights now.
pub struct Standing {
    /// The version in force.
    pub current: result_snapshot::Model,
    /// The village's appeals, oldest first (one per window; see `window`).
    pub appeals: Vec<appeal::Model>,
    /// When its window closes (`None`: the competition takes no appeals).
    pub closes: Option<DateTime<FixedOffset>>,
    /// A correction changed its standing and opened a fresh window.
    pub reopened: bool,
    /// Why it may not appeal now (a translation key), `None` if it may.
    pub closed: Option<&'static str>,
}

impl Standing {
    /// The latest appeal, if any.
    #[must_use]
    pub fn latest(&self) -> Option<&appeal::Model> {
        self.appeals.last()
    }
}

/// The village's standing in the announced competition `c`.
///
/// # Errors
/// `NotFound` before the announcement; a database error.
pub async fn standing<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    n: &nomination::Model,
) -> Result<Standing, Error> {
    let current = snapshots::current(db, c.id).await?.ok_or(Error::NotFound)?;
    let windows = window::load(db, c).await?;
    let appeals = appeals::all_for_nomination(db, n.id).await?;
    let now = Utc::now().fixed_offset();
    // Only judged entries can appeal their results.
    let closed = if n.status != NominationStatus::Accepted || !windows.open_for(n.id, now) {
        Some("res-err-appeal-closed")
    } else if windows.used(n.id, &appeals) || appeals.iter().any(|a| a.status == appeals::OPEN) {
        Some("res-err-appeal-exists")
    } else {
        None
    };
    Ok(Standing {
        current,
        closes: windows.closes_for(n.id),
        reopened: windows.was_reopened(n.id),
        appeals,
        closed,
    })
}

/// Refuses (409) unless the village may appeal now; returns the version it appeals.
///
/// # Errors
/// `Conflict` when closed or already filed; `NotFound`; a database error.
pub async fn ensure_may_file<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    n: &nomination::Model,
    lang: &str,
) -> Result<i32, Error> {
    let s = standing(db, c, n).await?;
    match s.closed {
        Some(key) => Err(Error::Conflict(i18n::t(lang, key))),
        None => Ok(s.current.version),
    }
}

/// Files the appeal against `version`, with its attachment and audit event, in one step.
///
/// # Errors
/// A database or storage error.
#[allow(clippy::too_many_arguments)]
pub async fn file(
    db: &DatabaseConnection,
    storage: &Storage,
    c: &competition::Model,
    n: &nomination::Model,
    version: i32,
    body: String,
    attachment: Option<NewFile>,
    by: Uuid,
) -> Result<appeal::Model, Error> {
    let staged = match attachment {
        Some(f) => Some(files::stage(storage, c.id, &f).await?),
        None => None,
    };
    let txn = db.begin().await?;
    let row = staged.as_ref().map(|s| s.row.clone());
    let filed = appeals::insert(&txn, c.id, n.id, version, body, row, by).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(n.id),
            actor_id: Some(by),
            action: "appeal.filed".into(),
            details: format!("atas versi {}", filed.snapshot_version),
            ..Default::default()
        },
    )
    .await?;
    files::commit(txn, staged).await?;
    Ok(filed)
}

/// Rejects an open appeal with the committee's answer.
///
/// # Errors
/// `Conflict` if already answered; a database error. An empty answer is the inner `Err`.
pub async fn reject(
    db: &DatabaseConnection,
    c: &competition::Model,
    a: appeal::Model,
    answer: &str,
    by: Uuid,
    lang: &str,
) -> Result<Result<appeal::Model, &'static str>, Error> {
    if a.status != appeals::OPEN {
        return Err(Error::Conflict(i18n::t(lang, "res-err-appeal-answered")));
    }
    let answer = answer.trim().to_owned();
    if answer.is_empty() {
        return Ok(Err("res-err-answer"));
    }
    let txn = db.begin().await?;
    let saved = appeals::answer(&txn, a, appeals::REJECTED, answer, by).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(saved.nomination_id),
            actor_id: Some(by),
            action: "appeal.rejected".into(),
            reason: saved.answer.clone(),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(saved))
}

/// Appeal `id` of `c`, still awaiting an answer (a correction may accept it).
///
/// # Errors
/// `Conflict` if unknown or already answered; a database error.
pub async fn open_to_answer<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    id: Uuid,
    lang: &str,
) -> Result<appeal::Model, Error> {
    match appeals::find(db, c.id, id).await? {
        Some(a) if a.status == appeals::OPEN => Ok(a),
        _ => Err(Error::Conflict(i18n::t(lang, "res-err-appeal-answered"))),
    }
}
