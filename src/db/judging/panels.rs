//! A stage's panel: the judges who score it, each for all aspects or some of them (rows of
//! `panel_member_aspect`; none = all).

use std::collections::BTreeMap;

use chrono::Utc;
use entity::{panel_member, panel_member_aspect, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// A panel row with the top-level aspects (criterion ids) it is limited to; empty = all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub row: panel_member::Model,
    pub aspects: Vec<Uuid>,
}

/// The trainees (*juri magang*) of these stages, as (stage, judge): their sheets are shown
/// but never counted, in results, progress and completeness alike.
pub async fn trainees<C: ConnectionTrait>(
    db: &C,
    stage_ids: impl IntoIterator<Item = Uuid>,
) -> Result<std::collections::HashSet<(Uuid, Uuid)>, DbErr> {
    Ok(panel_member::Entity::find()
        .filter(panel_member::Column::StageId.is_in(stage_ids))
        .filter(panel_member::Column::Trainee.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.stage_id, p.judge_id))
        .collect())
}

/// The aspect ids of each of `members` (panel member id → criterion ids, sorted).
pub async fn aspects_by_member<C: ConnectionTrait>(
    db: &C,
    members: impl IntoIterator<Item = Uuid>,
) -> Result<BTreeMap<Uuid, Vec<Uuid>>, DbErr> {
    let rows = panel_member_aspect::Entity::find()
        .filter(panel_member_aspect::Column::PanelMemberId.is_in(members))
        .order_by_asc(panel_member_aspect::Column::CriterionId)
        .all(db)
        .await?;
    let mut out: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
    for r in rows {
        out.entry(r.panel_member_id)
            .or_default()
            .push(r.criterion_id);
    }
    Ok(out)
}

async fn with_aspects<C: ConnectionTrait>(
    db: &C,
    rows: Vec<panel_member::Model>,
) -> Result<Vec<Member>, DbErr> {
    let mut aspects = aspects_by_member(db, rows.iter().map(|r| r.id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| Member {
            aspects: aspects.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// The panel of a stage, oldest first.
pub async fn list<C: ConnectionTrait>(db: &C, stage_id: Uuid) -> Result<Vec<Member>, DbErr> {
    let rows = panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(stage_id))
        .order_by_asc(panel_member::Column::CreatedAt)
        .order_by_asc(panel_member::Column::Id)
        .all(db)
        .await?;
    with_aspects(db, rows).await
}

/// One judge's panel row in a stage.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
) -> Result<Option<Member>, DbErr> {
    let row = panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(stage_id))
        .filter(panel_member::Column::JudgeId.eq(judge_id))
        .one(db)
        .await?;
    Ok(with_aspects(db, row.into_iter().collect()).await?.pop())
}

/// Adds a judge (or changes their aspects when already on the panel). Several statements:
/// the caller runs it in a transaction.
pub async fn upsert<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
    (aspect_ids, trainee): (&[Uuid], bool),
) -> Result<panel_member::Model, DbErr> {
    let row = match find(db, stage_id, judge_id).await? {
        Some(m) => {
            panel_member_aspect::Entity::delete_many()
                .filter(panel_member_aspect::Column::PanelMemberId.eq(m.row.id))
                .exec(db)
                .await?;
            if m.row.trainee == trainee {
                m.row
            } else {
                let mut a: panel_member::ActiveModel = m.row.into();
                a.trainee = Set(trainee);
                a.update(db).await?
            }
        }
        None => {
            panel_member::ActiveModel {
                id: Set(Uuid::new_v4()),
                stage_id: Set(stage_id),
                judge_id: Set(judge_id),
                created_at: Set(Utc::now().fixed_offset()),
                trainee: Set(trainee),
            }
            .insert(db)
            .await?
        }
    };
    let mut ids = aspect_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for criterion_id in ids {
        panel_member_aspect::ActiveModel {
            panel_member_id: Set(row.id),
            criterion_id: Set(criterion_id),
        }
        .insert(db)
        .await?;
    }
    Ok(row)
}

/// Removes a judge from the panel (their aspect rows go with it); false when not on it.
pub async fn remove<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
) -> Result<bool, DbErr> {
    if let Some(m) = find(db, stage_id, judge_id).await? {
        panel_member_aspect::Entity::delete_many()
            .filter(panel_member_aspect::Column::PanelMemberId.eq(m.row.id))
            .exec(db)
            .await?;
    }
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
