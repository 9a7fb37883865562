//! The end of a stage: entries that reached it without a counted sheet are marked incomplete,
//! the complete ones are ranked within the stage (score, then the tie-breaks reading this or
//! earlier stages) and the gate (pass mark, shortlist) decides who goes on.

use super::Progress;
use super::result::{StageReport, StageStanding};
use super::stage::StageCtx;
use super::trail::StageTrail;
use crate::explanation::IncompleteReason;
use crate::ids::JudgeId;
use crate::normalization::JudgeCorrection;
use crate::points::Points;
use crate::ranking::{Standing, rank, shortlist};

impl StageCtx<'_> {
    /// Marks entries without counted sheets, ranks the stage, applies the gate.
    pub(super) fn conclude(
        &self,
        in_stage: &mut [bool],
        progress: &mut Progress,
        reached: &[bool],
        trail: &mut StageTrail,
        judges: Vec<JudgeId>,
        corrections: Vec<JudgeCorrection>,
    ) -> StageReport {
        let rules: Vec<usize> = self
            .spec
            .tie_breaks()
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.stage()
                    .and_then(|c| self.spec.stage_index(c))
                    .is_some_and(|i| i <= self.index)
            })
            .map(|(i, _)| i)
            .collect();
        let mut candidates = Vec::new();
        for (e, &entry) in self.entry_ids.iter().enumerate() {
            if !in_stage.get(e).copied().unwrap_or(false) {
                continue;
            }
            if !reached.get(e).copied().unwrap_or(false) {
                if let Some(x) = progress.incomplete.get_mut(e) {
                    *x = Some((self.index, vec![IncompleteReason::NoSheets]));
                }
                trail.push(entry, 0..0);
            }
            if let Some(units) = progress.stage_units(e, self.index) {
                let keys = progress.keys(e);
                candidates.push(Standing {
                    entry,
                    group: 0,
                    score: Points::from_units(units),
                    keys: rules
                        .iter()
                        .map(|&r| keys.get(r).copied().flatten())
                        .collect(),
                });
            }
        }
        trail.seal(&corrections);
        let rule_of = |k: Option<usize>| {
            k.and_then(|k| rules.get(k))
                .and_then(|&r| self.spec.tie_breaks().get(r))
                .cloned()
        };
        let gated = self.stage.shortlist.is_some() || self.stage.pass_threshold.is_some();
        let gate = gated.then(|| candidates.clone());
        let placed = rank(candidates);
        let standings: Vec<StageStanding> = placed
            .iter()
            .map(|p| StageStanding {
                entry: p.standing.entry,
                rank: p.rank,
                score: p.standing.score,
                decided_by: rule_of(p.decided_by),
            })
            .collect();
        let (advanced, extended) = match gate {
            Some(c) => shortlist(c, self.stage.pass_threshold, self.stage.shortlist),
            None => (standings.iter().map(|s| s.entry).collect(), false),
        };
        in_stage.fill(false);
        for s in &standings {
            if let Some(x) = self
                .entry_ids
                .binary_search(&s.entry)
                .ok()
                .and_then(|e| progress.eliminated.get_mut(e))
            {
                *x = Some(self.index);
            }
        }
        for a in &advanced {
            if let Ok(e) = self.entry_ids.binary_search(a) {
                if let Some(flag) = in_stage.get_mut(e) {
                    *flag = true;
                }
                if let Some(x) = progress.eliminated.get_mut(e) {
                    *x = None;
                }
            }
        }
        StageReport {
            stage: self.stage.code.clone(),
            judges,
            corrections,
            standings,
            advanced,
            shortlist_extended_by_ties: extended,
        }
    }
}
