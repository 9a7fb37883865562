//! `juara demo-judges`: for the load harness (`tests/load/`), `n` extra judges on the first
//! stage of the demo's competition in judging, each with one sheet of its own and an API
//! token, so that `n` judges can save scores concurrently through the API. One password hash
//! serves every account (they never log in; hashing 256 passwords would take minutes).

use chrono::Utc;
use entity::{criterion, stage};
use juara_domain::Points;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use uuid::Uuid;

use super::err;
use crate::auth::{Role, api, password};
use crate::db::api_tokens;
use crate::db::judging::{assign, panels};
use crate::db::users::{self, NewUser};

/// One judge of the load: its token, its sheet and a valid answer for every leaf (`low` and
/// `high` ends of the leaf's scale, so successive saves can change something).
#[derive(Debug, Serialize)]
pub struct LoadJudge {
    pub token: String,
    pub sheet: Uuid,
    pub answers: Vec<LoadAnswer>,
}

/// A leaf and two values on its scale.
#[derive(Debug, Serialize)]
pub struct LoadAnswer {
    pub criterion_id: Uuid,
    pub low: String,
    pub high: String,
}

/// Adds `n` judges to competition `competition_id` (in judging) and returns them.
pub async fn load(
    db: &DatabaseConnection,
    competition_id: Uuid,
    n: usize,
) -> Result<Vec<LoadJudge>, DbErr> {
    let first = stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(competition_id))
        .order_by_asc(stage::Column::Position)
        .one(db)
        .await?
        .ok_or_else(|| err("no such competition with a stage"))?;
    let entries = assign::entries(db, competition_id).await?;
    if entries.is_empty() {
        return Err(err("the stage has no entries"));
    }
    let leaves = criterion::Entity::find()
        .filter(criterion::Column::StageId.eq(first.id))
        .filter(criterion::Column::ScaleMax.is_not_null())
        .order_by_asc(criterion::Column::Code)
        .all(db)
        .await?;
    let answers = || {
        leaves
            .iter()
            .map(|l| LoadAnswer {
                criterion_id: l.id,
                low: Points::from_units(l.scale_min.unwrap_or(0)).to_string(),
                high: Points::from_units(l.scale_max.unwrap_or(0)).to_string(),
            })
            .collect()
    };
    let hash = password::hash(&password::generate()).map_err(err)?;
    let run = Utc::now().timestamp();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let user = users::insert(
            db,
            NewUser {
                username: format!("beban-{run}-{i}"),
                display_name: format!("Juri beban {i}"),
                password_hash: hash.clone(),
                role: Role::Judge,
                region_code: None,
                village_code: None,
            },
        )
        .await?;
        panels::upsert(db, first.id, user.id, (&[], false)).await?;
        let entry = entries[i % entries.len()].id;
        let sheet = assign::insert_sheet(db, (first.id, entry, user.id), user.id).await?;
        let (token, prefix, token_hash) = api::generate();
        api_tokens::insert(db, user.id.into(), "beban", &prefix, &token_hash).await?;
        out.push(LoadJudge {
            token,
            sheet: sheet.id,
            answers: answers(),
        });
    }
    Ok(out)
}
