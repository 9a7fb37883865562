//! Naming villages in lists: each code with its name, kecamatan and kabupaten/kota, in three
//! queries however many villages there are. Committee pages, presentation schedules and
//! results all name villages this way.

use std::collections::HashMap;

use entity::{district, regency, village};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

/// Where a village lies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct VillageInfo {
    pub code: String,
    pub name: String,
    /// Kecamatan.
    pub district: String,
    /// Kabupaten/kota.
    pub regency: String,
}

impl VillageInfo {
    /// "Name, Kecamatan, Kabupaten" for a single line of text (select options, lists).
    #[must_use]
    pub fn label(&self) -> String {
        [&self.name, &self.district, &self.regency]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every code named; a code missing from the registry keeps itself as its name.
pub async fn infos<C: ConnectionTrait>(
    db: &C,
    codes: &[&str],
) -> Result<HashMap<String, VillageInfo>, DbErr> {
    let villages = village::Entity::find()
        .filter(village::Column::Code.is_in(codes.iter().copied()))
        .all(db)
        .await?;
    let districts = district::Entity::find()
        .filter(district::Column::Code.is_in(villages.iter().map(|v| v.district_code.as_str())))
        .all(db)
        .await?;
    let regencies = regency::Entity::find()
        .filter(regency::Column::Code.is_in(districts.iter().map(|d| d.regency_code.as_str())))
        .all(db)
        .await?;
    let v_by: HashMap<&str, &village::Model> =
        villages.iter().map(|v| (v.code.as_str(), v)).collect();
    let d_by: HashMap<&str, &district::Model> =
        districts.iter().map(|d| (d.code.as_str(), d)).collect();
    let r_by: HashMap<&str, &regency::Model> =
        regencies.iter().map(|r| (r.code.as_str(), r)).collect();
    Ok(codes
        .iter()
        .map(|code| {
            let v = v_by.get(code);
            let d = v.and_then(|v| d_by.get(v.district_code.as_str()));
            let r = d.and_then(|d| r_by.get(d.regency_code.as_str()));
            let info = VillageInfo {
                code: (*code).to_owned(),
                name: v.map_or_else(|| (*code).to_owned(), |v| v.name.clone()),
                district: d.map(|d| d.name.clone()).unwrap_or_default(),
                regency: r.map(|r| r.name.clone()).unwrap_or_default(),
            };
            ((*code).to_owned(), info)
        })
        .collect())
}

/// The label of `code` in `names`, or the code itself.
#[must_use]
pub fn label_of(names: &HashMap<String, VillageInfo>, code: &str) -> String {
    names
        .get(code)
        .map_or_else(|| code.to_owned(), VillageInfo::label)
}

/// How many villages lie under a region code (`35`, `35.01`, `35.01.01`), by code range so
/// the primary key answers it without a scan.
pub async fn count_under<C: ConnectionTrait>(db: &C, region: &str) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    // Codes under `35` run from `35.` to just before `35/` ('/' follows '.' in ASCII).
    village::Entity::find()
        .filter(village::Column::Code.gte(format!("{region}.")))
        .filter(village::Column::Code.lt(format!("{region}/")))
        .count(db)
        .await
}
