//! Sheets kept but not counted: a conflict of interest declared after assignment excludes
//! the judge's sheets from results instead of deleting them, so the committee can still see
//! what was scored and why it no longer counts.

use chrono::{DateTime, FixedOffset};
use entity::{nomination, score_sheet, stage, user};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// One excluded sheet, for the committee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub sheet_id: Uuid,
    pub stage: String,
    pub village_code: String,
    pub judge: String,
    /// The sheet's status when it was excluded (`assigned`, `draft`, `submitted`).
    pub status: entity::SheetStatus,
    pub reason: String,
    pub excluded_at: DateTime<FixedOffset>,
}

/// The competition's excluded sheets, oldest exclusion first.
pub async fn of_competition<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<Excluded>, DbErr> {
    let stages = stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(competition_id))
        .all(db)
        .await?;
    let rows = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.is_in(stages.iter().map(|s| s.id)))
        .filter(score_sheet::Column::ExcludedAt.is_not_null())
        .order_by_asc(score_sheet::Column::ExcludedAt)
        .order_by_asc(score_sheet::Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let noms = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(rows.iter().map(|r| r.nomination_id)))
        .all(db)
        .await?;
    let judges = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.judge_id)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Excluded {
                sheet_id: r.id,
                stage: stages.iter().find(|s| s.id == r.stage_id)?.code.clone(),
                village_code: noms
                    .iter()
                    .find(|n| n.id == r.nomination_id)?
                    .village_code
                    .clone(),
                judge: judges
                    .iter()
                    .find(|j| j.id == r.judge_id)
                    .map(|j| j.display_name.clone())
                    .unwrap_or_default(),
                status: r.status,
                reason: r.excluded_reason,
                excluded_at: r.excluded_at?,
            })
        })
        .collect())
}
