//! Numbers and dates as Indonesian documents print them — `1.234,57`, `86,50`,
//! `20 Desember 2026`, `Juara I` — plain functions with no templates or database, shared by
//! the pages (`views::format`) and the official documents (`results::documents`).

use chrono::Datelike;

/// `83762` → `83.762`.
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Month names as Indonesian documents print them.
pub const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A fixed-point value (`units` of `1/scale`) with `places` decimals in Indonesian notation:
/// thousands with `.`, decimals after `,`, rounded half away from zero — `12345678` units of
/// 1/10 000 at 2 places is `1.234,57`.
#[must_use]
pub fn decimal(units: i64, scale: i64, places: u32) -> String {
    let step = 10_i128.pow(places);
    let scale = i128::from(scale.max(1));
    let scaled = i128::from(units) * step;
    // Round half away from zero, in integers.
    let rounded = (scaled.abs() * 2 + scale) / (scale * 2);
    let sign = if units < 0 && rounded > 0 { "-" } else { "" };
    let whole = u64::try_from(rounded / step).unwrap_or(u64::MAX);
    let frac = rounded % step;
    if places == 0 {
        format!("{sign}{}", thousands(whole))
    } else {
        let width = usize::try_from(places).unwrap_or(2);
        format!("{sign}{},{frac:0width$}", thousands(whole))
    }
}

/// A calendar date as Indonesian letters print it: `20 Desember 2026`.
#[must_use]
pub fn tanggal(d: impl Datelike) -> String {
    let month = usize::try_from(d.month0())
        .ok()
        .and_then(|m| MONTHS.get(m))
        .unwrap_or(&"");
    format!("{} {month} {}", d.day(), d.year())
}
