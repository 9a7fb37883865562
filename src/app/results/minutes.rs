//! The plenary minutes (berita acara) the committee records before announcing: the checks of
//! what was typed and recording them, shared by the results page and the API. Recorded only
//! once judging has started and while no published result has frozen the competition.

use chrono::{NaiveDate, NaiveTime};
use entity::{competition, plenary_minutes};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{Error, ensure_judging_started, frozen};
use crate::db::results::minutes::{self, NewMinutes};

/// The minutes as typed (surrounding blanks ignored).
#[derive(Clone, Debug, Default)]
pub struct MinutesInput {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// `HH:MM` in the competition's zone, or empty.
    pub held_time: String,
    pub place: String,
    pub members: String,
    pub decision: String,
}

/// Field name and locale key of each problem.
pub type FieldErrors = Vec<(&'static str, &'static str)>;

/// Checks the minutes: a `plausible` date (the forms' calendar range), a time when given,
/// and every text filled in.
///
/// # Errors
/// Every problem, field by field.
pub fn check(
    input: &MinutesInput,
    plausible: fn(NaiveDate) -> bool,
) -> Result<NewMinutes, FieldErrors> {
    let mut errors = Vec::new();
    let held_on = NaiveDate::parse_from_str(input.held_on.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| plausible(*d));
    if held_on.is_none() {
        errors.push(("held_on", "res-err-date"));
    }
    let time = input.held_time.trim();
    let held_time = if time.is_empty() {
        None
    } else if NaiveTime::parse_from_str(time, "%H:%M").is_ok() {
        Some(time.to_owned())
    } else {
        errors.push(("held_time", "res-err-time"));
        None
    };
    let (place, members, decision) = (
        input.place.trim().to_owned(),
        input.members.trim().to_owned(),
        input.decision.trim().to_owned(),
    );
    for (field, value) in [
        ("place", &place),
        ("members", &members),
        ("decision", &decision),
    ] {
        if value.is_empty() {
            errors.push((field, "res-err-required"));
        }
    }
    match held_on {
        Some(held_on) if errors.is_empty() => Ok(NewMinutes {
            held_on,
            held_time,
            place,
            members,
            decision,
        }),
        _ => Err(errors),
    }
}

/// Refuses recording minutes before judging or once the result is frozen.
///
/// # Errors
/// `Conflict` with the reason.
pub fn ensure_may_record(c: &competition::Model, lang: &str) -> Result<(), Error> {
    ensure_judging_started(c, lang)?;
    frozen::ensure_open(c, lang)
}

/// Records checked minutes for `c`.
///
/// # Errors
/// A database error.
pub async fn record(
    db: &DatabaseConnection,
    c: &competition::Model,
    m: NewMinutes,
    by: Uuid,
) -> Result<plenary_minutes::Model, Error> {
    Ok(minutes::insert(db, c.id, m, by).await?)
}
