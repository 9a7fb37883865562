//! Prize tables and prize allocation, exact to the rupiah.
//!
//! This module owns the prize table of one competition category (tiers *Juara I*…*Harapan III*
//! with *uang pembinaan*, *bantuan keuangan*, *piala* and *piagam*), its validation — including
//! the proof that no allocation can exceed a budget ceiling — and the allocation of tiers to
//! ranked entries under a tie policy. Money is whole [`Rupiah`] with checked arithmetic only.
//!
//! Rules decided here (the app shows them to committees):
//! - **Ranks** are competition ranks (`1, 1, 3`): a tie group of `k` entries at rank `r`
//!   occupies positions `r..=r+k-1`. Gaps are allowed (e.g. a withdrawn entry), overlaps are not.
//! - **Minimum score**: an entry below [`PrizeTableSpec::minimum_score`] receives nothing and its
//!   prize is *forfeited*, not passed down: lower entries are never promoted past the minimum.
//! - **[`TiePolicy::SplitPooled`]**: the group pools the tiers of the positions it occupies that
//!   exist (positions beyond the last tier add nothing) and splits each kind of money equally;
//!   the remainder `pool mod k` goes one rupiah each to the first members in ascending
//!   [`EntryId`] order. Nothing is created or lost: the shares sum to the pool exactly.
//! - **[`TiePolicy::FullPrizeEach`]**: every member of a group at rank `r` ≤ number of tiers gets
//!   tier `r`'s full prize, even members whose position lies past the last tier.
//! - Under a tie every member carries the label, trophy and certificate of the shared rank.
//!
//! **Worst case** of a kind of money (cash or assistance), with `p_1..p_N` the tier amounts and
//! `E` the field size (number of ranked entries, unbounded unless
//! [`PrizeTableSpec::max_field_size`] is set):
//! - SplitPooled: every payment is a share of the tiers of positions its group occupies, groups
//!   occupy disjoint positions and `E` entries occupy `E` positions, so the total is at most the
//!   sum of the `min(E, N)` largest `p_j` (the sum of all tiers when `E` is unbounded). It is
//!   attained by `min(E, N)` untied entries placed on the largest tiers (gaps allowed).
//! - FullPrizeEach: each entry receives 0 or one `p_r`, so the total is at most `E · max_j p_j`;
//!   it is attained by all `E` entries tied at the rank of the largest tier. Note this is not
//!   `N · p_1`: a tie group can be larger than the table. With `E` unbounded and a positive
//!   prize the worst case is unbounded, so a budget ceiling then requires `max_field_size`.

use crate::{Points, Rupiah};
use serde::{Deserialize, Serialize};
mod allocation;
pub mod ledger;

#[cfg(test)]
mod tests;

pub use allocation::{AllocationError, Award, BudgetLine, Placement, PrizeAllocation, allocate};

/// Desa and kelurahan compete in separate categories, each with its own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    /// A village (*desa*, or a local name such as *nagari*): may receive *bantuan keuangan*.
    Desa,
    /// An urban ward: not an autonomous budget holder, so cash only.
    Kelurahan,
}

/// The two kinds of money a tier can carry; budgets are checked separately per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PrizeKind {
    /// *Uang pembinaan*.
    Cash,
    /// *Bantuan keuangan desa*, earmarked into the village budget.
    Assistance,
}

/// How tied entries share prizes (see the module documentation for the exact rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TiePolicy {
    /// Tied entries split the pooled prizes of the ranks they occupy.
    SplitPooled,
    /// Each tied entry receives the full prize of the shared rank.
    FullPrizeEach,
}

/// One rank of a prize table, e.g. "Juara I".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrizeTier {
    /// Displayed title ("Juara I", "Harapan II").
    pub label: String,
    /// *Uang pembinaan*.
    pub cash: Rupiah,
    /// *Bantuan keuangan desa*; must be zero in a kelurahan table.
    pub assistance: Rupiah,
    /// *Piala*.
    pub trophy: bool,
    /// *Piagam*.
    pub certificate: bool,
}

impl PrizeTier {
    /// The amount of one kind of money.
    #[must_use]
    pub fn amount(&self, kind: PrizeKind) -> Rupiah {
        match kind {
            PrizeKind::Cash => self.cash,
            PrizeKind::Assistance => self.assistance,
        }
    }
}

/// The configuration of a prize table as entered, before validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrizeTableSpec {
    /// Category the table applies to.
    pub category: Category,
    /// Tiers in rank order: the first is rank 1.
    pub tiers: Vec<PrizeTier>,
    /// Final score needed to receive any prize.
    pub minimum_score: Option<Points>,
    /// Ceiling on the total cash paid.
    pub cash_budget: Option<Rupiah>,
    /// Ceiling on the total assistance paid.
    pub assistance_budget: Option<Rupiah>,
    /// How ties share prizes.
    pub tie_policy: TiePolicy,
    /// Most entries the category can rank; bounds the worst case under `FullPrizeEach`.
    pub max_field_size: Option<u32>,
}

/// A problem in a prize table; [`PrizeTable::new`] lists all of them. In every variant `rank`
/// is the 1-based rank of the tier at fault and `kind` the kind of money concerned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PrizeError {
    /// A table must have at least one tier.
    #[error("the prize table has no tiers")]
    NoTiers,
    /// More tiers than ranks can express.
    #[error("the prize table has too many tiers")]
    TooManyTiers,
    /// A tier label is empty or blank.
    #[error("tier {rank} has an empty label")]
    EmptyLabel { rank: u32 },
    /// Two tiers share a label (compared after trimming).
    #[error("tiers {first} and {second} share the label {label:?}")]
    DuplicateLabel {
        label: String,
        first: u32,
        second: u32,
    },
    /// A tier amount is negative.
    #[error("tier {rank} has a negative {kind:?} amount {amount}")]
    NegativeAmount {
        rank: u32,
        kind: PrizeKind,
        amount: Rupiah,
    },
    /// A budget ceiling is negative.
    #[error("the {kind:?} budget {budget} is negative")]
    NegativeBudget { kind: PrizeKind, budget: Rupiah },
    /// Kelurahan are not autonomous budget holders: no *bantuan keuangan*.
    #[error("tier {rank} gives a kelurahan financial assistance {amount}")]
    AssistanceForKelurahan { rank: u32, amount: Rupiah },
    /// Some tie pattern can make the total exceed the budget.
    #[error("{kind:?} can reach {worst_case}, above the budget {budget}")]
    BudgetCanBeExceeded {
        kind: PrizeKind,
        worst_case: Rupiah,
        budget: Rupiah,
    },
    /// Under `FullPrizeEach` without `max_field_size`, a large tie can exceed any budget.
    #[error(
        "{kind:?} is unbounded under FullPrizeEach without a maximum field size (budget {budget})"
    )]
    UnboundedWorstCase { kind: PrizeKind, budget: Rupiah },
    /// The worst case does not fit in `i64` rupiah.
    #[error("the {kind:?} worst case overflows")]
    Overflow { kind: PrizeKind },
}

/// A validated prize table: every allocation it produces stays within its budgets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PrizeTableSpec", into = "PrizeTableSpec")]
pub struct PrizeTable {
    spec: PrizeTableSpec,
}

/// All problems of a refused table, as one error for `serde`'s `try_from`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid prize table: {0:?}")]
pub struct InvalidPrizeTable(pub Vec<PrizeError>);

impl TryFrom<PrizeTableSpec> for PrizeTable {
    type Error = InvalidPrizeTable;
    fn try_from(spec: PrizeTableSpec) -> Result<Self, Self::Error> {
        PrizeTable::new(spec).map_err(InvalidPrizeTable)
    }
}

impl From<PrizeTable> for PrizeTableSpec {
    fn from(table: PrizeTable) -> Self {
        table.spec
    }
}

const KINDS: [PrizeKind; 2] = [PrizeKind::Cash, PrizeKind::Assistance];

impl PrizeTable {
    /// Validates a table, listing every problem found.
    pub fn new(spec: PrizeTableSpec) -> Result<Self, Vec<PrizeError>> {
        let mut errors = Vec::new();
        if spec.tiers.is_empty() {
            errors.push(PrizeError::NoTiers);
        }
        if u32::try_from(spec.tiers.len()).is_err() {
            errors.push(PrizeError::TooManyTiers);
        }
        for (rank, tier) in (1u32..).zip(&spec.tiers) {
            let label = tier.label.trim();
            if label.is_empty() {
                errors.push(PrizeError::EmptyLabel { rank });
            } else if let Some(first) = (1u32..)
                .zip(&spec.tiers)
                .take_while(|(r, _)| *r < rank)
                .find(|(_, t)| t.label.trim() == label)
                .map(|(r, _)| r)
            {
                errors.push(PrizeError::DuplicateLabel {
                    label: label.to_owned(),
                    first,
                    second: rank,
                });
            }
            for kind in KINDS {
                let amount = tier.amount(kind);
                if amount < Rupiah::ZERO {
                    errors.push(PrizeError::NegativeAmount { rank, kind, amount });
                }
            }
            if spec.category == Category::Kelurahan && tier.assistance != Rupiah::ZERO {
                errors.push(PrizeError::AssistanceForKelurahan {
                    rank,
                    amount: tier.assistance,
                });
            }
        }
        let table = PrizeTable { spec };
        for kind in KINDS {
            let Some(budget) = table.budget(kind) else {
                continue;
            };
            if budget < Rupiah::ZERO {
                errors.push(PrizeError::NegativeBudget { kind, budget });
                continue;
            }
            match table.worst_case(kind) {
                Err(e) => errors.push(e),
                Ok(Some(worst_case)) if worst_case > budget => {
                    errors.push(PrizeError::BudgetCanBeExceeded {
                        kind,
                        worst_case,
                        budget,
                    });
                }
                Ok(Some(_)) => {}
                Ok(None) => errors.push(PrizeError::UnboundedWorstCase { kind, budget }),
            }
        }
        if errors.is_empty() {
            Ok(table)
        } else {
            Err(errors)
        }
    }

    /// The validated configuration.
    #[must_use]
    pub fn spec(&self) -> &PrizeTableSpec {
        &self.spec
    }

    /// The tiers in rank order.
    #[must_use]
    pub fn tiers(&self) -> &[PrizeTier] {
        &self.spec.tiers
    }

    /// The budget ceiling of one kind of money, if any.
    #[must_use]
    pub fn budget(&self, kind: PrizeKind) -> Option<Rupiah> {
        match kind {
            PrizeKind::Cash => self.spec.cash_budget,
            PrizeKind::Assistance => self.spec.assistance_budget,
        }
    }

    /// Sum of one kind of money over all tiers (what is paid with no ties and a full field).
    pub fn tier_total(&self, kind: PrizeKind) -> Option<Rupiah> {
        Rupiah::checked_sum(self.spec.tiers.iter().map(|t| t.amount(kind)))
    }

    /// Largest total of one kind any allocation can pay, for the configured field size
    /// (module docs give the derivation). `Ok(None)` means unbounded.
    pub fn worst_case(&self, kind: PrizeKind) -> Result<Option<Rupiah>, PrizeError> {
        self.worst_case_for_field(kind, self.spec.max_field_size)
    }

    /// Worst case of one kind for a field of at most `field` entries (`None`: unbounded), e.g.
    /// to show a committee the exposure for the entries actually nominated.
    pub fn worst_case_for_field(
        &self,
        kind: PrizeKind,
        field: Option<u32>,
    ) -> Result<Option<Rupiah>, PrizeError> {
        let spec = &self.spec;
        // Negative amounts are refused separately; clamping keeps this bound meaningful meanwhile.
        let mut amounts: Vec<Rupiah> = spec
            .tiers
            .iter()
            .map(|t| t.amount(kind).max(Rupiah::ZERO))
            .collect();
        amounts.sort_unstable_by(|a, b| b.cmp(a));
        let largest = amounts.first().copied().unwrap_or(Rupiah::ZERO);
        let overflow = PrizeError::Overflow { kind };
        match (spec.tie_policy, field) {
            (TiePolicy::SplitPooled, _) => {
                let take =
                    field.map_or(amounts.len(), |f| usize::try_from(f).unwrap_or(usize::MAX));
                Rupiah::checked_sum(amounts.into_iter().take(take))
                    .map(Some)
                    .ok_or(overflow)
            }
            (TiePolicy::FullPrizeEach, Some(f)) => {
                largest.checked_mul(i64::from(f)).map(Some).ok_or(overflow)
            }
            (TiePolicy::FullPrizeEach, None) if largest == Rupiah::ZERO => Ok(Some(Rupiah::ZERO)),
            (TiePolicy::FullPrizeEach, None) => Ok(None),
        }
    }
}
