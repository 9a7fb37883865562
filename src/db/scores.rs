//! One mapping of a stored answer (`score` row) to the engine's value: every reader of scores
//! (the judge's running subtotal, result inputs, the sheet page) goes through it.

use entity::score;
use juara_domain::Points;
use juara_domain::sheet::ScoreValue;

/// The engine's value of a stored answer; `None` while unanswered (the engine then sees the
/// leaf as missing, never as 0).
#[must_use]
pub fn value_of(s: &score::Model) -> Option<ScoreValue> {
    match (s.not_applicable, s.value) {
        (true, _) => Some(ScoreValue::NotApplicable),
        (false, Some(v)) => Some(ScoreValue::Value(Points::from_units(v))),
        (false, None) => None,
    }
}
