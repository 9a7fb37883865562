//! Application rules for the results aggregate (see `app`): announcing and correcting
//! (`announce`, `correction`), the frozen-results rule (`frozen`), snapshots and their hashes
//! (`snapshot`), appeals (`appeal`) and the prize ledger (`ledger`). The computation itself and
//! the exports live in `results`; the queries in `db::results`.

pub mod advance;
pub mod announce;
pub mod appeal;
pub mod correction;
pub mod disburse;
pub mod files;
pub mod frozen;
pub mod ledger;
pub mod snapshot;

use sea_orm::DbErr;

use crate::i18n;
use crate::results::Refusal;

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
