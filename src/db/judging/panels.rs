//! A stage's panel: the judges who score it, each for all aspects or some of them.

use chrono::Utc;
use entity::{panel_member, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// The panel of a stage, oldest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<panel_member::Model>, DbErr> {
    panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(stage_id))
        .order_by_asc(panel_member::Column::CreatedAt)
        .order_by_asc(panel_member::Column::Id)
        .all(db)
        .await
}

/// One judge's panel row in a stage.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
) -> Result<Option<panel_member::Model>, DbErr> {
    panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(stage_id))
        .filter(panel_member::Column::JudgeId.eq(judge_id))
        .one(db)
        .await
}

/// Adds a judge (or changes their aspects when already on the panel).
pub async fn upsert<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
    aspect_ids: &[Uuid],
) -> Result<panel_member::Model, DbErr> {
    let aspects = aspect_ids
        .iter()
        .map(Uuid::to_string)
        .collect::<Vec<_>>()
        .join(",");
    if let Some(row) = find(db, stage_id, judge_id).await? {
        let mut a: panel_member::ActiveModel = row.into();
        a.aspect_ids = Set(aspects);
        return a.update(db).await;
    }
    panel_member::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage_id),
        judge_id: Set(judge_id),
        aspect_ids: Set(aspects),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// Removes a judge from the panel; false when not on it.
pub async fn remove<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
) -> Result<bool, DbErr> {
    let res = panel_member::Entity::delete_many()
        .filter(panel_member::Column::StageId.eq(stage_id))
        .filter(panel_member::Column::JudgeId.eq(judge_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Active judge accounts, for the panel builder.
pub async fn judges<C: ConnectionTrait>(db: &C) -> Result<Vec<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Role.eq(entity::Role::Judge))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await
}
