//! A stage's panel: adding a judge (for all aspects or some top-level ones, counted or as a
//! trainee) and removing one.
//!
//! Whether a judge counts cannot change under their scores: once they have saved a sheet of
//! the stage, a trainee stays a trainee (and on the panel) and a counted judge stays counted.

use entity::{score_sheet, stage};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::db::judging::{SheetStatus, panels as rows, sheets};

/// Why a panel change was refused, as the locale key of its message: an unknown judge, an
/// aspect that is not a top-level criterion of the stage, a judge not on the panel, or a
/// change of whether a judge counts after they started scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid(pub &'static str);

/// Whether `judge` has saved (or submitted) a sheet of stage `s`.
async fn has_scored<C: ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    judge: Uuid,
) -> Result<bool, DbErr> {
    Ok(score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(s.id))
        .filter(score_sheet::Column::JudgeId.eq(judge))
        .filter(score_sheet::Column::Status.ne(SheetStatus::Assigned))
        .count(db)
        .await?
        > 0)
}

/// Adds an active judge to the stage's panel, or changes their aspects when already on it.
/// `trainee`: `Some` sets whether they count; `None` keeps it (a new member counts).
pub async fn add<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    judge_id: Uuid,
    (aspects, trainee): (&[Uuid], Option<bool>),
) -> Result<Result<(), Invalid>, DbErr> {
    let judges = rows::judges(db).await?;
    let criteria = sheets::criteria(db, s.id).await?;
    let aspects_ok = aspects
        .iter()
        .all(|a| criteria.iter().any(|c| c.id == *a && c.parent_id.is_none()));
    if !judges.iter().any(|j| j.id == judge_id) || !aspects_ok {
        return Ok(Err(Invalid("jdg-err-form")));
    }
    let current = rows::find(db, s.id, judge_id).await?.map(|m| m.row.trainee);
    let trainee = trainee.or(current).unwrap_or(false);
    if current.is_some_and(|t| t != trainee) && has_scored(db, s, judge_id).await? {
        return Ok(Err(Invalid("jdg-trainee-locked")));
    }
    let txn = db.begin().await?;
    rows::upsert(&txn, s.id, judge_id, (aspects, trainee)).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Removes a judge from the stage's panel; a trainee who has scored stays (their sheets would
/// otherwise count as a removed judge's do).
pub async fn remove<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    judge_id: Uuid,
) -> Result<Result<(), Invalid>, DbErr> {
    let member = rows::find(db, s.id, judge_id).await?;
    if member.as_ref().is_some_and(|m| m.row.trainee) && has_scored(db, s, judge_id).await? {
        return Ok(Err(Invalid("jdg-trainee-locked")));
    }
    let txn = db.begin().await?;
    let removed = rows::remove(&txn, s.id, judge_id).await?;
    txn.commit().await?;
    Ok(if removed {
        Ok(())
    } else {
        Err(Invalid("jdg-err-form"))
    })
}
