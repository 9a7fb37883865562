//! Assignment queries: the entries judged, a stage's counted sheets, and the rows written
//! when judges are assigned (each assignment is a `score_sheet` row in `assigned`). The rules
//! (balanced, conflict-free, seeded) are `app::judging::assign`.

use chrono::Utc;
use entity::{nomination, score_sheet};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::SheetStatus;

/// Accepted nominations of a competition: the entries judged.
pub async fn entries<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<nomination::Model>, DbErr> {
    nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(competition_id))
        .filter(nomination::Column::Status.eq(entity::NominationStatus::Accepted))
        .order_by_asc(nomination::Column::VillageCode)
        .all(db)
        .await
}

/// Every sheet of a stage that still counts (not excluded by a conflict of interest).
pub async fn sheets_of_stage<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<score_sheet::Model>, DbErr> {
    score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(stage_id))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .order_by_asc(score_sheet::Column::NominationId)
        .order_by_asc(score_sheet::Column::JudgeId)
        .all(db)
        .await
}

/// Which of these stages have at least one counting sheet, in any status (a stage missing
/// from the answer was never assigned to a judge).
pub async fn stages_with_sheets<C: ConnectionTrait>(
    db: &C,
    stage_ids: Vec<Uuid>,
) -> Result<Vec<Uuid>, DbErr> {
    // A trainee's sheets do not make a stage assigned: they never count.
    let trainees = super::panels::trainees(db, stage_ids.clone()).await?;
    let pairs: Vec<(Uuid, Uuid)> = score_sheet::Entity::find()
        .select_only()
        .column(score_sheet::Column::StageId)
        .column(score_sheet::Column::JudgeId)
        .distinct()
        .filter(score_sheet::Column::StageId.is_in(stage_ids))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .into_tuple::<(Uuid, Uuid)>()
        .all(db)
        .await?;
    let mut out: Vec<Uuid> = pairs
        .into_iter()
        .filter(|p| !trainees.contains(p))
        .map(|(stage, _)| stage)
        .collect();
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

fn new_sheet(
    stage_id: Uuid,
    nomination_id: Uuid,
    judge_id: Uuid,
    actor: Uuid,
) -> score_sheet::ActiveModel {
    let now = Utc::now().fixed_offset();
    score_sheet::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage_id),
        nomination_id: Set(nomination_id),
        judge_id: Set(judge_id),
        status: Set(SheetStatus::Assigned),
        version: Set(0),
        visit_date: Set(None),
        visit_notes: Set(String::new()),
        reopen_reason: Set(String::new()),
        submitted_at: Set(None),
        assigned_by: Set(Some(actor)),
        assigned_at: Set(now),
        updated_at: Set(now),
        excluded_at: Set(None),
        excluded_reason: Set(String::new()),
        excluded_conflict: Set(None),
    }
}

/// Inserts a fresh assignment (a unique violation when the judge already has the entry).
pub async fn insert_sheet<C: ConnectionTrait>(
    db: &C,
    (stage_id, nomination_id, judge_id): (Uuid, Uuid, Uuid),
    actor: Uuid,
) -> Result<score_sheet::Model, DbErr> {
    new_sheet(stage_id, nomination_id, judge_id, actor)
        .insert(db)
        .await
}

/// Deletes the stage's counted assignments nobody has worked on yet.
pub async fn delete_untouched<C: ConnectionTrait>(db: &C, stage_id: Uuid) -> Result<(), DbErr> {
    score_sheet::Entity::delete_many()
        .filter(score_sheet::Column::StageId.eq(stage_id))
        .filter(score_sheet::Column::Status.eq(SheetStatus::Assigned.as_str()))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes one assignment of the stage if nobody has worked on it; false otherwise.
pub async fn delete_if_untouched<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    sheet_id: Uuid,
) -> Result<bool, DbErr> {
    let res = score_sheet::Entity::delete_many()
        .filter(score_sheet::Column::Id.eq(sheet_id))
        .filter(score_sheet::Column::StageId.eq(stage_id))
        .filter(score_sheet::Column::Status.eq(SheetStatus::Assigned.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}
