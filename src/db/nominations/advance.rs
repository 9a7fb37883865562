//! Nomination from the level below: winners of lower-level competitions enter a higher one
//! as `origin = advanced` nominations, already submitted, with the source profile copied and
//! the source documents referenced (same stored files, checklist items matched by code).
//! The results issue calls `advance_into` with the winners it computed.

use chrono::Utc;
use entity::{competition, document_requirement, nomination, nomination_document};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};
use serde::Serialize;
use uuid::Uuid;

use super::Status;
use super::submit::eligibility_problems;
use crate::auth::CurrentUser;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self, Level};
use crate::ids::{NominationId, UserId};
use crate::registry::Level as RegionLevel;

/// Why a source nomination was not brought in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// No such nomination.
    NotFound,
    /// The village already has a nomination in the target competition (or was listed twice).
    AlreadyEntered,
    /// The source is not an accepted nomination of a lower-level competition inside the
    /// target's region and category.
    NotFromBelow,
    /// The village fails the target's eligibility rules.
    NotEligible,
}

/// What `advance_into` did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AdvanceReport {
    /// New nominations, one per village brought in.
    pub created: Vec<NominationId>,
    /// Source nominations left out, with the reason.
    pub skipped: Vec<(NominationId, SkipReason)>,
}

fn rank(level: &str) -> Option<usize> {
    let level = Level::parse(level)?;
    Level::ALL.iter().position(|l| *l == level)
}

/// True when `source` is a lower-level competition of the same category inside `target`.
fn is_below(source: &competition::Model, target: &competition::Model) -> bool {
    let inside = match (&target.region_code, &source.region_code) {
        (None, _) => true,
        (Some(outer), Some(inner)) => RegionLevel::contains(outer, inner),
        (Some(_), None) => false,
    };
    let lower = matches!((rank(&source.level), rank(&target.level)), (Some(s), Some(t)) if s < t);
    inside && lower && source.category == target.category
}

/// Accepted nominations of lower-level competitions in the admin's scope that could enter
/// `target`, with their competitions (villages already entered are left out).
pub async fn list_advance_candidates<C: ConnectionTrait>(
    db: &C,
    target: &competition::Model,
    admin: &CurrentUser,
) -> Result<Vec<(nomination::Model, competition::Model)>, DbErr> {
    let sources: Vec<competition::Model> = competitions::list_for_admin(db, admin)
        .await?
        .into_iter()
        .filter(|c| is_below(c, target))
        .collect();
    let entered: Vec<String> = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(target.id))
        .all(db)
        .await?
        .into_iter()
        .map(|n| n.village_code)
        .collect();
    let rows = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.is_in(sources.iter().map(|c| c.id)))
        .filter(nomination::Column::Status.eq(Status::Accepted.as_str()))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|n| !entered.contains(&n.village_code))
        .filter_map(|n| {
            let c = sources.iter().find(|c| c.id == n.competition_id)?.clone();
            Some((n, c))
        })
        .collect())
}

/// Brings the given winners into `target` in one transaction: each becomes a submitted
/// nomination with `origin = advanced`, skipping villages already entered and sources that
/// are not accepted entries of a lower-level competition inside the target.
pub async fn advance_into<C: TransactionTrait>(
    db: &C,
    target: &competition::Model,
    source_nominations: &[NominationId],
    actor: UserId,
) -> Result<AdvanceReport, DbErr> {
    let txn = db.begin().await?;
    let mut report = AdvanceReport::default();
    let mut entered: Vec<String> = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(target.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|n| n.village_code)
        .collect();
    let requirements = document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(target.id))
        .all(&txn)
        .await?;
    for &id in source_nominations {
        let Some(source) = nomination::Entity::find_by_id(id.into_uuid())
            .one(&txn)
            .await?
        else {
            report.skipped.push((id, SkipReason::NotFound));
            continue;
        };
        let from = competition::Entity::find_by_id(source.competition_id)
            .one(&txn)
            .await?;
        let from_below = from.as_ref().is_some_and(|c| is_below(c, target))
            && source.status == Status::Accepted.as_str();
        let reason = if entered.contains(&source.village_code) {
            Some(SkipReason::AlreadyEntered)
        } else if !from_below {
            Some(SkipReason::NotFromBelow)
        } else if !eligibility_problems(&source, target).is_empty() {
            Some(SkipReason::NotEligible)
        } else {
            None
        };
        if let Some(reason) = reason {
            report.skipped.push((id, reason));
            continue;
        }
        let created = copy_nomination(&txn, &source, target, &requirements, actor).await?;
        entered.push(source.village_code.clone());
        report.created.push(NominationId::from(created));
    }
    txn.commit().await?;
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
        status: Set(Status::Submitted.as_str().to_owned()),
        origin: Set("advanced".to_owned()),
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
            details: format!("from nomination {} ({})", source.id, source.competition_id),
            ..Default::default()
        },
    )
    .await?;
    Ok(id)
}
