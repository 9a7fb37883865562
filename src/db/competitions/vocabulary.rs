//! The vocabulary of a competition: the administrative level it runs at and the category
//! (desa or kelurahan) it admits.

use serde::Serialize;

use crate::registry::{Level as RegionLevel, VillageKind};

/// The administrative level a competition runs at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Kecamatan,
    Kabupaten,
    Provinsi,
    Nasional,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [
        Level::Kecamatan,
        Level::Kabupaten,
        Level::Provinsi,
        Level::Nasional,
    ];

    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Kecamatan => "kecamatan",
            Level::Kabupaten => "kabupaten",
            Level::Provinsi => "provinsi",
            Level::Nasional => "nasional",
        }
    }

    /// Parses the stored name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The registry level whose code names this competition's scope (none for national).
    #[must_use]
    pub fn region_level(self) -> Option<RegionLevel> {
        match self {
            Level::Kecamatan => Some(RegionLevel::District),
            Level::Kabupaten => Some(RegionLevel::Regency),
            Level::Provinsi => Some(RegionLevel::Province),
            Level::Nasional => None,
        }
    }

    /// The level winners advance to.
    #[must_use]
    pub fn next(self) -> Option<Level> {
        match self {
            Level::Kecamatan => Some(Level::Kabupaten),
            Level::Kabupaten => Some(Level::Provinsi),
            Level::Provinsi => Some(Level::Nasional),
            Level::Nasional => None,
        }
    }
}

/// Desa and kelurahan compete in separate categories at every level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Desa,
    Kelurahan,
}

impl Category {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Desa => "desa",
            Category::Kelurahan => "kelurahan",
        }
    }

    /// Parses the stored name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Category> {
        match s {
            "desa" => Some(Category::Desa),
            "kelurahan" => Some(Category::Kelurahan),
            _ => None,
        }
    }

    /// True when a village of this kind may enter this category.
    #[must_use]
    pub fn admits(self, kind: VillageKind) -> bool {
        matches!(
            (self, kind),
            (Category::Desa, VillageKind::Desa) | (Category::Kelurahan, VillageKind::Kelurahan)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_admit_only_their_kind() {
        assert!(Category::Desa.admits(VillageKind::Desa));
        assert!(!Category::Desa.admits(VillageKind::Kelurahan));
        assert!(Category::Kelurahan.admits(VillageKind::Kelurahan));
        assert!(!Category::Kelurahan.admits(VillageKind::Other));
    }

    #[test]
    fn levels_advance_upwards_and_name_their_region_level() {
        assert_eq!(Level::Kecamatan.next(), Some(Level::Kabupaten));
        assert_eq!(Level::Nasional.next(), None);
        assert_eq!(Level::Provinsi.region_level(), Some(RegionLevel::Province));
        assert_eq!(Level::parse("kabupaten"), Some(Level::Kabupaten));
        assert_eq!(Level::parse("desa"), None);
    }
}
