//! What [`super::compute`] returns: the final ranking, incomplete entries, per-stage reports
//! and the explanation trail, with accessors that materialize one entry's explanation.

use super::trail::ExplanationTrail;
use crate::explanation::{EntryExplanation, IncompleteReason};
use crate::ids::{EntryId, JudgeId};
use crate::normalization::JudgeCorrection;
use crate::points::Points;
use crate::sheet::ExcludedSheet;
use crate::tie_break::TieBreak;
use serde::{Deserialize, Serialize};

/// An entry's published score in one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageScore {
    /// Stage code.
    pub stage: String,
    /// Stage score 0–100.
    pub score: Points,
    /// Its share of the final score (largest remainder: the shares sum to the final score).
    pub weighted: Points,
    /// Raw points (sum of the aggregated values as entered).
    pub raw_points: Points,
}

/// Where a ranked entry stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryStatus {
    /// Passed every stage.
    Ranked,
    /// Completed the stage but did not pass its gate.
    Eliminated {
        /// Stage code.
        stage: String,
    },
}

/// One line of the final ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedEntry {
    /// The entry.
    pub entry: EntryId,
    /// Competition rank (1, 1, 3).
    pub rank: u32,
    /// Final (or, if eliminated, partial) score.
    pub final_score: Points,
    /// Raw points summed over the stages completed.
    pub raw_points: Points,
    /// Per completed stage.
    pub stage_scores: Vec<StageScore>,
    /// The rule that separated it from the entry above when scores were equal.
    pub decided_by: Option<TieBreak>,
    /// Ranked or eliminated.
    pub status: EntryStatus,
}

/// An entry that could not be scored in a stage it entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncompleteEntry {
    /// The entry.
    pub entry: EntryId,
    /// The stage.
    pub stage: String,
    /// Why.
    pub reasons: Vec<IncompleteReason>,
    /// Scores of earlier stages it completed.
    pub stage_scores: Vec<StageScore>,
}

/// An entry's place within one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageStanding {
    /// The entry.
    pub entry: EntryId,
    /// Rank by stage score, then tie-breaks reading this or earlier stages.
    pub rank: u32,
    /// Stage score.
    pub score: Points,
    /// Rule that separated it from the entry above on equal score.
    pub decided_by: Option<TieBreak>,
}

/// What happened in one stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageReport {
    /// Stage code.
    pub stage: String,
    /// Judges counted, in label order: "Juri n" is `judges[n-1]`.
    pub judges: Vec<JudgeId>,
    /// Per-judge corrections (empty without normalization).
    pub corrections: Vec<JudgeCorrection>,
    /// Complete entries ranked within the stage.
    pub standings: Vec<StageStanding>,
    /// Entries that go on, in stage rank order.
    pub advanced: Vec<EntryId>,
    /// Ties at the shortlist boundary let more entries through than the shortlist size.
    pub shortlist_extended_by_ties: bool,
}

/// Everything [`compute`] produces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompetitionResult {
    /// Ranked and eliminated entries in rank order.
    pub ranking: Vec<RankedEntry>,
    /// Entries not ranked, by `EntryId`.
    pub incomplete: Vec<IncompleteEntry>,
    /// Sheets left out, by stage, entry, judge.
    pub excluded_sheets: Vec<ExcludedSheet>,
    /// One report per stage computed.
    pub stages: Vec<StageReport>,
    /// Every entry's explanation, compact; see [`CompetitionResult::explanation`].
    pub trail: ExplanationTrail,
}

impl CompetitionResult {
    /// Materializes one entry's full explanation (every stage it reached: panel scores raw and
    /// 0–100, effective weights, contributions, each judge's value as "Juri n" with trimmed
    /// flags, corrected values). `None` if the entry was not registered.
    #[must_use]
    pub fn explanation(&self, entry: EntryId) -> Option<EntryExplanation> {
        self.trail.explain(entry)
    }

    /// Materializes every entry's explanation, by `EntryId`. On a national field this builds
    /// millions of values: prefer [`CompetitionResult::explanation`] per entry shown.
    pub fn explanations(&self) -> impl Iterator<Item = EntryExplanation> + '_ {
        self.trail.explain_all()
    }
}
