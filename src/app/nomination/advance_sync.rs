//! Following a correction of a lower-level result: when an entry brought into `target` is no
//! longer a prize winner of its source's version in force, the committee sees who must leave
//! and who now qualifies, and applies both in one step (withdraw, then admit) once the
//! source's result is final again.

use chrono::Utc;
use entity::{competition, nomination};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::Status;
use super::advance::{AdvanceReport, SkipReason, advance_in};
use super::advance_rule::{is_directly_below, source_state};
use crate::db::audit::{self, NewEvent};
use crate::db::results::snapshots;
use crate::ids::{NominationId, UserId};

/// The stored origin of nominations brought in from the level below.
const ADVANCED: &str = entity::NominationOrigin::Advanced.as_str();

/// What must change in `target` after a correction of one source competition.
#[derive(Clone, Debug)]
pub struct Change {
    pub source: competition::Model,
    /// The source's version in force.
    pub version: i32,
    /// Entries of `target` brought in from `source` that are no longer winners there.
    pub gone: Vec<nomination::Model>,
    /// Winners of `source` (its own nominations) not entered in `target`.
    pub new: Vec<nomination::Model>,
}

/// The changes `target` needs, one per source competition whose winners changed.
///
/// # Errors
/// A database error.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    target: &competition::Model,
) -> Result<Vec<Change>, DbErr> {
    let entered = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(target.id))
        .all(db)
        .await?;
    let mut sources: Vec<Uuid> = entered
        .iter()
        .filter(|n| n.origin == ADVANCED && n.status != Status::Withdrawn)
        .filter_map(|n| n.source_competition_id)
        .collect();
    sources.sort();
    sources.dedup();
    let mut out = Vec::new();
    for id in sources {
        let Some(source) = competition::Entity::find_by_id(id).one(db).await? else {
            continue;
        };
        let Some(snap) = snapshots::current(db, id).await? else {
            continue;
        };
        let Some(p) = snapshots::published(&snap) else {
            continue;
        };
        let codes: Vec<&str> = p.winners().map(|l| l.village.code.as_str()).collect();
        let gone: Vec<nomination::Model> = entered
            .iter()
            .filter(|n| {
                n.origin == ADVANCED
                    && n.status != Status::Withdrawn
                    && n.source_competition_id == Some(id)
                    && !codes.contains(&n.village_code.as_str())
            })
            .cloned()
            .collect();
        if gone.is_empty() {
            continue;
        }
        let new = nomination::Entity::find()
            .filter(nomination::Column::Id.is_in(p.winners().map(|l| l.nomination_id)))
            .all(db)
            .await?
            .into_iter()
            .filter(|n| !entered.iter().any(|e| e.village_code == n.village_code))
            .collect();
        out.push(Change {
            source,
            version: snap.version,
            gone,
            new,
        });
    }
    Ok(out)
}

/// What `apply` did.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    pub withdrawn: Vec<NominationId>,
    pub report: AdvanceReport,
}

/// Withdraws the entries of `target` that are no longer winners of `source` and admits the
/// new winners, in one transaction. Refused (nothing written) unless `source`'s result is
/// final; the reason is the `SkipReason` a direct advancement would get.
///
/// # Errors
/// A database error.
pub async fn apply<C: TransactionTrait>(
    db: &C,
    target: &competition::Model,
    source: Uuid,
    actor: UserId,
) -> Result<Result<Applied, SkipReason>, DbErr> {
    let txn = db.begin().await?;
    let Some(from) = competition::Entity::find_by_id(source).one(&txn).await? else {
        return Ok(Err(SkipReason::NotFound));
    };
    if !is_directly_below(&from, target) {
        return Ok(Err(SkipReason::NotFromBelow));
    }
    if let Some(n) = source_state(&txn, &from).await?.not_final() {
        return Ok(Err(n.into()));
    }
    let Some(change) = changes(&txn, target)
        .await?
        .into_iter()
        .find(|c| c.source.id == source)
    else {
        return Ok(Err(SkipReason::NotFound));
    };
    let now = Utc::now().fixed_offset();
    let mut applied = Applied::default();
    for n in change.gone {
        let id = n.id;
        let village = n.village_code.clone();
        let version = n.version;
        let mut a: nomination::ActiveModel = n.into();
        a.status = Set(Status::Withdrawn);
        a.updated_at = Set(now);
        a.version = Set(version + 1);
        a.update(&txn).await?;
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(target.id),
                nomination_id: Some(id),
                actor_id: Some(actor.into_uuid()),
                action: "nomination.withdrawn_not_winner".into(),
                details: format!(
                    "{village} is no longer a winner of {} v{}",
                    from.name, change.version
                ),
                ..Default::default()
            },
        )
        .await?;
        applied.withdrawn.push(NominationId::from(id));
    }
    let new: Vec<NominationId> = change
        .new
        .iter()
        .map(|n| NominationId::from(n.id))
        .collect();
    applied.report = advance_in(&txn, target, &new, actor).await?;
    txn.commit().await?;
    Ok(Ok(applied))
}

/// For the lower committee: entries of `source` brought into higher competitions that are no
/// longer prize winners of its version in force, each as a sentence naming the village, the
/// version and the competition whose committee must apply the change.
///
/// # Errors
/// A database error.
pub async fn stale_from<C: ConnectionTrait>(
    db: &C,
    source: &competition::Model,
    lang: &str,
) -> Result<Vec<String>, DbErr> {
    let Some(snap) = snapshots::current(db, source.id).await? else {
        return Ok(Vec::new());
    };
    let Some(p) = snapshots::published(&snap) else {
        return Ok(Vec::new());
    };
    let codes: Vec<&str> = p.winners().map(|l| l.village.code.as_str()).collect();
    let stale: Vec<nomination::Model> = nomination::Entity::find()
        .filter(nomination::Column::SourceCompetitionId.eq(source.id))
        .filter(nomination::Column::Origin.eq(ADVANCED))
        .filter(nomination::Column::Status.ne(Status::Withdrawn.as_str()))
        .all(db)
        .await?
        .into_iter()
        .filter(|n| !codes.contains(&n.village_code.as_str()))
        .collect();
    let names = crate::db::villages::infos(
        db,
        &stale
            .iter()
            .map(|n| n.village_code.as_str())
            .collect::<Vec<_>>(),
    )
    .await?;
    let mut out = Vec::new();
    for n in stale {
        let target = competition::Entity::find_by_id(n.competition_id)
            .one(db)
            .await?
            .map(|t| format!("{} ({})", t.name, t.year))
            .unwrap_or_default();
        out.push(crate::i18n::t_args(
            lang,
            "adv-stale-below",
            &[
                (
                    "village", // not a state: the message argument
                    crate::db::villages::label_of(&names, &n.village_code),
                ),
                ("version", snap.version.to_string()),
                ("target", target),
            ],
        ));
    }
    Ok(out)
}
