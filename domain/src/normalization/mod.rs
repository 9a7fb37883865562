//! Optional per-stage leniency correction (z-score normalization of judges).
//!
//! For each judge, the mean `m` and population standard deviation `s` of that judge's sheet
//! totals in the stage are compared with the pooled mean `M` and deviation `S` of all judges'
//! sheet totals. The judge's affine map `x ↦ a·x + b` with `a = S/s`, `b = M − a·m` is then
//! applied to each of the judge's leaf scores on the 0–100 scale, so the breakdown still adds
//! up. The result is clamped to [0, 100]; a clamped value breaks exact affinity, and the number
//! of clamped values is reported per judge. A judge with fewer entries than the stage requires,
//! or with zero spread, passes unchanged and that is reported too.

use crate::ids::JudgeId;
use crate::tie_break::population_sd;
use serde::{Deserialize, Serialize};

/// Whether a judge's correction was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CorrectionStatus {
    /// `a`, `b` were applied.
    Applied,
    /// Too few entries to estimate the judge's leniency; left unchanged.
    TooFewEntries {
        /// Entries the judge scored.
        entries: u32,
        /// Minimum required.
        required: u32,
    },
    /// All the judge's totals are equal; left unchanged.
    ZeroSpread,
}

/// One judge's fitted correction in a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeCorrection {
    /// The judge.
    pub judge: JudgeId,
    /// Anonymous label number in the stage ("Juri n").
    pub label: u32,
    /// Entries (sheets) the fit used.
    pub entries: u32,
    /// Mean of the judge's sheet totals.
    pub mean: f64,
    /// Population standard deviation of the judge's sheet totals.
    pub sd: f64,
    /// Slope applied (1 when not applied).
    pub a: f64,
    /// Offset applied (0 when not applied).
    pub b: f64,
    /// Whether it was applied, or why not.
    pub status: CorrectionStatus,
    /// Leaf scores clamped to [0, 100] after the map.
    pub clamped_values: u32,
}

impl JudgeCorrection {
    /// Applies the map to a 0–100 score; returns the result and whether it was clamped.
    #[must_use]
    pub fn apply(&self, x: f64) -> (f64, bool) {
        if self.status != CorrectionStatus::Applied {
            return (x, false);
        }
        let y = self.a * x + self.b;
        let c = y.clamp(0.0, 100.0);
        (c, c != y)
    }
}

/// Fits every judge. `totals[j]` holds judge `j`'s sheet totals (judges in label order).
#[must_use]
pub fn fit(judges: &[JudgeId], totals: &[Vec<f64>], min_entries: u32) -> Vec<JudgeCorrection> {
    let pooled: Vec<f64> = totals.iter().flatten().copied().collect();
    let pooled_mean = mean(&pooled);
    let pooled_sd = population_sd(&pooled).unwrap_or(0.0);
    judges
        .iter()
        .zip(totals)
        .enumerate()
        .map(|(i, (&judge, t))| {
            let entries = u32::try_from(t.len()).unwrap_or(u32::MAX);
            let m = mean(t);
            let sd = population_sd(t).unwrap_or(0.0);
            let status = if entries < min_entries {
                CorrectionStatus::TooFewEntries {
                    entries,
                    required: min_entries,
                }
            } else if sd <= 0.0 {
                CorrectionStatus::ZeroSpread
            } else {
                CorrectionStatus::Applied
            };
            let (a, b) = if status == CorrectionStatus::Applied {
                let a = pooled_sd / sd;
                (a, pooled_mean - a * m)
            } else {
                (1.0, 0.0)
            };
            JudgeCorrection {
                judge,
                label: u32::try_from(i + 1).unwrap_or(u32::MAX),
                entries,
                mean: m,
                sd,
                a,
                b,
                status,
                clamped_values: 0,
            }
        })
        .collect()
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().sum::<f64>() / f64::from(u32::try_from(values.len()).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
