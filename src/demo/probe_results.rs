//! `juara probe-results` (hidden; for `tests/load/` and BENCHMARKS.md, issue 15): how long the
//! results take to compute from the database for a provincial-sized field, against the
//! database's own weighted `GROUP BY` over the same score rows — the least any results page
//! could cost. It adds a competition in review (one stage of 30 indicators, mean of 5 judges,
//! `entries` desa of the largest province) to the configured database, then times both.
//!
//! The `GROUP BY` only adds weighted values per entry; `results::compute` also loads the
//! set-up, parses and validates every sheet, applies quorum and aggregation, ranks with the
//! tie-break chain and allocates prizes, so a ratio near 1 means the engine costs little
//! beyond reading the rows.

use std::time::{Duration, Instant};

use chrono::Utc;
use entity::{competition, criterion, score, score_sheet, stage, village};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, Set, Statement,
};
use uuid::Uuid;

use super::sample::err;
use crate::auth::{Role, password};
use crate::db::users::{self, NewUser};

/// What one probe measured (medians over the runs).
#[derive(Debug)]
pub struct Probe {
    pub entries: usize,
    pub judges: usize,
    pub leaves: usize,
    pub compute: Duration,
    pub group_by: Duration,
}

impl Probe {
    /// `results::compute` over the bare `GROUP BY`.
    #[must_use]
    pub fn ratio(&self) -> f64 {
        self.compute.as_secs_f64() / self.group_by.as_secs_f64().max(1e-9)
    }
}

/// Ten indicators of weight 4 and the rest of weight 3: thirty sum to 100.
fn weight(i: usize) -> i32 {
    if i < 10 { 4 } else { 3 }
}

/// Seeds the field and times `runs` of each side (after one warm-up each).
pub async fn run(
    db: &DatabaseConnection,
    entries: usize,
    judges: usize,
    leaves: usize,
    runs: usize,
) -> Result<Probe, DbErr> {
    let c = seed(db, entries, judges, leaves).await?;
    let stage_id = stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(c.id))
        .one(db)
        .await?
        .ok_or_else(|| err("the probe's stage is missing"))?
        .id;
    let mut compute = Vec::with_capacity(runs);
    let mut group_by = Vec::with_capacity(runs);
    for round in 0..=runs {
        let started = Instant::now();
        let computed = crate::results::compute(db, &c)
            .await?
            .map_err(|r| err(format!("the engine refused the probe: {r:?}")))?;
        let took = started.elapsed();
        if computed.published.lines.len() != entries {
            return Err(err("the engine ranked another number of entries"));
        }
        let started = Instant::now();
        let rows = weighted_totals(db, stage_id).await?;
        let took_sql = started.elapsed();
        if rows != entries {
            return Err(err("the GROUP BY answered another number of entries"));
        }
        if round > 0 {
            compute.push(took);
            group_by.push(took_sql);
        }
    }
    compute.sort();
    group_by.sort();
    Ok(Probe {
        entries,
        judges,
        leaves,
        compute: compute[compute.len() / 2],
        group_by: group_by[group_by.len() / 2],
    })
}

/// Each entry's weighted mean over its submitted sheets, ranked, computed by the database.
async fn weighted_totals(db: &DatabaseConnection, stage_id: Uuid) -> Result<usize, DbErr> {
    let sql = "SELECT sh.nomination_id, \
                      SUM(sc.value * c.weight) / COUNT(DISTINCT sh.id) AS total \
               FROM score sc \
               JOIN score_sheet sh ON sh.id = sc.sheet_id \
               JOIN criterion c ON c.id = sc.criterion_id \
               WHERE sh.stage_id = $1 AND sh.status = $2 AND NOT sc.not_applicable \
               GROUP BY sh.nomination_id \
               ORDER BY total DESC";
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Postgres => sql.to_owned(),
        _ => sql.replace("$1", "?").replace("$2", "?"),
    };
    let submitted = entity::SheetStatus::Submitted.to_value();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [stage_id.into(), submitted.into()],
        ))
        .await?;
    Ok(rows.len())
}

/// A competition in review with every sheet submitted; returns it.
async fn seed(
    db: &DatabaseConnection,
    entries: usize,
    judges: usize,
    leaves: usize,
) -> Result<competition::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    let (province, villages) = province_with_desa(db, entries).await?;
    let c = competition::ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(format!("Uji beban hasil {entries} desa")),
        year: Set(2026),
        level: Set("provinsi".into()),
        region_code: Set(Some(province)),
        category: Set("desa".into()),
        status: Set(entity::CompetitionStatus::Review),
        description: Set(String::new()),
        nomination_opens_at: Set(Some(now)),
        nomination_closes_at: Set(Some(now)),
        judging_closes_at: Set(None),
        announcement_at: Set(None),
        eligible_statuses: Set(String::new()),
        require_definitive_head: Set(false),
        max_entries: Set(None),
        tie_breaks: Set("[]".into()),
        tie_policy: Set("split".into()),
        minimum_score: Set(None),
        cash_budget: Set(None),
        assistance_budget: Set(None),
        appeals_enabled: Set(false),
        appeal_days: Set(0),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    let st = stage::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(c.id),
        position: Set(0),
        code: Set("ADM".into()),
        name: Set("Penilaian dokumen".into()),
        kind: Set("documents".into()),
        weight: Set(100),
        aggregation: Set("mean".into()),
        trim_k: Set(0),
        quorum: Set(i32::try_from(judges).unwrap_or(i32::MAX)),
        judges_per_entry: Set(i32::try_from(judges).unwrap_or(i32::MAX)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut leaf_ids = Vec::with_capacity(leaves);
    for i in 0..leaves {
        let leaf = criterion::ActiveModel {
            id: Set(Uuid::new_v4()),
            stage_id: Set(st.id),
            parent_id: Set(None),
            code: Set(format!("K{i:02}")),
            name: Set(format!("Indikator {i}")),
            guidance: Set(String::new()),
            weight: Set(weight(i)),
            position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            scale_min: Set(Some(0)),
            scale_max: Set(Some(100 * 10_000)),
            scale_step: Set(None),
            optional: Set(false),
            requires_evidence: Set(false),
            levels: Set("[]".into()),
        }
        .insert(db)
        .await?;
        leaf_ids.push(leaf.id);
    }
    entity::prize_tier::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(c.id),
        rank: Set(1),
        label: Set("Juara I".into()),
        cash: Set(15_000_000),
        assistance: Set(100_000_000),
        trophy: Set(true),
        certificate: Set(true),
    }
    .insert(db)
    .await?;
    let hash = password::hash(&password::generate()).map_err(err)?;
    let mut judge_ids = Vec::with_capacity(judges);
    for j in 0..judges {
        let user = users::insert(
            db,
            NewUser {
                username: format!("probe-{}-{j}", now.timestamp()),
                display_name: format!("Juri uji {j}"),
                password_hash: hash.clone(),
                role: Role::Judge,
                region_code: None,
                village_code: None,
            },
        )
        .await?;
        judge_ids.push(user.id);
    }
    for (e, v) in villages.iter().enumerate() {
        let n = super::sample::accepted_nomination(db, c.id, v, "self", judge_ids[0], now).await?;
        let mut sheets = Vec::with_capacity(judges);
        let mut scores = Vec::with_capacity(judges * leaves);
        for (k, judge) in judge_ids.iter().enumerate() {
            let sheet = Uuid::new_v4();
            sheets.push(score_sheet::ActiveModel {
                id: Set(sheet),
                stage_id: Set(st.id),
                nomination_id: Set(n.id),
                judge_id: Set(*judge),
                status: Set(entity::SheetStatus::Submitted),
                version: Set(1),
                visit_date: Set(None),
                visit_notes: Set(String::new()),
                reopen_reason: Set(String::new()),
                submitted_at: Set(Some(now)),
                assigned_by: Set(None),
                assigned_at: Set(now),
                updated_at: Set(now),
                excluded_at: Set(None),
                excluded_reason: Set(String::new()),
                excluded_conflict: Set(None),
            });
            for (l, leaf) in leaf_ids.iter().enumerate() {
                let value = i64::try_from((e * 7 + k * 3 + l) % 101).unwrap_or(0) * 10_000;
                scores.push(score::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    sheet_id: Set(sheet),
                    criterion_id: Set(*leaf),
                    value: Set(Some(value)),
                    not_applicable: Set(false),
                    comment: Set(String::new()),
                });
            }
        }
        score_sheet::Entity::insert_many(sheets).exec(db).await?;
        for chunk in scores.chunks(1_000) {
            score::Entity::insert_many(chunk.to_vec()).exec(db).await?;
        }
    }
    competition::Entity::find_by_id(c.id)
        .one(db)
        .await?
        .ok_or_else(|| err("the probe's competition is missing"))
}

/// The first `entries` desa of Jawa Tengah (else Jawa Timur, Jawa Barat): the provinces with
/// the most desa, as a provincial round of that size would be.
async fn province_with_desa(
    db: &DatabaseConnection,
    entries: usize,
) -> Result<(String, Vec<village::Model>), DbErr> {
    for province in ["33", "35", "32"] {
        let villages = super::sample::desa_of(db, province).await?;
        if villages.len() >= entries {
            return Ok((
                province.to_owned(),
                villages.into_iter().take(entries).collect(),
            ));
        }
    }
    Err(err("the registry has no province with that many desa"))
}
