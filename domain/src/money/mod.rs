//! Whole rupiah, never floating point.

mod words;

pub use words::terbilang;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An amount of money in whole rupiah (`Rp100.000.000` is `Rupiah(100_000_000)`).
///
/// Arithmetic is checked: an overflow is an error the caller must handle, never a wrap.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(i64);

/// Why a text could not be read as an amount of rupiah.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RupiahParseError {
    /// Nothing but spaces, `Rp` or separators was given.
    #[error("amount is empty")]
    Empty,
    /// A character other than digits, `.` thousands separators, spaces or a leading `Rp`.
    #[error("amount has an invalid character: {0:?}")]
    InvalidCharacter(char),
    /// Negative amounts are refused where money is entered.
    #[error("amount is negative")]
    Negative,
    /// More than `i64::MAX` rupiah.
    #[error("amount is too large")]
    TooLarge,
}

impl Rupiah {
    /// Zero rupiah.
    pub const ZERO: Rupiah = Rupiah(0);

    /// An amount from whole rupiah.
    #[must_use]
    pub const fn new(amount: i64) -> Self {
        Rupiah(amount)
    }

    /// The amount in whole rupiah.
    #[must_use]
    pub const fn amount(self) -> i64 {
        self.0
    }

    /// Sum, or `None` on overflow.
    #[must_use]
    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }

    /// Difference, or `None` on overflow.
    #[must_use]
    pub fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_sub(other.0).map(Rupiah)
    }

    /// Product with a count, or `None` on overflow.
    #[must_use]
    pub fn checked_mul(self, count: i64) -> Option<Rupiah> {
        self.0.checked_mul(count).map(Rupiah)
    }

    /// Sum of many amounts, or `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Rupiah>>(items: I) -> Option<Rupiah> {
        items
            .into_iter()
            .try_fold(Rupiah::ZERO, |acc, x| acc.checked_add(x))
    }
}

/// Indonesian formatting: `Rp100.000.000`, `-Rp5.000`.
impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}Rp{grouped}")
    }
}

/// Reads what a person types in a form: `100000000`, `100.000.000`, `Rp 100.000.000`.
/// A comma is refused because rupiah have no decimal part in practice.
impl FromStr for Rupiah {
    type Err = RupiahParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        let rest = trimmed
            .strip_prefix("Rp")
            .or_else(|| trimmed.strip_prefix("rp"))
            .or_else(|| trimmed.strip_prefix("RP"))
            .unwrap_or(trimmed)
            .trim_start();
        if rest.starts_with('-') {
            return Err(RupiahParseError::Negative);
        }
        let mut value: i64 = 0;
        let mut seen_digit = false;
        for c in rest.chars() {
            match c {
                '0'..='9' => {
                    let d = i64::from(
                        u8::try_from(c).map_err(|_| RupiahParseError::InvalidCharacter(c))? - b'0',
                    );
                    value = value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(d))
                        .ok_or(RupiahParseError::TooLarge)?;
                    seen_digit = true;
                }
                '.' | ' ' => {}
                other => return Err(RupiahParseError::InvalidCharacter(other)),
            }
        }
        if !seen_digit {
            return Err(RupiahParseError::Empty);
        }
        Ok(Rupiah(value))
    }
}

#[cfg(test)]
mod tests;
