//! Formatting helpers for templates: numbers with Indonesian thousands separators, and times
//! in a competition's zone (WIB, WITA or WIT, always named) whatever offset the database
//! returned them in (PostgreSQL answers in UTC, SQLite in the offset stored), so a deadline
//! reads the same on both.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::app::competition::zone;
use crate::registry::TimeZone;
use entity::competition;
use rocket_dyn_templates::tera::{self, Value};

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
const MONTHS: [&str; 12] = [
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

/// A score as people read it: two decimals, `92,13`.
#[must_use]
pub fn score(p: juara_domain::Points) -> String {
    decimal(p.units(), juara_domain::Points::SCALE, 2)
}

/// A weight or a judge's mark as typed: up to four decimals, none when whole — `35`,
/// `3,465`, `4,5`.
#[must_use]
pub fn trimmed(p: juara_domain::Points) -> String {
    let full = decimal(p.units(), juara_domain::Points::SCALE, 4);
    full.trim_end_matches('0').trim_end_matches(',').to_owned()
}

/// `31-05-2026 23:59 WITA`: the compact numeric form tables and spreadsheets sort by.
#[must_use]
pub fn numeric_in(t: DateTime<FixedOffset>, zone: TimeZone) -> String {
    let local = t.with_timezone(&zone.offset());
    format!("{} {}", local.format("%d-%m-%Y %H:%M"), zone.label())
}

/// Month names in English, for pages read in English.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as Indonesian letters print it: `20 Desember 2026`.
#[must_use]
pub fn tanggal(d: impl Datelike) -> String {
    let month = usize::try_from(d.month0())
        .ok()
        .and_then(|m| MONTHS.get(m))
        .unwrap_or(&"");
    format!("{} {month} {}", d.day(), d.year())
}

/// `20 Desember 2026` in the given zone.
#[must_use]
pub fn date_in(t: DateTime<FixedOffset>, zone: TimeZone) -> String {
    tanggal(t.with_timezone(&zone.offset()))
}

/// `20 Desember 2026 pukul 16.00 WITA`: the form official letters use.
#[must_use]
pub fn datetime_in(t: DateTime<FixedOffset>, zone: TimeZone) -> String {
    let local = t.with_timezone(&zone.offset());
    format!(
        "{} pukul {} {}",
        date_in(t, zone),
        local.format("%H.%M"),
        zone.label()
    )
}

/// A time as a page in `lang` prints it, in `zone` and naming it:
/// `20 Desember 2026 pukul 16.00 WITA`, in English `20 December 2026, 16:00 WITA`.
#[must_use]
pub fn when(t: DateTime<FixedOffset>, zone: TimeZone, lang: &str) -> String {
    if lang != "en" {
        return datetime_in(t, zone);
    }
    let local = t.with_timezone(&zone.offset());
    let month = usize::try_from(local.month0())
        .ok()
        .and_then(|m| MONTHS_EN.get(m))
        .unwrap_or(&"");
    format!(
        "{} {month} {}, {} {}",
        local.day(),
        local.year(),
        local.format("%H:%M"),
        zone.label()
    )
}

/// A time of competition `c` as [`when`] prints it, in the competition's own zone.
#[must_use]
pub fn competition_time(c: &competition::Model, t: DateTime<FixedOffset>, lang: &str) -> String {
    when(t, zone::of(c), lang)
}

/// The Tera filter `waktu`: an RFC 3339 time shown as [`when`] prints it, in the zone given
/// as `zona` ("WIB", "WITA" or "WIT" — a serialized [`TimeZone`]; WIB when absent) and the
/// language `lang` (Indonesian when absent): `{{ t | waktu(zona=c.zone, lang=page.lang) }}`.
pub fn waktu_filter(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let zone = args
        .get("zona")
        .and_then(Value::as_str)
        .and_then(TimeZone::from_label)
        .unwrap_or(TimeZone::Wib);
    let lang = args.get("lang").and_then(Value::as_str).unwrap_or("id");
    Ok(match value.as_str().map(DateTime::parse_from_rfc3339) {
        Some(Ok(t)) => Value::String(when(t, zone, lang)),
        _ => value.clone(),
    })
}

/// The Tera filter `angka`: a number in Indonesian notation with `d` decimals (default 0):
/// `{{ 83762 | angka }}` → `83.762`, `{{ 92.1288 | angka(d=2) }}` → `92,13`. Text that is not
/// a number passes through unchanged.
pub fn angka_filter(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let places = args
        .get("d")
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(0)
        .min(6);
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return Ok(value.clone()),
    };
    Ok(match parse_units(&text) {
        Some(units) => Value::String(decimal(units, UNIT_SCALE, places)),
        None => value.clone(),
    })
}

/// The Tera filter `tahun`: [`crate::i18n::with_year`], `{{ c.name | tahun(y=c.year) }}`.
pub fn tahun_filter(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let (Some(name), Some(year)) = (value.as_str(), args.get("y").and_then(Value::as_i64)) else {
        return Ok(value.clone());
    };
    Ok(Value::String(crate::i18n::with_year(name, year)))
}

/// Fixed point used to read numbers for display: six decimals, no floating point.
const UNIT_SCALE: i64 = 1_000_000;

/// `"-92.1288"` → -92_128_800 units of 1/1 000 000; `None` for anything else.
fn parse_units(text: &str) -> Option<i64> {
    let (neg, digits) = match text.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.trim()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut units = whole.parse::<i64>().ok()?.checked_mul(UNIT_SCALE)?;
    let mut place = UNIT_SCALE / 10;
    for b in frac.bytes().take(6) {
        units = units.checked_add(i64::from(b - b'0') * place)?;
        place /= 10;
    }
    Some(if neg { -units } else { units })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_year;

    #[test]
    fn a_title_carries_its_year_once() {
        assert_eq!(with_year("Lomba Desa 2026", 2026), "Lomba Desa 2026");
        assert_eq!(
            with_year("Lomba Desa 2026 (demo)", 2026),
            "Lomba Desa 2026 (demo)"
        );
        assert_eq!(with_year("Lomba Desa", 2026), "Lomba Desa (2026)");
        assert_eq!(with_year("Lomba 20261", 2026), "Lomba 20261 (2026)");
    }

    #[test]
    fn times_show_in_the_zone_whatever_the_stored_offset() {
        let utc = DateTime::parse_from_rfc3339("2026-05-31T16:59:00Z").unwrap();
        let wib_stored = DateTime::parse_from_rfc3339("2026-05-31T23:59:00+07:00").unwrap();
        assert_eq!(
            when(utc, TimeZone::Wib, "id"),
            "31 Mei 2026 pukul 23.59 WIB"
        );
        assert_eq!(
            when(wib_stored, TimeZone::Wib, "id"),
            when(utc, TimeZone::Wib, "id")
        );
        assert_eq!(when(utc, TimeZone::Wit, "en"), "1 June 2026, 01:59 WIT");
        assert_eq!(numeric_in(utc, TimeZone::Wib), "31-05-2026 23:59 WIB");
        let none = HashMap::new();
        let shown = waktu_filter(&Value::String("2026-05-31T16:59:00+00:00".into()), &none);
        assert_eq!(
            shown.unwrap(),
            Value::String("31 Mei 2026 pukul 23.59 WIB".into())
        );
        let text = Value::String("bukan waktu".into());
        assert_eq!(waktu_filter(&text, &none).unwrap(), text);
    }

    #[test]
    fn groups_by_three_with_dots() {
        assert_eq!(super::thousands(83_762), "83.762");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000_000), "1.000.000");
    }

    #[test]
    fn decimals_use_a_comma_and_round_half_away_from_zero() {
        assert_eq!(decimal(12_345_678, 10_000, 2), "1.234,57");
        assert_eq!(decimal(921_288, 10_000, 2), "92,13");
        assert_eq!(decimal(921_250, 10_000, 2), "92,13");
        assert_eq!(decimal(921_249, 10_000, 2), "92,12");
        assert_eq!(decimal(-921_250, 10_000, 2), "-92,13");
        assert_eq!(decimal(-1, 10_000, 2), "0,00");
        assert_eq!(decimal(837_620_000, 10_000, 0), "83.762");
        assert_eq!(decimal(5, 1, 1), "5,0");
        assert_eq!(score(juara_domain::Points::from_units(738_000)), "73,80");
        let p = juara_domain::Points::from_units;
        assert_eq!(trimmed(p(350_000)), "35");
        assert_eq!(trimmed(p(34_650)), "3,465");
        assert_eq!(trimmed(p(12_705)), "1,2705");
        assert_eq!(trimmed(p(1_000_000)), "100");
        assert_eq!(trimmed(p(0)), "0");
    }

    #[test]
    fn dates_read_in_the_competition_zone() {
        // 16:59 UTC on 31 May is 23:59 WIB but already 00:59 WITA on 1 June.
        let t = DateTime::parse_from_rfc3339("2026-05-31T16:59:00Z").unwrap();
        assert_eq!(datetime_in(t, TimeZone::Wib), "31 Mei 2026 pukul 23.59 WIB");
        assert_eq!(
            datetime_in(t, TimeZone::Wita),
            "1 Juni 2026 pukul 00.59 WITA"
        );
        assert_eq!(date_in(t, TimeZone::Wit), "1 Juni 2026");
        let dec = DateTime::parse_from_rfc3339("2026-12-20T08:00:00Z").unwrap();
        assert_eq!(
            datetime_in(dec, TimeZone::Wita),
            "20 Desember 2026 pukul 16.00 WITA"
        );
    }

    #[test]
    fn template_filters_format_times_and_numbers() {
        let mut args = HashMap::new();
        args.insert("zona".to_owned(), Value::String("WITA".into()));
        let t = Value::String("2026-12-20T08:00:00+00:00".into());
        assert_eq!(
            waktu_filter(&t, &args).unwrap(),
            Value::String("20 Desember 2026 pukul 16.00 WITA".into())
        );
        args.insert("lang".to_owned(), Value::String("en".into()));
        assert_eq!(
            waktu_filter(&t, &args).unwrap(),
            Value::String("20 December 2026, 16:00 WITA".into())
        );
        let mut d2 = HashMap::new();
        d2.insert("d".to_owned(), Value::from(2));
        assert_eq!(
            angka_filter(&Value::String("92.1288".into()), &d2).unwrap(),
            "92,13"
        );
        assert_eq!(
            angka_filter(&Value::from(83_762), &HashMap::new()).unwrap(),
            "83.762"
        );
        assert_eq!(angka_filter(&Value::from(-1.5), &d2).unwrap(), "-1,50");
        let text = Value::String("TB".into());
        assert_eq!(angka_filter(&text, &d2).unwrap(), text);
    }
}
