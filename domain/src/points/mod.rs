//! Fixed-point scores as they are published: a count of ten-thousandths of a point.
//!
//! Engine arithmetic runs in `f64` in a fixed evaluation order (deterministic on every IEEE-754
//! machine, since Rust never fuses or reorders float operations on its own). Every score that
//! is ranked, compared against a threshold or shown is first rounded to `Points`, so two totals
//! that are equal at the published precision are tied and go to the tie-break chain, and an
//! invisible 1e-12 difference never decides a place.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A score in ten-thousandths of a point: `Points(852_300)` is 85.2300.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Points(i64);

/// Why a text could not be read as a score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PointsParseError {
    /// Not a decimal number such as `85`, `85.5` or `85,5`.
    #[error("not a number")]
    NotANumber,
    /// More than four decimal places.
    #[error("too many decimal places")]
    TooPrecise,
    /// Outside the representable range.
    #[error("number is too large")]
    TooLarge,
}

impl Points {
    /// Units per whole point.
    pub const SCALE: i64 = 10_000;
    /// Zero points.
    pub const ZERO: Points = Points(0);

    /// From a raw count of ten-thousandths.
    #[must_use]
    pub const fn from_units(units: i64) -> Self {
        Points(units)
    }

    /// From whole points.
    #[must_use]
    pub const fn from_whole(points: i64) -> Self {
        Points(points * Self::SCALE)
    }

    /// The raw count of ten-thousandths.
    #[must_use]
    pub const fn units(self) -> i64 {
        self.0
    }

    /// Rounds an engine value to the published precision, half away from zero.
    /// Non-finite values (never produced by a validated computation) map to zero.
    #[must_use]
    #[allow(clippy::as_conversions)] // f64 → i64 after rounding and clamping: the one audited cast.
    pub fn from_f64(value: f64) -> Self {
        if !value.is_finite() {
            return Points(0);
        }
        let scaled = (value * 10_000.0).round();
        let clamped = scaled.clamp(-9.0e15, 9.0e15);
        Points(clamped as i64)
    }

    /// The plain average of `scores` in ten-thousandths, truncated toward zero (e.g. a field's
    /// average on one aspect); `None` for no scores.
    #[must_use]
    pub fn mean(scores: impl IntoIterator<Item = Points>) -> Option<Points> {
        let (sum, count) = scores
            .into_iter()
            .fold((0i128, 0i128), |(sum, n), p| (sum + i128::from(p.0), n + 1));
        if count == 0 {
            return None;
        }
        // The mean of i64 values lies between them: it always fits.
        i64::try_from(sum / count).ok().map(Points)
    }

    /// The value as `f64`, for engine arithmetic.
    #[must_use]
    #[allow(clippy::as_conversions)] // |units| ≤ 9e15 < 2^53: exact.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 10_000.0
    }

    /// The API's one decimal form: the shortest exact decimal, no trailing zeros (`85`,
    /// `85.5`, `83.25`, `-0.0001`); [`fmt::Display`] keeps at least two decimals for pages.
    #[must_use]
    pub fn canonical(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let frac = format!("{:04}", abs % 10_000);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            format!("{sign}{}", abs / 10_000)
        } else {
            format!("{sign}{}.{frac}", abs / 10_000)
        }
    }
}

/// `85.23` style: up to four decimals, trailing zeros trimmed, at least two decimals kept.
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / 10_000;
        let frac = format!("{:04}", abs % 10_000);
        let trimmed = frac.trim_end_matches('0');
        let shown = if trimmed.len() < 2 {
            &frac[..2]
        } else {
            trimmed
        };
        write!(f, "{sign}{whole}.{shown}")
    }
}

/// Reads `85`, `85.5` or `85,5` (Indonesian decimal comma), up to four decimals.
impl FromStr for Points {
    type Err = PointsParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let normalized = body.replace(',', ".");
        let mut parts = normalized.splitn(2, '.');
        let whole_txt = parts.next().unwrap_or("");
        let frac_txt = parts.next().unwrap_or("");
        if whole_txt.is_empty() && frac_txt.is_empty() {
            return Err(PointsParseError::NotANumber);
        }
        if !whole_txt.chars().all(|c| c.is_ascii_digit())
            || !frac_txt.chars().all(|c| c.is_ascii_digit())
            || (normalized.contains('.') && frac_txt.is_empty())
        {
            return Err(PointsParseError::NotANumber);
        }
        if frac_txt.len() > 4 {
            return Err(PointsParseError::TooPrecise);
        }
        let whole: i64 = if whole_txt.is_empty() {
            0
        } else {
            whole_txt.parse().map_err(|_| PointsParseError::TooLarge)?
        };
        let frac: i64 = format!("{frac_txt:0<4}")
            .parse()
            .map_err(|_| PointsParseError::NotANumber)?;
        let units = whole
            .checked_mul(Self::SCALE)
            .and_then(|w| w.checked_add(frac))
            .ok_or(PointsParseError::TooLarge)?;
        Ok(Points(if negative { -units } else { units }))
    }
}

#[cfg(test)]
mod tests;
