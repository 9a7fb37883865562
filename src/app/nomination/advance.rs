//! Nomination from the level below: winners of lower-level competitions enter a higher one
//! as `origin = advanced` nominations, already submitted, with the source profile copied and
//! the source documents referenced (same stored files, checklist items matched by code).
//! Only prize winners of final results of the level directly below are taken
//! (`advance_rule`); `advance_sync` follows a later correction of the source.

use chrono::{DateTime, FixedOffset, Utc};
use entity::{competition, document_requirement, nomination, nomination_document};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use serde::Serialize;
use uuid::Uuid;

use super::Status;
use super::advance_rule::{NotFinal, SourceState, States, is_directly_below, source_state};
use super::submit::eligibility_problems;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions;
use crate::identity::CurrentUser;
use crate::ids::{NominationId, UserId};

/// Why a source nomination was not brought in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No such nomination.
    NotFound,
    /// The village already has a nomination in the target competition (or was listed twice).
    AlreadyEntered,
    /// The source is not a competition of the level directly below, inside the target's
    /// region and of its category.
    NotFromBelow,
    /// The village fails the target's eligibility rules.
    NotEligible,
    /// The source competition's results are not announced.
    NotAnnounced,
    /// The source's appeal window is still open (`AdvanceReport::open_until` says until when).
    AppealWindowOpen,
    /// An appeal of the source competition awaits an answer.
    AppealPending,
    /// Not a prize winner in the source's result version in force.
    NotAWinner,
}

impl From<NotFinal> for SkipReason {
    fn from(n: NotFinal) -> Self {
        match n {
            NotFinal::NotAnnounced => SkipReason::NotAnnounced,
            NotFinal::AppealWindowOpen => SkipReason::AppealWindowOpen,
            NotFinal::AppealPending => SkipReason::AppealPending,
        }
    }
}

/// What `advance_into` did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AdvanceReport {
    /// New nominations, one per village brought in.
    pub created: Vec<NominationId>,
    /// Source nominations left out, with the reason.
    pub skipped: Vec<(NominationId, SkipReason)>,
    /// For `AppealWindowOpen` skips: when the window closes.
    pub open_until: Vec<(NominationId, DateTime<FixedOffset>)>,
}

/// A winner that may be brought into `target`.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub nomination: nomination::Model,
    pub source: competition::Model,
    /// The source's result version in force.
    pub version: i32,
    pub rank: u32,
    /// "Juara I", …
    pub prize: String,
}

/// Lower-level competitions in the admin's scope that feed `target`, with their state.
///
/// # Errors
/// A database error.
pub async fn advance_sources<C: ConnectionTrait>(
    db: &C,
    target: &competition::Model,
    admin: &CurrentUser,
) -> Result<Vec<(competition::Model, SourceState)>, DbErr> {
    let mut out = Vec::new();
    for c in competitions::list_for_admin(db, admin).await? {
        if is_directly_below(&c, target) {
            let state = source_state(db, &c).await?;
            out.push((c, state));
        }
    }
    Ok(out)
}

/// Prize winners of final results of the level directly below, inside `target` and in the
/// admin's scope, that could enter `target` (villages already entered are left out).
///
/// # Errors
/// A database error.
pub async fn list_advance_candidates<C: ConnectionTrait>(
    db: &C,
    target: &competition::Model,
    admin: &CurrentUser,
) -> Result<Vec<Candidate>, DbErr> {
    let sources = advance_sources(db, target, admin).await?;
    let entered: Vec<String> = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(target.id))
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.village_code)
        .collect();
    let mut out = Vec::new();
    for (c, state) in sources {
        let SourceState::Final { version, published } = state else {
            continue;
        };
        let winners: Vec<_> = published.winners().collect();
        let rows = nomination::Entity::find()
            .filter(nomination::Column::Id.is_in(winners.iter().map(|l| l.nomination_id)))
            .all(db)
            .await?;
        for l in winners {
            let Some(n) = rows.iter().find(|n| n.id == l.nomination_id) else {
                continue;
            };
            if entered.contains(&n.village_code) {
                continue;
            }
            out.push(Candidate {
                nomination: n.clone(),
                source: c.clone(),
                version,
                rank: l.rank,
                prize: l
                    .prize
                    .as_ref()
                    .map(|p| p.label.clone())
                    .unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

/// Brings the given winners into `target` in one transaction: each becomes a submitted
/// nomination with `origin = advanced`. Refused (with the reason): villages already entered,
/// sources not of the level directly below inside the target, results not final (not
/// announced, appeal window open, appeal pending) and entries that are not prize winners of
/// the version in force.
///
/// # Errors
/// A database error.
pub async fn advance_into<C: TransactionTrait>(
    db: &C,
    target: &competition::Model,
    source_nominations: &[NominationId],
    actor: UserId,
) -> Result<AdvanceReport, DbErr> {
    let txn = db.begin().await?;
    let report = advance_in(&txn, target, source_nominations, actor).await?;
    txn.commit().await?;
    Ok(report)
}

/// `advance_into` inside the caller's transaction.
///
/// # Errors
/// A database error.
pub async fn advance_in<C: ConnectionTrait>(
    txn: &C,
    target: &competition::Model,
    source_nominations: &[NominationId],
    actor: UserId,
) -> Result<AdvanceReport, DbErr> {
    let mut report = AdvanceReport::default();
    let mut states = States::default();
    let mut entered: Vec<String> = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(target.id))
        .all(txn)
        .await?
        .into_iter()
        .map(|n| n.village_code)
        .collect();
    let requirements = document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(target.id))
        .all(txn)
        .await?;
    for &id in source_nominations {
        let Some(source) = nomination::Entity::find_by_id(id.into_uuid())
            .one(txn)
            .await?
        else {
            report.skipped.push((id, SkipReason::NotFound));
            continue;
        };
        let from = competition::Entity::find_by_id(source.competition_id)
            .one(txn)
            .await?
            .filter(|c| is_directly_below(c, target));
        let reason = if entered.contains(&source.village_code) {
            Some(SkipReason::AlreadyEntered)
        } else if let Some(from) = &from {
            let state = states.of(txn, from).await?;
            if let Some(until) = state.open_until() {
                report.open_until.push((id, until));
            }
            if let Some(n) = state.not_final() {
                Some(SkipReason::from(n))
            } else if !state.winners().contains(&source.id) {
                Some(SkipReason::NotAWinner)
            } else if !eligibility_problems(&source, target).is_empty() {
                Some(SkipReason::NotEligible)
            } else {
                None
            }
        } else {
            Some(SkipReason::NotFromBelow)
        };
        if let Some(reason) = reason {
            report.skipped.push((id, reason));
            continue;
        }
        let created = copy_nomination(txn, &source, target, &requirements, actor).await?;
        entered.push(source.village_code.clone());
        report.created.push(NominationId::from(created));
    }
    Ok(report)
}

/// Inserts the advanced nomination, its document references and the audit event.
async fn copy_nomination<C: ConnectionTrait>(
    db: &C,
    source: &nomination::Model,
    target: &competition::Model,
    requirements: &[document_requirement::Model],
    actor: UserId,
) -> Result<Uuid, DbErr> {
    let now = Utc::now().fixed_offset();
    let id = Uuid::new_v4();
    nomination::ActiveModel {
        id: Set(id),
        competition_id: Set(target.id),
        village_code: Set(source.village_code.clone()),
        status: Set(Status::Submitted),
        origin: Set(entity::NominationOrigin::Advanced.as_str().to_owned()),
        source_competition_id: Set(Some(source.competition_id)),
        head_name: Set(source.head_name.clone()),
        head_is_acting: Set(source.head_is_acting),
        development_status: Set(source.development_status.clone()),
        population: Set(source.population),
        households: Set(source.households),
        contact_name: Set(source.contact_name.clone()),
        contact_phone: Set(source.contact_phone.clone()),
        contact_email: Set(source.contact_email.clone()),
        achievements: Set(source.achievements.clone()),
        description: Set(source.description.clone()),
        submitted_at: Set(Some(now)),
        version: Set(0),
        created_by: Set(Some(actor.into_uuid())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let source_requirements = document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(source.competition_id))
        .all(db)
        .await?;
    let docs = nomination_document::Entity::find()
        .filter(nomination_document::Column::NominationId.eq(source.id))
        .all(db)
        .await?;
    for d in docs {
        // The same checklist item in the target is the one with the same code.
        let code = source_requirements
            .iter()
            .find(|r| Some(r.id) == d.requirement_id)
            .map(|r| r.code.as_str());
        let requirement = requirements
            .iter()
            .find(|r| Some(r.code.as_str()) == code)
            .map(|r| r.id);
        nomination_document::ActiveModel {
            id: Set(Uuid::new_v4()),
            nomination_id: Set(id),
            requirement_id: Set(requirement),
            // Criteria belong to the source competition's stages; they do not carry over.
            criterion_id: Set(None),
            kind: Set(d.kind),
            label: Set(d.label),
            url: Set(d.url),
            stored_name: Set(d.stored_name),
            content_type: Set(d.content_type),
            size_bytes: Set(d.size_bytes),
            sha256: Set(d.sha256),
            uploaded_by: Set(d.uploaded_by),
            uploaded_at: Set(d.uploaded_at),
        }
        .insert(db)
        .await?;
    }
    audit::record(
        db,
        NewEvent {
            competition_id: Some(target.id),
            nomination_id: Some(id),
            actor_id: Some(actor.into_uuid()),
            action: "nomination.advanced".into(),
            details: match crate::db::competitions::find_by_id(db, source.competition_id.into())
                .await?
            {
                Some(from) => format!("dari {} ({})", from.name, from.year),
                None => String::new(),
            },
            ..Default::default()
        },
    )
    .await?;
    Ok(id)
}
