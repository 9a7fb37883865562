//! The explanation trail every entry's result carries: per stage and per criterion the panel
//! score (raw and 0–100), the effective weight, the contribution, each judge's value under an
//! anonymous label, which values were trimmed, N/A handling, and why an entry is incomplete.
//!
//! Criteria are referred to by their tree-order index (`node`, see
//! [`crate::criteria::CriteriaTree::nodes`]) rather than by code, which keeps a national-scale
//! result compact; judges by their label number `n` ("Juri n", see [`judge_label`]), assigned
//! per stage in `JudgeId` order. The stage report holds the label → judge mapping so the app
//! decides who may see it.

use crate::ids::EntryId;
use crate::points::Points;
use crate::sheet::ScoreValue;
use serde::{Deserialize, Serialize};

/// The anonymous label shown for judge number `n` of a stage.
#[must_use]
pub fn judge_label(n: u32) -> String {
    format!("Juri {n}")
}

/// Why an entry has no score in a stage (and so is not ranked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncompleteReason {
    /// No complete submitted sheet at all.
    NoSheets,
    /// Fewer judges addressed the leaf than the stage's quorum.
    BelowQuorum {
        /// Leaf code.
        criterion: String,
        /// Judges who addressed it.
        judges: u32,
        /// Required.
        quorum: u32,
    },
    /// A trimmed mean had too few values once N/A answers were set aside.
    TooFewToTrim {
        /// Leaf code.
        criterion: String,
        /// Values given.
        values: u32,
        /// Values needed (`2k + 1`).
        needed: u32,
    },
    /// Every criterion was N/A, so there is nothing to weigh.
    AllNotApplicable,
}

/// One judge's total on a sheet (0–100 over the criteria the judge scored, after correction).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgeTotal {
    /// Label number ("Juri n").
    pub label: u32,
    /// Sheet total.
    pub total: Points,
}

/// One criterion (any level) of the breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionLine {
    /// Tree-order index of the criterion.
    pub node: u32,
    /// The panel found it not applicable (or all its children were); its weight went to its
    /// siblings.
    pub not_applicable: bool,
    /// Aggregated value as judges entered it (leaves only).
    pub panel_raw: Option<Points>,
    /// Panel score 0–100 (for an aspect: weighted mean of its children).
    pub panel_score: Option<Points>,
    /// Share of the stage score after N/A renormalisation, in percent.
    pub effective_weight: Points,
    /// Published contribution to the stage score; leaves sum exactly to the stage score, an
    /// aspect's is the sum of its leaves'.
    pub contribution: Points,
}

/// One judge's answer on one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgeValue {
    /// Tree-order index of the leaf.
    pub node: u32,
    /// Label number ("Juri n").
    pub label: u32,
    /// The answer as entered.
    pub value: ScoreValue,
    /// On 0–100 after the judge's correction (`None` for N/A).
    pub scored: Option<Points>,
    /// Dropped by the trimmed mean.
    pub trimmed: bool,
}

/// An entry's trail through one stage it reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageExplanation {
    /// Stage code.
    pub stage: String,
    /// Stage score 0–100, `None` when incomplete.
    pub score: Option<Points>,
    /// Sum of the published raw panel values of the leaves.
    pub raw_points: Option<Points>,
    /// Each counted judge's sheet total.
    pub judges: Vec<JudgeTotal>,
    /// Every criterion in tree order.
    pub criteria: Vec<CriterionLine>,
    /// Every counted answer, by leaf then judge.
    pub values: Vec<JudgeValue>,
    /// Why the entry has no score here (empty when scored).
    pub incomplete: Vec<IncompleteReason>,
}

/// The full trail of one entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryExplanation {
    /// The entry.
    pub entry: EntryId,
    /// The stages it reached, in order.
    pub stages: Vec<StageExplanation>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_are_labelled_juri_n() {
        assert_eq!(judge_label(3), "Juri 3");
    }
}
