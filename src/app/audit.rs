//! The audit trail as a person reads it: when, who (the actor's name, not an id), what (the
//! action, named in the reader's language), about which village, why, and what changed.
//! Events are written inside the transaction of each change (`db::audit::record`); this module
//! only reads them back for the committee's pages and the auditor.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use entity::{audit_event, competition, nomination};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use uuid::Uuid;

use crate::app::competition::zone;
use crate::db::nominations::{self, ListFilter};
use crate::db::results::reads::display_names;
use crate::db::{audit, villages};
use crate::i18n;

/// One event, in words.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    pub at: DateTime<FixedOffset>,
    /// The competition's zone (WIB, WITA or WIT) the time is shown in.
    pub zone: &'static str,
    /// The actor's display name; "sistem" for events without one (start-up, lockouts).
    pub actor: String,
    /// The action in the reader's language.
    pub action: String,
    /// The village the event is about ("Desa, Kecamatan, Kabupaten"), if any.
    pub village: Option<String>,
    pub reason: String,
    pub details: String,
}

/// The translation key naming `action`: `nomination.withdrawn_not_winner` →
/// `audit-nomination-withdrawn-not-winner`.
#[must_use]
pub fn action_key(action: &str) -> String {
    format!("audit-{}", action.replace(['.', '_'], "-"))
}

/// The action in words; an action without a translation (an old event) is shown as stored.
#[must_use]
pub fn action_name(lang: &str, action: &str) -> String {
    i18n::t_or(lang, &action_key(action), action)
}

/// A competition's events in words, newest first.
///
/// # Errors
/// A database error.
pub async fn of_competition<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    lang: &str,
) -> Result<Vec<Line>, DbErr> {
    let events = audit::list_for_competition(db, c.id).await?;
    let entries = nominations::list_for_competition(db, c.id, &ListFilter::default()).await?;
    in_words(db, events, &entries, zone::of(c).label(), lang).await
}

/// One nomination's own history in words, newest first: its submission and review, the
/// corrections that changed its scores or its standing, its appeals and payments.
///
/// # Errors
/// A database error.
pub async fn of_nomination<C: ConnectionTrait>(
    db: &C,
    (n, c): (&nomination::Model, &competition::Model),
    lang: &str,
) -> Result<Vec<Line>, DbErr> {
    let events = audit::list_for_nomination(db, n.id).await?;
    in_words(
        db,
        events,
        std::slice::from_ref(n),
        zone::of(c).label(),
        lang,
    )
    .await
}

async fn in_words<C: ConnectionTrait>(
    db: &C,
    events: Vec<audit_event::Model>,
    entries: &[nomination::Model],
    zone: &'static str,
    lang: &str,
) -> Result<Vec<Line>, DbErr> {
    let people = display_names(db, events.iter().filter_map(|e| e.actor_id)).await?;
    let codes: Vec<&str> = entries.iter().map(|n| n.village_code.as_str()).collect();
    let places = villages::infos(db, &codes).await?;
    let village_of: HashMap<Uuid, String> = entries
        .iter()
        .map(|n| {
            let name = places
                .get(&n.village_code)
                .map_or_else(|| n.village_code.clone(), villages::VillageInfo::label);
            (n.id, name)
        })
        .collect();
    let system = i18n::t(lang, "audit-actor-system");
    Ok(events
        .into_iter()
        .map(|e| Line {
            at: e.at,
            zone,
            actor: e
                .actor_id
                .and_then(|id| people.get(&id).cloned())
                .unwrap_or_else(|| system.clone()),
            action: action_name(lang, &e.action),
            village: e.nomination_id.and_then(|id| village_of.get(&id).cloned()),
            reason: e.reason,
            details: details_in_words(lang, &e.action, &e.details),
        })
        .collect())
}

/// Details recorded in a machine's shape (`template: desa`, `draft → open`,
/// `stage ADM: 3 sheets missing`) in the reader's words; other details are already prose.
/// Read back at display time so that events recorded before this translation read well too.
#[must_use]
pub fn details_in_words(lang: &str, action: &str, details: &str) -> String {
    if let Some(key) = details.strip_prefix("template: ") {
        let name = i18n::t_or(lang, &format!("comp-template-{key}"), key);
        return i18n::t_args(lang, "audit-detail-template", &[("name", name)]);
    }
    if let Some((from, to)) = details.split_once(" → ") {
        let prefix = if action.starts_with("competition.") {
            "comp-status-"
        } else {
            "nom-status-"
        };
        let word = |s: &str| i18n::t_or(lang, &format!("{prefix}{}", s.trim()), s.trim());
        return format!("{} → {}", word(from), word(to));
    }
    if let Some((code, what)) = details
        .strip_prefix("stage ")
        .and_then(|r| r.split_once(": "))
    {
        // "3 sheets missing" | "4 entries, seed 42" | "9 sheets, 3 judges per entry, seed 7"
        let parts: Vec<&str> = what.split(", ").collect();
        let first = |suffix: &str| parts.iter().find_map(|p| p.strip_suffix(suffix));
        let seed = parts.iter().find_map(|p| p.strip_prefix("seed "));
        let arg = |k: &'static str, v: &str| (k, v.to_owned());
        let stage = arg("stage", code);
        if let Some(n) = first(" sheets missing") {
            return i18n::t_args(
                lang,
                "audit-detail-stage-missing",
                &[stage, arg("missing", n)],
            );
        }
        if let (Some(n), Some(per), Some(seed)) =
            (first(" sheets"), first(" judges per entry"), seed)
        {
            let args = [stage, arg("sheets", n), arg("per", per), arg("seed", seed)];
            return i18n::t_args(lang, "audit-detail-assigned", &args);
        }
        if let (Some(n), Some(seed)) = (first(" entries"), seed) {
            let args = [stage, arg("entries", n), arg("seed", seed)];
            return i18n::t_args(lang, "audit-detail-draw", &args);
        }
    }
    details.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every action the code records has a name in both languages (a new action without one
    /// would show its machine name to officials).
    #[test]
    fn every_recorded_action_has_a_name_in_both_languages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut actions = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split("action: \"").skip(1) {
                        actions.push(part.split('"').next().unwrap().to_owned());
                    }
                }
            }
        }
        // Actions built at run time: the nomination review outcomes and login lockouts.
        for status in [
            entity::NominationStatus::Accepted,
            entity::NominationStatus::Rejected,
        ] {
            actions.push(format!("nomination.{}", status.as_str()));
        }
        actions.extend(
            [
                "auth.login_locked",
                "auth.login_slowed",
                "competition.renamed",
                "competition.eligibility",
                "competition.schedule",
                "competition.updated",
                "competition.tie_breaks",
            ]
            .map(str::to_owned),
        );
        assert!(actions.len() > 20, "found only {actions:?}");
        for action in actions {
            for lang in ["id", "en"] {
                let key = action_key(&action);
                assert!(
                    i18n::has(lang, &key),
                    "no {lang} name for audit action {action} ({key})"
                );
            }
        }
    }

    #[test]
    fn keys_follow_the_action() {
        assert_eq!(
            action_key("nomination.withdrawn_not_winner"),
            "audit-nomination-withdrawn-not-winner"
        );
    }

    #[test]
    fn machine_shaped_details_read_as_words() {
        assert_eq!(
            details_in_words("id", "competition.created", "template: desa"),
            "dari Templat Lomba Desa"
        );
        assert_eq!(
            details_in_words("id", "competition.status", "draft → open"),
            "Draf → Dibuka"
        );
        assert_eq!(
            details_in_words("en", "nomination.withdrawn", "submitted → withdrawn"),
            "Submitted → Withdrawn"
        );
        assert_eq!(
            details_in_words("id", "judging.stage_closed", "stage ADM: 3 sheets missing"),
            "tahap ADM: 3 lembar belum dikirim"
        );
        assert_eq!(
            details_in_words(
                "id",
                "judging.presentation_drawn",
                "stage PAPARAN: 4 entries, seed 42"
            ),
            "tahap PAPARAN: 4 peserta, nomor undian 42"
        );
        assert_eq!(
            details_in_words(
                "id",
                "judging.auto_assigned",
                "stage ADM: 9 sheets, 3 judges per entry, seed 7"
            ),
            "tahap ADM: 9 lembar, 3 juri per peserta, nomor undian 7"
        );
        assert_eq!(
            details_in_words("id", "results.announced", "v1 sha256:ab"),
            "v1 sha256:ab"
        );
    }
}
