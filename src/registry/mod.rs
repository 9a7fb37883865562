//! The Kemendagri region registry (wilayah): provinces, kabupaten/kota, kecamatan and
//! desa/kelurahan. Parsing is pure (`parse`); `db::registry_load` writes it idempotently.
//! The data ships in `assets/wilayah/` under the ODbL (see the licence file beside it).

mod parse;
mod time_zone;

pub use parse::{Registry, RegistrySource, parse};
pub use time_zone::TimeZone;

use serde::Serialize;

/// The level of a region, told by the shape of its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// `35`
    Province,
    /// `35.01` (kabupaten or kota)
    Regency,
    /// `35.01.01` (kecamatan)
    District,
    /// `35.01.01.2001` (desa or kelurahan)
    Village,
}

impl Level {
    /// Every level, top down.
    pub const ALL: [Level; 4] = [
        Level::Province,
        Level::Regency,
        Level::District,
        Level::Village,
    ];

    /// The level a well-formed code names, or `None` for anything else.
    #[must_use]
    pub fn of_code(code: &str) -> Option<Level> {
        let parts: Vec<&str> = code.split('.').collect();
        let widths: &[usize] = match parts.len() {
            1 => &[2],
            2 => &[2, 2],
            3 => &[2, 2, 2],
            4 => &[2, 2, 2, 4],
            _ => return None,
        };
        let ok = parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == *w && p.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return None;
        }
        Level::ALL.get(parts.len() - 1).copied()
    }

    /// The level directly below, if any.
    #[must_use]
    pub fn child(self) -> Option<Level> {
        match self {
            Level::Province => Some(Level::Regency),
            Level::Regency => Some(Level::District),
            Level::District => Some(Level::Village),
            Level::Village => None,
        }
    }

    /// Lower-case name used in URLs and the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Regency => "regency",
            Level::District => "district",
            Level::Village => "village", // not a state: a region level
        }
    }

    /// Parses the lower-case name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The codes of every enclosing region, outermost first: `35.01.01.2001` gives
    /// `35`, `35.01`, `35.01.01`.
    #[must_use]
    pub fn ancestor_codes(code: &str) -> Vec<String> {
        let parts: Vec<&str> = code.split('.').collect();
        (1..parts.len())
            .map(|n| parts.iter().take(n).copied().collect::<Vec<_>>().join("."))
            .collect()
    }

    /// True when `inner` lies inside (or is) the region `outer`.
    #[must_use]
    pub fn contains(outer: &str, inner: &str) -> bool {
        inner == outer || inner.starts_with(&format!("{outer}."))
    }
}

/// Whether a village is a desa or a kelurahan, from the first digit of its last code segment
/// (Kemendagri convention: `1xxx` kelurahan, `2xxx` desa; a few `3xxx` other units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VillageKind {
    Desa,
    Kelurahan,
    Other,
}

impl VillageKind {
    /// Derives the kind from a village code such as `35.01.01.2001`.
    #[must_use]
    pub fn of_code(code: &str) -> VillageKind {
        match code.rsplit('.').next().and_then(|s| s.bytes().next()) {
            Some(b'1') => VillageKind::Kelurahan,
            Some(b'2') => VillageKind::Desa,
            _ => VillageKind::Other,
        }
    }

    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            VillageKind::Desa => "desa",
            VillageKind::Kelurahan => "kelurahan",
            VillageKind::Other => "other",
        }
    }

    /// Parses the stored name.
    #[must_use]
    pub fn parse(s: &str) -> Option<VillageKind> {
        match s {
            "desa" => Some(VillageKind::Desa),
            "kelurahan" => Some(VillageKind::Kelurahan),
            "other" => Some(VillageKind::Other),
            _ => None,
        }
    }
}

/// Why the registry could not be read or stored.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{file} line {line}: {message}")]
    Csv {
        file: &'static str,
        line: u64,
        message: String,
    },
    #[error("{file} line {line}: malformed code {code:?}")]
    BadCode {
        file: &'static str,
        line: u64,
        code: String,
    },
    #[error("{file} line {line}: {code} names parent {parent}, which is not in the registry")]
    UnknownParent {
        file: &'static str,
        line: u64,
        code: String,
        parent: String,
    },
    #[error("reading {path}: {message}")]
    Io { path: String, message: String },
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// The registry shipped inside the binary, so the app starts from any working directory.
#[must_use]
pub fn embedded() -> RegistrySource<'static> {
    RegistrySource {
        provinces: include_str!("../../assets/wilayah/provinces.csv"),
        regencies: include_str!("../../assets/wilayah/regencies.csv"),
        districts: include_str!("../../assets/wilayah/districts.csv"),
        villages: include_str!("../../assets/wilayah/villages.csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_is_told_by_code_shape() {
        assert_eq!(Level::of_code("35"), Some(Level::Province));
        assert_eq!(Level::of_code("35.01"), Some(Level::Regency));
        assert_eq!(Level::of_code("35.01.01"), Some(Level::District));
        assert_eq!(Level::of_code("35.01.01.2001"), Some(Level::Village));
        for bad in [
            "",
            "3",
            "355",
            "35.1",
            "35.01.01.201",
            "35.01.01.2001.1",
            "ab",
            "35..01",
        ] {
            assert_eq!(Level::of_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn village_kind_comes_from_the_last_segment() {
        assert_eq!(VillageKind::of_code("35.01.01.2001"), VillageKind::Desa);
        assert_eq!(
            VillageKind::of_code("35.78.01.1001"),
            VillageKind::Kelurahan
        );
        assert_eq!(VillageKind::of_code("91.01.01.3001"), VillageKind::Other);
    }

    #[test]
    fn ancestors_and_containment() {
        assert_eq!(
            Level::ancestor_codes("35.01.01.2001"),
            vec!["35", "35.01", "35.01.01"]
        );
        assert!(Level::contains("35", "35.01.01.2001"));
        assert!(Level::contains("35.01", "35.01"));
        assert!(!Level::contains("35.0", "35.01"));
        assert!(!Level::contains("35.01", "35.010"));
    }
}
