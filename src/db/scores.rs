//! One mapping of a stored answer (`score` row) to the engine's value: every reader of scores
//! (the judge's running subtotal, result inputs, the sheet page) goes through it.

use entity::score;
use juara_domain::Points;
use juara_domain::sheet::ScoreValue;

/// The engine's value of a stored answer; `None` while unanswered (the engine then sees the
/// leaf as missing, never as 0).
#[must_use]
pub fn value_of(s: &score::Model) -> Option<ScoreValue> {
    answer(s.not_applicable, s.value)
}

/// [`value_of`] from the two columns alone (bulk reads select only what they need).
#[must_use]
pub fn answer(not_applicable: bool, value: Option<i64>) -> Option<ScoreValue> {
    match (not_applicable, value) {
        (true, _) => Some(ScoreValue::NotApplicable),
        (false, Some(v)) => Some(ScoreValue::Value(Points::from_units(v))),
        (false, None) => None,
    }
}
