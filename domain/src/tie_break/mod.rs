//! The tie-break chain: what decides between entries whose scores are equal at the published
//! precision, and how two entries are compared along it.
//!
//! Every tie-break value is rounded to [`Points`] and stored as "higher is better" (a spread,
//! where smaller wins, is stored negated), so comparing is uniform. An entry lacking a value
//! (it never reached that stage, or the criterion was not applicable) loses to any entry that
//! has one.

use crate::points::Points;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// One rule of the committee's tie-break chain, tried in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TieBreak {
    /// Higher score (0–100) in the named stage.
    StageScore {
        /// Stage code.
        stage: String,
    },
    /// Higher panel score (0–100) on a named aspect or leaf, e.g. the *data dukung* rating.
    CriterionScore {
        /// Stage code.
        stage: String,
        /// Criterion code (any level).
        code: String,
    },
    /// Smaller population standard deviation between the judges' sheet totals in the stage
    /// (the panel agreed more).
    SmallerJudgeSpread {
        /// Stage code.
        stage: String,
    },
    /// Higher lowest judge sheet total in the stage (no judge rated the entry poorly).
    HigherMinimumJudgeTotal {
        /// Stage code.
        stage: String,
    },
    /// A documented draw (*undian*): the committee records a number (the seed) before the
    /// results are computed, and each tied entry draws [`draw_key`] from it — anyone can
    /// recompute the order with `sha256sum`. Ends the chain: no tie survives it.
    Draw {
        /// The recorded seed.
        seed: u64,
    },
    /// The chain stops here on purpose: entries still equal share the rank (and, by the
    /// prize table's tie policy, the prize). Ends the chain.
    LeaveShared,
}

impl TieBreak {
    /// The stage the rule reads from.
    #[must_use]
    pub fn stage(&self) -> Option<&str> {
        match self {
            TieBreak::StageScore { stage }
            | TieBreak::CriterionScore { stage, .. }
            | TieBreak::SmallerJudgeSpread { stage }
            | TieBreak::HigherMinimumJudgeTotal { stage } => Some(stage),
            TieBreak::Draw { .. } | TieBreak::LeaveShared => None,
        }
    }

    /// Whether no rule may follow this one (nothing is left to decide after it).
    #[must_use]
    pub fn ends_chain(&self) -> bool {
        matches!(self, TieBreak::Draw { .. } | TieBreak::LeaveShared)
    }

    /// Turns a measured value into a "higher is better" key.
    #[must_use]
    pub fn key(&self, value: Points) -> Points {
        match self {
            TieBreak::SmallerJudgeSpread { .. } => Points::from_units(-value.units()),
            _ => value,
        }
    }
}

/// Compares two entries' tie-break keys (higher is better, `None` worst). Returns the order
/// (`Less` = `a` ranks first) and the index of the rule that decided, if any did.
#[must_use]
pub fn compare_chain(a: &[Option<Points>], b: &[Option<Points>]) -> (Ordering, Option<usize>) {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        // `Option` orders None < Some, so reversing puts larger values and present ones first.
        let ord = y.cmp(x);
        if ord != Ordering::Equal {
            return (ord, Some(i));
        }
    }
    (Ordering::Equal, None)
}

/// An entry's ticket in a draw: the first eight bytes of SHA-256 over the text
/// `"<seed>:<entry id as 32 lower-case hex digits>"` (the nomination's UUID without dashes),
/// read big-endian and halved to stay a positive key. The higher ticket wins, so a tie is
/// settled the same way by anyone who has the seed and the ids:
/// `printf '%s' '1234:0123…' | sha256sum`.
#[must_use]
pub fn draw_key(seed: u64, entry: crate::EntryId) -> Points {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{seed}:{:032x}", entry.0).as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    let ticket = u64::from_be_bytes(first) >> 1;
    Points::from_units(i64::try_from(ticket).unwrap_or(i64::MAX))
}

/// Population standard deviation (divides by n), `None` for no values.
#[must_use]
pub fn population_sd(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let n = f64::from(u32::try_from(values.len()).unwrap_or(u32::MAX));
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    Some(var.sqrt())
}

#[cfg(test)]
mod tests;
