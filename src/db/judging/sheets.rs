//! Score sheets: what a judge may see, loading, versioned saving, submitting and reopening.
//!
//! A save is checked by the engine (`Sheet::validate` against the stage's criteria tree and
//! the judge's scope) before anything is written, then written in one transaction whose first
//! statement is a conditional `UPDATE … WHERE version = ?`: a stale or concurrent save changes
//! no row and is refused, and on SQLite the transaction takes the write lock at once instead of
//! upgrading a read lock (which fails under concurrency).

use chrono::{DateTime, FixedOffset, NaiveDate};
use entity::{competition, criterion, nomination, score, score_sheet, stage};
use juara_domain::Points;
use juara_domain::sheet::{Scope, ScoreValue, Sheet, SheetProblem, SheetStatus as DomainStatus};
use juara_domain::{EntryId, JudgeId};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{Closed, SheetStatus, conflicts, panels, scope_of, writable};
use crate::db::audit::{self, NewEvent};

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
        Some(p) => scope_of(&p.aspect_ids, criteria),
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

/// What a save carries.
#[derive(Clone, Debug, Default)]
pub struct SheetInput {
    /// The version the judge's copy was read at.
    pub version: i32,
    pub answers: Vec<Answer>,
    pub visit_date: Option<NaiveDate>,
    pub visit_notes: String,
}

/// Why a save or submit was refused (nothing was written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveRefusal {
    /// Someone saved since this copy was read (another tab, a dropped connection retried).
    Stale { current: i32 },
    /// The sheet is submitted: locked until the committee reopens it.
    Locked,
    /// Judging is closed for this sheet.
    Closed(Closed),
    /// Values refused by the engine, per criterion code.
    Invalid(Vec<(String, SheetProblem)>),
    /// Submit only: these leaf codes are unanswered.
    Incomplete(Vec<String>),
    /// The stage's set-up cannot be read by the engine.
    NoSpec,
}

/// The engine's view of the answers, keyed by criterion code; ids outside the stage's leaves
/// are refused as unknown criteria.
fn to_domain(
    ctx: &SheetCtx,
    criteria: &[criterion::Model],
    answers: &[Answer],
    status: DomainStatus,
) -> Result<Sheet, Vec<(String, SheetProblem)>> {
    let mut values = Vec::new();
    let mut problems = Vec::new();
    for a in answers {
        let Some(c) = criteria.iter().find(|c| c.id == a.criterion_id) else {
            let code = a.criterion_id.to_string();
            problems.push((code.clone(), SheetProblem::UnknownCriterion { code }));
            continue;
        };
        match (a.not_applicable, a.value) {
            (true, _) => values.push((c.code.clone(), ScoreValue::NotApplicable)),
            (false, Some(v)) => values.push((c.code.clone(), ScoreValue::Value(v))),
            (false, None) => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Sheet {
        judge: JudgeId(ctx.sheet.judge_id.as_u128()),
        entry: EntryId(ctx.nomination.id.as_u128()),
        stage: ctx.stage.code.clone(),
        status,
        values,
    })
}

/// Checks the answers with the engine; returns the leaf codes still unanswered.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    ctx: &SheetCtx,
    answers: &[Answer],
) -> Result<Result<Vec<String>, SaveRefusal>, DbErr> {
    let Some(spec) = super::stage_spec(db, &ctx.competition, &ctx.stage).await? else {
        return Ok(Err(SaveRefusal::NoSpec));
    };
    let criteria = criteria(db, ctx.stage.id).await?;
    let scope = scope(db, ctx.stage.id, ctx.sheet.judge_id, &criteria).await?;
    let sheet = match to_domain(ctx, &criteria, answers, DomainStatus::Submitted) {
        Ok(s) => s,
        Err(p) => return Ok(Err(SaveRefusal::Invalid(p))),
    };
    Ok(match sheet.validate(&spec.criteria, Some(&scope)) {
        Ok(missing) => Ok(missing),
        Err(errors) => Err(SaveRefusal::Invalid(
            errors
                .into_iter()
                .map(|e| (problem_code(&e.problem), e.problem))
                .collect(),
        )),
    })
}

fn problem_code(p: &SheetProblem) -> String {
    match p {
        SheetProblem::UnknownCriterion { code }
        | SheetProblem::NotALeaf { code }
        | SheetProblem::DuplicateCriterion { code }
        | SheetProblem::OutOfScale { code, .. }
        | SheetProblem::OffStep { code, .. }
        | SheetProblem::NotApplicableOnRequired { code }
        | SheetProblem::OutsideScope { code } => code.clone(),
        SheetProblem::UnknownStage | SheetProblem::DuplicateSheet => String::new(),
    }
}

/// Saves a draft (`submit = false`) or submits (`submit = true`, which also requires every
/// leaf of the judge's scope to be answered). Nothing is written when refused.
pub async fn save<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    ctx: &SheetCtx,
    input: &SheetInput,
    submit: bool,
    now: DateTime<FixedOffset>,
) -> Result<Result<score_sheet::Model, SaveRefusal>, DbErr> {
    if let Err(closed) = writable(&ctx.competition, &ctx.stage, now) {
        return Ok(Err(SaveRefusal::Closed(closed)));
    }
    if ctx.sheet.status == SheetStatus::Submitted {
        return Ok(Err(SaveRefusal::Locked));
    }
    let missing = match check(db, ctx, &input.answers).await? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    if submit && !missing.is_empty() {
        return Ok(Err(SaveRefusal::Incomplete(missing)));
    }
    let status = if submit {
        SheetStatus::Submitted
    } else {
        SheetStatus::Draft
    };
    use score_sheet::Column as S;
    let txn = db.begin().await?;
    let updated = score_sheet::Entity::update_many()
        .col_expr(S::Status, Expr::value(status.as_str()))
        .col_expr(S::Version, Expr::col(S::Version).add(1))
        .col_expr(S::VisitDate, Expr::value(input.visit_date))
        .col_expr(S::VisitNotes, Expr::value(input.visit_notes.clone()))
        .col_expr(S::SubmittedAt, Expr::value(submit.then_some(now)))
        .col_expr(S::UpdatedAt, Expr::value(now))
        .filter(
            Condition::all()
                .add(S::Id.eq(ctx.sheet.id))
                .add(S::Version.eq(input.version))
                .add(S::Status.ne(SheetStatus::Submitted.as_str())),
        )
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        txn.rollback().await?;
        let current = score_sheet::Entity::find_by_id(ctx.sheet.id)
            .one(db)
            .await?;
        return Ok(Err(match current {
            Some(s) if s.status == SheetStatus::Submitted => SaveRefusal::Locked,
            Some(s) => SaveRefusal::Stale { current: s.version },
            None => SaveRefusal::Locked,
        }));
    }
    score::Entity::delete_many()
        .filter(score::Column::SheetId.eq(ctx.sheet.id))
        .exec(&txn)
        .await?;
    for a in &input.answers {
        let comment = a.comment.trim();
        if a.value.is_none() && !a.not_applicable && comment.is_empty() {
            continue;
        }
        score::ActiveModel {
            id: Set(Uuid::new_v4()),
            sheet_id: Set(ctx.sheet.id),
            criterion_id: Set(a.criterion_id),
            value: Set(if a.not_applicable {
                None
            } else {
                a.value.map(Points::units)
            }),
            not_applicable: Set(a.not_applicable),
            comment: Set(comment.to_owned()),
        }
        .insert(&txn)
        .await?;
    }
    if submit {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(ctx.competition.id),
                nomination_id: Some(ctx.nomination.id),
                actor_id: Some(ctx.sheet.judge_id),
                action: "sheet.submitted".into(),
                details: format!("stage {}", ctx.stage.code),
                ..Default::default()
            },
        )
        .await?;
    }
    let saved = score_sheet::Entity::find_by_id(ctx.sheet.id)
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("score_sheet".into()))?;
    txn.commit().await?;
    Ok(Ok(saved))
}

/// Reopens a submitted sheet with the committee's reason (shown to the judge), recorded in
/// the audit trail. `Ok(false)` when the sheet was not submitted.
pub async fn reopen<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    ctx: &SheetCtx,
    reason: &str,
    actor: Uuid,
    now: DateTime<FixedOffset>,
) -> Result<bool, DbErr> {
    use score_sheet::Column as S;
    let txn = db.begin().await?;
    let updated = score_sheet::Entity::update_many()
        .col_expr(S::Status, Expr::value(SheetStatus::Draft.as_str()))
        .col_expr(S::Version, Expr::col(S::Version).add(1))
        .col_expr(S::ReopenReason, Expr::value(reason.to_owned()))
        .col_expr(
            S::SubmittedAt,
            Expr::value(Option::<DateTime<FixedOffset>>::None),
        )
        .col_expr(S::UpdatedAt, Expr::value(now))
        .filter(S::Id.eq(ctx.sheet.id))
        .filter(S::Status.eq(SheetStatus::Submitted.as_str()))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(false);
    }
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(ctx.competition.id),
            nomination_id: Some(ctx.nomination.id),
            actor_id: Some(actor),
            action: "sheet.reopened".into(),
            reason: reason.to_owned(),
            details: format!("stage {}, sheet {}", ctx.stage.code, ctx.sheet.id),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
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
