//! Conflicts of interest: the queries. A judge is in conflict with every village inside a
//! declared region and inside their home region (`user.region_code`); such entries are never
//! assigned to, shown to, or scored by them. Declaring and removing one (with the exclusion of
//! sheets from results) are transactions of `app::judging::conflicts`.

use chrono::Utc;
use entity::{competition, judge_conflict, nomination, score_sheet, user};
use sea_orm::prelude::DateTimeWithTimeZone;
use sea_orm::sea_query::Expr;
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

/// Sheets grouped by their competition, each with its village code.
pub type ByCompetition = Vec<(competition::Model, Vec<(score_sheet::Model, String)>)>;

/// The judge's counted (not yet excluded) sheets for villages inside `region_code`, by
/// competition, in competitions whose scores are still open (not announced or archived).
pub async fn sheets_inside<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
) -> Result<ByCompetition, DbErr> {
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::JudgeId.eq(judge_id))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    group_open(db, sheets, |n| {
        Level::contains(region_code, &n.village_code)
    })
    .await
}

/// Keeps the sheets whose nomination passes `keep` and whose competition is still open,
/// grouped by competition.
pub async fn group_open<C: ConnectionTrait>(
    db: &C,
    sheets: Vec<score_sheet::Model>,
    keep: impl Fn(&nomination::Model) -> bool,
) -> Result<ByCompetition, DbErr> {
    if sheets.is_empty() {
        return Ok(Vec::new());
    }
    let noms = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(sheets.iter().map(|s| s.nomination_id)))
        .all(db)
        .await?;
    let open = competition::Entity::find()
        .filter(competition::Column::Id.is_in(noms.iter().map(|n| n.competition_id)))
        .filter(competition::Column::Status.is_not_in([
            entity::CompetitionStatus::Announced,
            entity::CompetitionStatus::Archived,
        ]))
        .all(db)
        .await?;
    let mut out: ByCompetition = Vec::new();
    for sheet in sheets {
        let Some(n) = noms.iter().find(|n| n.id == sheet.nomination_id) else {
            continue;
        };
        let Some(c) = open.iter().find(|c| c.id == n.competition_id) else {
            continue;
        };
        if !keep(n) {
            continue;
        }
        let row = (sheet, n.village_code.clone());
        match out.iter_mut().find(|(x, _)| x.id == c.id) {
            Some((_, list)) => list.push(row),
            None => out.push((c.clone(), vec![row])),
        }
    }
    Ok(out)
}

/// A judge's conflicts whose region lies in the admin scope (all of them for `None`).
#[must_use]
pub fn within(scope: Option<&str>, list: Vec<judge_conflict::Model>) -> Vec<judge_conflict::Model> {
    list.into_iter()
        .filter(|c| scope.is_none_or(|s| Level::contains(s, &c.region_code)))
        .collect()
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

/// Records a declared conflict (a unique violation when it already exists).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    (judge_id, region_code): (Uuid, &str),
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

/// One declared conflict of a judge.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    id: Uuid,
) -> Result<Option<judge_conflict::Model>, DbErr> {
    judge_conflict::Entity::find_by_id(id)
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .one(db)
        .await
}

/// Deletes a declared conflict.
pub async fn delete<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<(), DbErr> {
    judge_conflict::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// The sheets a conflict excluded from results.
pub async fn excluded_by<C: ConnectionTrait>(
    db: &C,
    conflict_id: Uuid,
) -> Result<Vec<score_sheet::Model>, DbErr> {
    score_sheet::Entity::find()
        .filter(score_sheet::Column::ExcludedConflict.eq(conflict_id))
        .all(db)
        .await
}

/// Marks sheets as excluded from results by `conflict_id` with the reason shown.
pub async fn exclude<C: ConnectionTrait>(
    db: &C,
    sheet_ids: impl IntoIterator<Item = Uuid>,
    (conflict_id, why): (Uuid, &str),
    now: DateTimeWithTimeZone,
) -> Result<(), DbErr> {
    score_sheet::Entity::update_many()
        .col_expr(score_sheet::Column::ExcludedAt, Expr::value(now))
        .col_expr(
            score_sheet::Column::ExcludedReason,
            Expr::value(why.to_owned()),
        )
        .col_expr(
            score_sheet::Column::ExcludedConflict,
            Expr::value(conflict_id),
        )
        .filter(score_sheet::Column::Id.is_in(sheet_ids))
        .exec(db)
        .await?;
    Ok(())
}

/// Counts excluded sheets again.
pub async fn include<C: ConnectionTrait>(
    db: &C,
    sheet_ids: impl IntoIterator<Item = Uuid>,
) -> Result<(), DbErr> {
    score_sheet::Entity::update_many()
        .col_expr(
            score_sheet::Column::ExcludedAt,
            Expr::value(Option::<DateTimeWithTimeZone>::None),
        )
        .col_expr(
            score_sheet::Column::ExcludedReason,
            Expr::value(String::new()),
        )
        .col_expr(
            score_sheet::Column::ExcludedConflict,
            Expr::value(Option::<Uuid>::None),
        )
        .filter(score_sheet::Column::Id.is_in(sheet_ids))
        .exec(db)
        .await?;
    Ok(())
}
