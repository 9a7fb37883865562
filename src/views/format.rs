//! Formatting helpers for templates: numbers with Indonesian thousands separators, and times
//! in WIB whatever offset the database returned them in (PostgreSQL answers in UTC, SQLite
//! in the offset stored), so a deadline reads the same on both.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rocket_dyn_templates::tera::{self, Value};

/// Western Indonesian Time (UTC+7), the offset schedules are entered and shown in.
const WIB_SECONDS: i32 = 7 * 3600;

/// `2026-05-31T16:59:00Z` → `31-05-2026 23:59 WIB`.
#[must_use]
pub fn wib(t: DateTime<FixedOffset>) -> String {
    let offset = FixedOffset::east_opt(WIB_SECONDS).unwrap_or_else(|| *t.offset());
    format!("{} WIB", t.with_timezone(&offset).format("%d-%m-%Y %H:%M"))
}

/// The Tera filter `wib`: an RFC 3339 time (as serde writes `DateTime`) shown in WIB; any
/// other value passes through unchanged.
pub fn wib_filter(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    Ok(match value.as_str().map(DateTime::parse_from_rfc3339) {
        Some(Ok(t)) => Value::String(wib(t)),
        _ => value.clone(),
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_show_in_wib_whatever_the_stored_offset() {
        let utc = DateTime::parse_from_rfc3339("2026-05-31T16:59:00Z").unwrap();
        let wib_stored = DateTime::parse_from_rfc3339("2026-05-31T23:59:00+07:00").unwrap();
        assert_eq!(wib(utc), "31-05-2026 23:59 WIB");
        assert_eq!(wib(wib_stored), wib(utc));
        let none = HashMap::new();
        let shown = wib_filter(&Value::String("2026-05-31T16:59:00+00:00".into()), &none);
        assert_eq!(shown.unwrap(), Value::String("31-05-2026 23:59 WIB".into()));
        let text = Value::String("bukan waktu".into());
        assert_eq!(wib_filter(&text, &none).unwrap(), text);
    }

    #[test]
    fn groups_by_three_with_dots() {
        assert_eq!(super::thousands(83_762), "83.762");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000_000), "1.000.000");
    }
}
