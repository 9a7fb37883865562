//! A stage's progress (per judge and per entry: assigned, draft, submitted, late) and closing
//! the stage.

use chrono::{DateTime, FixedOffset};
use entity::{competition, stage};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, Set, TransactionSession, TransactionTrait,
};
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

use super::SheetStatus;
use super::assign::sheets_of_stage;
use crate::db::audit::{self, NewEvent};

/// Sheet counts for one judge or one entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub id: Uuid,
    pub assigned: u32,
    pub draft: u32,
    pub submitted: u32,
    /// Not submitted although the judging deadline has passed.
    pub late: u32,
}

impl Counts {
    /// All sheets.
    #[must_use]
    pub fn total(&self) -> u32 {
        self.assigned + self.draft + self.submitted
    }

    /// Sheets not submitted yet.
    #[must_use]
    pub fn missing(&self) -> u32 {
        self.assigned + self.draft
    }
}

/// Progress of a stage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub by_judge: Vec<Counts>,
    pub by_entry: Vec<Counts>,
    pub total: Counts,
}

/// Counts the stage's sheets at `now`.
pub async fn of_stage<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    s: &stage::Model,
    now: DateTime<FixedOffset>,
) -> Result<Progress, DbErr> {
    let past_deadline = c.judging_closes_at.is_some_and(|at| now > at);
    let mut judges: BTreeMap<Uuid, Counts> = BTreeMap::new();
    let mut entries: BTreeMap<Uuid, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    // Trainees' sheets are not the panel's work: never counted, never missing.
    let trainees = super::panels::trainees(db, [s.id]).await?;
    for sheet in sheets_of_stage(db, s.id)
        .await?
        .into_iter()
        .filter(|x| !trainees.contains(&(x.stage_id, x.judge_id)))
    {
        let j = judges.entry(sheet.judge_id).or_insert_with(|| Counts {
            id: sheet.judge_id,
            ..Counts::default()
        });
        let e = entries
            .entry(sheet.nomination_id)
            .or_insert_with(|| Counts {
                id: sheet.nomination_id,
                ..Counts::default()
            });
        for counts in [j, e, &mut total] {
            match sheet.status {
                SheetStatus::Submitted => counts.submitted += 1,
                SheetStatus::Draft => counts.draft += 1,
                SheetStatus::Assigned => counts.assigned += 1,
            }
            if past_deadline && sheet.status != SheetStatus::Submitted {
                counts.late += 1;
            }
        }
    }
    Ok(Progress {
        by_judge: judges.into_values().collect(),
        by_entry: entries.into_values().collect(),
        total,
    })
}

/// Why a stage was not closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseRefusal {
    /// Already closed.
    AlreadyClosed,
    /// Sheets are missing and no explicit note was given.
    SheetsMissing(u32),
}

/// Closes the stage: refused while sheets are missing unless `force` with a note. The engine
/// later reports entries left incomplete.
pub async fn close<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    s: stage::Model,
    force: bool,
    note: &str,
    actor: Uuid,
    now: DateTime<FixedOffset>,
) -> Result<Result<stage::Model, CloseRefusal>, DbErr> {
    if s.closed_at.is_some() {
        return Ok(Err(CloseRefusal::AlreadyClosed));
    }
    let progress = of_stage(db, c, &s, now).await?;
    let missing = progress.total.missing();
    let explicit = force && !note.trim().is_empty();
    if missing > 0 && !explicit {
        return Ok(Err(CloseRefusal::SheetsMissing(missing)));
    }
    let txn = db.begin().await?;
    let code = s.code.clone();
    let mut a: stage::ActiveModel = s.into();
    a.closed_at = Set(Some(now));
    a.close_note = Set(note.trim().to_owned());
    let saved = a.update(&txn).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            actor_id: Some(actor),
            action: "judging.stage_closed".into(),
            reason: note.trim().to_owned(),
            details: format!("stage {code}: {missing} sheets missing"),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(saved))
}
