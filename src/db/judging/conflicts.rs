//! Conflicts of interest. A judge is in conflict with every village inside a declared region
//! and inside their home region (`user.region_code`); such entries are never assigned to,
//! shown to, or scored by them.

use chrono::Utc;
use entity::{judge_conflict, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use crate::registry::Level;

/// Declared conflicts of a judge, by region code.
pub async fn list_for_judge<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
) -> Result<Vec<judge_conflict::Model>, DbErr> {
    judge_conflict::Entity::find()
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .order_by_asc(judge_conflict::Column::RegionCode)
        .all(db)
        .await
}

/// Every judge's declared conflicts.
pub async fn list_all<C: ConnectionTrait>(db: &C) -> Result<Vec<judge_conflict::Model>, DbErr> {
    judge_conflict::Entity::find()
        .order_by_asc(judge_conflict::Column::JudgeId)
        .order_by_asc(judge_conflict::Column::RegionCode)
        .all(db)
        .await
}

/// Records a conflict (a unique violation when it already exists).
pub async fn declare<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
    reason: &str,
    declared_by: Uuid,
) -> Result<judge_conflict::Model, DbErr> {
    judge_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        judge_id: Set(judge_id),
        region_code: Set(region_code.to_owned()),
        reason: Set(reason.to_owned()),
        declared_by: Set(Some(declared_by)),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// Removes one conflict of a judge; false when there was none.
pub async fn remove<C: ConnectionTrait>(db: &C, judge_id: Uuid, id: Uuid) -> Result<bool, DbErr> {
    let res = judge_conflict::Entity::delete_many()
        .filter(judge_conflict::Column::Id.eq(id))
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

/// All region codes a judge is in conflict with: declared ones plus the home region.
pub async fn codes_of<C: ConnectionTrait>(db: &C, judge_id: Uuid) -> Result<Vec<String>, DbErr> {
    let mut codes: Vec<String> = list_for_judge(db, judge_id)
        .await?
        .into_iter()
        .map(|c| c.region_code)
        .collect();
    if let Some(home) = user::Entity::find_by_id(judge_id)
        .one(db)
        .await?
        .and_then(|u| u.region_code)
    {
        codes.push(home);
    }
    Ok(codes)
}

/// Whether any of `codes` contains the village.
#[must_use]
pub fn covers(codes: &[String], village_code: &str) -> bool {
    codes.iter().any(|c| Level::contains(c, village_code))
}

/// Whether the judge is in conflict with the village.
pub async fn in_conflict<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    village_code: &str,
) -> Result<bool, DbErr> {
    Ok(covers(&codes_of(db, judge_id).await?, village_code))
}
