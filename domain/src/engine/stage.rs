//! One stage's pass: which sheets count, judge labels, the optional normalization fit, then
//! every entry scored in (entry, judge) order. The counted rows are compacted in place in the
//! parsed cell buffer, which then becomes the stage's explanation trail: the answers are never
//! copied per entry.

use super::Progress;
use super::evaluate::{Evaluator, Scratch, Sinks, StageRules};
use super::input::StageInput;
use super::result::StageReport;
use super::trail::StageTrail;
use crate::ids::{EntryId, JudgeId};
use crate::normalization::fit;
use crate::points::Points;
use crate::sheet::{ExcludedSheet, ExclusionReason, MISSING, NOT_APPLICABLE, Sheet, missing_codes};
use crate::stage::{CompetitionSpec, StageSpec};
use crate::tie_break::{TieBreak, population_sd};

/// One stage's computation.
pub(super) struct StageCtx<'a> {
    pub(super) spec: &'a CompetitionSpec,
    pub(super) index: usize,
    pub(super) stage: &'a StageSpec,
    pub(super) sheets: &'a [Sheet],
    pub(super) entry_ids: &'a [EntryId],
}

impl StageCtx<'_> {
    /// Scores the stage for the entries `in_stage`, then ranks it and applies its gate.
    pub(super) fn run(
        &self,
        mut input: StageInput,
        in_stage: &mut [bool],
        progress: &mut Progress,
        excluded: &mut Vec<ExcludedSheet>,
    ) -> (StageReport, StageTrail) {
        let tree = &self.stage.criteria;
        let n = tree.leaves().len();
        // Which sheets count: entry in the stage and every scoped leaf answered. Counted rows
        // move down to the front of the cell buffer (in place, order kept).
        let mut cells = std::mem::take(&mut input.cells);
        let mut counted: Vec<(usize, JudgeId)> = Vec::with_capacity(input.sheets.len());
        for (pos, &i) in input.sheets.iter().enumerate() {
            let Some(sheet) = self.sheets.get(i) else {
                continue;
            };
            let entry = self
                .entry_ids
                .binary_search(&sheet.entry)
                .ok()
                .filter(|&e| in_stage.get(e).copied().unwrap_or(false));
            let Some(e) = entry else {
                excluded.push(ExcludedSheet {
                    sheet: sheet.reference(),
                    reason: ExclusionReason::EntryNotInStage,
                });
                continue;
            };
            let mask = input.mask(sheet.judge);
            let row = cells.get(pos * n..(pos + 1) * n).unwrap_or_default();
            if row.iter().zip(mask).any(|(c, m)| *m && *c == MISSING) {
                let missing = missing_codes(tree, mask, row);
                excluded.push(ExcludedSheet {
                    sheet: sheet.reference(),
                    reason: ExclusionReason::Incomplete { missing },
                });
                continue;
            }
            let k = counted.len();
            if k != pos {
                cells.copy_within(pos * n..(pos + 1) * n, k * n);
            }
            counted.push((e, sheet.judge));
        }
        cells.truncate(counted.len() * n);
        cells.shrink_to_fit();
        let mut judges: Vec<JudgeId> = counted.iter().map(|&(_, j)| j).collect();
        judges.sort_unstable();
        judges.dedup();
        let labels: Vec<u32> = counted
            .iter()
            .map(|&(_, j)| u32::try_from(judges.binary_search(&j).unwrap_or(0)).unwrap_or(0))
            .collect();
        let rules = StageRules::of(self.stage);
        let mut scratch = Scratch::new(&rules);
        let mut corrections = match self.stage.normalization {
            None => Vec::new(),
            Some(norm) => {
                let plain = Evaluator {
                    rules: &rules,
                    corrections: &[],
                };
                let mut totals = vec![Vec::new(); judges.len()];
                for (row, &label) in cells.chunks_exact(n.max(1)).zip(&labels) {
                    let t = scratch.sheet.total(|l| {
                        row.get(l)
                            .filter(|&&c| c > NOT_APPLICABLE)
                            .map(|&c| plain.percent(l, c))
                    });
                    if let (Some(t), Some(v)) =
                        (t, totals.get_mut(usize::try_from(label).unwrap_or(0)))
                    {
                        v.push(t);
                    }
                }
                fit(&judges, &totals, norm.min_entries_per_judge)
            }
        };
        let mut clamps = vec![0u32; corrections.len()];
        let mut reached = vec![false; self.entry_ids.len()];
        let mut trail_rows = Vec::with_capacity(self.entry_ids.len());
        {
            let evaluator = Evaluator {
                rules: &rules,
                corrections: &corrections,
            };
            let wants_totals = self.spec.tie_breaks().iter().any(|r| {
                r.stage() == Some(self.stage.code.as_str())
                    && matches!(
                        r,
                        TieBreak::SmallerJudgeSpread { .. }
                            | TieBreak::HigherMinimumJudgeTotal { .. }
                    )
            });
            let mut totals = Vec::new();
            let mut start = 0;
            while start < counted.len() {
                let e = counted.get(start).map_or(0, |x| x.0);
                let len = counted.iter().skip(start).take_while(|x| x.0 == e).count();
                let end = start + len;
                let rows = cells.get(start * n..end * n).unwrap_or_default();
                let group = labels.get(start..end).unwrap_or_default();
                totals.clear();
                if wants_totals {
                    for (row, &label) in rows.chunks_exact(n.max(1)).zip(group) {
                        totals.extend(evaluator.sheet_total(&mut scratch.sheet, row, label));
                    }
                }
                let outcome =
                    evaluator.entry(rows, group, &mut scratch, &mut clamps, Sinks::default());
                match outcome {
                    Some((score, raw)) => {
                        progress.set_scores(e, self.index, score, raw);
                        self.fill_keys(&scratch, &totals, score, progress.keys_mut(e));
                    }
                    None => {
                        if let Some(x) = progress.incomplete.get_mut(e) {
                            *x = Some((self.index, scratch.reasons.clone()));
                        }
                    }
                }
                if let Some(r) = reached.get_mut(e) {
                    *r = true;
                }
                if let Some(&entry) = self.entry_ids.get(e) {
                    trail_rows.push((entry, start..end));
                }
                start = end;
            }
        }
        for (c, k) in corrections.iter_mut().zip(&clamps) {
            c.clamped_values += k;
        }
        let mut trail = StageTrail::new(rules, cells, labels);
        for (entry, rows) in trail_rows {
            trail.push(entry, rows);
        }
        let report = self.conclude(
            in_stage,
            progress,
            &reached,
            &mut trail,
            judges,
            corrections,
        );
        (report, trail)
    }

    /// Records the tie-break keys that read this stage.
    fn fill_keys(
        &self,
        scratch: &Scratch,
        judge_totals: &[f64],
        score: Points,
        keys: &mut [Option<Points>],
    ) {
        for (rule, key) in self.spec.tie_breaks().iter().zip(keys.iter_mut()) {
            if rule.stage() != Some(self.stage.code.as_str()) {
                continue;
            }
            let value = match rule {
                TieBreak::StageScore { .. } => Some(score),
                TieBreak::CriterionScore { code, .. } => self
                    .stage
                    .criteria
                    .index_of(code)
                    .and_then(|n| scratch.panel.score.get(n).copied().flatten())
                    .map(Points::from_f64),
                TieBreak::SmallerJudgeSpread { .. } => {
                    population_sd(judge_totals).map(Points::from_f64)
                }
                TieBreak::HigherMinimumJudgeTotal { .. } => judge_totals
                    .iter()
                    .copied()
                    .reduce(f64::min)
                    .map(Points::from_f64),
                // They read no stage (filled when the final ranking is made, or never).
                TieBreak::Draw { .. } | TieBreak::LeaveShared => None,
            };
            *key = value.map(|v| rule.key(v));
        }
    }
}
