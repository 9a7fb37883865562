//! What an update changes in a competition's published rules and schedule, as the
//! `field: old → new` lines the audit log records; and how schedule times are written for a
//! `datetime-local` field, in the competition's zone.

use chrono::{DateTime, FixedOffset};

use super::zone::{self, TimeZone};
use crate::db::competitions::CompetitionFields;

/// The value a `datetime-local` field shows for `t` in `zone` (`2026-05-31T23:59`).
#[must_use]
pub fn local_input(t: Option<DateTime<FixedOffset>>, zone: TimeZone) -> String {
    t.map(|t| {
        t.with_timezone(&zone.offset())
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

/// [`local_input`] in WIB, the national default; the audit rows still print times this way.
#[must_use]
pub fn format_time(t: Option<DateTime<FixedOffset>>) -> String {
    local_input(t, TimeZone::Wib)
}

/// What changed in the published eligibility rules, as `field: old → new` lines.
#[must_use]
pub fn eligibility_changes(old: &CompetitionFields, new: &CompetitionFields) -> Vec<String> {
    let mut out = Vec::new();
    let mut diff = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name}: {a} → {b}"));
        }
    };
    diff(
        "category",
        old.category.as_str().into(),
        new.category.as_str().into(),
    );
    diff(
        "level",
        old.level.as_str().into(),
        new.level.as_str().into(),
    );
    diff(
        "region_code",
        old.region_code.clone().unwrap_or_default(),
        new.region_code.clone().unwrap_or_default(),
    );
    diff(
        "eligible_statuses",
        old.eligible_statuses.join(","),
        new.eligible_statuses.join(","),
    );
    diff(
        "require_definitive_head",
        old.require_definitive_head.to_string(),
        new.require_definitive_head.to_string(),
    );
    diff(
        "max_entries",
        old.max_entries.map(|n| n.to_string()).unwrap_or_default(),
        new.max_entries.map(|n| n.to_string()).unwrap_or_default(),
    );
    out
}

/// What changed in the schedule, as `field: old → new` lines, each time in its own
/// competition's zone and naming it (the region, and so the zone, may change too).
#[must_use]
pub fn schedule_changes(old: &CompetitionFields, new: &CompetitionFields) -> Vec<String> {
    let shown = |t: Option<DateTime<FixedOffset>>, fields: &CompetitionFields| {
        let zone = zone::of_region(fields.region_code.as_deref());
        match t {
            Some(_) => format!("{} {}", local_input(t, zone), zone.label()),
            None => String::new(),
        }
    };
    [
        (
            "nomination_opens_at",
            old.nomination_opens_at,
            new.nomination_opens_at,
        ),
        (
            "nomination_closes_at",
            old.nomination_closes_at,
            new.nomination_closes_at,
        ),
        (
            "judging_closes_at",
            old.judging_closes_at,
            new.judging_closes_at,
        ),
        ("announcement_at", old.announcement_at, new.announcement_at),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(name, a, b)| format!("{name}: {} → {}", shown(a, old), shown(b, new)))
    .collect()
}
