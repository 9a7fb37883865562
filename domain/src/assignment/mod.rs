//! Assigning judges to entries, and drawing the presentation order by lot.
//!
//! [`assign`] gives every entry exactly `per_entry` distinct judges, never a judge in conflict
//! with the entry, and balances workloads so that any two judges' loads differ by at most one.
//! It is exact: it fails only when no such assignment exists. Method: a max-flow
//! (source → entry, capacity `per_entry`; entry → judge, capacity 1 unless in conflict;
//! judge → sink) solved by shortest augmenting paths in two phases. Phase one caps every judge
//! at ⌊total / judges⌋ and must saturate every cap; phase two raises the caps to ⌈total / judges⌉
//! and completes the flow. Augmenting never lowers a judge's load (a simple path ends at the
//! sink), so the phase-one floors survive phase two. An entry left without an augmenting path
//! never regains one, so one pass per phase suffices.
//!
//! Reproducibility: inputs are first sorted by id (any input order gives the same result),
//! then entries and judges are shuffled with a seeded [`rng::SplitMix64`], which decides who
//! gets the extra entry and who judges whom among equally good choices.

mod rng;

#[cfg(test)]
mod tests;

use crate::ids::{EntryId, JudgeId};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// An entry to be judged, with the codes of every region containing its village (village,
/// kecamatan, kabupaten, province).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignEntry {
    /// The entry.
    pub id: EntryId,
    /// Region codes the village lies in, the village's own code included.
    pub regions: Vec<String>,
}

/// A judge on the panel, with every region code they are in conflict with (declared
/// conflicts and their home region).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignJudge {
    /// The judge.
    pub id: JudgeId,
    /// An entry whose `regions` contain any of these is never assigned to this judge.
    pub conflicts: Vec<String>,
}

/// One judge scoring one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Assignment {
    /// The entry.
    pub entry: EntryId,
    /// The judge.
    pub judge: JudgeId,
}

/// Why no assignment was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AssignError {
    /// Zero judges per entry were asked for.
    #[error("judges per entry must be at least 1")]
    NoJudgesPerEntry,
    /// Fewer judges are free of conflict with these entries than each entry needs.
    #[error("{} entries have fewer than {needed} judges free of conflict", entries.len())]
    TooFewEligible {
        /// The entries, by id, with how many judges they could have.
        entries: Vec<(EntryId, usize)>,
        /// Judges per entry.
        needed: usize,
    },
    /// Each entry could get its judges, but not with loads within one of each other.
    #[error("conflicts make a balanced assignment impossible")]
    CannotBalance,
}

/// Whether `judge` is in conflict with `entry`.
#[must_use]
pub fn in_conflict(judge: &AssignJudge, entry: &AssignEntry) -> bool {
    judge.conflicts.iter().any(|c| entry.regions.contains(c))
}

/// Assigns `per_entry` judges to every entry; see the module documentation. The result is
/// sorted by (entry, judge).
pub fn assign(
    entries: &[AssignEntry],
    judges: &[AssignJudge],
    per_entry: usize,
    seed: u64,
) -> Result<Vec<Assignment>, AssignError> {
    if per_entry == 0 {
        return Err(AssignError::NoJudgesPerEntry);
    }
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let mut entries: Vec<&AssignEntry> = entries.iter().collect();
    entries.sort_by_key(|e| e.id);
    entries.dedup_by_key(|e| e.id);
    let mut judges: Vec<&AssignJudge> = judges.iter().collect();
    judges.sort_by_key(|j| j.id);
    judges.dedup_by_key(|j| j.id);
    let mut rng = rng::SplitMix64::new(seed);
    rng.shuffle(&mut entries);
    rng.shuffle(&mut judges);

    let eligible: Vec<Vec<usize>> = entries
        .iter()
        .map(|e| {
            (0..judges.len())
                .filter(|&j| judges.get(j).is_some_and(|jd| !in_conflict(jd, e)))
                .collect()
        })
        .collect();
    let mut short: Vec<(EntryId, usize)> = entries
        .iter()
        .zip(&eligible)
        .filter(|(_, el)| el.len() < per_entry)
        .map(|(e, el)| (e.id, el.len()))
        .collect();
    if !short.is_empty() {
        short.sort_unstable();
        return Err(AssignError::TooFewEligible {
            entries: short,
            needed: per_entry,
        });
    }

    let total = entries.len() * per_entry;
    let floor = total / judges.len();
    let ceil = total.div_ceil(judges.len());
    let mut flow = Flow {
        eligible: &eligible,
        by_entry: vec![Vec::new(); entries.len()],
        by_judge: vec![Vec::new(); judges.len()],
        per_entry,
    };
    flow.fill(floor);
    if flow.by_judge.iter().any(|js| js.len() < floor) {
        return Err(AssignError::CannotBalance);
    }
    flow.fill(ceil);
    if flow.by_entry.iter().any(|js| js.len() < per_entry) {
        return Err(AssignError::CannotBalance);
    }

    let mut out = Vec::with_capacity(total);
    for (e, js) in flow.by_entry.iter().enumerate() {
        for &j in js {
            if let (Some(entry), Some(judge)) = (entries.get(e), judges.get(j)) {
                out.push(Assignment {
                    entry: entry.id,
                    judge: judge.id,
                });
            }
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// The current flow as adjacency lists (entry → its judges, judge → its entries).
struct Flow<'a> {
    eligible: &'a [Vec<usize>],
    by_entry: Vec<Vec<usize>>,
    by_judge: Vec<Vec<usize>>,
    per_entry: usize,
}

impl Flow<'_> {
    /// Augments from every entry with room until no path remains, judges capped at `cap`.
    fn fill(&mut self, cap: usize) {
        for e in 0..self.by_entry.len() {
            while self
                .by_entry
                .get(e)
                .is_some_and(|js| js.len() < self.per_entry)
            {
                if !self.augment(e, cap) {
                    break;
                }
            }
        }
    }

    /// One shortest augmenting path from entry `start` (BFS over the residual graph: entry →
    /// eligible judge not yet its own; judge → an entry it already has). Returns whether found.
    fn augment(&mut self, start: usize, cap: usize) -> bool {
        let judges = self.by_judge.len();
        // For each judge reached: the entry we came from.
        let mut via: Vec<Option<usize>> = vec![None; judges];
        // For each entry reached (other than the start): the judge we came from.
        let mut from_judge: Vec<Option<usize>> = vec![None; self.by_entry.len()];
        let mut seen_entry = vec![false; self.by_entry.len()];
        let mut queue = VecDeque::from([start]);
        if let Some(s) = seen_entry.get_mut(start) {
            *s = true;
        }
        while let Some(e) = queue.pop_front() {
            let Some(candidates) = self.eligible.get(e) else {
                continue;
            };
            for &j in candidates {
                let has = self.by_entry.get(e).is_some_and(|js| js.contains(&j));
                if has || via.get(j).is_some_and(Option::is_some) {
                    continue;
                }
                if let Some(v) = via.get_mut(j) {
                    *v = Some(e);
                }
                let load = self.by_judge.get(j).map_or(usize::MAX, Vec::len);
                if load < cap {
                    self.apply(j, &via, &from_judge);
                    return true;
                }
                let next: Vec<usize> = self.by_judge.get(j).cloned().unwrap_or_default();
                for e2 in next {
                    if let Some(seen) = seen_entry.get_mut(e2).filter(|s| !**s) {
                        *seen = true;
                        if let Some(f) = from_judge.get_mut(e2) {
                            *f = Some(j);
                        }
                        queue.push_back(e2);
                    }
                }
            }
        }
        false
    }

    /// Flips the path ending at judge `end`: each entry on it takes the next judge, and every
    /// intermediate entry hands its previous judge to the entry before it.
    fn apply(&mut self, end: usize, via: &[Option<usize>], from_judge: &[Option<usize>]) {
        let mut j = end;
        while let Some(e) = via.get(j).copied().flatten() {
            if let Some(js) = self.by_entry.get_mut(e) {
                js.push(j);
            }
            if let Some(es) = self.by_judge.get_mut(j) {
                es.push(e);
            }
            match from_judge.get(e).copied().flatten() {
                Some(prev) => {
                    // `e` gives up `prev`, which goes to the entry before it on the path.
                    if let Some(js) = self.by_entry.get_mut(e) {
                        js.retain(|&x| x != prev);
                    }
                    if let Some(es) = self.by_judge.get_mut(prev) {
                        es.retain(|&x| x != e);
                    }
                    j = prev;
                }
                None => break,
            }
        }
    }
}

/// The presentation order drawn by lot: the entries sorted by id, then shuffled with the seed.
/// The same set of entries and seed always give the same order.
#[must_use]
pub fn draw_order(entries: &[EntryId], seed: u64) -> Vec<EntryId> {
    let mut order = entries.to_vec();
    order.sort_unstable();
    order.dedup();
    rng::SplitMix64::new(seed).shuffle(&mut order);
    order
}
