//! Score sheets: what a judge may see, loading, and the writes of a versioned save and of a
//! reopening. The rules and transactions around them are in `app::judging::sheets`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use entity::{competition, criterion, nomination, score, score_sheet, stage};
use juara_domain::Points;
use juara_domain::sheet::{Scope, ScoreValue};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use super::{SheetStatus, conflicts, panels, scope_of};

/// A sheet with everything around it.
#[derive(Clone, Debug)]
pub struct SheetCtx {
    pub sheet: score_sheet::Model,
    pub nomination: nomination::Model,
    pub stage: stage::Model,
    pub competition: competition::Model,
}

/// Loads the context of a sheet.
async fn ctx_of<C: ConnectionTrait>(
    db: &C,
    sheet: score_sheet::Model,
) -> Result<Option<SheetCtx>, DbErr> {
    let Some(n) = nomination::Entity::find_by_id(sheet.nomination_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(s) = stage::Entity::find_by_id(sheet.stage_id).one(db).await? else {
        return Ok(None);
    };
    let Some(c) = competition::Entity::find_by_id(s.competition_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(SheetCtx {
        sheet,
        nomination: n,
        stage: s,
        competition: c,
    }))
}

/// The sheet if it is this judge's own and the judge is not in conflict with the entry.
/// Every judge-facing route goes through here, so unassigned and conflicted judges are
/// refused alike (404).
pub async fn find_for_judge<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    sheet_id: Uuid,
) -> Result<Option<SheetCtx>, DbErr> {
    let Some(sheet) = score_sheet::Entity::find_by_id(sheet_id)
        .filter(score_sheet::Column::JudgeId.eq(judge_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(ctx) = ctx_of(db, sheet).await? else {
        return Ok(None);
    };
    if conflicts::in_conflict(db, judge_id, &ctx.nomination.village_code).await? {
        return Ok(None);
    }
    Ok(Some(ctx))
}

/// A sheet of a stage, for the committee (the caller checks the competition's scope).
pub async fn find_in_stage<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    sheet_id: Uuid,
) -> Result<Option<SheetCtx>, DbErr> {
    let Some(sheet) = score_sheet::Entity::find_by_id(sheet_id)
        .filter(score_sheet::Column::StageId.eq(stage_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    ctx_of(db, sheet).await
}

/// The judge's visible sheets (own and not conflicted), with their context.
pub async fn list_for_judge<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
) -> Result<Vec<SheetCtx>, DbErr> {
    let codes = conflicts::codes_of(db, judge_id).await?;
    let rows = score_sheet::Entity::find()
        .filter(score_sheet::Column::JudgeId.eq(judge_id))
        .order_by_asc(score_sheet::Column::AssignedAt)
        .order_by_asc(score_sheet::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(ctx) = ctx_of(db, row).await?
            && !conflicts::covers(&codes, &ctx.nomination.village_code)
        {
            out.push(ctx);
        }
    }
    Ok(out)
}

/// The scores on a sheet.
pub async fn scores<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
) -> Result<Vec<score::Model>, DbErr> {
    score::Entity::find()
        .filter(score::Column::SheetId.eq(sheet_id))
        .all(db)
        .await
}

/// The stage's criteria rows.
pub async fn criteria<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<criterion::Model>, DbErr> {
    crate::db::competition_setup::list_criteria(db, stage_id).await
}

/// The judge's scope in the stage (partial panels).
pub async fn scope<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    judge_id: Uuid,
    criteria: &[criterion::Model],
) -> Result<Scope, DbErr> {
    Ok(match panels::find(db, stage_id, judge_id).await? {
        Some(p) => scope_of(&p.aspects, criteria),
        None => Scope::All,
    })
}

/// A judge's answer on one leaf as submitted by a form or the API.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub criterion_id: Uuid,
    pub value: Option<Points>,
    pub not_applicable: bool,
    pub comment: String,
}

impl Answer {
    /// The engine's value: N/A, a value, or nothing (unanswered).
    #[must_use]
    pub fn engine_value(&self) -> Option<ScoreValue> {
        match (self.not_applicable, self.value) {
            (true, _) => Some(ScoreValue::NotApplicable),
            (false, Some(v)) => Some(ScoreValue::Value(v)),
            (false, None) => None,
        }
    }
}

impl From<score::Model> for Answer {
    fn from(s: score::Model) -> Self {
        Answer {
            criterion_id: s.criterion_id,
            value: s.value.map(Points::from_units),
            not_applicable: s.not_applicable,
            comment: s.comment,
        }
    }
}

/// What a save carries.
#[derive(Clone, Debug, Default)]
pub struct SheetInput {
    /// The version the judge's copy was read at.
    pub version: i32,
    pub answers: Vec<Answer>,
    pub visit_date: Option<NaiveDate>,
    pub visit_notes: String,
}

/// Writes a save's sheet columns when the stored version is still `input.version` and the
/// sheet is not submitted; the number of rows changed (0: stale or locked). Run first in the
/// save's transaction so SQLite takes the write lock at once.
pub async fn update_if_current<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    input: &SheetInput,
    status: SheetStatus,
    now: DateTime<FixedOffset>,
) -> Result<u64, DbErr> {
    use score_sheet::Column as S;
    let submitted = status == SheetStatus::Submitted;
    let updated = score_sheet::Entity::update_many()
        .col_expr(S::Status, Expr::value(status.as_str()))
        .col_expr(S::Version, Expr::col(S::Version).add(1))
        .col_expr(S::VisitDate, Expr::value(input.visit_date))
        .col_expr(S::VisitNotes, Expr::value(input.visit_notes.clone()))
        .col_expr(S::SubmittedAt, Expr::value(submitted.then_some(now)))
        .col_expr(S::UpdatedAt, Expr::value(now))
        .filter(
            Condition::all()
                .add(S::Id.eq(sheet_id))
                .add(S::Version.eq(input.version))
                .add(S::Status.ne(SheetStatus::Submitted.as_str())),
        )
        .exec(db)
        .await?;
    Ok(updated.rows_affected)
}

/// Replaces the scores of a sheet with `answers` (blank answers are not stored).
pub async fn replace_scores<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    answers: &[Answer],
) -> Result<(), DbErr> {
    score::Entity::delete_many()
        .filter(score::Column::SheetId.eq(sheet_id))
        .exec(db)
        .await?;
    for a in answers {
        let comment = a.comment.trim();
        if a.value.is_none() && !a.not_applicable && comment.is_empty() {
            continue;
        }
        score::ActiveModel {
            id: Set(Uuid::new_v4()),
            sheet_id: Set(sheet_id),
            criterion_id: Set(a.criterion_id),
            value: Set(if a.not_applicable {
                None
            } else {
                a.value.map(Points::units)
            }),
            not_applicable: Set(a.not_applicable),
            comment: Set(comment.to_owned()),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// One sheet row by id.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
) -> Result<Option<score_sheet::Model>, DbErr> {
    score_sheet::Entity::find_by_id(sheet_id).one(db).await
}

/// Moves a submitted sheet back to draft with the committee's reason; rows changed (0 when
/// it was not submitted).
pub async fn reopen_row<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    reason: &str,
    now: DateTime<FixedOffset>,
) -> Result<u64, DbErr> {
    use score_sheet::Column as S;
    let updated = score_sheet::Entity::update_many()
        .col_expr(S::Status, Expr::value(SheetStatus::Draft.as_str()))
        .col_expr(S::Version, Expr::col(S::Version).add(1))
        .col_expr(S::ReopenReason, Expr::value(reason.to_owned()))
        .col_expr(
            S::SubmittedAt,
            Expr::value(Option::<DateTime<FixedOffset>>::None),
        )
        .col_expr(S::UpdatedAt, Expr::value(now))
        .filter(S::Id.eq(sheet_id))
        .filter(S::Status.eq(SheetStatus::Submitted.as_str()))
        .exec(db)
        .await?;
    Ok(updated.rows_affected)
}

/// The domain answers stored on a sheet (for the running subtotal).
#[must_use]
pub fn stored_values(
    scores: &[score::Model],
    criteria: &[criterion::Model],
) -> Vec<(String, ScoreValue)> {
    scores
        .iter()
        .filter_map(|s| {
            let code = criteria
                .iter()
                .find(|c| c.id == s.criterion_id)?
                .code
                .clone();
            Some((code, crate::db::scores::value_of(s)?))
        })
        .collect()
}
