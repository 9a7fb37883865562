//! Announcing and correcting: each freezes a freshly computed result into the next snapshot
//! version, in one transaction with the status change and the audit event. A correction may
//! carry score changes (the only way a score changes after announcement); they are written
//! in the same transaction, the engine validates them on the recomputation, and a refusal
//! rolls everything back.

use entity::{appeal, competition, result_snapshot, score, score_sheet};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use super::preflight::{self, GoAhead, Unconfirmed};
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self, Status};
use crate::db::results::appeals;
use crate::db::results::{minutes, snapshots};
use crate::results::{Computed, Refusal, SnapshotInputs};

/// Why an announcement or correction was not made.
#[derive(Debug)]
pub enum AnnounceError {
    /// Only a competition under review can be announced; only an announced one corrected.
    WrongStatus,
    /// A correction needs a reason.
    ReasonMissing,
    /// A changed score does not belong to this competition.
    UnknownScore,
    /// A correction must change at least one input.
    NothingChanged,
    /// The results cannot be computed.
    Refused(Refusal),
    /// The plenary minutes must be recorded before announcing.
    MinutesMissing,
    /// The result has problems the committee has not confirmed with a reason.
    Unconfirmed(Unconfirmed),
    Db(DbErr),
}

impl From<DbErr> for AnnounceError {
    fn from(e: DbErr) -> Self {
        AnnounceError::Db(e)
    }
}

/// One corrected answer: the stored score row and its new value (ten-thousandths).
#[derive(Clone, Debug)]
pub struct ScoreChange {
    pub score_id: Uuid,
    pub value: Option<i64>,
    pub not_applicable: bool,
    /// What the committee saw it as (village · stage · criterion · judge), for the audit trail.
    pub label: String,
}

/// Freezes the first version and publishes it, once the plenary minutes are recorded. A
/// result with problems (`preflight`) is announced only with the committee's go-ahead; its
/// reason is kept in the announcement's audit event.
pub async fn announce(
    db: &DatabaseConnection,
    c: competition::Model,
    actor: Uuid,
    publish_comments: bool,
    go_ahead: &GoAhead,
) -> Result<result_snapshot::Model, AnnounceError> {
    if c.status != Status::Review {
        return Err(AnnounceError::WrongStatus);
    }
    if minutes::latest(db, c.id).await?.is_none() {
        return Err(AnnounceError::MinutesMissing);
    }
    let txn = db.begin().await?;
    let problems = preflight::check(&txn, &c)
        .await?
        .map_err(AnnounceError::Refused)?;
    let confirmed = preflight::accept(problems, go_ahead).map_err(AnnounceError::Unconfirmed)?;
    let snap = freeze(&txn, &c, actor, String::new(), publish_comments).await?;
    competitions::set_status(&txn, c, Status::Announced).await?;
    // The snapshot (public, hashed) keeps no reason of its own; the committee's reason for
    // announcing despite the problems goes into the audit event.
    let event = result_snapshot::Model {
        reason: confirmed.unwrap_or_default(),
        ..snap.clone()
    };
    record(&txn, &event, actor, "results.announced", None).await?;
    txn.commit().await?;
    Ok(snap)
}

/// Publishes a corrected version, applying `changes` first.
pub async fn correct(
    db: &DatabaseConnection,
    c: &competition::Model,
    actor: Uuid,
    reason: &str,
    changes: &[ScoreChange],
    appeal: Option<appeal::Model>,
) -> Result<result_snapshot::Model, AnnounceError> {
    if c.status != Status::Announced {
        return Err(AnnounceError::WrongStatus);
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AnnounceError::ReasonMissing);
    }
    let txn = db.begin().await?;
    // The result locks (triggers) hold while the competition is announced: step back to
    // review inside this transaction for the changes, then announce again.
    let reviewing = competitions::set_status(&txn, c.clone(), Status::Review).await?;
    apply(&txn, c.id, changes, Some(actor)).await?;
    competitions::set_status(&txn, reviewing, Status::Announced).await?;
    let before = snapshots::current(&txn, c.id)
        .await?
        .and_then(|s| snapshots::published(&s));
    // A correction keeps the announcement's choice about the judges' comments.
    let publish_comments = before.as_ref().is_some_and(|p| p.comments_published);
    let snap = freeze(&txn, c, actor, reason.to_owned(), publish_comments).await?;
    let answers = appeal.as_ref().map(|a| {
        let village = before
            .as_ref()
            .and_then(|p| p.line_of(a.nomination_id))
            .map_or_else(String::new, |l| l.village.name.clone());
        format!("menjawab sanggahan {village} (v{})", a.snapshot_version)
    });
    record(&txn, &snap, actor, "results.corrected", answers).await?;
    if let (Some(old), Some(new)) = (&before, snapshots::published(&snap)) {
        super::correction::record_changes(&txn, c.id, snap.version, (old, &new), actor).await?;
    }
    // An appeal accepted with this correction is answered in the same transaction.
    if let Some(a) = appeal {
        let answer = format!("{} (v{})", reason, snap.version);
        let accepted = appeals::answer(&txn, a, appeals::ACCEPTED, answer, actor).await?;
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(c.id),
                nomination_id: Some(accepted.nomination_id),
                actor_id: Some(actor),
                action: "appeal.accepted".into(),
                reason: reason.to_owned(),
                details: format!(
                    "sanggahan atas v{} dijawab dengan koreksi v{}",
                    accepted.snapshot_version, snap.version
                ),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(snap)
}

/// The results as they stand and as they would stand with `changes`: applied and computed
/// inside a transaction that is rolled back, so the committee sees the ranking and prize
/// difference before confirming. Refused like the correction itself would be.
pub async fn preview(
    db: &DatabaseConnection,
    c: &competition::Model,
    changes: &[ScoreChange],
) -> Result<(crate::results::Published, crate::results::Published), AnnounceError> {
    if c.status != Status::Announced {
        return Err(AnnounceError::WrongStatus);
    }
    let old = snapshots::current(db, c.id)
        .await?
        .and_then(|s| snapshots::published(&s))
        .ok_or(AnnounceError::WrongStatus)?;
    let txn = db.begin().await?;
    competitions::set_status(&txn, c.clone(), Status::Review).await?;
    apply(&txn, c.id, changes, None).await?;
    let new = crate::results::compute(&txn, c).await?;
    txn.rollback().await?;
    Ok((old, new.map_err(AnnounceError::Refused)?.published))
}

/// Writes score changes, refusing any score outside this competition's sheets and a
/// correction that changes nothing. With an actor, each change is recorded old → new.
async fn apply(
    txn: &DatabaseTransaction,
    competition: Uuid,
    changes: &[ScoreChange],
    actor: Option<Uuid>,
) -> Result<(), AnnounceError> {
    let mut changed = 0usize;
    let ids: Vec<Uuid> = changes.iter().map(|c| c.score_id).collect();
    let rows = score::Entity::find()
        .filter(score::Column::Id.is_in(ids))
        .all(txn)
        .await?;
    let sheet_ids: Vec<Uuid> = rows.iter().map(|r| r.sheet_id).collect();
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::Id.is_in(sheet_ids))
        .all(txn)
        .await?;
    let stages = crate::db::competition_setup::list_stages(txn, competition).await?;
    for change in changes {
        let row = rows
            .iter()
            .find(|r| r.id == change.score_id)
            .ok_or(AnnounceError::UnknownScore)?;
        let sheet = sheets
            .iter()
            .find(|s| s.id == row.sheet_id)
            .ok_or(AnnounceError::UnknownScore)?;
        if !stages.iter().any(|s| s.id == sheet.stage_id) {
            return Err(AnnounceError::UnknownScore);
        }
        let value = if change.not_applicable {
            None
        } else {
            change.value
        };
        if row.value == value && row.not_applicable == change.not_applicable {
            continue;
        }
        changed += 1;
        let mut a: score::ActiveModel = row.clone().into();
        a.value = Set(value);
        a.not_applicable = Set(change.not_applicable);
        a.update(txn).await?;
        if let Some(actor) = actor {
            let shown = |v: Option<i64>, na: bool| match (na, v) {
                (true, _) => "TB".to_owned(),
                (false, Some(v)) => juara_domain::Points::from_units(v).to_string(),
                (false, None) => "—".to_owned(),
            };
            audit::record(
                txn,
                NewEvent {
                    competition_id: Some(competition),
                    nomination_id: Some(sheet.nomination_id),
                    actor_id: Some(actor),
                    action: "results.score_corrected".into(),
                    details: format!(
                        "{}: {} → {}",
                        change.label,
                        shown(row.value, row.not_applicable),
                        shown(value, change.not_applicable)
                    ),
                    ..Default::default()
                },
            )
            .await?;
        }
    }
    if changed == 0 {
        return Err(AnnounceError::NothingChanged);
    }
    Ok(())
}

/// Computes inside the transaction and stores the next version.
async fn freeze(
    txn: &DatabaseTransaction,
    c: &competition::Model,
    actor: Uuid,
    reason: String,
    publish_comments: bool,
) -> Result<result_snapshot::Model, AnnounceError> {
    let mut computed: Computed = crate::results::compute(txn, c)
        .await?
        .map_err(AnnounceError::Refused)?;
    if publish_comments {
        let comments =
            crate::results::load_comments(txn, &computed.setup, &computed.published.result).await?;
        computed.published.comments_published = true;
        computed.published.comments = comments;
    }
    let inputs = SnapshotInputs {
        spec: &computed.setup.spec,
        prizes: &computed.setup.prizes,
        inputs: &computed.inputs,
    };
    let encode = |e: serde_json::Error| AnnounceError::Db(DbErr::Custom(e.to_string()));
    let inputs = serde_json::to_string(&inputs).map_err(encode)?;
    let outputs = serde_json::to_string(&computed.published).map_err(encode)?;
    Ok(super::snapshot::insert_next(txn, c.id, inputs, outputs, reason, actor).await?)
}

async fn record<C: ConnectionTrait>(
    db: &C,
    snap: &result_snapshot::Model,
    actor: Uuid,
    action: &str,
    answers: Option<String>,
) -> Result<(), DbErr> {
    let mut details = format!("v{} sha256:{}", snap.version, snap.content_hash);
    if let Some(a) = answers {
        details = format!("{details}; {a}");
    }
    audit::record(
        db,
        NewEvent {
            competition_id: Some(snap.competition_id),
            actor_id: Some(actor),
            action: action.to_owned(),
            reason: snap.reason.clone(),
            details,
            ..Default::default()
        },
    )
    .await
}

/// Scores are frozen once results are public: the judging pages and API call this before
/// saving a sheet; only `correct` changes a score afterwards.
#[must_use]
pub fn scores_locked(c: &competition::Model) -> bool {
    matches!(Some(c.status), Some(Status::Announced | Status::Archived))
}
