//! Competition actions shared by the set-up pages and the JSON API: create (blank or from a
//! template), update (published rules change only with a recorded reason), lifecycle
//! transitions, and cloning with the schedule shifted. Each writes its change and its audit
//! event in one transaction. Callers have checked the input (`CompetitionForm::check`) and the
//! admin's scope; refusals come back as [`Error`]s, translated into `lang`.

use chrono::{DateTime, FixedOffset, Months, Utc};
use entity::competition;
use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};

use super::changes::{eligibility_changes, schedule_changes};
use super::error::{Error, Outcome};
use super::published::{self, ChangeBy};
use super::rules::{can_become, is_published, nominations_still_open, status_of};
use super::templates::CompetitionTemplate;
use crate::db::audit::{self, NewEvent};
use crate::db::competition_setup as setup;
use crate::db::competitions::{self as repo, CompetitionFields, Status};
use crate::i18n;
use crate::ids::{CompetitionId, UserId};
use crate::scoring;

/// Creates a draft competition, with the template's set-up when one is given. A template of
/// the other category is refused under the `template` field.
pub async fn create(
    db: &DatabaseConnection,
    mut fields: CompetitionFields,
    template: Option<&CompetitionTemplate>,
    actor: UserId,
) -> Outcome<competition::Model> {
    if let Some(t) = template {
        if t.category != fields.category {
            return Err(Error::Invalid(vec![("template", "err-template-category")]));
        }
        // Blank budgets take the template's, which match its prize table.
        fields.cash_budget = fields.cash_budget.or(Some(t.cash_budget));
        fields.assistance_budget = fields.assistance_budget.or(t.assistance_budget);
    }
    let tie_breaks = match template {
        Some(t) => {
            serde_json::to_string(&t.tie_breaks).map_err(|e| DbErr::Custom(e.to_string()))?
        }
        None => "[]".to_owned(),
    };
    let txn = db.begin().await?;
    let c = repo::insert(&txn, &fields, &tie_breaks, Some(actor.into_uuid())).await?;
    if let Some(t) = template {
        setup::insert_setup(&txn, c.id, &t.setup).await?;
    }
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            actor_id: Some(actor.into_uuid()),
            action: "competition.created".into(),
            details: template
                .map(|t| format!("template: {}", t.key))
                .unwrap_or_default(),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(c)
}

/// True when `new` changes a field the published result depends on.
fn changes_result_inputs(old: &CompetitionFields, new: &CompetitionFields) -> bool {
    old.tie_policy != new.tie_policy
        || old.minimum_score != new.minimum_score
        || old.cash_budget != new.cash_budget
        || old.assistance_budget != new.assistance_budget
        || old.level != new.level
        || old.region_code != new.region_code
        || old.category != new.category
}

/// Refuses (409) any change to an archived competition: it is read-only.
pub fn ensure_not_archived(c: &competition::Model, lang: &str) -> Outcome<()> {
    if status_of(c) == Status::Archived {
        Err(Error::Conflict(i18n::t(lang, "err-archived")))
    } else {
        Ok(())
    }
}

/// Saves new field values. After opening, changed eligibility rules or schedule need a
/// reason, recorded with the change (a 2024 dispute came from a silent one); after the
/// announcement anything needs one, and the published result's inputs (ranking rules,
/// budgets, level, region, category) cannot change at all.
pub async fn update(
    db: &DatabaseConnection,
    c: competition::Model,
    fields: &CompetitionFields,
    reason: &str,
    actor: UserId,
    lang: &str,
) -> Outcome<competition::Model> {
    ensure_not_archived(&c, lang)?;
    let status = status_of(&c);
    let reason_required = || Error::Invalid(vec![("reason", "err-reason-required")]);
    let old = CompetitionFields::of(&c);
    let eligibility = eligibility_changes(&old, fields);
    let schedule = schedule_changes(&old, fields);
    let reason = reason.trim();
    if status >= Status::Open
        && (!eligibility.is_empty() || !schedule.is_empty())
        && reason.is_empty()
    {
        return Err(reason_required());
    }
    // Announced: the result is frozen; the name and texts may change with a reason (public
    // pages keep showing the name frozen in the snapshot).
    let published = is_published(&c);
    if published && changes_result_inputs(&old, fields) {
        return Err(Error::Conflict(i18n::t(
            lang,
            crate::app::results::frozen::LOCKED_KEY,
        )));
    }
    if published && old != *fields && reason.is_empty() {
        return Err(reason_required());
    }
    let txn = db.begin().await?;
    let saved = repo::update(&txn, c, fields).await?;
    let mut events = Vec::new();
    if old.name != fields.name {
        events.push((
            "competition.renamed",
            format!("{} → {}", old.name, fields.name),
        ));
    }
    if !eligibility.is_empty() {
        events.push(("competition.eligibility", eligibility.join("; ")));
    }
    if !schedule.is_empty() {
        events.push(("competition.schedule", schedule.join("; ")));
    }
    if events.is_empty() {
        events.push(("competition.updated", String::new()));
    }
    for (action, details) in events {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(saved.id),
                actor_id: Some(actor.into_uuid()),
                action: action.into(),
                reason: reason.to_owned(),
                details,
                ..Default::default()
            },
        )
        .await?;
    }
    published::settle(&txn, saved.id, &ChangeBy::new(actor, reason), false).await?;
    txn.commit().await?;
    Ok(saved)
}

/// The name of a status in `lang`.
#[must_use]
pub fn status_name(s: Status, lang: &str) -> String {
    i18n::t(lang, &format!("comp-status-{}", s.as_str()))
}

/// Moves the competition to `to` if the lifecycle allows it now: opening needs a set-up the
/// engine accepts and a complete schedule ([`Error::NotReady`]); back to draft only while
/// nobody has nominated; judging starts before the nomination window closes only when
/// `confirmed` ([`Error::NominationsOpen`]); publishing results is the results pages' job.
pub async fn transition(
    db: &DatabaseConnection,
    c: competition::Model,
    to: Status,
    reason: &str,
    confirmed: bool,
    actor: UserId,
    lang: &str,
) -> Outcome<competition::Model> {
    let from = status_of(&c);
    if !can_become(from, to) {
        return Err(Error::Conflict(i18n::t_args(
            lang,
            "err-transition",
            &[
                ("from", status_name(from, lang)),
                ("to", status_name(to, lang)),
            ],
        )));
    }
    match (from, to) {
        (Status::Draft, Status::Open) => {
            let problems = scoring::opening_problems(db, &c).await?;
            if !problems.is_empty() {
                return Err(Error::NotReady(
                    problems.iter().map(|p| p.describe(lang)).collect(),
                ));
            }
        }
        (Status::Open, Status::Draft)
            if repo::count_nominations(db, CompetitionId::from(c.id)).await? > 0 =>
        {
            return Err(Error::Conflict(i18n::t(lang, "err-has-nominations")));
        }
        (Status::Open, Status::Judging) if !confirmed => {
            if let Some(closes) = nominations_still_open(&c, Utc::now().fixed_offset()) {
                return Err(Error::NominationsOpen(closes, super::zone::of(&c)));
            }
        }
        (Status::Review, Status::Announced) => {
            return Err(Error::Conflict(i18n::t(lang, "err-announce-later")));
        }
        _ => {}
    }
    let txn = db.begin().await?;
    let saved = repo::set_status(&txn, c, to).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(saved.id),
            actor_id: Some(actor.into_uuid()),
            action: "competition.status".into(),
            reason: reason.trim().to_owned(),
            details: format!("{} → {}", from.as_str(), to.as_str()),
            ..Default::default()
        },
    )
    .await?;
    if to == Status::Open {
        // Opening publishes the rules (version 1, or the next when opened again).
        published::settle(&txn, saved.id, &ChangeBy::new(actor, reason), true).await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// Years a clone may be made for.
#[must_use]
pub fn clone_year_ok(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

/// Checks the year a clone is asked for (`None`: not a number).
pub fn clone_year(year: Option<i32>) -> Outcome<i32> {
    year.filter(|y| clone_year_ok(*y))
        .ok_or(Error::Invalid(vec![("year", "err-range")]))
}

/// Moves a date by whole years (29 February becomes 28 February).
fn shift(t: Option<DateTime<FixedOffset>>, years: i32) -> Option<DateTime<FixedOffset>> {
    let t = t?;
    let months = Months::new(years.unsigned_abs().saturating_mul(12));
    if years >= 0 {
        t.checked_add_months(months)
    } else {
        t.checked_sub_months(months)
    }
}

/// A new draft for `year` with the same rules, criteria, stages, checklist and prize table,
/// the schedule shifted by the difference in years.
pub async fn clone(
    db: &DatabaseConnection,
    c: &competition::Model,
    year: i32,
    actor: UserId,
) -> Outcome<competition::Model> {
    let years = year - c.year;
    let mut fields = CompetitionFields::of(c);
    fields.year = year;
    fields.name = c.name.replace(&c.year.to_string(), &year.to_string());
    fields.nomination_opens_at = shift(fields.nomination_opens_at, years);
    fields.nomination_closes_at = shift(fields.nomination_closes_at, years);
    fields.judging_closes_at = shift(fields.judging_closes_at, years);
    fields.announcement_at = shift(fields.announcement_at, years);
    let txn = db.begin().await?;
    let data = setup::load_setup(&txn, c.id).await?;
    let copy = repo::insert(&txn, &fields, &c.tie_breaks, Some(actor.into_uuid())).await?;
    setup::insert_setup(&txn, copy.id, &data).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(copy.id),
            actor_id: Some(actor.into_uuid()),
            action: "competition.cloned".into(),
            details: format!("dari {} ({})", c.name, c.year),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(copy)
}
