//! Writing the registry: skipped entirely when this version is already loaded; otherwise one
//! transaction of batched upserts, so a crash leaves the previous registry intact.

use std::time::Instant;

use entity::{district, province, regency, village};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, TransactionTrait};
use serde::Serialize;

use super::meta;
use crate::registry::{Registry, RegistryError};

const VERSION_KEY: &str = "registry_version";
/// Rows per INSERT: 4 bind parameters each, well under SQLite's and PostgreSQL's limits.
const BATCH: usize = 1_000;

/// What a load did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// True when this version was already loaded and nothing was written.
    pub skipped: bool,
    pub provinces: usize,
    pub regencies: usize,
    pub districts: usize,
    pub villages: usize,
    pub millis: u128,
}

macro_rules! upsert_batches {
    ($txn:expr, $module:ident, $rows:expr, $to_model:expr, $update:expr) => {
        for chunk in $rows.chunks(BATCH) {
            let models: Vec<$module::ActiveModel> = chunk.iter().map($to_model).collect();
            $module::Entity::insert_many(models)
                .on_conflict(
                    OnConflict::column($module::Column::Code)
                        .update_columns($update)
                        .to_owned(),
                )
                .exec_without_returning($txn)
                .await?;
        }
    };
}

/// Loads the registry unless this exact version is already in the database.
pub async fn load(db: &DatabaseConnection, reg: &Registry) -> Result<LoadReport, RegistryError> {
    let started = Instant::now();
    let version = reg.version();
    if meta::get(db, VERSION_KEY).await?.as_deref() == Some(version.as_str()) {
        return Ok(LoadReport {
            skipped: true,
            millis: started.elapsed().as_millis(),
            ..LoadReport::default()
        });
    }
    let txn = db.begin().await?;
    upsert_batches!(
        &txn,
        province,
        reg.provinces,
        |r| province::ActiveModel {
            code: Set(r.code.clone()),
            name: Set(r.name.clone()),
        },
        [province::Column::Name]
    );
    upsert_batches!(
        &txn,
        regency,
        reg.regencies,
        |r| regency::ActiveModel {
            code: Set(r.code.clone()),
            province_code: Set(r.parent.clone()),
            name: Set(r.name.clone()),
        },
        [regency::Column::Name]
    );
    upsert_batches!(
        &txn,
        district,
        reg.districts,
        |r| district::ActiveModel {
            code: Set(r.code.clone()),
            regency_code: Set(r.parent.clone()),
            name: Set(r.name.clone()),
        },
        [district::Column::Name]
    );
    upsert_batches!(
        &txn,
        village,
        reg.villages,
        |(r, kind)| village::ActiveModel {
            code: Set(r.code.clone()),
            district_code: Set(r.parent.clone()),
            name: Set(r.name.clone()),
            kind: Set(kind.as_str().to_owned()),
        },
        [village::Column::Name, village::Column::Kind]
    );
    meta::set(&txn, VERSION_KEY, &version).await?;
    txn.commit().await?;
    Ok(LoadReport {
        skipped: false,
        provinces: reg.provinces.len(),
        regencies: reg.regencies.len(),
        districts: reg.districts.len(),
        villages: reg.villages.len(),
        millis: started.elapsed().as_millis(),
    })
}
