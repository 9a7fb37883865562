//! Published rules with versions (*aturan lomba yang diterbitkan*). Opening a competition
//! publishes its rules — eligibility, schedule, stages with weights, aggregation and quorum,
//! the criteria tree with weights, scales and level descriptors, the document checklist, the
//! tie-break chain, the prize table and budgets, the appeal window — as version 1. From then
//! on every change that moves them makes the next version in the same transaction, and needs
//! a reason: [`settle`] is called at the end of every set-up change and refuses (the caller's
//! transaction then rolls back) when the rules moved without one. The book itself and its
//! hash and difference are `juara_domain::rules`.
//!
//! Not rules, so not in the book: the name and description, the order lists are shown in,
//! and what happens during judging (closing a stage, the assignment draw).

use chrono::{DateTime, FixedOffset};
use entity::{competition, rules_version};
use juara_domain::rules::{Place, RuleBook, Value};
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use super::error::{Error, Outcome};
use super::rules::status_of;
use super::tie_breaks::chain_of;
use super::zone;
use crate::db::audit::{self, NewEvent};
use crate::db::competition_setup::{self as setup, SetupData};
use crate::db::competitions::{self as repo, CompetitionFields, Status};
use crate::db::rules::{self as store, NewVersion};
use crate::ids::{CompetitionId, UserId};

/// Who changes the rules, and why (the reason may be empty before opening).
#[derive(Clone, Debug)]
pub struct ChangeBy {
    pub actor: UserId,
    pub reason: String,
}

impl ChangeBy {
    /// A change by `actor` for `reason` (trimmed).
    #[must_use]
    pub fn new(actor: UserId, reason: &str) -> Self {
        ChangeBy {
            actor,
            reason: reason.trim().to_owned(),
        }
    }
}

/// Locale key of the refusal when the published rules would move without a reason.
pub const REASON_KEY: &str = "err-rules-reason";

/// The rules of `c` with set-up `data`, as a village reads them (schedule in `c`'s zone;
/// the tie-break chain in Indonesian words, the published language).
#[must_use]
pub fn book_of(c: &competition::Model, data: &SetupData) -> RuleBook {
    let mut b = RuleBook::default();
    let f = CompetitionFields::of(c);
    let here = Place::Competition;
    let text = |s: &str| Value::Text(s.to_owned());
    let tz = zone::of(c);
    let time = |t: Option<DateTime<FixedOffset>>| {
        t.map_or(Value::Unset, |t| {
            let local = t.with_timezone(&tz.offset()).format("%Y-%m-%d %H:%M");
            Value::Text(format!("{local} {}", tz.label()))
        })
    };
    b.push(here.clone(), "category", text(f.category.as_str()));
    b.push(here.clone(), "level", text(f.level.as_str()));
    b.push(
        here.clone(),
        "region",
        f.region_code.as_deref().map_or(Value::Unset, text),
    );
    let statuses = f.eligible_statuses.join(", ");
    b.push(
        here.clone(),
        "eligible_statuses",
        if statuses.is_empty() {
            Value::Unset
        } else {
            Value::Text(statuses)
        },
    );
    b.push(
        here.clone(),
        "require_definitive_head",
        Value::Flag(f.require_definitive_head),
    );
    b.push(
        here.clone(),
        "max_entries",
        Value::number(f.max_entries.map(i64::from)),
    );
    b.push(
        here.clone(),
        "nomination_opens_at",
        time(f.nomination_opens_at),
    );
    b.push(
        here.clone(),
        "nomination_closes_at",
        time(f.nomination_closes_at),
    );
    b.push(here.clone(), "judging_closes_at", time(f.judging_closes_at));
    b.push(here.clone(), "announcement_at", time(f.announcement_at));
    // Stored as the chain's JSON, not in words: a reworded translation must not move the
    // hash. Pages put it in words (`rules_history`).
    let chain = chain_of(c);
    b.push(
        here.clone(),
        "tie_breaks",
        if chain.is_empty() {
            Value::Unset
        } else {
            Value::Text(serde_json::to_string(&chain).unwrap_or_default())
        },
    );
    b.push(here.clone(), "tie_policy", text(&f.tie_policy));
    b.push(
        here.clone(),
        "minimum_score",
        Value::points(f.minimum_score),
    );
    b.push(here.clone(), "cash_budget", Value::rupiah(f.cash_budget));
    b.push(
        here.clone(),
        "assistance_budget",
        Value::rupiah(f.assistance_budget),
    );
    b.push(here.clone(), "appeals", Value::Flag(f.appeals_enabled));
    b.push(here, "appeal_days", Value::Number(i64::from(f.appeal_days)));
    // Stages run in this order (a shortlist feeds the next stage): their order is a rule.
    for (order, s) in (1..).zip(&data.stages) {
        stage_rules(&mut b, s, order);
    }
    for d in &data.documents {
        let at = Place::Document {
            code: d.code.clone(),
        };
        b.push(at.clone(), "label", text(&d.label));
        b.push(at.clone(), "description", text(&d.description));
        b.push(at.clone(), "format", text(&d.kind));
        b.push(at, "required", Value::Flag(d.required));
    }
    for (rank, p) in (1..).zip(&data.prizes) {
        let at = Place::Prize { rank };
        b.push(at.clone(), "label", text(&p.label));
        b.push(at.clone(), "cash", Value::Rupiah(p.cash));
        b.push(at.clone(), "assistance", Value::Rupiah(p.assistance));
        b.push(at.clone(), "trophy", Value::Flag(p.trophy));
        b.push(at, "certificate", Value::Flag(p.certificate));
    }
    b
}

/// A stage's rules and its criteria tree's.
fn stage_rules(b: &mut RuleBook, s: &setup::StageData, order: i64) {
    let f = &s.fields;
    let at = Place::Stage {
        stage: f.code.clone(),
    };
    let number = |n: i32| Value::Number(i64::from(n));
    b.push(at.clone(), "name", Value::Text(f.name.clone()));
    b.push(at.clone(), "order", Value::Number(order));
    b.push(at.clone(), "kind", Value::Text(f.kind.clone()));
    b.push(at.clone(), "weight", number(f.weight));
    b.push(
        at.clone(),
        "aggregation",
        Value::Text(f.aggregation.clone()),
    );
    if f.aggregation == "trimmed" {
        b.push(at.clone(), "trim_k", number(f.trim_k));
    }
    b.push(at.clone(), "quorum", number(f.quorum));
    b.push(at.clone(), "judges_per_entry", number(f.judges_per_entry));
    b.push(
        at.clone(),
        "shortlist",
        Value::number(f.shortlist.map(i64::from)),
    );
    b.push(
        at.clone(),
        "pass_threshold",
        Value::points(f.pass_threshold),
    );
    b.push(at.clone(), "normalize", Value::Flag(f.normalize));
    if f.normalize {
        b.push(at, "min_entries_per_judge", number(f.min_entries_per_judge));
    }
    for k in &s.criteria {
        let c = &k.fields;
        let at = Place::Criterion {
            stage: f.code.clone(),
            code: c.code.clone(),
        };
        b.push(
            at.clone(),
            "parent",
            k.parent_code.clone().map_or(Value::Unset, Value::Text),
        );
        b.push(at.clone(), "name", Value::Text(c.name.clone()));
        b.push(at.clone(), "guidance", Value::Text(c.guidance.clone()));
        b.push(at.clone(), "weight", number(c.weight));
        b.push(at.clone(), "scale_min", Value::points(c.scale_min));
        b.push(at.clone(), "scale_max", Value::points(c.scale_max));
        b.push(at.clone(), "scale_step", Value::points(c.scale_step));
        b.push(at.clone(), "optional", Value::Flag(c.optional));
        b.push(
            at.clone(),
            "requires_evidence",
            Value::Flag(c.requires_evidence),
        );
        // One rule per level, so a changed descriptor shows as that level's change.
        for l in &c.levels {
            b.push(
                at.clone(),
                &format!("level:{}", l.value.canonical()),
                Value::Text(l.text.clone()),
            );
        }
    }
}

/// The rules of competition `id` as stored now (inside the caller's transaction).
///
/// # Errors
/// A database error, or the competition is gone.
pub async fn current_book<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<RuleBook, DbErr> {
    let c = repo::find_by_id(db, CompetitionId::from(id))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("competition {id}")))?;
    let data = setup::load_setup(db, id).await?;
    Ok(book_of(&c, &data))
}

/// Records the rules of competition `id` after a change, in the change's transaction:
/// nothing before opening; version 1 when first opened; the next version when they moved
/// since the last — refused without a reason (`reason` field, [`REASON_KEY`]) unless
/// `opening` (a competition opened again after going back to draft). Returns the version
/// made, if any.
///
/// # Errors
/// [`Error::Invalid`] for a missing reason; a database error.
pub async fn settle<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    by: &ChangeBy,
    opening: bool,
) -> Outcome<Option<rules_version::Model>> {
    let c = repo::find_by_id(db, CompetitionId::from(id))
        .await?
        .ok_or(Error::NotFound)?;
    if status_of(&c) == Status::Draft {
        return Ok(None);
    }
    let book = book_of(&c, &setup::load_setup(db, id).await?);
    let hash = book.hash();
    let last = store::latest(db, id).await?;
    if last.as_ref().is_some_and(|v| v.hash == hash) {
        return Ok(None);
    }
    if last.is_some() && !opening && by.reason.is_empty() {
        return Err(Error::Invalid(vec![("reason", REASON_KEY)]));
    }
    let number = last.as_ref().map_or(1, |v| v.number + 1);
    let json = serde_json::to_string(&book).map_err(|e| DbErr::Custom(e.to_string()))?;
    let saved = store::insert(
        db,
        NewVersion {
            competition_id: id,
            number,
            book: json,
            hash: hash.clone(),
            reason: by.reason.clone(),
            created_by: Some(by.actor.into_uuid()),
        },
    )
    .await?;
    audit::record(
        db,
        NewEvent {
            competition_id: Some(id),
            actor_id: Some(by.actor.into_uuid()),
            action: "competition.rules_published".into(),
            reason: by.reason.clone(),
            details: format!("v{number} sha256:{hash}"),
            ..Default::default()
        },
    )
    .await?;
    Ok(Some(saved))
}

/// A stored version's book (an unreadable one reads as empty rather than failing the page).
#[must_use]
pub fn stored_book(v: &rules_version::Model) -> RuleBook {
    serde_json::from_str(&v.book).unwrap_or_default()
}

/// Publishes version 1 for every competition past draft that has none (opened before rules
/// had versions, or set up by the demo loader), with no actor and no reason. Run at start-up.
///
/// # Errors
/// A database error.
pub async fn backfill<C: ConnectionTrait>(db: &C) -> Result<usize, DbErr> {
    let mut made = 0;
    // One query for the competitions already versioned, not one per competition at each start.
    let versioned = store::competitions_with_versions(db).await?;
    for c in repo::list_past_draft(db).await? {
        if versioned.contains(&c.id) {
            continue;
        }
        let book = book_of(&c, &setup::load_setup(db, c.id).await?);
        store::insert(
            db,
            NewVersion {
                competition_id: c.id,
                number: 1,
                book: serde_json::to_string(&book).map_err(|e| DbErr::Custom(e.to_string()))?,
                hash: book.hash(),
                reason: String::new(),
                created_by: None,
            },
        )
        .await?;
        made += 1;
    }
    Ok(made)
}
