//! The demo's building blocks: deterministic score values, the villages it enters, its
//! accounts and its accepted nominations.

use std::collections::HashMap;

use chrono::Duration;
use entity::{criterion, nomination, regency, village};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use super::ENTRANTS;
use crate::auth::{Role, password};
use crate::db::users::{self, NewUser};

pub(super) fn err(message: impl Into<String>) -> DbErr {
    DbErr::Custom(message.into())
}

/// A competition with `fields`, its set-up and tie-breaks copied from `template`.
pub(super) async fn from_template(
    db: &DatabaseConnection,
    template: &crate::app::competition::templates::CompetitionTemplate,
    fields: &crate::db::competitions::CompetitionFields,
    admin: Uuid,
) -> Result<entity::competition::Model, DbErr> {
    let tie_breaks = serde_json::to_string(&template.tie_breaks).map_err(|e| err(e.to_string()))?;
    let c = crate::db::competitions::insert(db, fields, &tie_breaks, Some(admin)).await?;
    crate::db::competition_setup::insert_setup(db, c.id, &template.setup).await?;
    Ok(c)
}

/// A deterministic number in 0..1000 for (entrant, judge, leaf).
fn noise(a: usize, b: usize, c: usize) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for x in [a, b, c] {
        for byte in x.to_le_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    i64::try_from(h % 1000).unwrap_or(0)
}

/// A value on the leaf's scale: entrant quality (per mille) plus the judge's bias and noise,
/// snapped to the step.
pub(super) fn value_for(
    leaf: &criterion::Model,
    quality: i64,
    judge: usize,
    entrant: usize,
    l: usize,
) -> i64 {
    let (min, max) = (leaf.scale_min.unwrap_or(0), leaf.scale_max.unwrap_or(0));
    let bias = [0, -30, 40, 10].get(judge).copied().unwrap_or(0);
    let q = (quality + bias + noise(entrant, judge, l) / 8 - 60).clamp(0, 1000);
    let raw = min + (max - min) * q / 1000;
    match leaf.scale_step.filter(|s| *s > 0) {
        Some(step) => min + ((raw - min + step / 2) / step) * step,
        None => raw,
    }
    .clamp(min, max)
}

/// The province with the most regencies and one desa per regency, round robin, up to
/// `ENTRANTS`.
pub(super) async fn pick_villages(
    db: &DatabaseConnection,
) -> Result<(String, Vec<village::Model>), DbErr> {
    let regencies = regency::Entity::find()
        .order_by_asc(regency::Column::Code)
        .all(db)
        .await?;
    let mut by_province: HashMap<&str, Vec<&regency::Model>> = HashMap::new();
    for r in &regencies {
        by_province
            .entry(r.province_code.as_str())
            .or_default()
            .push(r);
    }
    let mut provinces: Vec<(&str, usize)> =
        by_province.iter().map(|(p, r)| (*p, r.len())).collect();
    provinces.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let province = provinces
        .first()
        .map(|(p, _)| (*p).to_owned())
        .ok_or_else(|| err("the region registry is empty"))?;
    let villages = desa_of(db, &province).await?;
    let mut per_regency: Vec<Vec<village::Model>> = Vec::new();
    for v in villages {
        let regency_code: String = v.code.split('.').take(2).collect::<Vec<_>>().join(".");
        match per_regency.iter_mut().find(|g| {
            g.first()
                .is_some_and(|f| f.code.starts_with(&format!("{regency_code}.")))
        }) {
            Some(g) => g.push(v),
            None => per_regency.push(vec![v]),
        }
    }
    let mut picked = Vec::new();
    let mut round = 0;
    while picked.len() < ENTRANTS && per_regency.iter().any(|g| g.len() > round) {
        for g in &per_regency {
            if let Some(v) = g.get(round)
                && picked.len() < ENTRANTS
            {
                picked.push(v.clone());
            }
        }
        round += 1;
    }
    if picked.len() < ENTRANTS {
        return Err(err("not enough desa in the registry for the demo"));
    }
    Ok((province, picked))
}

/// Every desa (not kelurahan) of `province`, by code.
pub(super) async fn desa_of(
    db: &DatabaseConnection,
    province: &str,
) -> Result<Vec<village::Model>, DbErr> {
    village::Entity::find()
        .filter(village::Column::Code.starts_with(format!("{province}.")))
        .filter(village::Column::Kind.eq("desa"))
        .order_by_asc(village::Column::Code)
        .all(db)
        .await
}

pub(super) async fn account(
    db: &DatabaseConnection,
    username: &str,
    name: &str,
    role: Role,
    region: Option<&str>,
    village: Option<&str>,
) -> Result<(Uuid, String), DbErr> {
    let secret = password::generate();
    let user = users::insert(
        db,
        NewUser {
            username: username.to_owned(),
            display_name: name.to_owned(),
            password_hash: password::hash(&secret).map_err(err)?,
            role,
            region_code: region.map(str::to_owned),
            village_code: village.map(str::to_owned),
        },
    )
    .await?;
    Ok((user.id, secret))
}

/// An accepted nomination of `v` with a plausible profile.
pub(super) async fn accepted_nomination(
    db: &DatabaseConnection,
    competition_id: Uuid,
    v: &village::Model,
    origin: &str,
    admin: Uuid,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<nomination::Model, DbErr> {
    nomination::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition_id),
        village_code: Set(v.code.clone()),
        status: Set(entity::NominationStatus::Accepted),
        origin: Set(origin.into()),
        source_competition_id: Set(None),
        head_name: Set(format!("Kepala Desa {}", v.name)),
        head_is_acting: Set(false),
        development_status: Set("mandiri".into()),
        population: Set(Some(2500)),
        households: Set(Some(800)),
        contact_name: Set(String::new()),
        contact_phone: Set(String::new()),
        contact_email: Set(String::new()),
        achievements: Set(if origin == "advanced" {
            "Juara I tingkat kabupaten".into()
        } else {
            "Desa sadar hukum; BUMDes unit air bersih".into()
        }),
        description: Set(String::new()),
        submitted_at: Set(Some(now - Duration::days(35))),
        reviewed_at: Set(Some(now - Duration::days(29))),
        reviewed_by: Set(Some(admin)),
        review_note: Set(String::new()),
        withdrawn_at: Set(None),
        version: Set(1),
        created_by: Set(None),
        created_at: Set(now - Duration::days(40)),
        updated_at: Set(now - Duration::days(29)),
    }
    .insert(db)
    .await
}
