//! The tie-break chain (*aturan nilai sama*) the committee sets: an ordered list of rules the
//! engine tries when final scores are equal — a stage's score, a criterion's score, the
//! smaller spread between judges, the higher lowest judge total, a documented draw with a
//! recorded seed, or "leave shared". Pages and API call [`replace`].
//!
//! When it may change: until the results are announced (a draw's seed is typically drawn at
//! the plenary, after judging); after opening only with a recorded reason, because the chain
//! is part of the published rules. Announced results change only through a correction.

use entity::competition;
use juara_domain::tie_break::TieBreak;
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::error::{Error, Outcome};
use super::published::{self, ChangeBy};
use super::rules::status_of;
use crate::db::audit::{self, NewEvent};
use crate::db::competition_setup;
use crate::db::competitions::{self as repo, Status};
use crate::i18n;
use crate::ids::UserId;
use crate::scoring::{self, SetupProblem};

use juara_domain::stage::SpecError;

/// Most rules in a chain (the built-in templates use two; a draw or "leave shared" ends it).
pub const MAX_RULES: usize = 8;

/// The stored chain; an unreadable one reads as empty (opening reports it).
#[must_use]
pub fn chain_of(c: &competition::Model) -> Vec<TieBreak> {
    serde_json::from_str(&c.tie_breaks).unwrap_or_default()
}

/// Whether the chain may still change at all.
#[must_use]
pub fn editable(c: &competition::Model) -> bool {
    status_of(c) < Status::Announced
}

/// Whether a change now needs a recorded reason (the rules are published from opening on).
#[must_use]
pub fn needs_reason(c: &competition::Model) -> bool {
    status_of(c) >= Status::Open
}

/// The engine's objections to `chain` against the competition's stages and criteria,
/// translated; empty when it accepts it. Other set-up problems are not this chain's.
pub async fn problems(
    db: &DatabaseConnection,
    c: &competition::Model,
    chain: &[TieBreak],
    lang: &str,
) -> Result<Vec<String>, Error> {
    if chain.len() > MAX_RULES {
        let max = MAX_RULES.to_string();
        return Ok(vec![i18n::t_args(lang, "tb-err-too-many", &[("max", max)])]);
    }
    let mut candidate = c.clone();
    candidate.tie_breaks =
        serde_json::to_string(chain).map_err(|e| Error::Conflict(e.to_string()))?;
    let data = competition_setup::load_setup(db, c.id).await?;
    let found = match scoring::build_spec(&candidate, data) {
        Ok(_) => Vec::new(),
        Err(all) => all
            .into_iter()
            .filter(|p| {
                matches!(
                    p,
                    SetupProblem::Spec(
                        SpecError::UnknownTieBreakStage { .. }
                            | SpecError::UnknownTieBreakCriterion { .. }
                            | SpecError::TieBreakAfterEnd { .. }
                    )
                )
            })
            .map(|p| p.describe(lang))
            .collect(),
    };
    Ok(found)
}

/// Replaces the chain after the engine accepted it, with its audit event (old and new chain
/// in words, and the reason) in the same transaction.
pub async fn replace(
    db: &DatabaseConnection,
    c: competition::Model,
    chain: Vec<TieBreak>,
    reason: &str,
    actor: UserId,
    lang: &str,
) -> Outcome<competition::Model> {
    if !editable(&c) {
        return Err(Error::Conflict(i18n::t(
            lang,
            crate::app::results::frozen::LOCKED_KEY,
        )));
    }
    let reason = reason.trim();
    if needs_reason(&c) && reason.is_empty() {
        return Err(Error::Invalid(vec![("reason", "tb-err-reason")]));
    }
    let found = problems(db, &c, &chain, lang).await?;
    if !found.is_empty() {
        return Err(Error::Rules("tie_breaks", found));
    }
    let before = chain_of(&c);
    if before == chain {
        return Ok(c);
    }
    let words = |rules: &[TieBreak]| {
        let parts: Vec<String> = rules.iter().map(|r| describe(r, lang)).collect();
        if parts.is_empty() {
            i18n::t(lang, "tb-none")
        } else {
            parts.join(", ")
        }
    };
    let details = format!("{} → {}", words(&before), words(&chain));
    let json = serde_json::to_string(&chain).map_err(|e| Error::Conflict(e.to_string()))?;
    let txn = db.begin().await?;
    let saved = repo::set_tie_breaks(&txn, c, json).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(saved.id),
            actor_id: Some(actor.into_uuid()),
            action: "competition.tie_breaks".into(),
            reason: reason.to_owned(),
            details,
            ..Default::default()
        },
    )
    .await?;
    published::settle(&txn, saved.id, &ChangeBy::new(actor, reason), false).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A rule in words ("Nilai tahap PAPARAN lebih tinggi", "Undian dengan nomor 2026").
#[must_use]
pub fn describe(tb: &TieBreak, lang: &str) -> String {
    let stage = |key: &str, stage: &str| i18n::t_args(lang, key, &[("stage", stage.to_owned())]);
    match tb {
        TieBreak::StageScore { stage: s } => stage("res-tb-stage", s),
        TieBreak::CriterionScore { stage, code } => i18n::t_args(
            lang,
            "res-tb-criterion",
            &[("stage", stage.clone()), ("code", code.clone())],
        ),
        TieBreak::SmallerJudgeSpread { stage: s } => stage("res-tb-spread", s),
        TieBreak::HigherMinimumJudgeTotal { stage: s } => stage("res-tb-minimum", s),
        TieBreak::Draw { seed } => i18n::t_args(lang, "res-tb-draw", &[("seed", seed.to_string())]),
        TieBreak::LeaveShared => i18n::t(lang, "res-tb-shared"),
    }
}
