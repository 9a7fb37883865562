//! Writing the registry: skipped entirely when this version is already loaded; otherwise one
//! transaction of upserts, so a crash leaves the previous registry intact. On PostgreSQL each
//! level is one statement over `UNNEST`ed text arrays (four bind parameters for 83,762
//! villages; the batched form cost 5–6 s of a first start); SQLite, which has no arrays and
//! no round trips, takes batches of 1,000 rows.

use std::time::Instant;

use entity::{district, province, regency, village};
use sea_orm::sea_query::ArrayType;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    EntityName, EntityTrait, Statement, TransactionTrait, Value,
};
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
    if db.get_database_backend() == DbBackend::Postgres {
        load_unnested(&txn, reg).await?;
    } else {
        load_batched(&txn, reg).await?;
    }
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

/// SQLite: multi-row upserts of `BATCH` rows.
async fn load_batched(txn: &DatabaseTransaction, reg: &Registry) -> Result<(), DbErr> {
    upsert_batches!(
        txn,
        province,
        reg.provinces,
        |r| province::ActiveModel {
            code: Set(r.code.clone()),
            name: Set(r.name.clone()),
        },
        [province::Column::Name]
    );
    upsert_batches!(
        txn,
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
        txn,
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
        txn,
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
    Ok(())
}

/// PostgreSQL: one `INSERT … SELECT FROM UNNEST(…) ON CONFLICT` per level.
async fn load_unnested(txn: &DatabaseTransaction, reg: &Registry) -> Result<(), DbErr> {
    let p = &reg.provinces;
    let data = vec![texts(p, |r| &r.code), texts(p, |r| &r.name)];
    upsert_unnested(
        txn,
        province::Entity.table_name(),
        &["code", "name"],
        &["name"],
        data,
    )
    .await?;
    let r = &reg.regencies;
    let data = vec![
        texts(r, |r| &r.code),
        texts(r, |r| &r.parent),
        texts(r, |r| &r.name),
    ];
    let columns = ["code", "province_code", "name"];
    upsert_unnested(txn, regency::Entity.table_name(), &columns, &["name"], data).await?;
    let d = &reg.districts;
    let data = vec![
        texts(d, |r| &r.code),
        texts(d, |r| &r.parent),
        texts(d, |r| &r.name),
    ];
    let columns = ["code", "regency_code", "name"];
    upsert_unnested(
        txn,
        district::Entity.table_name(),
        &columns,
        &["name"],
        data,
    )
    .await?;
    let v = &reg.villages;
    let data = vec![
        texts(v, |(r, _)| &r.code),
        texts(v, |(r, _)| &r.parent),
        texts(v, |(r, _)| &r.name),
        texts(v, |(_, k)| k.as_str()),
    ];
    let columns = ["code", "district_code", "name", "kind"];
    upsert_unnested(
        txn,
        village::Entity.table_name(),
        &columns,
        &["name", "kind"],
        data,
    )
    .await
}

/// One column of `rows` as owned text.
fn texts<T>(rows: &[T], field: impl Fn(&T) -> &str) -> Vec<String> {
    rows.iter().map(|r| field(r).to_owned()).collect()
}

/// `INSERT INTO table (columns) SELECT * FROM UNNEST($1::text[], …) ON CONFLICT (code) DO
/// UPDATE SET update = EXCLUDED.update`, one text array per column. Table and column names
/// are this module's constants, never input.
async fn upsert_unnested(
    txn: &DatabaseTransaction,
    table: &str,
    columns: &[&str],
    update: &[&str],
    data: Vec<Vec<String>>,
) -> Result<(), DbErr> {
    let arrays: Vec<String> = (1..=columns.len())
        .map(|i| format!("${i}::text[]"))
        .collect();
    let sets: Vec<String> = update
        .iter()
        .map(|c| format!("{c} = EXCLUDED.{c}"))
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({}) SELECT * FROM UNNEST({}) ON CONFLICT (code) DO UPDATE SET {}",
        columns.join(", "),
        arrays.join(", "),
        sets.join(", ")
    );
    let values = data.into_iter().map(|column| {
        let items = column.into_iter().map(|s| Value::String(Some(s))).collect();
        Value::Array(ArrayType::String, Some(Box::new(items)))
    });
    let stmt = Statement::from_sql_and_values(DbBackend::Postgres, sql, values);
    txn.execute_raw(stmt).await?;
    Ok(())
}
