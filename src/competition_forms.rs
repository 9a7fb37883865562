//! Form DTOs of the competition set-up pages and the rules that turn them into checked fields:
//! names and codes, the region scope, the schedule order, decimal scales (`Points`) and rupiah
//! (`Rupiah`). Problems come back as (field, locale key) pairs for the form to show; nothing
//! is stored here.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone as _};
use juara_domain::{Points, Rupiah};
use rocket::form::FromForm;
use sea_orm::{ConnectionTrait, DbErr};

use crate::app::regions as region_input;
use crate::auth::CurrentUser;
use crate::db::competitions::{Category, CompetitionFields, Level};

pub mod levels_field;
mod setup_forms;
pub mod tie_break_form;

pub use setup_forms::{CriterionForm, DocumentForm, PrizeForm, StageForm, check_placed};

/// Field name and locale key of each problem.
pub use crate::forms::FieldErrors;

/// Development statuses (IDM / Indeks Desa) a competition may admit.
pub const DEVELOPMENT_STATUSES: [&str; 5] = [
    "sangat_tertinggal",
    "tertinggal",
    "berkembang",
    "maju",
    "mandiri",
];

pub use crate::app::competition::changes::{format_time, local_input};
use crate::app::competition::zone::{self, TimeZone};

fn text(v: Option<&String>) -> String {
    v.map(|s| s.trim().to_owned()).unwrap_or_default()
}

fn code_ok(code: &str) -> bool {
    (1..=32).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

fn int(
    v: Option<&String>,
    field: &'static str,
    range: std::ops::RangeInclusive<i32>,
    errors: &mut FieldErrors,
) -> Option<i32> {
    let t = text(v);
    if t.is_empty() {
        return None;
    }
    match t.parse::<i32>() {
        Ok(n) if range.contains(&n) => Some(n),
        Ok(_) => {
            errors.push((field, "err-range"));
            None
        }
        Err(_) => {
            errors.push((field, "err-number"));
            None
        }
    }
}

fn required_int(
    v: Option<&String>,
    field: &'static str,
    range: std::ops::RangeInclusive<i32>,
    errors: &mut FieldErrors,
) -> i32 {
    let n = int(v, field, range.clone(), errors);
    if n.is_none() && text(v).is_empty() {
        errors.push((field, "err-required"));
    }
    n.unwrap_or(*range.start())
}

fn points(v: Option<&String>, field: &'static str, errors: &mut FieldErrors) -> Option<i64> {
    let t = text(v);
    if t.is_empty() {
        return None;
    }
    match t.parse::<Points>() {
        Ok(p) => Some(p.units()),
        Err(_) => {
            errors.push((field, "err-decimal"));
            None
        }
    }
}

fn rupiah(v: Option<&String>, field: &'static str, errors: &mut FieldErrors) -> Option<i64> {
    let t = text(v);
    if t.is_empty() {
        return None;
    }
    match t.parse::<Rupiah>() {
        Ok(r) if r.amount() > crate::forms::MAX_RUPIAH => {
            errors.push((field, "err-rupiah-max"));
            None
        }
        Ok(r) => Some(r.amount()),
        Err(_) => {
            errors.push((field, "err-rupiah"));
            None
        }
    }
}

/// Reads `2026-03-01T08:00` (a `datetime-local` field) or `2026-03-01` in the competition's
/// `zone`, or an RFC 3339 time with its own offset (the JSON API); a year outside
/// [`crate::forms::YEARS`] is no time.
#[must_use]
pub fn parse_time(s: &str, zone: TimeZone) -> Option<DateTime<FixedOffset>> {
    parse_any_year(s, zone).filter(|t| crate::forms::plausible_date(t.date_naive()))
}

/// [`parse_time`] without the bound on the year.
fn parse_any_year(s: &str, zone: TimeZone) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
    zone.offset().from_local_datetime(&naive).single()
}

fn time(
    v: Option<&String>,
    field: &'static str,
    zone: TimeZone,
    errors: &mut FieldErrors,
) -> Option<DateTime<FixedOffset>> {
    let t = text(v);
    if t.is_empty() {
        return None;
    }
    let parsed = parse_time(&t, zone);
    if parsed.is_none() {
        let key = if parse_any_year(&t, zone).is_some() {
            "err-date-year"
        } else {
            "err-date"
        };
        errors.push((field, key));
    }
    parsed
}

/// The competition form (create and edit).
#[derive(FromForm, Default)]
pub struct CompetitionForm {
    pub name: Option<String>,
    pub year: Option<String>,
    pub level: Option<String>,
    pub region_code: Option<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub nomination_opens_at: Option<String>,
    pub nomination_closes_at: Option<String>,
    pub judging_closes_at: Option<String>,
    pub announcement_at: Option<String>,
    pub eligible_statuses: Vec<String>,
    pub require_definitive_head: bool,
    pub max_entries: Option<String>,
    pub appeals_enabled: bool,
    pub appeal_days: Option<String>,
    pub tie_policy: Option<String>,
    pub minimum_score: Option<String>,
    pub cash_budget: Option<String>,
    pub assistance_budget: Option<String>,
    /// Why rules change after opening (recorded in the audit log).
    pub reason: Option<String>,
    /// A built-in template key (create only).
    pub template: Option<String>,
}

impl CompetitionForm {
    /// Checks every field; `admin` bounds the region scope.
    pub async fn check<C: ConnectionTrait>(
        &self,
        db: &C,
        admin: &CurrentUser,
    ) -> Result<Result<CompetitionFields, FieldErrors>, DbErr> {
        let mut e: FieldErrors = Vec::new();
        let name = text(self.name.as_ref());
        if name.is_empty() || name.chars().count() > 200 {
            e.push(("name", "err-required"));
        }
        let year = required_int(self.year.as_ref(), "year", 2000..=2100, &mut e);
        let level = Level::parse(&text(self.level.as_ref()));
        if level.is_none() {
            e.push(("level", "err-choice"));
        }
        let category = Category::parse(&text(self.category.as_ref()));
        if category.is_none() {
            e.push(("category", "err-choice"));
        }
        let region = text(self.region_code.as_ref());
        let region_code = match level.map(Level::region_level) {
            // National: no region, and only a national admin may run one.
            Some(None) => {
                if admin.region_code.is_some() {
                    e.push(("level", "err-national-only"));
                }
                None
            }
            Some(Some(region_level)) if !region.is_empty() => {
                match region_input::resolve(db, &region, &[region_level]).await? {
                    Ok(Some(r)) => {
                        if !admin.scope_contains(&r.code) {
                            e.push(("region_code", "err-outside-scope"));
                        }
                        Some(r.code)
                    }
                    Ok(None) => None,
                    Err(key) => {
                        e.push(("region_code", key));
                        None
                    }
                }
            }
            Some(Some(_)) => {
                e.push(("region_code", "err-required"));
                None
            }
            None => None,
        };
        // Times are typed in the zone of the region submitted with them, even when this
        // same submission changes the region.
        let z = zone::of_region(region_code.as_deref());
        let opens = time(
            self.nomination_opens_at.as_ref(),
            "nomination_opens_at",
            z,
            &mut e,
        );
        let closes = time(
            self.nomination_closes_at.as_ref(),
            "nomination_closes_at",
            z,
            &mut e,
        );
        let judging = time(
            self.judging_closes_at.as_ref(),
            "judging_closes_at",
            z,
            &mut e,
        );
        let announce = time(self.announcement_at.as_ref(), "announcement_at", z, &mut e);
        // Each date must come after the ones before it that are set.
        let order = [
            (opens, "nomination_opens_at"),
            (closes, "nomination_closes_at"),
            (judging, "judging_closes_at"),
            (announce, "announcement_at"),
        ];
        for (i, (t, field)) in order.iter().enumerate() {
            let before = order.iter().take(i).filter_map(|(x, _)| *x).max();
            if let (Some(t), Some(b)) = (t, before)
                && *t <= b
            {
                e.push((field, "err-schedule-order"));
            }
        }
        let mut statuses = Vec::new();
        for s in DEVELOPMENT_STATUSES {
            if self.eligible_statuses.iter().any(|x| x == s) {
                statuses.push(s.to_owned());
            }
        }
        if self
            .eligible_statuses
            .iter()
            .any(|x| !DEVELOPMENT_STATUSES.contains(&x.as_str()))
        {
            e.push(("eligible_statuses", "err-choice"));
        }
        let max_entries = int(
            self.max_entries.as_ref(),
            "max_entries",
            1..=100_000,
            &mut e,
        );
        let appeal_days = if self.appeals_enabled {
            required_int(self.appeal_days.as_ref(), "appeal_days", 1..=60, &mut e)
        } else {
            0
        };
        let tie_policy = text(self.tie_policy.as_ref());
        if !["split", "full"].contains(&tie_policy.as_str()) {
            e.push(("tie_policy", "err-choice"));
        }
        let minimum_score = points(self.minimum_score.as_ref(), "minimum_score", &mut e);
        if minimum_score.is_some_and(|m| !(0..=Points::from_whole(100).units()).contains(&m)) {
            e.push(("minimum_score", "err-range"));
        }
        let cash_budget = rupiah(self.cash_budget.as_ref(), "cash_budget", &mut e);
        let assistance_budget =
            rupiah(self.assistance_budget.as_ref(), "assistance_budget", &mut e);
        let (Some(level), Some(category), true) = (level, category, e.is_empty()) else {
            return Ok(Err(e));
        };
        Ok(Ok(CompetitionFields {
            name,
            year,
            level,
            region_code,
            category,
            description: text(self.description.as_ref()),
            nomination_opens_at: opens,
            nomination_closes_at: closes,
            judging_closes_at: judging,
            announcement_at: announce,
            eligible_statuses: statuses,
            require_definitive_head: self.require_definitive_head,
            max_entries,
            appeals_enabled: self.appeals_enabled,
            appeal_days,
            tie_policy,
            minimum_score,
            cash_budget,
            assistance_budget,
        }))
    }
}
