//! The published rules as a village reads them: the version in force (laid out by
//! `rules_layout`), and every version since opening with what changed (before → after), when,
//! by whom and why. Read by the public rules page, its JSON twin and the village dashboard.

use chrono::{DateTime, FixedOffset};
use entity::{competition, rules_version};
use juara_domain::rules::{self, Place, RuleBook, Value};
use juara_domain::{Points, Rupiah};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use super::published::stored_book;
use super::rules_layout::{RulesLayout, layout};
use super::tie_breaks::describe;
use super::zone;
use crate::db::results::reads::display_names;
use crate::db::rules as store;
use crate::i18n;
use juara_domain::tie_break::TieBreak;

/// One rule, in words.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RuleLine {
    /// The field's name in the reader's language.
    pub field: String,
    /// The value in the reader's language (`Rp15.000.000`, `85,5`, `ya`).
    pub value: String,
}

/// One change between two versions.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChangeLine {
    /// Where, in words.
    pub place: String,
    pub field: String,
    /// `—` when the rule is new.
    pub before: String,
    /// `—` when the rule was removed.
    pub after: String,
}

/// One published version.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct VersionView {
    pub number: i32,
    /// When; pages show it in `zone` (the template's `waktu` filter).
    pub at: DateTime<FixedOffset>,
    /// The competition's zone: `WIB`, `WITA` or `WIT`.
    pub zone: &'static str,
    /// Who published it (a committee member's name; empty for a version made by the system).
    pub by: String,
    pub reason: String,
    /// SHA-256 of the version's canonical text.
    pub hash: String,
    /// What changed from the previous version (empty for version 1).
    pub changes: Vec<ChangeLine>,
}

/// The whole page: the rules in force and the history, newest first.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RulesHistory {
    /// The version in force; `None` while the competition is a draft.
    pub in_force: Option<i32>,
    /// The rules in force, laid out.
    pub layout: RulesLayout,
    pub versions: Vec<VersionView>,
}

/// A place's title in `lang`; stage and criterion names come from `book`.
fn place_title(book: &RuleBook, place: &Place, lang: &str) -> String {
    let name = |p: &Place| match book.get(p, "name") {
        Some(Value::Text(n)) => format!(" — {n}"),
        _ => String::new(),
    };
    match place {
        Place::Competition => i18n::t(lang, "rules-place-competition"),
        Place::Stage { stage } => {
            i18n::t_args(lang, "rules-place-stage", &[("code", stage.clone())]) + &name(place)
        }
        Place::Criterion { stage, code } => {
            i18n::t_args(
                lang,
                "rules-place-criterion",
                &[("code", code.clone()), ("stage", stage.clone())],
            ) + &name(place)
        }
        Place::Document { code } => {
            i18n::t_args(lang, "rules-place-document", &[("code", code.clone())])
        }
        Place::Prize { rank } => {
            i18n::t_args(lang, "rules-place-prize", &[("rank", rank.to_string())])
        }
    }
}

/// A field's name in `lang`.
pub(super) fn field_name(field: &str, lang: &str) -> String {
    if let Some(value) = field.strip_prefix("level:") {
        let shown = if lang == "id" {
            value.replace('.', ",")
        } else {
            value.to_owned()
        };
        return i18n::t_args(lang, "rules-f-level-value", &[("value", shown)]);
    }
    i18n::t_or(lang, &format!("rules-f-{}", field.replace('_', "-")), field)
}

/// A value in `lang`; coded values (a category, a stage kind) by their translated names.
pub(super) fn value_text(field: &str, v: &Value, lang: &str) -> String {
    let decimal = |s: String| if lang == "id" { s.replace('.', ",") } else { s };
    match v {
        Value::Text(s) if field == "tie_breaks" => {
            let chain: Vec<TieBreak> = serde_json::from_str(s).unwrap_or_default();
            let words: Vec<String> = chain.iter().map(|r| describe(r, lang)).collect();
            if words.is_empty() {
                s.clone()
            } else {
                words.join("; ")
            }
        }
        Value::Text(s) => {
            let prefix = match field {
                "category" => "comp-category-",
                "level" => "comp-level-",
                "kind" => "stage-kind-",
                "aggregation" => "agg-",
                "tie_policy" => "tie-policy-",
                "format" => "rules-format-",
                _ => return s.clone(),
            };
            i18n::t_or(lang, &format!("{prefix}{s}"), s)
        }
        Value::Number(n) => n.to_string(),
        Value::Points(u) => decimal(Points::from_units(*u).canonical()),
        Value::Rupiah(r) => Rupiah::new(*r).to_string(),
        Value::Flag(b) => i18n::t(lang, if *b { "rules-yes" } else { "rules-no" }),
        Value::Unset if field == "parent" => "—".to_owned(),
        Value::Unset => i18n::t(lang, "rules-unset"),
    }
}

/// What changed from `old` to `new`, in words.
#[must_use]
pub fn changes(old: &RuleBook, new: &RuleBook, lang: &str) -> Vec<ChangeLine> {
    let shown = |field: &str, v: Option<&Value>| {
        v.map_or_else(|| "—".to_owned(), |v| value_text(field, v, lang))
    };
    rules::diff(old, new)
        .into_iter()
        .map(|c| {
            let book = if c.after.is_some() { new } else { old };
            ChangeLine {
                place: place_title(book, &c.place, lang),
                field: field_name(&c.field, lang),
                before: shown(&c.field, c.before.as_ref()),
                after: shown(&c.field, c.after.as_ref()),
            }
        })
        .collect()
}

/// The rules page of `c`.
///
/// # Errors
/// A database error.
pub async fn of<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    lang: &str,
) -> Result<RulesHistory, DbErr> {
    let stored = store::history(db, c.id).await?;
    let names = display_names(db, stored.iter().filter_map(|v| v.created_by)).await?;
    let books: Vec<RuleBook> = stored.iter().map(stored_book).collect();
    let empty = RuleBook::default();
    let mut versions: Vec<VersionView> = stored
        .iter()
        .enumerate()
        .map(|(i, v): (usize, &rules_version::Model)| VersionView {
            number: v.number,
            at: v.created_at,
            zone: zone::of(c).label(),
            by: v
                .created_by
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
            reason: v.reason.clone(),
            hash: v.hash.clone(),
            changes: if i == 0 {
                Vec::new()
            } else {
                changes(&books[i - 1], &books[i], lang)
            },
        })
        .collect();
    versions.reverse();
    let mut laid = layout(books.last().unwrap_or(&empty), lang);
    // The region by its name as well as its code.
    if let Some(code) = &c.region_code
        && let Some(region) = crate::db::regions::find(db, code).await?
    {
        let label = field_name("region", lang);
        for l in laid.general.iter_mut().filter(|l| l.field == label) {
            l.value = format!("{} ({code})", region.name);
        }
    }
    Ok(RulesHistory {
        in_force: stored.last().map(|v| v.number),
        layout: laid,
        versions,
    })
}

/// A change of the rules of a competition a village has entered, for its dashboard.
#[derive(Clone, Debug, Serialize)]
pub struct Notice {
    pub competition_id: String,
    pub competition: String,
    pub number: i32,
    /// When; pages show it in `zone`.
    pub at: DateTime<FixedOffset>,
    pub zone: &'static str,
    pub reason: String,
}

/// The rules changes published since the village entered each of `entered`, newest first.
///
/// # Errors
/// A database error.
pub async fn notices<C: ConnectionTrait>(
    db: &C,
    entered: &[(entity::nomination::Model, competition::Model)],
) -> Result<Vec<Notice>, DbErr> {
    let mut out = Vec::new();
    for (n, c) in entered {
        for v in store::published_since(db, vec![c.id], n.created_at).await? {
            out.push((
                v.created_at,
                Notice {
                    competition_id: c.id.to_string(),
                    competition: c.name.clone(),
                    number: v.number,
                    at: v.created_at,
                    zone: zone::of(c).label(),
                    reason: v.reason,
                },
            ));
        }
    }
    out.sort_by_key(|n| std::cmp::Reverse(n.0));
    Ok(out.into_iter().map(|(_, n)| n).collect())
}
