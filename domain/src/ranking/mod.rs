//! Ordering entries: the final ranking over groups (finalists above entries eliminated at a
//! later stage, above those eliminated earlier), competition ranks (1, 1, 3), and which rule
//! decided each place; also the shortlist taken after a gating stage.
//!
//! Within a group entries are ordered by score (compared as published `Points`), then by the
//! group's tie-break keys, then by `EntryId` only to give tied entries a stable order; equal
//! score and equal keys share the rank.

use crate::ids::EntryId;
use crate::points::Points;
use crate::tie_break::compare_chain;
use std::cmp::Ordering;

/// One entry to be ranked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The entry.
    pub entry: EntryId,
    /// Higher groups rank first (e.g. the index of the last stage passed).
    pub group: u32,
    /// Primary score, higher first.
    pub score: Points,
    /// Tie-break keys, higher first, `None` last.
    pub keys: Vec<Option<Points>>,
}

/// A ranked standing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The standing.
    pub standing: Standing,
    /// Competition rank (1-based; tied entries share it, the next rank skips).
    pub rank: u32,
    /// Index of the key that separated it from the entry above, if a key did.
    pub decided_by: Option<usize>,
}

fn order(a: &Standing, b: &Standing) -> Ordering {
    b.group
        .cmp(&a.group)
        .then(b.score.cmp(&a.score))
        .then_with(|| compare_chain(&a.keys, &b.keys).0)
        .then(a.entry.cmp(&b.entry))
}

/// Sorts and ranks. The output is the same for any input order.
#[must_use]
pub fn rank(mut standings: Vec<Standing>) -> Vec<Placed> {
    standings.sort_by(order);
    let mut out: Vec<Placed> = Vec::with_capacity(standings.len());
    for (i, s) in standings.into_iter().enumerate() {
        let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let (rank, decided_by) = match out.last() {
            None => (1, None),
            Some(prev) => {
                let p = &prev.standing;
                if p.group != s.group || p.score != s.score {
                    (position, None)
                } else {
                    match compare_chain(&p.keys, &s.keys) {
                        (Ordering::Equal, _) => (prev.rank, None),
                        (_, decided) => (position, decided),
                    }
                }
            }
        };
        out.push(Placed {
            standing: s,
            rank,
            decided_by,
        });
    }
    out
}

/// Who goes on after a gating stage: entries scoring at least `threshold` (if any), then the
/// first `shortlist` of them in ranked order (if any). Entries tied with the last shortlisted
/// one on score and every key all go on: the shortlist may grow, and the flag says so.
#[must_use]
pub fn shortlist(
    candidates: Vec<Standing>,
    threshold: Option<Points>,
    size: Option<u32>,
) -> (Vec<EntryId>, bool) {
    let passing: Vec<Standing> = candidates
        .into_iter()
        .filter(|s| threshold.is_none_or(|t| s.score >= t))
        .collect();
    let placed = rank(passing);
    let Some(n) = size.and_then(|n| usize::try_from(n).ok()) else {
        return (
            placed.into_iter().map(|p| p.standing.entry).collect(),
            false,
        );
    };
    let cutoff = placed.get(n.saturating_sub(1)).map(|p| p.rank);
    let mut out = Vec::with_capacity(n);
    for p in placed {
        if out.len() < n || Some(p.rank) == cutoff {
            out.push(p.standing.entry);
        }
    }
    let extended = out.len() > n;
    (out, extended)
}

#[cfg(test)]
mod tests;
