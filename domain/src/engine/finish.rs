//! The final ranking: each entry's final score from its published stage scores (exact integer
//! shares by largest remainder), entries incomplete somewhere set aside, and finalists ranked
//! above entries eliminated later, above those eliminated earlier.

use super::Progress;
use super::result::{
    CompetitionResult, EntryStatus, IncompleteEntry, RankedEntry, StageReport, StageScore,
};
use super::trail::ExplanationTrail;
use crate::ids::EntryId;
use crate::points::Points;
use crate::ranking::{Standing, rank};
use crate::sheet::ExcludedSheet;
use crate::stage::CompetitionSpec;
use crate::tie_break::{TieBreak, draw_key};

/// Final score shares: `weight × units / 100` per stage with largest remainder, exact integers.
/// Writes the shares into `shares` (`order` is scratch) and returns the total.
fn final_shares(parts: &[(u32, i64)], shares: &mut Vec<i64>, order: &mut Vec<usize>) -> i64 {
    let numerator = |i: usize| parts.get(i).map_or(0, |&(w, u)| i64::from(w) * u);
    let sum: i64 = (0..parts.len()).map(numerator).sum();
    let total = (sum + 50).div_euclid(100);
    shares.clear();
    shares.extend((0..parts.len()).map(|i| numerator(i).div_euclid(100)));
    order.clear();
    order.extend(0..parts.len());
    order.sort_by_key(|&i| (std::cmp::Reverse(numerator(i).rem_euclid(100)), i));
    let missing = usize::try_from(total - shares.iter().sum::<i64>()).unwrap_or(0);
    for &i in order.iter().take(missing) {
        if let Some(s) = shares.get_mut(i) {
            *s += 1;
        }
    }
    total
}

/// Per entry: its stage scores, raw points and elimination stage, until ranked.
type Details = Option<(Vec<StageScore>, i64, Option<usize>)>;

/// Builds the result from every entry's progress.
pub(super) fn finish(
    spec: &CompetitionSpec,
    upto: usize,
    entry_ids: &[EntryId],
    mut progress: Progress,
    excluded_sheets: Vec<ExcludedSheet>,
    stages: Vec<StageReport>,
) -> CompetitionResult {
    let last_group = u32::try_from(upto + 1).unwrap_or(u32::MAX);
    let mut standings = Vec::with_capacity(entry_ids.len());
    let mut details: Vec<Details> = vec![None; entry_ids.len()];
    let mut incomplete = Vec::new();
    let (mut done, mut parts, mut shares, mut order) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (e, &entry) in entry_ids.iter().enumerate() {
        done.clear();
        for (i, s) in spec.stages().iter().enumerate() {
            if let Some(units) = progress.stage_units(e, i) {
                done.push((s, units, progress.raw_units(e, i).unwrap_or(0)));
            }
        }
        parts.clear();
        parts.extend(done.iter().map(|d| (d.0.weight, d.1)));
        let total = final_shares(&parts, &mut shares, &mut order);
        let stage_scores: Vec<StageScore> = done
            .iter()
            .zip(&shares)
            .map(|(d, &w)| StageScore {
                stage: d.0.code.clone(),
                score: Points::from_units(d.1),
                weighted: Points::from_units(w),
                raw_points: Points::from_units(d.2),
            })
            .collect();
        let raw: i64 = done.iter().map(|d| d.2).sum();
        if let Some((s, reasons)) = progress.incomplete.get_mut(e).and_then(Option::take) {
            let stage = spec
                .stages()
                .get(s)
                .map(|x| x.code.clone())
                .unwrap_or_default();
            incomplete.push(IncompleteEntry {
                entry,
                stage,
                reasons,
                stage_scores,
            });
            continue;
        }
        let eliminated = progress.eliminated.get(e).copied().flatten();
        let (group, mut keys) = match eliminated {
            Some(s) => (
                u32::try_from(s).unwrap_or(0),
                vec![progress.stage_units(e, s).map(Points::from_units)],
            ),
            None => (last_group, Vec::with_capacity(progress.rules)),
        };
        let offset = keys.len();
        keys.extend(progress.keys(e).iter().copied());
        // A draw reads no stage: every entry's ticket comes from the seed and its id.
        for (i, rule) in spec.tie_breaks().iter().enumerate() {
            if let (TieBreak::Draw { seed }, Some(key)) = (rule, keys.get_mut(offset + i)) {
                *key = Some(draw_key(*seed, entry));
            }
        }
        standings.push(Standing {
            entry,
            group,
            score: Points::from_units(total),
            keys,
        });
        if let Some(d) = details.get_mut(e) {
            *d = Some((stage_scores, raw, eliminated));
        }
    }
    let ranking = rank(standings)
        .into_iter()
        .filter_map(|p| {
            let e = entry_ids.binary_search(&p.standing.entry).ok()?;
            let (stage_scores, raw, eliminated) = details.get_mut(e)?.take()?;
            let elim_stage = eliminated
                .and_then(|s| spec.stages().get(s))
                .map(|s| s.code.clone());
            let decided_by = p.decided_by.and_then(|k| match &elim_stage {
                Some(code) if k == 0 => Some(TieBreak::StageScore {
                    stage: code.clone(),
                }),
                Some(_) => spec.tie_breaks().get(k - 1).cloned(),
                None => spec.tie_breaks().get(k).cloned(),
            });
            Some(RankedEntry {
                entry: p.standing.entry,
                rank: p.rank,
                final_score: p.standing.score,
                raw_points: Points::from_units(raw),
                stage_scores,
                decided_by,
                status: elim_stage.map_or(EntryStatus::Ranked, |stage| EntryStatus::Eliminated {
                    stage,
                }),
            })
        })
        .collect();
    CompetitionResult {
        ranking,
        incomplete,
        excluded_sheets,
        stages,
        trail: ExplanationTrail::default(),
    }
}
