//! Allocating a validated [`PrizeTable`] to a ranking under its tie policy, exact to the
//! rupiah (see the rules in the parent module).

use super::{KINDS, PrizeKind, PrizeTable, TiePolicy};
use crate::{EntryId, Points, Rupiah};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// An entry's place in the final ranking of its category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The entry.
    pub entry: EntryId,
    /// Competition rank (`1, 1, 3`), starting at 1.
    pub rank: u32,
    /// Published final score, compared against the minimum score.
    pub final_score: Points,
}

/// What one entry receives (or, in [`PrizeAllocation::forfeited`], would have received).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    /// The entry.
    pub entry: EntryId,
    /// Its (possibly shared) rank.
    pub rank: u32,
    /// Label of the tier of that rank.
    pub label: String,
    /// Cash received.
    pub cash: Rupiah,
    /// Assistance received.
    pub assistance: Rupiah,
    /// Receives a trophy.
    pub trophy: bool,
    /// Receives a certificate.
    pub certificate: bool,
    /// Size of the tie group (1 when untied).
    pub shared_with: u32,
}

impl Award {
    /// The amount of one kind of money.
    #[must_use]
    pub fn amount(&self, kind: PrizeKind) -> Rupiah {
        match kind {
            PrizeKind::Cash => self.cash,
            PrizeKind::Assistance => self.assistance,
        }
    }
}

/// The result of allocating a table to a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrizeAllocation {
    /// Prizes paid, by rank then entry.
    pub awards: Vec<Award>,
    /// Prizes not paid because the entry is below the minimum score, by rank then entry.
    pub forfeited: Vec<Award>,
    /// Ranks of the tiers no entry occupies (fewer entries than tiers, or gaps), ascending.
    pub unoccupied: Vec<u32>,
    /// Total cash of `awards`.
    pub total_cash: Rupiah,
    /// Total assistance of `awards`.
    pub total_assistance: Rupiah,
}

/// Budget against allocation for one kind of money, for the app's budget view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// Kind of money.
    pub kind: PrizeKind,
    /// The ceiling, if any.
    pub budget: Option<Rupiah>,
    /// Total allocated.
    pub allocated: Rupiah,
    /// `budget - allocated`, when there is a ceiling.
    pub remaining: Option<Rupiah>,
}

impl PrizeAllocation {
    /// Total allocated of one kind.
    #[must_use]
    pub fn total(&self, kind: PrizeKind) -> Rupiah {
        match kind {
            PrizeKind::Cash => self.total_cash,
            PrizeKind::Assistance => self.total_assistance,
        }
    }

    /// Budget, allocated and remaining per kind (cash first).
    #[must_use]
    pub fn budget_lines(&self, table: &PrizeTable) -> Vec<BudgetLine> {
        KINDS
            .into_iter()
            .map(|kind| {
                let budget = table.budget(kind);
                let allocated = self.total(kind);
                let remaining = budget.and_then(|b| b.checked_sub(allocated));
                BudgetLine {
                    kind,
                    budget,
                    allocated,
                    remaining,
                }
            })
            .collect()
    }

    /// The award of one entry, if it receives a prize.
    #[must_use]
    pub fn award_of(&self, entry: EntryId) -> Option<&Award> {
        self.awards.iter().find(|a| a.entry == entry)
    }
}

/// Why a ranking could not be allocated (the fields are those of the offending placements).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AllocationError {
    /// The same entry is placed twice.
    #[error("entry {0} is placed twice")]
    DuplicateEntry(EntryId),
    /// Ranks start at 1.
    #[error("entry {0} has rank 0")]
    RankZero(EntryId),
    /// A tie group overlaps the next rank (`1, 1, 2` is not a competition ranking).
    #[error("{group_size} entries tied at rank {rank} overlap rank {next_rank}")]
    OverlappingRanks {
        rank: u32,
        group_size: u32,
        next_rank: u32,
    },
    /// More entries than the table's `max_field_size`, on which the budget proof rests.
    #[error("{entries} entries exceed the maximum field size {limit}")]
    FieldTooLarge { entries: usize, limit: u32 },
    /// An amount does not fit in `i64` rupiah.
    #[error("amount overflow")]
    Overflow,
    /// Defensive: unreachable for a validated table (the worst case is within budget).
    #[error("{kind:?} allocation {allocated} exceeds the budget {budget}")]
    BudgetExceeded {
        kind: PrizeKind,
        allocated: Rupiah,
        budget: Rupiah,
    },
}

/// Splits `pool` into `k` shares differing by at most one rupiah; the extra rupiah go to the
/// first shares (members are in ascending `EntryId` order), so the shares sum to `pool`.
fn split(pool: Rupiah, k: i64) -> Option<Vec<Rupiah>> {
    let base = pool.amount().checked_div(k)?;
    let remainder = pool.amount().checked_rem(k)?;
    (0..k)
        .map(|i| base.checked_add(i64::from(i < remainder)).map(Rupiah::new))
        .collect()
}

/// Allocates the table to a ranking. The result depends only on the set of placements, not
/// on their order (they are sorted by rank, then entry).
pub fn allocate(
    table: &PrizeTable,
    placements: &[Placement],
) -> Result<PrizeAllocation, AllocationError> {
    let mut sorted = placements.to_vec();
    sorted.sort_by_key(|p| (p.rank, p.entry));
    let mut seen = BTreeSet::new();
    for p in &sorted {
        if p.rank == 0 {
            return Err(AllocationError::RankZero(p.entry));
        }
        if !seen.insert(p.entry) {
            return Err(AllocationError::DuplicateEntry(p.entry));
        }
    }
    if let Some(limit) = table.spec.max_field_size
        && usize::try_from(limit).is_ok_and(|l| sorted.len() > l)
    {
        return Err(AllocationError::FieldTooLarge {
            entries: sorted.len(),
            limit,
        });
    }
    let groups: Vec<&[Placement]> = sorted.chunk_by(|a, b| a.rank == b.rank).collect();
    for pair in groups.windows(2) {
        if let [group, next] = pair
            && let (Some(first), Some(following)) = (group.first(), next.first())
        {
            let size = u32::try_from(group.len()).map_err(|_| AllocationError::Overflow)?;
            if u64::from(following.rank) < u64::from(first.rank) + u64::from(size) {
                return Err(AllocationError::OverlappingRanks {
                    rank: first.rank,
                    group_size: size,
                    next_rank: following.rank,
                });
            }
        }
    }

    let tiers = table.tiers();
    let mut occupied = vec![false; tiers.len()];
    let (mut awards, mut forfeited) = (Vec::new(), Vec::new());
    for group in groups {
        let Some(rank) = group.first().map(|p| p.rank) else {
            continue;
        };
        let start = usize::try_from(rank - 1).map_err(|_| AllocationError::Overflow)?;
        let Some(tier) = tiers.get(start) else {
            continue;
        };
        let end = start.saturating_add(group.len()).min(tiers.len());
        let span = tiers.get(start..end).unwrap_or_default();
        for flag in occupied.iter_mut().take(end).skip(start) {
            *flag = true;
        }
        let k = i64::try_from(group.len()).map_err(|_| AllocationError::Overflow)?;
        let shares = |kind: PrizeKind| -> Option<Vec<Rupiah>> {
            match table.spec.tie_policy {
                TiePolicy::SplitPooled => {
                    split(Rupiah::checked_sum(span.iter().map(|t| t.amount(kind)))?, k)
                }
                TiePolicy::FullPrizeEach => Some(vec![tier.amount(kind); group.len()]),
            }
        };
        let cash = shares(PrizeKind::Cash).ok_or(AllocationError::Overflow)?;
        let assistance = shares(PrizeKind::Assistance).ok_or(AllocationError::Overflow)?;
        let shared_with = u32::try_from(group.len()).map_err(|_| AllocationError::Overflow)?;
        for ((p, cash), assistance) in group.iter().zip(cash).zip(assistance) {
            let award = Award {
                entry: p.entry,
                rank,
                label: tier.label.clone(),
                cash,
                assistance,
                trophy: tier.trophy,
                certificate: tier.certificate,
                shared_with,
            };
            if table.spec.minimum_score.is_some_and(|m| p.final_score < m) {
                forfeited.push(award);
            } else {
                awards.push(award);
            }
        }
    }

    let unoccupied = (1u32..)
        .zip(&occupied)
        .filter_map(|(rank, occ)| (!occ).then_some(rank))
        .collect();
    let total = |kind| {
        Rupiah::checked_sum(awards.iter().map(|a: &Award| a.amount(kind)))
            .ok_or(AllocationError::Overflow)
    };
    let (total_cash, total_assistance) = (total(PrizeKind::Cash)?, total(PrizeKind::Assistance)?);
    let allocation = PrizeAllocation {
        awards,
        forfeited,
        unoccupied,
        total_cash,
        total_assistance,
    };
    for kind in KINDS {
        let allocated = allocation.total(kind);
        if let Some(budget) = table.budget(kind)
            && allocated > budget
        {
            return Err(AllocationError::BudgetExceeded {
                kind,
                allocated,
                budget,
            });
        }
    }
    Ok(allocation)
}
