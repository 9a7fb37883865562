//! Pure parsing and checking of the four registry CSV files.

use std::collections::HashSet;

use super::{Level, RegistryError, VillageKind};

/// The text of the four CSV files (`code,parent_code,name`; provinces `code,name`).
#[derive(Clone, Copy)]
pub struct RegistrySource<'a> {
    pub provinces: &'a str,
    pub regencies: &'a str,
    pub districts: &'a str,
    pub villages: &'a str,
}

/// One parsed row: code, parent code (empty for provinces), name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub parent: String,
    pub name: String,
}

/// The whole registry, checked: every code well formed, every parent present.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    pub provinces: Vec<Row>,
    pub regencies: Vec<Row>,
    pub districts: Vec<Row>,
    pub villages: Vec<(Row, VillageKind)>,
}

impl Registry {
    /// A fingerprint of the content (FNV-1a, 64-bit) and the row counts: a changed file gives
    /// a new version and triggers an upsert; the same file loads nothing twice.
    #[must_use]
    pub fn version(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |s: &str| {
            for b in s.bytes().chain(std::iter::once(0)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for r in self
            .provinces
            .iter()
            .chain(&self.regencies)
            .chain(&self.districts)
        {
            feed(&r.code);
            feed(&r.parent);
            feed(&r.name);
        }
        for (r, _) in &self.villages {
            feed(&r.code);
            feed(&r.parent);
            feed(&r.name);
        }
        format!(
            "wilayah-v1:{h:016x}:{}/{}/{}/{}",
            self.provinces.len(),
            self.regencies.len(),
            self.districts.len(),
            self.villages.len()
        )
    }
}

fn read_rows(
    file: &'static str,
    text: &str,
    level: Level,
    parents: Option<&HashSet<String>>,
) -> Result<Vec<Row>, RegistryError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| RegistryError::Csv {
            file,
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).unwrap_or("").to_owned();
        let (code, parent, name) = match parents {
            None => (field(0), String::new(), field(1)),
            Some(_) => (field(0), field(1), field(2)),
        };
        if Level::of_code(&code) != Some(level) || name.is_empty() {
            return Err(RegistryError::BadCode { file, line, code });
        }
        if let Some(parents) = parents {
            let expected = Level::ancestor_codes(&code).pop().unwrap_or_default();
            if parent != expected || !parents.contains(&parent) {
                return Err(RegistryError::UnknownParent {
                    file,
                    line,
                    code,
                    parent,
                });
            }
        }
        rows.push(Row { code, parent, name });
    }
    Ok(rows)
}

fn codes(rows: &[Row]) -> HashSet<String> {
    rows.iter().map(|r| r.code.clone()).collect()
}

/// Parses and checks the four files.
pub fn parse(src: RegistrySource<'_>) -> Result<Registry, RegistryError> {
    let provinces = read_rows("provinces.csv", src.provinces, Level::Province, None)?;
    let regencies = read_rows(
        "regencies.csv",
        src.regencies,
        Level::Regency,
        Some(&codes(&provinces)),
    )?;
    let districts = read_rows(
        "districts.csv",
        src.districts,
        Level::District,
        Some(&codes(&regencies)),
    )?;
    let villages = read_rows(
        "villages.csv",
        src.villages,
        Level::Village,
        Some(&codes(&districts)),
    )?
    .into_iter()
    .map(|r| {
        let kind = VillageKind::of_code(&r.code);
        (r, kind)
    })
    .collect();
    Ok(Registry {
        provinces,
        regencies,
        districts,
        villages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "code,name\n35,Jawa Timur\n";
    const R: &str = "code,province_code,name\n35.01,35,Kabupaten Pacitan\n";
    const D: &str = "code,regency_code,name\n35.01.01,35.01,Donorojo\n";
    const V: &str =
        "code,district_code,name\n35.01.01.2001,35.01.01,Sendang\n35.01.01.1001,35.01.01,Kota\n";

    fn src<'a>(v: &'a str) -> RegistrySource<'a> {
        RegistrySource {
            provinces: P,
            regencies: R,
            districts: D,
            villages: v,
        }
    }

    #[test]
    fn parses_a_small_registry_with_kinds() {
        let reg = parse(src(V)).unwrap();
        assert_eq!(reg.provinces.len(), 1);
        assert_eq!(reg.villages.len(), 2);
        assert_eq!(reg.villages[0].1, VillageKind::Desa);
        assert_eq!(reg.villages[1].1, VillageKind::Kelurahan);
    }

    #[test]
    fn refuses_a_village_whose_district_is_missing() {
        let v = "code,district_code,name\n35.01.02.2001,35.01.02,Nowhere\n";
        let err = parse(src(v)).unwrap_err();
        assert!(
            matches!(err, RegistryError::UnknownParent { line: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn refuses_malformed_codes() {
        let v = "code,district_code,name\n35.01.01.20X1,35.01.01,Bad\n";
        assert!(matches!(
            parse(src(v)).unwrap_err(),
            RegistryError::BadCode { .. }
        ));
    }

    #[test]
    fn version_changes_with_content() {
        let a = parse(src(V)).unwrap().version();
        let b = parse(src(
            "code,district_code,name\n35.01.01.2001,35.01.01,Sendang Baru\n",
        ))
        .unwrap()
        .version();
        assert_ne!(a, b);
        assert_eq!(a, parse(src(V)).unwrap().version());
    }

    #[test]
    fn the_shipped_registry_parses_with_official_counts() {
        let reg = parse(crate::registry::embedded()).unwrap();
        assert_eq!(reg.provinces.len(), 38);
        assert_eq!(reg.regencies.len(), 514);
        assert_eq!(reg.districts.len(), 7_285);
        assert_eq!(reg.villages.len(), 83_762);
        let desa = reg
            .villages
            .iter()
            .filter(|(_, k)| *k == VillageKind::Desa)
            .count();
        let kel = reg
            .villages
            .iter()
            .filter(|(_, k)| *k == VillageKind::Kelurahan)
            .count();
        assert_eq!((desa, kel), (75_252, 8_496));
    }
}
