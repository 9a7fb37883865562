//! A stage's panel: adding a judge (for all aspects or some top-level ones) and removing one.

use entity::stage;
use sea_orm::{ConnectionTrait, DbErr, TransactionSession, TransactionTrait};
use uuid::Uuid;

use crate::db::judging::{panels as rows, sheets};

/// Why a panel change was refused: an unknown judge, an aspect that is not a top-level
/// criterion of the stage, or (removal) a judge not on the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid;

/// Adds an active judge to the stage's panel, or changes their aspects (and whether they are
/// a trainee, scoring without being counted) when already on it.
pub async fn add<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    judge_id: Uuid,
    (aspects, trainee): (&[Uuid], bool),
) -> Result<Result<(), Invalid>, DbErr> {
    let judges = rows::judges(db).await?;
    let criteria = sheets::criteria(db, s.id).await?;
    let aspects_ok = aspects
        .iter()
        .all(|a| criteria.iter().any(|c| c.id == *a && c.parent_id.is_none()));
    if !judges.iter().any(|j| j.id == judge_id) || !aspects_ok {
        return Ok(Err(Invalid));
    }
    let txn = db.begin().await?;
    rows::upsert(&txn, s.id, judge_id, (aspects, trainee)).await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Removes a judge from the stage's panel.
pub async fn remove<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    judge_id: Uuid,
) -> Result<Result<(), Invalid>, DbErr> {
    let txn = db.begin().await?;
    let removed = rows::remove(&txn, s.id, judge_id).await?;
    txn.commit().await?;
    Ok(if removed { Ok(()) } else { Err(Invalid) })
}
