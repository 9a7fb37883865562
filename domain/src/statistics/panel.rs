//! Per-judge and per-entry views of the panel over every sheet: leniency, spread, outlying
//! sheets, and the disagreement order of spreads.

use super::{
    EntrySpread, JudgeLeniency, OutlierRule, OutlyingSheet, StageScores, count, mean, ratio,
    sample_sd,
};
use crate::{EntryId, JudgeId};
use std::cmp::Ordering;
use std::collections::BTreeMap;

impl StageScores {
    /// For each sheet with at least one other sheet on its entry: (judge, entry, total, others).
    fn with_others(&self) -> impl Iterator<Item = (JudgeId, EntryId, f64, Vec<f64>)> + '_ {
        self.by_entry.iter().flat_map(|(entry, sheets)| {
            sheets
                .iter()
                .filter(|_| sheets.len() >= 2)
                .map(move |(judge, total)| {
                    let others = sheets
                        .iter()
                        .filter(|(j, _)| *j != judge)
                        .map(|(_, x)| *x)
                        .collect();
                    (*judge, *entry, *total, others)
                })
        })
    }

    /// Leniency per judge (ascending): the mean over shared entries of the judge's total minus
    /// the mean of the other judges' totals. If one judge of `m` adds `c` to an otherwise
    /// identical panel, that judge's leniency is `c` and every other judge's is `−c/(m−1)`.
    #[must_use]
    pub fn leniency(&self) -> Vec<JudgeLeniency> {
        let mut deviations: BTreeMap<JudgeId, Vec<f64>> =
            self.judges.iter().map(|j| (*j, Vec::new())).collect();
        for (judge, _, total, others) in self.with_others() {
            deviations
                .entry(judge)
                .or_default()
                .push(total - mean(&others));
        }
        deviations
            .into_iter()
            .map(|(judge, d)| JudgeLeniency {
                judge,
                leniency: (!d.is_empty()).then(|| mean(&d)),
                shared_entries: count(d.len()),
            })
            .collect()
    }

    /// Spread of the totals per entry, ascending by entry.
    #[must_use]
    pub fn spreads(&self) -> Vec<EntrySpread> {
        self.by_entry
            .iter()
            .filter(|(_, sheets)| !sheets.is_empty())
            .map(|(entry, sheets)| {
                let totals: Vec<f64> = sheets.values().copied().collect();
                let min = totals.iter().copied().fold(f64::INFINITY, f64::min);
                let max = totals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                EntrySpread {
                    entry: *entry,
                    judges: count(totals.len()),
                    mean: mean(&totals),
                    min,
                    max,
                    range: max - min,
                    std_dev: sample_sd(&totals),
                }
            })
            .collect()
    }

    /// Sheets outlying under `rule`, largest |deviation| first, then by entry and judge.
    #[must_use]
    pub fn outlying_sheets(&self, rule: OutlierRule) -> Vec<OutlyingSheet> {
        let mut flagged: Vec<OutlyingSheet> = self
            .with_others()
            .filter(|(_, _, _, others)| others.len() >= 2)
            .filter_map(|(judge, entry, total, others)| {
                let others_mean = mean(&others);
                let deviation = total - others_mean;
                let z_score = sample_sd(&others)
                    .and_then(|sd| ratio(deviation, sd, others_mean.abs().max(1.0)));
                let outlying = match rule {
                    OutlierRule::AbsolutePoints(t) => deviation.abs() > t,
                    OutlierRule::ZScore(t) => z_score.is_some_and(|z| z.abs() > t),
                };
                outlying.then_some(OutlyingSheet {
                    judge,
                    entry,
                    total,
                    others_mean,
                    deviation,
                    others: count(others.len()),
                    z_score,
                })
            })
            .collect();
        flagged.sort_by(|a, b| {
            b.deviation
                .abs()
                .total_cmp(&a.deviation.abs())
                .then(a.entry.cmp(&b.entry))
                .then(a.judge.cmp(&b.judge))
        });
        flagged
    }
}

/// Most disagreement first: standard deviation descending (entries with a single sheet last),
/// then range descending, then `EntryId` ascending.
pub fn sort_by_disagreement(spreads: &mut [EntrySpread]) {
    spreads.sort_by(|a, b| {
        let sd = match (a.std_dev, b.std_dev) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        sd.then(b.range.total_cmp(&a.range))
            .then(a.entry.cmp(&b.entry))
    });
}
