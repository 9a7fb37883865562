//! Reliability statistics of one stage's panel: how far the judges agree.
//!
//! This module owns Kendall's W, the intraclass correlations of Shrout & Fleiss, per-judge
//! leniency, per-entry spread and outlying sheets. They are informative only — ranking never
//! reads them — so `f64` is fine, but results are deterministic: the sheets are put in a
//! canonical order (entry, then judge) before any sum, so the input order changes no bit.
//! Degenerate cases return [`NotComputable`] or `None` rather than a NaN.
//!
//! **Incomplete designs.** Judges often score only part of the field. W and the ICCs need a
//! complete block, so they use the entries scored by *every* judge present in the input
//! ([`CompleteBlock`]); the others are reported as excluded. Leniency, spread and outliers use
//! every sheet. To analyse a sub-panel, pass only its sheets.
//!
//! Submodules: `kendall` (Kendall's W), `icc` (intraclass correlations), `panel` (leniency,
//! spread, outlying sheets).

use crate::{EntryId, JudgeId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

mod icc;
mod kendall;
mod panel;

#[cfg(test)]
mod tests;

pub use panel::sort_by_disagreement;

/// One judge's total for one entry on one stage (0–100 scale, or raw points).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetTotal {
    /// The entry scored.
    pub entry: EntryId,
    /// The judge who scored it.
    pub judge: JudgeId,
    /// The sheet's total.
    pub total: f64,
}

/// Input the statistics refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StatisticsError {
    /// A total is NaN or infinite.
    #[error("the total of {judge} for {entry} is not a finite number")]
    NonFiniteTotal {
        /// The entry.
        entry: EntryId,
        /// The judge.
        judge: JudgeId,
    },
    /// A judge has two totals for the same entry.
    #[error("{judge} has two sheets for {entry}")]
    DuplicateSheet {
        /// The entry.
        entry: EntryId,
        /// The judge.
        judge: JudgeId,
    },
}

/// Why a statistic has no value for this data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotComputable {
    /// Fewer than two judges in the panel.
    TooFewJudges {
        /// Judges present.
        judges: u32,
    },
    /// Fewer than two entries scored by every judge.
    TooFewEntries {
        /// Entries in the complete block.
        entries: u32,
    },
    /// Every total (or every judge's ranking) is the same: agreement is undefined.
    NoVariation,
}

/// The entries scored by every judge, as an entries × judges matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompleteBlock {
    /// Judges, ascending.
    pub judges: Vec<JudgeId>,
    /// Entries scored by all of them, ascending.
    pub entries: Vec<EntryId>,
    /// Entries left out because some judge did not score them, ascending.
    pub excluded_entries: Vec<EntryId>,
    /// `rows[i][j]`: total of `judges[j]` for `entries[i]`.
    pub rows: Vec<Vec<f64>>,
}

/// Kendall's coefficient of concordance with the tie correction.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct KendallW {
    /// W in `[0, 1]`: 1 when all judges rank the entries alike.
    pub w: f64,
    /// Friedman's statistic `m(n−1)W`, approximately χ² for large `n`.
    pub chi_square: f64,
    /// `n − 1`.
    pub degrees_of_freedom: u32,
    /// Judges `m`.
    pub judges: u32,
    /// Entries `n` in the complete block.
    pub entries: u32,
    /// Entries left out of the block.
    pub excluded_entries: u32,
}

/// Two-way ANOVA mean squares of the complete block (Shrout & Fleiss's notation).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeanSquares {
    /// Between targets (entries), BMS.
    pub between_targets: f64,
    /// Between judges, JMS.
    pub between_judges: f64,
    /// Residual, EMS.
    pub residual: f64,
    /// Within targets, WMS (one-way model).
    pub within_targets: f64,
}

/// Intraclass correlations of Shrout & Fleiss (1979); `None` where a denominator vanishes.
/// `_1` is the reliability of one judge, `_k` of the panel mean of `k` judges.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Icc {
    /// Targets `n` (entries in the complete block).
    pub targets: u32,
    /// Judges `k`.
    pub judges: u32,
    /// Entries left out of the block.
    pub excluded_entries: u32,
    /// The ANOVA mean squares.
    pub mean_squares: MeanSquares,
    /// ICC(1,1): one-way random.
    pub icc_1_1: Option<f64>,
    /// ICC(2,1): two-way random, absolute agreement.
    pub icc_2_1: Option<f64>,
    /// ICC(3,1): two-way mixed, consistency.
    pub icc_3_1: Option<f64>,
    /// ICC(1,k).
    pub icc_1_k: Option<f64>,
    /// ICC(2,k).
    pub icc_2_k: Option<f64>,
    /// ICC(3,k).
    pub icc_3_k: Option<f64>,
}

/// How lenient a judge is compared with the rest of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct JudgeLeniency {
    /// The judge.
    pub judge: JudgeId,
    /// Mean of (own total − mean of the other judges' totals) over shared entries;
    /// positive = lenient. `None` when no entry is shared.
    pub leniency: Option<f64>,
    /// Entries this judge scored that at least one other judge also scored.
    pub shared_entries: u32,
}

/// How much the judges' totals for one entry differ.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntrySpread {
    /// The entry.
    pub entry: EntryId,
    /// Sheets for it.
    pub judges: u32,
    /// Mean total.
    pub mean: f64,
    /// Lowest total.
    pub min: f64,
    /// Highest total.
    pub max: f64,
    /// `max − min`.
    pub range: f64,
    /// Sample standard deviation (divisor `judges − 1`, the panel seen as a sample of possible
    /// judges, as in the random-judges ICC); `None` with a single sheet.
    pub std_dev: Option<f64>,
}

/// When a sheet counts as outlying. Both compare a sheet with the mean of the *other* judges on
/// the same entry, and need at least two other judges.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum OutlierRule {
    /// `|x − mean(others)| > threshold`, in points (e.g. 15).
    AbsolutePoints(f64),
    /// `|x − mean(others)| / sd(others) > threshold` (sample sd); never flags when the others
    /// agree exactly (sd = 0), since the ratio is then undefined.
    ZScore(f64),
}

/// A sheet far from the rest of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlyingSheet {
    /// The judge.
    pub judge: JudgeId,
    /// The entry.
    pub entry: EntryId,
    /// The sheet's total.
    pub total: f64,
    /// Mean of the other judges' totals.
    pub others_mean: f64,
    /// `total − others_mean`.
    pub deviation: f64,
    /// Number of other judges.
    pub others: u32,
    /// `deviation / sd(others)` when that sd is positive.
    pub z_score: Option<f64>,
}

/// Everything this module computes for a stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageReport {
    /// Kendall's W on the complete block.
    pub kendall: Result<KendallW, NotComputable>,
    /// ICCs on the complete block.
    pub icc: Result<Icc, NotComputable>,
    /// Per judge, ascending.
    pub leniency: Vec<JudgeLeniency>,
    /// Per entry, most disagreement first (see [`sort_by_disagreement`]).
    pub spreads: Vec<EntrySpread>,
    /// Flagged sheets, largest deviation first.
    pub outliers: Vec<OutlyingSheet>,
}

impl CompleteBlock {
    /// The totals of `judges[j]`, in entry order.
    #[must_use]
    pub fn column(&self, j: usize) -> Vec<f64> {
        self.rows.iter().filter_map(|r| r.get(j).copied()).collect()
    }
}

/// The sheet totals of one stage, validated and in canonical order.
#[derive(Clone, Debug, PartialEq)]
pub struct StageScores {
    by_entry: BTreeMap<EntryId, BTreeMap<JudgeId, f64>>,
    judges: BTreeSet<JudgeId>,
}

/// Counts are far below 2^53, so the conversion is exact.
#[allow(clippy::as_conversions)] // usize → f64 has no `From`; exact for any realistic count.
fn real(n: usize) -> f64 {
    n as f64
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / real(values.len())
}

/// Sample standard deviation; `None` for fewer than two values.
fn sample_sd(values: &[f64]) -> Option<f64> {
    (values.len() >= 2).then(|| {
        let m = mean(values);
        (values.iter().map(|x| (x - m).powi(2)).sum::<f64>() / real(values.len() - 1)).sqrt()
    })
}

/// `num / den` unless `den` is negligible against `scale`.
fn ratio(num: f64, den: f64, scale: f64) -> Option<f64> {
    (den > 1e-12 * scale)
        .then(|| num / den)
        .filter(|r| r.is_finite())
}

impl StageScores {
    /// Validates the sheets (finite totals, one sheet per judge and entry).
    pub fn new(sheets: &[SheetTotal]) -> Result<Self, StatisticsError> {
        let mut by_entry: BTreeMap<EntryId, BTreeMap<JudgeId, f64>> = BTreeMap::new();
        let mut judges = BTreeSet::new();
        let mut sorted = sheets.to_vec();
        // Canonical order, so that the first error reported does not depend on the input order.
        sorted.sort_by(|a, b| {
            (a.entry, a.judge)
                .cmp(&(b.entry, b.judge))
                .then(a.total.total_cmp(&b.total))
        });
        for s in sorted {
            let (entry, judge) = (s.entry, s.judge);
            if !s.total.is_finite() {
                return Err(StatisticsError::NonFiniteTotal { entry, judge });
            }
            if by_entry
                .entry(entry)
                .or_default()
                .insert(judge, s.total)
                .is_some()
            {
                return Err(StatisticsError::DuplicateSheet { entry, judge });
            }
            judges.insert(judge);
        }
        Ok(StageScores { by_entry, judges })
    }

    /// The judges present, ascending.
    #[must_use]
    pub fn judges(&self) -> Vec<JudgeId> {
        self.judges.iter().copied().collect()
    }

    /// The entries scored by every judge present.
    #[must_use]
    pub fn complete_block(&self) -> CompleteBlock {
        let (mut entries, mut excluded_entries, mut rows) = (Vec::new(), Vec::new(), Vec::new());
        for (entry, sheets) in &self.by_entry {
            let row: Option<Vec<f64>> =
                self.judges.iter().map(|j| sheets.get(j).copied()).collect();
            match row {
                Some(row) => {
                    entries.push(*entry);
                    rows.push(row);
                }
                None => excluded_entries.push(*entry),
            }
        }
        CompleteBlock {
            judges: self.judges(),
            entries,
            excluded_entries,
            rows,
        }
    }

    /// The complete block if it has at least two judges and two entries.
    fn usable_block(&self) -> Result<CompleteBlock, NotComputable> {
        let block = self.complete_block();
        if block.judges.len() < 2 {
            return Err(NotComputable::TooFewJudges {
                judges: count(block.judges.len()),
            });
        }
        if block.entries.len() < 2 {
            return Err(NotComputable::TooFewEntries {
                entries: count(block.entries.len()),
            });
        }
        Ok(block)
    }

    /// Every statistic of this module at once.
    #[must_use]
    pub fn report(&self, rule: OutlierRule) -> StageReport {
        let mut spreads = self.spreads();
        sort_by_disagreement(&mut spreads);
        StageReport {
            kendall: self.kendall_w(),
            icc: self.icc(),
            leniency: self.leniency(),
            spreads,
            outliers: self.outlying_sheets(rule),
        }
    }
}
