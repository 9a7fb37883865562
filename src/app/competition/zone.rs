//! The one answer to "in which zone are this competition's times typed and read": the zone of
//! its region (WITA for a Kalimantan Timur committee, WIT in Papua), WIB for a national one.
//! Forms parse `datetime-local` values in it and every page prints times in it, with its name.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use entity::competition;

pub use crate::registry::TimeZone;

/// The zone of a competition.
#[must_use]
pub fn of(c: &competition::Model) -> TimeZone {
    of_region(c.region_code.as_deref())
}

/// The zone a competition in `region_code` would have (the form's submitted region, before
/// it is saved); `None` is a national competition, in WIB.
#[must_use]
pub fn of_region(region_code: Option<&str>) -> TimeZone {
    TimeZone::of_region(region_code)
}

/// The calendar date of `t` in `zone`: a payment made at 01:00 WIT is dated that day even
/// though it is still the day before in UTC and WIB.
#[must_use]
pub fn date_of(t: DateTime<FixedOffset>, zone: TimeZone) -> NaiveDate {
    t.with_timezone(&zone.offset()).date_naive()
}

/// Today in the competition's zone, at `now`.
#[must_use]
pub fn today(c: &competition::Model, now: DateTime<Utc>) -> NaiveDate {
    date_of(now.fixed_offset(), of(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn competition(region: Option<&str>) -> competition::Model {
        let now = Utc::now().fixed_offset();
        competition::Model {
            id: uuid::Uuid::nil(),
            name: String::new(),
            year: 2026,
            level: String::new(),
            region_code: region.map(str::to_owned),
            category: String::new(),
            status: entity::CompetitionStatus::Draft,
            description: String::new(),
            nomination_opens_at: None,
            nomination_closes_at: None,
            judging_closes_at: None,
            announcement_at: None,
            eligible_statuses: String::new(),
            require_definitive_head: false,
            max_entries: None,
            tie_breaks: String::new(),
            tie_policy: String::new(),
            minimum_score: None,
            cash_budget: None,
            assistance_budget: None,
            appeals_enabled: false,
            appeal_days: 0,
            created_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_competition_reads_the_zone_of_its_region() {
        assert_eq!(of(&competition(Some("64.02"))), TimeZone::Wita);
        assert_eq!(of(&competition(Some("94.01.01"))), TimeZone::Wit);
        assert_eq!(of(&competition(Some("33.19"))), TimeZone::Wib);
        assert_eq!(of(&competition(None)), TimeZone::Wib, "national");
        assert_eq!(of_region(Some("91")), TimeZone::Wit);
    }

    #[test]
    fn today_turns_over_at_local_midnight() {
        // 15:30 UTC on 31 May: 22:30 WIB, 23:30 WITA, already 00:30 on 1 June in WIT.
        let now = DateTime::parse_from_rfc3339("2026-05-31T15:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let may31 = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        let june1 = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        assert_eq!(today(&competition(Some("94")), now), june1);
        assert_eq!(today(&competition(Some("64")), now), may31);
        assert_eq!(today(&competition(None), now), may31);
        // Just after 17:00 UTC every zone is on the next day.
        let late = now + chrono::Duration::minutes(95);
        assert_eq!(today(&competition(None), late), june1);
    }
}
