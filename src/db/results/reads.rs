//! Reads the results pages need beside the snapshots: people's display names, the public list
//! of announced competitions, and one nomination's counted sheets with their scores.

use std::collections::HashMap;

use entity::{competition, criterion, score, score_sheet, user};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::db::competitions::Status;

/// Display names of the given accounts.
pub async fn display_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids.into_iter().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// Announced and archived competitions, optionally of one year and inside one region, newest
/// first.
pub async fn public_competitions<C: ConnectionTrait>(
    db: &C,
    year: Option<i32>,
    region: Option<&str>,
) -> Result<Vec<competition::Model>, DbErr> {
    let mut q = competition::Entity::find().filter(
        competition::Column::Status.is_in([Status::Announced.as_str(), Status::Archived.as_str()]),
    );
    if let Some(y) = year {
        q = q.filter(competition::Column::Year.eq(y));
    }
    if let Some(r) = region {
        q = q.filter(
            Condition::any()
                .add(competition::Column::RegionCode.eq(r))
                .add(competition::Column::RegionCode.starts_with(format!("{r}."))),
        );
    }
    q.order_by_desc(competition::Column::Year)
        .order_by_asc(competition::Column::RegionCode)
        .order_by_asc(competition::Column::Name)
        .all(db)
        .await
}

/// One nomination's counted sheets in the given stages, their scores (by sheet) and the
/// stages' criteria.
pub struct NominationScores {
    pub sheets: Vec<score_sheet::Model>,
    pub scores: Vec<score::Model>,
    pub criteria: HashMap<Uuid, criterion::Model>,
}

/// Reads [`NominationScores`] (three queries).
pub async fn nomination_scores<C: ConnectionTrait>(
    db: &C,
    nomination: Uuid,
    stage_ids: Vec<Uuid>,
) -> Result<NominationScores, DbErr> {
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::NominationId.eq(nomination))
        .filter(score_sheet::Column::StageId.is_in(stage_ids.clone()))
        .filter(score_sheet::Column::Status.eq(entity::SheetStatus::Submitted))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    // Trainees' sheets never count, so there is nothing of theirs to correct.
    let trainees = crate::db::judging::panels::trainees(db, stage_ids.clone()).await?;
    let sheets: Vec<score_sheet::Model> = sheets
        .into_iter()
        .filter(|s| !trainees.contains(&(s.stage_id, s.judge_id)))
        .collect();
    let scores = score::Entity::find()
        .filter(score::Column::SheetId.is_in(sheets.iter().map(|s| s.id)))
        .order_by_asc(score::Column::SheetId)
        .all(db)
        .await?;
    let criteria = criterion::Entity::find()
        .filter(criterion::Column::StageId.is_in(stage_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(NominationScores {
        sheets,
        scores,
        criteria,
    })
}
