//! Differences of opinion (*perbedaan pendapat*) for the plenary: the indicators on which a
//! panel's judges are far apart for an entry, so the committee discusses them before it signs
//! the minutes.
//!
//! Rules:
//! - The spread of an indicator for an entry is the highest minus the lowest of the counted
//!   judges' values on 0–100 (`JudgeValue::scored`: the value mapped from the indicator's scale,
//!   after judge normalization where the stage uses it), so one threshold fits a 1–5 and a
//!   0–100 indicator alike: on 1–5, a 2 against a 4 is 50 points apart.
//! - Not-applicable answers do not take part; fewer than two values make no spread.
//! - Every spread at or above the threshold is listed, widest first, then by entry, stage and
//!   tree order, so the list reads the same on every run. Trimmed values count: the
//!   disagreement is what the judges said, not what the trimmed mean kept.
//! - Informative only: nothing here changes a score or a rank.

use serde::{Deserialize, Serialize};

use crate::explanation::{EntryExplanation, JudgeValue};
use crate::{EntryId, Points};

/// One indicator of one entry on which the panel is far apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    pub entry: EntryId,
    /// Stage code.
    pub stage: String,
    /// Tree-order index of the leaf in its stage.
    pub node: u32,
    /// Highest minus lowest value on 0–100.
    pub spread: Points,
    /// Every judge's answer on the leaf, N/A included, by judge label.
    pub values: Vec<JudgeValue>,
}

/// The disagreements of `entries` at or above `threshold` (0–100 points).
pub fn disagreements(
    entries: impl IntoIterator<Item = EntryExplanation>,
    threshold: Points,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for e in entries {
        for st in &e.stages {
            // `values` is by leaf, then judge: one chunk per leaf.
            for same in st.values.chunk_by(|a, b| a.node == b.node) {
                let scored: Vec<Points> = same.iter().filter_map(|v| v.scored).collect();
                let (Some(lo), Some(hi)) = (scored.iter().min(), scored.iter().max()) else {
                    continue;
                };
                let spread = Points::from_units(hi.units() - lo.units());
                if scored.len() < 2 || spread < threshold {
                    continue;
                }
                let mut values = same.to_vec();
                values.sort_by_key(|v| v.label);
                out.push(Disagreement {
                    entry: e.entry,
                    stage: st.stage.clone(),
                    node: same[0].node,
                    spread,
                    values,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        b.spread
            .cmp(&a.spread)
            .then(a.entry.cmp(&b.entry))
            .then(a.stage.cmp(&b.stage))
            .then(a.node.cmp(&b.node))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explanation::StageExplanation;
    use crate::sheet::ScoreValue;
    use proptest::prelude::*;

    fn value(node: u32, label: u32, scored: Option<i64>) -> JudgeValue {
        JudgeValue {
            node,
            label,
            value: scored.map_or(ScoreValue::NotApplicable, |s| {
                ScoreValue::Value(Points::from_whole(s))
            }),
            scored: scored.map(Points::from_whole),
            trimmed: false,
        }
    }

    fn entry(id: u128, values: Vec<JudgeValue>) -> EntryExplanation {
        EntryExplanation {
            entry: EntryId(id),
            stages: vec![StageExplanation {
                stage: "ADM".into(),
                score: None,
                raw_points: None,
                judges: Vec::new(),
                criteria: Vec::new(),
                values,
                incomplete: Vec::new(),
            }],
        }
    }

    #[test]
    fn wide_spreads_are_listed_widest_first_and_na_and_lone_values_never() {
        let a = entry(
            1,
            vec![
                value(0, 2, Some(25)),
                value(0, 1, Some(75)),
                value(1, 1, Some(50)),
                value(1, 2, None),
                value(2, 1, Some(0)),
                value(2, 2, Some(100)),
                value(2, 3, Some(50)),
            ],
        );
        let b = entry(2, vec![value(0, 1, Some(60)), value(0, 2, Some(80))]);
        let got = disagreements([a, b], Points::from_whole(40));
        let summary: Vec<(u128, u32, i64)> = got
            .iter()
            .map(|d| (d.entry.0, d.node, d.spread.units() / 10_000))
            .collect();
        assert_eq!(summary, vec![(1, 2, 100), (1, 0, 50)]);
        let labels: Vec<u32> = got[1].values.iter().map(|v| v.label).collect();
        assert_eq!(labels, vec![1, 2], "by judge label");
    }

    proptest! {
        /// Every listed spread reaches the threshold, and a higher threshold lists a subset.
        #[test]
        fn thresholds_filter_monotonically(
            raw in proptest::collection::vec((0u32..4, 1u32..4, proptest::option::of(0i64..=100)), 0..30),
            low in 0i64..=100,
            extra in 0i64..=100,
        ) {
            let mut values: Vec<JudgeValue> = raw.iter().map(|(n, l, s)| value(*n, *l, *s)).collect();
            values.sort_by_key(|v| v.node);
            let e = entry(7, values);
            let wide = disagreements([e.clone()], Points::from_whole(low));
            let narrow = disagreements([e], Points::from_whole((low + extra).min(100)));
            prop_assert!(wide.iter().all(|d| d.spread >= Points::from_whole(low)));
            prop_assert!(narrow.iter().all(|d| wide.contains(d)));
        }
    }
}
