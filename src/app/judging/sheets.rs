//! Score sheets: the one rule for "may this sheet be changed now" ([`ensure_editable`]), and
//! the save, submit and reopen transactions. Every write path (the sheet page, the JSON API,
//! photo upload) asks [`ensure_editable`] first; the result-lock trigger stays as the safety
//! net for announced competitions.
//!
//! A save is checked by the engine (`check::check`) before anything is written, then written
//! in one transaction whose first statement is a conditional `UPDATE … WHERE version = ?`: a
//! stale or concurrent save changes no row and is refused, and on SQLite the transaction takes
//! the write lock at once instead of upgrading a read lock (which fails under concurrency).

use chrono::{DateTime, FixedOffset};
use entity::{competition, score_sheet, stage};
use juara_domain::sheet::SheetProblem;
use sea_orm::{ConnectionTrait, DbErr, TransactionSession, TransactionTrait};
use uuid::Uuid;

use super::check::check;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::Status as CompetitionStatus;
use crate::db::judging::SheetStatus;
use crate::db::judging::sheets::{self as rows, SheetCtx, SheetInput};

/// Why a stage's sheets cannot be changed now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// The competition is not in `judging`.
    NotJudging,
    /// The committee closed the stage.
    StageClosed,
    /// `competition.judging_closes_at` has passed.
    Deadline,
}

impl Closed {
    /// The translation key of the message.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            Closed::NotJudging => "jdg-closed-not-judging",
            Closed::StageClosed => "jdg-closed-stage",
            Closed::Deadline => "jdg-closed-deadline",
        }
    }
}

/// Why one sheet cannot be changed now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotEditable {
    /// Judging is closed for the sheet's stage.
    Closed(Closed),
    /// The sheet is submitted: locked until the committee reopens it.
    Locked,
}

impl NotEditable {
    /// The translation key of the message.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            NotEditable::Closed(c) => c.message_key(),
            NotEditable::Locked => "jdg-err-locked",
        }
    }
}

/// Whether sheets of this stage may be changed at `now`.
pub fn stage_open(
    c: &competition::Model,
    s: &stage::Model,
    now: DateTime<FixedOffset>,
) -> Result<(), Closed> {
    if c.status != CompetitionStatus::Judging {
        return Err(Closed::NotJudging);
    }
    if s.closed_at.is_some() {
        return Err(Closed::StageClosed);
    }
    if c.judging_closes_at.is_some_and(|at| now > at) {
        return Err(Closed::Deadline);
    }
    Ok(())
}

/// The one rule for changing a sheet (its scores, visit notes or photos): its stage is open
/// and it is not submitted.
pub fn ensure_editable(ctx: &SheetCtx, now: DateTime<FixedOffset>) -> Result<(), NotEditable> {
    stage_open(&ctx.competition, &ctx.stage, now).map_err(NotEditable::Closed)?;
    if ctx.sheet.status == SheetStatus::Submitted {
        return Err(NotEditable::Locked);
    }
    Ok(())
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

impl From<NotEditable> for SaveRefusal {
    fn from(n: NotEditable) -> Self {
        match n {
            NotEditable::Closed(c) => SaveRefusal::Closed(c),
            NotEditable::Locked => SaveRefusal::Locked,
        }
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
    if let Err(n) = ensure_editable(ctx, now) {
        return Ok(Err(n.into()));
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
    let txn = db.begin().await?;
    if rows::update_if_current(&txn, ctx.sheet.id, input, status, now).await? == 0 {
        txn.rollback().await?;
        return Ok(Err(match rows::find(db, ctx.sheet.id).await? {
            Some(s) if s.status != SheetStatus::Submitted => {
                SaveRefusal::Stale { current: s.version }
            }
            _ => SaveRefusal::Locked,
        }));
    }
    rows::replace_scores(&txn, ctx.sheet.id, &input.answers).await?;
    if submit {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(ctx.competition.id),
                nomination_id: Some(ctx.nomination.id),
                actor_id: Some(ctx.sheet.judge_id),
                action: "sheet.submitted".into(),
                details: format!("tahap {}", ctx.stage.code),
                ..Default::default()
            },
        )
        .await?;
    }
    let saved = rows::find(&txn, ctx.sheet.id)
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
    let txn = db.begin().await?;
    if rows::reopen_row(&txn, ctx.sheet.id, reason, now).await? == 0 {
        txn.rollback().await?;
        return Ok(false);
    }
    let judge = crate::db::results::reads::display_names(&txn, [ctx.sheet.judge_id])
        .await?
        .remove(&ctx.sheet.judge_id)
        .unwrap_or_default();
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(ctx.competition.id),
            nomination_id: Some(ctx.nomination.id),
            actor_id: Some(actor),
            action: "sheet.reopened".into(),
            reason: reason.to_owned(),
            details: format!("tahap {}, lembar juri {judge}", ctx.stage.code),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}
