//! Level descriptors (*rubrik*): what a value on a leaf's scale means — "1: belum ada",
//! "3: ada, belum berjalan", "5: berjalan dan dievaluasi", or bands such as 65/75/85/95 as on
//! the PKK and posyandu sheets — so that judges score the same indicator the same way.
//!
//! Rules, all reported at once:
//! - a level's value lies on its leaf's scale (inside `[min, max]` and on the step grid);
//! - no two levels share a value;
//! - every level says something (1 to [`MAX_TEXT`] characters, trimmed);
//! - a leaf has at most [`MAX_LEVELS`] levels (a phone screen of choices).
//!
//! Levels describe values; they never change how a value is scored. Their canonical order is
//! by value, ascending, whatever order they were entered in.

use serde::{Deserialize, Serialize};

use super::Scale;
use crate::points::Points;

/// Most levels one leaf may describe.
pub const MAX_LEVELS: usize = 11;
/// Longest description of one level, in characters.
pub const MAX_TEXT: usize = 300;

/// One described value of a leaf's scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    pub value: Points,
    pub text: String,
}

/// What is wrong with a leaf's levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LevelProblem {
    /// More than [`MAX_LEVELS`].
    TooMany,
    /// Outside `[min, max]`.
    OffScale(Points),
    /// Inside the range but not on the step grid.
    OffStep(Points),
    /// The value is described twice.
    Repeated(Points),
    /// Empty, or longer than [`MAX_TEXT`].
    BadText(Points),
}

/// Checks `levels` against `scale`; every problem once, in value order.
#[must_use]
pub fn check(scale: &Scale, levels: &[Level]) -> Vec<LevelProblem> {
    let mut problems = Vec::new();
    if levels.len() > MAX_LEVELS {
        problems.push(LevelProblem::TooMany);
    }
    let mut sorted: Vec<&Level> = levels.iter().collect();
    sorted.sort_by_key(|l| l.value);
    for (i, l) in sorted.iter().enumerate() {
        if !scale.contains(l.value) {
            problems.push(LevelProblem::OffScale(l.value));
        } else if !scale.on_step(l.value) {
            problems.push(LevelProblem::OffStep(l.value));
        }
        if i > 0 && sorted[i - 1].value == l.value {
            problems.push(LevelProblem::Repeated(l.value));
        }
        let chars = l.text.trim().chars().count();
        if chars == 0 || chars > MAX_TEXT {
            problems.push(LevelProblem::BadText(l.value));
        }
    }
    problems
}

/// The levels in canonical order (by value), descriptions trimmed.
#[must_use]
pub fn canonical(mut levels: Vec<Level>) -> Vec<Level> {
    for l in &mut levels {
        l.text = l.text.trim().to_owned();
    }
    levels.sort_by_key(|l| l.value);
    levels
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(v: i64) -> Points {
        Points::from_units(v * 10_000)
    }

    fn one_to_five() -> Scale {
        Scale {
            min: p(1),
            max: p(5),
            step: Some(p(1)),
        }
    }

    fn level(v: i64, text: &str) -> Level {
        Level {
            value: p(v),
            text: text.into(),
        }
    }

    #[test]
    fn a_full_rubric_on_its_scale_passes() {
        let levels: Vec<Level> = (1..=5).map(|v| level(v, "uraian")).collect();
        assert!(check(&one_to_five(), &levels).is_empty());
    }

    #[test]
    fn every_problem_is_reported_in_value_order() {
        let half = Level {
            value: Points::from_units(25_000),
            text: "dua setengah".into(),
        };
        let levels = vec![level(7, "di luar"), level(3, " "), half, level(3, "lagi")];
        assert_eq!(
            check(&one_to_five(), &levels),
            vec![
                LevelProblem::OffStep(Points::from_units(25_000)),
                LevelProblem::BadText(p(3)),
                LevelProblem::Repeated(p(3)),
                LevelProblem::OffScale(p(7)),
            ]
        );
    }

    #[test]
    fn bands_on_a_scale_without_step_and_too_many_levels() {
        let scale = Scale {
            min: p(0),
            max: p(100),
            step: None,
        };
        let bands: Vec<Level> = [65, 75, 85, 95].map(|v| level(v, "pita")).to_vec();
        assert!(check(&scale, &bands).is_empty());
        let many: Vec<Level> = (0..12).map(|v| level(v, "x")).collect();
        assert_eq!(check(&scale, &many), vec![LevelProblem::TooMany]);
    }

    proptest! {
        /// Order of entry never matters: the check and the canonical form see the same set.
        #[test]
        fn order_of_entry_does_not_matter(values in proptest::collection::vec(0i64..8, 0..12)) {
            let levels: Vec<Level> = values.iter().map(|v| level(*v, "uraian")).collect();
            let mut reversed = levels.clone();
            reversed.reverse();
            prop_assert_eq!(check(&one_to_five(), &levels), check(&one_to_five(), &reversed));
            prop_assert_eq!(canonical(levels), canonical(reversed));
        }

        /// A rubric that passes has distinct on-scale values, so each value names one level.
        #[test]
        fn a_passing_rubric_names_each_value_once(values in proptest::collection::vec(1i64..=5, 0..6)) {
            let levels: Vec<Level> = values.iter().map(|v| level(*v, "uraian")).collect();
            if check(&one_to_five(), &levels).is_empty() {
                let mut seen: Vec<i64> = values.clone();
                seen.sort_unstable();
                seen.dedup();
                prop_assert_eq!(seen.len(), values.len());
            }
        }
    }
}
