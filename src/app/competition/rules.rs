//! Who may change what, and when: the lifecycle's legal steps and which parts of the set-up
//! are frozen in which status.

use chrono::{DateTime, FixedOffset};
use entity::competition;

use super::error::{Error, Outcome};
use crate::db::competitions::Status;
use crate::i18n;

/// The competition's status.
#[must_use]
pub fn status_of(c: &competition::Model) -> Status {
    c.status
}

/// The legal transitions: forward one step, or back from open to draft (allowed only while no
/// nomination exists — checked by [`super::lifecycle::transition`]) and from review to judging
/// (to reopen scoring before anything is announced).
#[must_use]
pub fn can_become(from: Status, to: Status) -> bool {
    use Status::{Announced, Archived, Draft, Judging, Open, Review};
    matches!(
        (from, to),
        (Draft, Open)
            | (Open, Draft)
            | (Open, Judging)
            | (Judging, Review)
            | (Review, Judging)
            | (Review, Announced)
            | (Announced, Archived)
    )
}

/// Starting judging at `now` would cut the nomination window short: its closing time, for
/// the warning the committee must confirm (`None` when the window has closed or has no end).
#[must_use]
pub fn nominations_still_open(
    c: &competition::Model,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    c.nomination_closes_at
        .filter(|closes| status_of(c) == Status::Open && now < *closes)
}

/// Criteria, stages, weights and the checklist may change only before judging starts.
#[must_use]
pub fn criteria_editable(status: Status) -> bool {
    matches!(status, Status::Draft | Status::Open)
}

/// The prize table may change until results are under review.
#[must_use]
pub fn prizes_editable(status: Status) -> bool {
    status < Status::Review
}

/// True once the result is public: its inputs are frozen.
#[must_use]
pub fn is_published(c: &competition::Model) -> bool {
    crate::app::results::frozen::is_published(c)
}

/// Refuses a change to an input of `c`'s published result (409).
pub fn ensure_unpublished(c: &competition::Model, lang: &str) -> Outcome<()> {
    if is_published(c) {
        Err(Error::Conflict(i18n::t(
            lang,
            crate::app::results::frozen::LOCKED_KEY,
        )))
    } else {
        Ok(())
    }
}

/// Refuses set-up edits once judging has started (criteria, stages and checklist freeze).
pub fn ensure_criteria_editable(c: &competition::Model, lang: &str) -> Outcome<()> {
    ensure_unpublished(c, lang)?;
    if criteria_editable(status_of(c)) {
        Ok(())
    } else {
        Err(Error::Conflict(i18n::t(lang, "err-criteria-frozen")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_published_transitions_are_legal() {
        use Status::*;
        let legal = [
            (Draft, Open),
            (Open, Draft),
            (Open, Judging),
            (Judging, Review),
            (Review, Judging),
            (Review, Announced),
            (Announced, Archived),
        ];
        for from in Status::ALL {
            for to in Status::ALL {
                assert_eq!(
                    can_become(from, to),
                    legal.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }
}
