//! Application rules for the results aggregate (see `app`): announcing and correcting
//! (`announce`, `correction`), the frozen-results rule (`frozen`), snapshots and their hashes
//! (`snapshot`), appeals (`appeal`) and the prize ledger (`ledger`). The computation itself and
//! the exports live in `results`; the queries in `db::results`.

pub mod advance;
pub mod announce;
pub mod appeal;
pub mod correction;
pub mod disburse;
pub mod documents;
pub mod files;
pub mod frozen;
pub mod ledger;
pub mod minutes;
pub mod preflight;
pub mod read;
pub mod snapshot;
pub mod window;

use entity::{competition, result_snapshot};
use sea_orm::{DatabaseConnection, DbErr};

use crate::db::competitions::Status;
use crate::db::results::snapshots;
use crate::i18n;
use crate::results::{self, Published, Refusal};

/// Why a results action did not happen; the web layer maps it to its HTTP answer.
#[derive(Debug)]
pub enum Error {
    /// The thing asked for does not exist (or is not visible to the caller).
    NotFound,
    /// Refused now, with the message to show (HTTP 409).
    Conflict(String),
    Db(DbErr),
    Io(std::io::Error),
    /// Stored data that cannot be read (a server fault).
    Internal(String),
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        Error::Db(e)
    }
}

/// Why results cannot be computed, in words.
#[must_use]
pub fn describe_refusal(r: &Refusal, lang: &str) -> Vec<String> {
    match r {
        Refusal::Setup(problems) => problems.iter().map(|p| p.describe(lang)).collect(),
        Refusal::Engine(e) => vec![i18n::t_args(
            lang,
            "res-err-engine",
            &[("detail", e.to_string())],
        )],
        Refusal::Allocation(e) => vec![i18n::t_args(
            lang,
            "res-err-allocation",
            &[("detail", e.to_string())],
        )],
    }
}

/// Results are computed once judging has started.
///
/// # Errors
/// `Conflict` while the competition is a draft or taking entries.
pub fn ensure_judging_started(c: &competition::Model, lang: &str) -> Result<(), Error> {
    match Some(c.status) {
        Some(Status::Draft | Status::Open) | None => {
            Err(Error::Conflict(i18n::t(lang, "res-err-not-judging")))
        }
        _ => Ok(()),
    }
}

/// A stored snapshot's published results (a server fault if unreadable).
///
/// # Errors
/// `Internal` for an unreadable snapshot.
pub fn published_of(s: &result_snapshot::Model) -> Result<Published, Error> {
    snapshots::published(s).ok_or_else(|| Error::Internal("unreadable snapshot".into()))
}

/// The published results and their snapshot if announced, else a fresh preview.
///
/// # Errors
/// `Conflict` before judging or when results cannot be computed; a database error.
pub async fn current_or_preview(
    db: &DatabaseConnection,
    c: &competition::Model,
    lang: &str,
) -> Result<(Published, Option<result_snapshot::Model>), Error> {
    if let Some(s) = snapshots::current(db, c.id).await? {
        return Ok((published_of(&s)?, Some(s)));
    }
    ensure_judging_started(c, lang)?;
    match results::compute(db, c).await? {
        Ok(computed) => Ok((computed.published, None)),
        Err(r) => Err(Error::Conflict(describe_refusal(&r, lang).join("; "))),
    }
}
