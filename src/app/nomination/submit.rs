//! Sending a draft to the committee and taking it back. `submission_problems` lists every
//! reason a draft cannot be sent yet (missing profile fields and documents, eligibility rules
//! published with the competition, the deadline), so the village sees them all at once.

use chrono::{DateTime, FixedOffset};
use entity::{competition, nomination};
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};

use super::Status;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self, Category};
use crate::db::documents;
use crate::ids::UserId;
use crate::registry::{Level as RegionLevel, VillageKind};

/// One reason a nomination cannot be submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The nomination is not a draft any more.
    NotDraft,
    /// The window is closed (or the competition is not open).
    Closed,
    /// A profile field is empty; carries the field name.
    MissingField(&'static str),
    /// A required checklist item has no document; carries its label.
    MissingDocument(String),
    /// Desa into a kelurahan competition or the reverse.
    WrongCategory,
    /// The village lies outside the competition's region.
    OutsideScope,
    /// The development status is not among those allowed.
    StatusNotEligible,
    /// Led by an acting head where a definitive head is required.
    ActingHead,
    /// `max_entries` nominations are already in.
    Full,
}

impl Problem {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: &str) -> String {
        use crate::i18n::{t, t_args};
        match self {
            Problem::NotDraft => t(lang, "nom-problem-not-draft"),
            Problem::Closed => t(lang, "nom-problem-closed"),
            Problem::MissingField(f) => t_args(
                lang,
                "nom-problem-missing-field",
                &[("field", t(lang, &format!("nom-field-{f}")))],
            ),
            Problem::MissingDocument(label) => t_args(
                lang,
                "nom-problem-missing-document",
                &[("label", label.clone())],
            ),
            Problem::WrongCategory => t(lang, "nom-problem-category"),
            Problem::OutsideScope => t(lang, "nom-problem-scope"),
            Problem::StatusNotEligible => t(lang, "nom-problem-status"),
            Problem::ActingHead => t(lang, "nom-problem-acting-head"),
            Problem::Full => t(lang, "nom-problem-full"),
        }
    }
}

/// The eligibility rules alone (also used when winners advance from a lower level).
#[must_use]
pub fn eligibility_problems(n: &nomination::Model, c: &competition::Model) -> Vec<Problem> {
    let mut problems = Vec::new();
    let kind = VillageKind::of_code(&n.village_code);
    if !Category::parse(&c.category).is_some_and(|cat| cat.admits(kind)) {
        problems.push(Problem::WrongCategory);
    }
    if let Some(scope) = &c.region_code
        && !RegionLevel::contains(scope, &n.village_code)
    {
        problems.push(Problem::OutsideScope);
    }
    let allowed: Vec<&str> = c
        .eligible_statuses
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if !allowed.is_empty() && !allowed.contains(&n.development_status.as_str()) {
        problems.push(Problem::StatusNotEligible);
    }
    if c.require_definitive_head && n.head_is_acting {
        problems.push(Problem::ActingHead);
    }
    problems
}

/// Nominations that count against `max_entries`.
async fn entries<C: ConnectionTrait>(db: &C, c: &competition::Model) -> Result<u64, DbErr> {
    nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(c.id))
        .filter(
            Condition::any()
                .add(nomination::Column::Status.eq(Status::Submitted.as_str()))
                .add(nomination::Column::Status.eq(Status::Accepted.as_str())),
        )
        .count(db)
        .await
}

/// Everything that keeps this draft from being submitted at `now` (empty = ready).
pub async fn submission_problems<C: ConnectionTrait>(
    db: &C,
    n: &nomination::Model,
    c: &competition::Model,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Problem>, DbErr> {
    let mut problems = Vec::new();
    if n.status != Status::Draft {
        problems.push(Problem::NotDraft);
    }
    if !competitions::window_open(c, now) {
        problems.push(Problem::Closed);
    }
    let texts = [
        ("head_name", &n.head_name),
        ("development_status", &n.development_status),
        ("contact_name", &n.contact_name),
        ("contact_phone", &n.contact_phone),
        ("description", &n.description),
    ];
    for (field, value) in texts {
        if value.trim().is_empty() {
            problems.push(Problem::MissingField(field));
        }
    }
    if n.population.is_none() {
        problems.push(Problem::MissingField("population"));
    }
    if n.households.is_none() {
        problems.push(Problem::MissingField("households"));
    }
    let docs = documents::list_for_nomination(db, n.id).await?;
    for r in documents::requirements_for(db, c.id).await? {
        if r.required && !docs.iter().any(|d| d.requirement_id == Some(r.id)) {
            problems.push(Problem::MissingDocument(r.label));
        }
    }
    problems.extend(eligibility_problems(n, c));
    if let Some(max) = c.max_entries
        && entries(db, c).await? >= u64::try_from(max).unwrap_or(0)
    {
        problems.push(Problem::Full);
    }
    Ok(problems)
}

/// Submits the draft if nothing is missing, in one transaction with its audit event.
/// `Ok(Err(problems))` is a refusal listing every problem.
pub async fn submit<C: TransactionTrait>(
    db: &C,
    n: nomination::Model,
    c: &competition::Model,
    actor: UserId,
    now: DateTime<FixedOffset>,
) -> Result<Result<nomination::Model, Vec<Problem>>, DbErr> {
    let txn = db.begin().await?;
    let problems = submission_problems(&txn, &n, c, now).await?;
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let id = n.id;
    let version = n.version;
    let mut active = n.into_active_model();
    active.status = Set(Status::Submitted);
    active.submitted_at = Set(Some(now));
    active.updated_at = Set(now);
    active.version = Set(version.saturating_add(1));
    let saved = active.update(&txn).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(id),
            actor_id: Some(actor.into_uuid()),
            action: "nomination.submitted".into(),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(saved))
}

/// Withdraws the nomination while the competition is still open (judging not started).
/// `Ok(None)` means it is too late or already withdrawn.
pub async fn withdraw<C: TransactionTrait>(
    db: &C,
    n: nomination::Model,
    c: &competition::Model,
    actor: UserId,
    now: DateTime<FixedOffset>,
) -> Result<Option<nomination::Model>, DbErr> {
    let open = c.status == competitions::Status::Open;
    if !open || n.status == Status::Withdrawn {
        return Ok(None);
    }
    let txn = db.begin().await?;
    let (id, from, version) = (n.id, n.status, n.version);
    let mut active = n.into_active_model();
    active.status = Set(Status::Withdrawn);
    active.withdrawn_at = Set(Some(now));
    active.updated_at = Set(now);
    active.version = Set(version.saturating_add(1));
    let saved = active.update(&txn).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(id),
            actor_id: Some(actor.into_uuid()),
            action: "nomination.withdrawn".into(),
            details: format!("{from} → withdrawn"),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Some(saved))
}
