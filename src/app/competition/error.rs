//! The one refusal type of the competition set-up and lifecycle functions. Handlers map it:
//! `Invalid` to the form again (HTML) or a 422 body (JSON), the rest to `AppError`.

use chrono::{DateTime, FixedOffset};
use sea_orm::DbErr;

/// Field name and locale key of each problem of a checked input.
pub type FieldErrors = Vec<(&'static str, &'static str)>;

/// Why a competition action did not happen.
#[derive(Debug)]
pub enum Error {
    /// The row does not exist, or lies outside the competition or the admin's scope.
    NotFound,
    /// Refused input, as (field, locale key) pairs.
    Invalid(FieldErrors),
    /// Not now (frozen, illegal transition, …), with the translated reason.
    Conflict(String),
    /// The engine refused a rule set under this field (e.g. `tie_breaks`), translated.
    Rules(&'static str, Vec<String>),
    /// The competition cannot open: the engine's problems with its set-up, translated.
    NotReady(Vec<String>),
    /// Judging would start before the nomination window closes (at this time) and the
    /// committee has not confirmed it.
    NominationsOpen(DateTime<FixedOffset>, crate::registry::TimeZone),
    /// The database failed.
    Db(DbErr),
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        Error::Db(e)
    }
}

/// What app functions of this aggregate return.
pub type Outcome<T> = Result<T, Error>;
