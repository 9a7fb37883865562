//! The nomination aggregate: who may start, edit, submit, withdraw, review and advance a
//! nomination, and when; each change in one transaction with its audit event. The HTML pages
//! (`routes::nominations`) and the JSON API (`routes::api`) call the same functions here.

mod advance;
pub mod advance_rule;
pub mod advance_sync;
pub mod draft;
pub mod evidence;
mod review;
mod submit;

pub use advance::{
    AdvanceReport, Candidate, SkipReason, advance_in, advance_into, advance_sources,
    list_advance_candidates,
};
pub use review::{Decision, ReviewRefusal, review};
pub use submit::{Problem, eligibility_problems, submission_problems, submit, withdraw};

use chrono::{DateTime, FixedOffset};
use entity::{competition, nomination};

use crate::db;
pub use crate::db::nominations::Status;
use crate::registry::{Level as RegionLevel, VillageKind};

/// True when the competition's category admits the village's kind and its region scope
/// contains the village (what the village list and creating a draft both require).
#[must_use]
pub fn eligibility_of(c: &competition::Model, village: &str, kind: VillageKind) -> bool {
    db::competitions::Category::parse(&c.category).is_some_and(|cat| cat.admits(kind))
        && c.region_code
            .as_deref()
            .is_none_or(|scope| RegionLevel::contains(scope, village))
}

/// Why a village may not start a nomination in a competition now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryRefusal {
    /// A draft competition: invisible to villages (answered as missing).
    Invisible,
    /// Wrong category or outside the region scope.
    NotEligible,
    /// Not open, or outside the nomination window.
    Closed,
}

/// The reason `village` may not start a draft in `c` at `now`, if any.
#[must_use]
pub fn entry_refusal(
    c: &competition::Model,
    village: &str,
    now: DateTime<FixedOffset>,
) -> Option<EntryRefusal> {
    if c.status == db::competitions::Status::Draft {
        Some(EntryRefusal::Invisible)
    } else if !eligibility_of(c, village, VillageKind::of_code(village)) {
        Some(EntryRefusal::NotEligible)
    } else if !db::competitions::window_open(c, now) {
        Some(EntryRefusal::Closed)
    } else {
        None
    }
}

/// A nomination's profile and evidence may change only while it is a draft and the window
/// is open.
#[must_use]
pub fn editable(n: &nomination::Model, c: &competition::Model, now: DateTime<FixedOffset>) -> bool {
    n.status == Status::Draft && db::competitions::window_open(c, now)
}

/// The village-code prefix for the committee list's `kabupaten` and `kecamatan` filters
/// (blank = any): each must be a code of its level and the kecamatan inside the kabupaten.
pub fn region_filter(
    kabupaten: Option<&str>,
    kecamatan: Option<&str>,
) -> Result<Option<String>, Vec<(&'static str, &'static str)>> {
    let kabupaten = kabupaten.map(str::trim).filter(|s| !s.is_empty());
    let kecamatan = kecamatan.map(str::trim).filter(|s| !s.is_empty());
    let mut errors = Vec::new();
    if kabupaten.is_some_and(|k| RegionLevel::of_code(k) != Some(RegionLevel::Regency)) {
        errors.push(("kabupaten", "err-region-level"));
    }
    if kecamatan.is_some_and(|k| RegionLevel::of_code(k) != Some(RegionLevel::District)) {
        errors.push(("kecamatan", "err-region-level"));
    }
    if let (Some(kab), Some(kec)) = (kabupaten, kecamatan)
        && !RegionLevel::contains(kab, kec)
    {
        errors.push(("kecamatan", "err-outside-scope"));
    }
    if errors.is_empty() {
        Ok(kecamatan.or(kabupaten).map(str::to_owned))
    } else {
        Err(errors)
    }
}
