//! Indonesia's three time zones and which region lies in which. A competition's deadlines are
//! typed and read in its region's zone: a Kalimantan Timur committee means 23:59 WITA, not WIB.
//!
//! The zones follow whole provinces (Keputusan Presiden No. 41/1987): WIB (UTC+7) for Sumatra,
//! Java, West and Central Kalimantan; WITA (UTC+8) for Bali, Nusa Tenggara, South, East and
//! North Kalimantan and all of Sulawesi; WIT (UTC+9) for Maluku and Papua. A national
//! competition uses WIB, the zone of the capital.

use chrono::{FixedOffset, Offset};
use serde::Serialize;

/// One of Indonesia's time zones; serialized as its label (`"WITA"`), which the template
/// filter `waktu(zona=…)` reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeZone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl TimeZone {
    /// The zone of a region code at any level (`64`, `64.02`, `64.02.05.2001`); a national
    /// scope (`None`) or an unknown province reads as WIB.
    #[must_use]
    pub fn of_region(code: Option<&str>) -> TimeZone {
        let province = code.and_then(|c| c.get(..2)).unwrap_or("");
        match province {
            "51" | "52" | "53" | "63" | "64" | "65" | "71" | "72" | "73" | "74" | "75" | "76" => {
                TimeZone::Wita
            }
            "81" | "82" | "91" | "92" | "93" | "94" | "95" | "96" => TimeZone::Wit,
            _ => TimeZone::Wib,
        }
    }

    /// Hours east of UTC.
    #[must_use]
    pub fn utc_hours(self) -> i32 {
        match self {
            TimeZone::Wib => 7,
            TimeZone::Wita => 8,
            TimeZone::Wit => 9,
        }
    }

    /// The fixed offset (none of the zones observes daylight saving).
    #[must_use]
    pub fn offset(self) -> FixedOffset {
        // 7 to 9 hours are always within chrono's ±24 h range; the fallback is never taken.
        FixedOffset::east_opt(self.utc_hours() * 3600).unwrap_or_else(|| chrono::Utc.fix())
    }

    /// The abbreviation printed after a time: WIB, WITA or WIT.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TimeZone::Wib => "WIB",
            TimeZone::Wita => "WITA",
            TimeZone::Wit => "WIT",
        }
    }

    /// The zone named by its label (`WIB`, `WITA`, `WIT`).
    #[must_use]
    pub fn from_label(label: &str) -> Option<TimeZone> {
        [TimeZone::Wib, TimeZone::Wita, TimeZone::Wit]
            .into_iter()
            .find(|z| z.label() == label)
    }
}

#[cfg(test)]
mod tests {
    use super::TimeZone;

    #[test]
    fn provinces_fall_in_their_zones() {
        assert_eq!(TimeZone::of_region(Some("35")), TimeZone::Wib); // Jawa Timur
        assert_eq!(TimeZone::of_region(Some("62.01")), TimeZone::Wib); // Kalimantan Tengah
        assert_eq!(TimeZone::of_region(Some("64")), TimeZone::Wita); // Kalimantan Timur
        assert_eq!(TimeZone::of_region(Some("51.71.01.1001")), TimeZone::Wita); // Bali
        assert_eq!(TimeZone::of_region(Some("73")), TimeZone::Wita); // Sulawesi Selatan
        assert_eq!(TimeZone::of_region(Some("81")), TimeZone::Wit); // Maluku
        assert_eq!(TimeZone::of_region(Some("96")), TimeZone::Wit); // Papua Barat Daya
        assert_eq!(TimeZone::of_region(None), TimeZone::Wib);
        assert_eq!(TimeZone::Wita.offset().local_minus_utc(), 8 * 3600);
        assert_eq!(TimeZone::Wit.label(), "WIT");
        assert_eq!(TimeZone::from_label("WITA"), Some(TimeZone::Wita));
        assert_eq!(TimeZone::from_label("wita"), None);
        assert_eq!(serde_json::to_string(&TimeZone::Wita).unwrap(), "\"WITA\"");
    }

    #[test]
    fn registry_provinces_get_the_zone_their_names_imply() {
        // Independent of the code table above: judged by the province's name.
        let reg = crate::registry::parse(crate::registry::embedded()).unwrap();
        let mut counts = [0; 3];
        for p in &reg.provinces {
            let n = p.name.as_str();
            let expected = if n.contains("Papua") || n.contains("Maluku") {
                TimeZone::Wit
            } else if n.contains("Sulawesi")
                || n == "Gorontalo"
                || n == "Bali"
                || n.contains("Nusa Tenggara")
                || ["Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara"].contains(&n)
            {
                TimeZone::Wita
            } else {
                TimeZone::Wib
            };
            let zone = TimeZone::of_region(Some(&p.code));
            assert_eq!(zone, expected, "{} {}", p.code, n);
            let slot = usize::try_from(zone.utc_hours() - 7).unwrap();
            counts[slot] += 1;
        }
        assert_eq!(counts, [18, 12, 8], "WIB, WITA, WIT provinces");
    }
}
