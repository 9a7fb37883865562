//! Stages and the whole competition spec: how a stage is judged (criteria, panel aggregation,
//! quorum, judge normalization), how it gates the next stage (shortlist, pass mark) and how
//! stages combine into the final score (weights summing to 100). Owns validation of the
//! competition as a whole and the helper that turns a committee's raw weights into percents.

use crate::criteria::CriteriaTree;
use crate::points::Points;
use crate::tie_break::TieBreak;
use serde::{Deserialize, Serialize};

/// How the panel's values on one leaf are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    /// Arithmetic mean of the judges' values.
    Mean,
    /// Middle value; the mean of the two middle values for an even count.
    Median,
    /// Drop the `k` highest and `k` lowest values, then the mean; needs more than `2k` values.
    TrimmedMean {
        /// Values dropped at each end.
        k: u32,
    },
}

/// Per-judge leniency correction for a stage (see [`crate::normalization`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormalizationSpec {
    /// A judge with fewer scored entries than this passes uncorrected (at least 2).
    pub min_entries_per_judge: u32,
}

/// One stage (documents, field verification, presentation…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageSpec {
    /// Unique code, e.g. `ADM`, `PAPARAN`.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Percent of the final score; stage weights sum to 100. A 0-weight stage only gates.
    pub weight: u32,
    /// The criteria judged in this stage.
    pub criteria: CriteriaTree,
    /// How judges' values on a leaf combine.
    pub aggregation: Aggregation,
    /// Minimum judges who must address (score or mark N/A) each leaf of an entry.
    pub quorum: u32,
    /// Only the top N go on to the next stage.
    pub shortlist: Option<u32>,
    /// Only entries whose stage score (0–100) is at least this go on.
    pub pass_threshold: Option<Points>,
    /// Optional per-judge leniency correction.
    pub normalization: Option<NormalizationSpec>,
}

/// A validated competition: ordered stages and the tie-break chain. Read back from JSON
/// through [`CompetitionSpec::new`], so a published spec is validated again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SpecRepr")]
pub struct CompetitionSpec {
    stages: Vec<StageSpec>,
    tie_breaks: Vec<TieBreak>,
}

/// The serialized shape of a [`CompetitionSpec`], before validation.
#[derive(Deserialize)]
struct SpecRepr {
    stages: Vec<StageSpec>,
    tie_breaks: Vec<TieBreak>,
}

impl TryFrom<SpecRepr> for CompetitionSpec {
    type Error = String;

    fn try_from(r: SpecRepr) -> Result<Self, String> {
        CompetitionSpec::new(r.stages, r.tie_breaks)
            .map_err(|errors| format!("invalid competition spec: {errors:?}"))
    }
}

/// Why a competition spec was refused; [`CompetitionSpec::new`] reports all of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SpecError {
    /// No stage at all.
    #[error("the competition has no stage")]
    NoStages,
    /// Two stages share a code.
    #[error("stage code {stage} is used more than once")]
    DuplicateStage {
        /// The repeated code.
        stage: String,
    },
    /// Stage weights do not sum to 100 (see [`normalize_weights`]).
    #[error("stage weights sum to {actual}, not 100")]
    StageWeightsDoNotSumTo100 {
        /// Their actual sum.
        actual: u32,
    },
    /// A quorum of zero judges would rank entries nobody scored.
    #[error("stage {stage} has a quorum of zero")]
    QuorumZero {
        /// The stage.
        stage: String,
    },
    /// A trimmed mean dropping `k` at each end needs a quorum above `2k`.
    #[error("stage {stage} trims {k} at each end but its quorum {quorum} is not above {}", 2 * u64::from(*k))]
    QuorumTooSmallForTrim {
        /// The stage.
        stage: String,
        /// Values trimmed at each end.
        k: u32,
        /// The quorum given.
        quorum: u32,
    },
    /// A shortlist of zero entries.
    #[error("stage {stage} shortlists zero entries")]
    EmptyShortlist {
        /// The stage.
        stage: String,
    },
    /// The pass mark is outside the 0–100 stage score range.
    #[error("stage {stage} pass mark {threshold} is outside 0–100")]
    ThresholdOutOfRange {
        /// The stage.
        stage: String,
        /// The pass mark given.
        threshold: Points,
    },
    /// A standard deviation needs at least two entries per judge.
    #[error("stage {stage} normalizes judges with fewer than 2 entries")]
    NormalizationNeedsTwoEntries {
        /// The stage.
        stage: String,
    },
    /// A tie-break names a stage that does not exist.
    #[error("tie-break names unknown stage {stage}")]
    UnknownTieBreakStage {
        /// The missing stage code.
        stage: String,
    },
    /// A rule follows a draw or "leave shared", which end the chain.
    #[error("tie-break rule {position} follows a rule that ends the chain")]
    TieBreakAfterEnd {
        /// Its position in the chain, from 1.
        position: u32,
    },
    /// A tie-break names a criterion missing from its stage.
    #[error("tie-break names unknown criterion {code} in stage {stage}")]
    UnknownTieBreakCriterion {
        /// The stage.
        stage: String,
        /// The missing criterion code.
        code: String,
    },
}

impl CompetitionSpec {
    /// Validates the stages (in funnel order) and the tie-break chain (in priority order).
    pub fn new(stages: Vec<StageSpec>, tie_breaks: Vec<TieBreak>) -> Result<Self, Vec<SpecError>> {
        let mut errors = Vec::new();
        if stages.is_empty() {
            errors.push(SpecError::NoStages);
        }
        for (i, s) in stages.iter().enumerate() {
            let stage = s.code.clone();
            if stages.iter().take(i).any(|p| p.code == s.code)
                && !errors.contains(&SpecError::DuplicateStage {
                    stage: stage.clone(),
                })
            {
                errors.push(SpecError::DuplicateStage {
                    stage: stage.clone(),
                });
            }
            if s.quorum == 0 {
                errors.push(SpecError::QuorumZero {
                    stage: stage.clone(),
                });
            }
            if let Aggregation::TrimmedMean { k } = s.aggregation
                && u64::from(s.quorum) <= 2 * u64::from(k)
            {
                errors.push(SpecError::QuorumTooSmallForTrim {
                    stage: stage.clone(),
                    k,
                    quorum: s.quorum,
                });
            }
            if s.shortlist == Some(0) {
                errors.push(SpecError::EmptyShortlist {
                    stage: stage.clone(),
                });
            }
            if let Some(threshold) = s.pass_threshold
                && (threshold < Points::ZERO || threshold > Points::from_whole(100))
            {
                errors.push(SpecError::ThresholdOutOfRange {
                    stage: stage.clone(),
                    threshold,
                });
            }
            if s.normalization.is_some_and(|n| n.min_entries_per_judge < 2) {
                errors.push(SpecError::NormalizationNeedsTwoEntries { stage });
            }
        }
        let total: u64 = stages.iter().map(|s| u64::from(s.weight)).sum();
        if !stages.is_empty() && total != 100 {
            errors.push(SpecError::StageWeightsDoNotSumTo100 {
                actual: u32::try_from(total).unwrap_or(u32::MAX),
            });
        }
        if let Some(end) = tie_breaks.iter().position(TieBreak::ends_chain)
            && end + 1 < tie_breaks.len()
        {
            errors.push(SpecError::TieBreakAfterEnd {
                position: u32::try_from(end + 2).unwrap_or(u32::MAX),
            });
        }
        for tb in &tie_breaks {
            let Some(stage_code) = tb.stage() else {
                continue;
            };
            match stages.iter().find(|s| s.code == stage_code) {
                None => errors.push(SpecError::UnknownTieBreakStage {
                    stage: stage_code.to_owned(),
                }),
                Some(s) => {
                    if let TieBreak::CriterionScore { code, .. } = tb
                        && s.criteria.index_of(code).is_none()
                    {
                        errors.push(SpecError::UnknownTieBreakCriterion {
                            stage: stage_code.to_owned(),
                            code: code.clone(),
                        });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(CompetitionSpec { stages, tie_breaks })
        } else {
            Err(errors)
        }
    }

    /// Stages in funnel order.
    #[must_use]
    pub fn stages(&self) -> &[StageSpec] {
        &self.stages
    }

    /// The tie-break chain in priority order.
    #[must_use]
    pub fn tie_breaks(&self) -> &[TieBreak] {
        &self.tie_breaks
    }

    /// Position of a stage by code.
    #[must_use]
    pub fn stage_index(&self, code: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.code == code)
    }
}

/// Why raw weights could not be turned into percents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WeightNormalizationError {
    /// All weights are zero (or none given): no proportion to keep.
    #[error("weights sum to zero")]
    ZeroTotal,
}

/// Turns a committee's raw weights (e.g. presentation 40, interview 40, field visit 50) into
/// whole percents summing to exactly 100, by largest remainder: each weight gets
/// `floor(100·w/Σw)`, and the points still missing go one each to the largest remainders
/// (earlier position first on equal remainders). 40/40/50 → 31/31/38.
///
/// The app should show the result to the committee and store the percents it confirms; the
/// validated spec only accepts weights summing to 100, so published weights are unambiguous.
pub fn normalize_weights(raw: &[u32]) -> Result<Vec<u32>, WeightNormalizationError> {
    let total: u64 = raw.iter().map(|&w| u64::from(w)).sum();
    if total == 0 {
        return Err(WeightNormalizationError::ZeroTotal);
    }
    let scaled: Vec<(u64, u64)> = raw
        .iter()
        .map(|&w| {
            let n = u64::from(w) * 100;
            (n / total, n % total)
        })
        .collect();
    let given: u64 = scaled.iter().map(|(q, _)| q).sum();
    let missing = usize::try_from(100 - given).unwrap_or(0);
    let mut by_remainder: Vec<usize> = (0..scaled.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let ra = scaled.get(a).map_or(0, |x| x.1);
        let rb = scaled.get(b).map_or(0, |x| x.1);
        rb.cmp(&ra).then(a.cmp(&b))
    });
    let mut out: Vec<u32> = scaled
        .iter()
        .map(|(q, _)| u32::try_from(*q).unwrap_or(100))
        .collect();
    for &i in by_remainder.iter().take(missing) {
        if let Some(w) = out.get_mut(i) {
            *w += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
