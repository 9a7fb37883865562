//! The rules in force laid out as a village reads a *petunjuk teknis*: the general rules as a
//! list, each stage with its criteria as a table, the document checklist and the prize table.
//! A rule every row of a table shares is said once above it instead of repeated per row, and
//! a criterion's long texts (guidance, level descriptors) sit under its row.

use juara_domain::rules::{Place, RuleBook, Value};
use serde::Serialize;

use super::rules_history::{RuleLine, field_name, value_text};
use crate::i18n;

/// Fields shown under a row rather than in a column: guidance and each level's descriptor.
fn long(field: &str) -> bool {
    field == "guidance" || field.starts_with("level:")
}

/// A list of places of one kind (criteria of a stage, checklist items, prize ranks).
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct RuleTable {
    /// Column headings: the place's code or rank, then each field.
    pub columns: Vec<String>,
    pub rows: Vec<RuleRow>,
    /// Rules every row shares, said once.
    pub common: Vec<RuleLine>,
}

/// One row: its cells in column order and its long texts.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RuleRow {
    pub cells: Vec<String>,
    pub notes: Vec<RuleLine>,
}

/// A stage: its own rules and its criteria.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StageRules {
    /// `Tahap LAP — Klarifikasi lapangan`.
    pub title: String,
    pub lines: Vec<RuleLine>,
    pub criteria: RuleTable,
}

/// The rules in force, laid out.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct RulesLayout {
    pub general: Vec<RuleLine>,
    pub stages: Vec<StageRules>,
    pub documents: RuleTable,
    pub prizes: RuleTable,
}

fn line(field: &str, v: &Value, lang: &str) -> RuleLine {
    RuleLine {
        field: field_name(field, lang),
        value: value_text(field, v, lang),
    }
}

/// A place's rules as (field, value), in reading order.
type Entries = Vec<(String, Value)>;

/// The entries of `place`, in reading order.
fn of(book: &RuleBook, place: &Place) -> Entries {
    book.entries
        .iter()
        .filter(|e| &e.place == place)
        .map(|e| (e.field.clone(), e.value.clone()))
        .collect()
}

/// A criterion's scale as one rule (`1–5, kelipatan 1`) in place of its three parts.
fn with_scale(entries: Entries, lang: &str) -> Entries {
    let part = |name: &str| {
        entries.iter().find_map(|(f, v)| match v {
            Value::Points(_) if f == name => Some(value_text(f, v, lang)),
            _ => None,
        })
    };
    let scale = match (part("scale_min"), part("scale_max"), part("scale_step")) {
        (Some(min), Some(max), step) => Value::Text(match step {
            Some(step) => i18n::t_args(
                lang,
                "rules-scale",
                &[("min", min), ("max", max), ("step", step)],
            ),
            None => i18n::t_args(lang, "rules-scale-free", &[("min", min), ("max", max)]),
        }),
        _ => Value::Unset,
    };
    let mut out: Entries = Vec::with_capacity(entries.len());
    for (f, v) in entries {
        match f.as_str() {
            "scale_min" => out.push(("scale".to_owned(), scale.clone())),
            "scale_max" | "scale_step" => {}
            _ => out.push((f, v)),
        }
    }
    out
}

/// The places of `book` that `pick` keeps, each once, in reading order.
fn places(book: &RuleBook, pick: impl Fn(&Place) -> bool) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for e in &book.entries {
        if pick(&e.place) && !out.contains(&e.place) {
            out.push(e.place.clone());
        }
    }
    out
}

/// `rows` (each a place's label and entries) as a table headed `first`.
fn table(first: String, rows: Vec<(String, Entries)>, lang: &str) -> RuleTable {
    let mut fields: Vec<&str> = Vec::new();
    for (_, entries) in &rows {
        for (f, _) in entries {
            if !long(f) && !fields.contains(&f.as_str()) {
                fields.push(f);
            }
        }
    }
    let value_of =
        |entries: &Entries, f: &str| entries.iter().find(|(g, _)| g == f).map(|(_, v)| v.clone());
    // A field with one value on every row (of several) is said once.
    let (shared, columns): (Vec<&str>, Vec<&str>) = fields.into_iter().partition(|f| {
        rows.len() > 1 && {
            let first = value_of(&rows[0].1, f);
            first.is_some() && rows.iter().all(|(_, e)| value_of(e, f) == first)
        }
    });
    let common = shared
        .iter()
        .filter_map(|f| value_of(&rows[0].1, f).map(|v| line(f, &v, lang)))
        .collect();
    let body = rows
        .iter()
        .map(|(label, entries)| RuleRow {
            cells: std::iter::once(label.clone())
                .chain(columns.iter().map(|f| {
                    value_of(entries, f).map_or_else(|| "—".to_owned(), |v| value_text(f, &v, lang))
                }))
                .collect(),
            notes: entries
                .iter()
                .filter(|(f, v)| long(f) && !matches!(v, Value::Text(t) if t.is_empty()))
                .map(|(f, v)| line(f, v, lang))
                .collect(),
        })
        .collect();
    RuleTable {
        columns: std::iter::once(first)
            .chain(columns.iter().map(|f| field_name(f, lang)))
            .collect(),
        rows: body,
        common,
    }
}

/// `book` laid out in `lang`.
#[must_use]
pub fn layout(book: &RuleBook, lang: &str) -> RulesLayout {
    let general = of(book, &Place::Competition)
        .iter()
        .map(|(f, v)| line(f, v, lang))
        .collect();
    let stages = places(book, |p| matches!(p, Place::Stage { .. }))
        .into_iter()
        .map(|p| {
            let Place::Stage { stage } = &p else {
                unreachable!("only stages were picked")
            };
            let entries = of(book, &p);
            let name = entries.iter().find(|(f, _)| f == "name");
            let title = i18n::t_args(lang, "rules-place-stage", &[("code", stage.clone())])
                + &name.map_or_else(String::new, |(_, v)| format!(" — {}", v.canonical()));
            let criteria = places(
                book,
                |q| matches!(q, Place::Criterion { stage: s, .. } if s == stage),
            )
            .into_iter()
            .map(|q| {
                let code = match &q {
                    Place::Criterion { code, .. } => code.clone(),
                    _ => String::new(),
                };
                (code, with_scale(of(book, &q), lang))
            })
            .collect();
            StageRules {
                title,
                lines: entries
                    .iter()
                    .filter(|(f, _)| f != "name")
                    .map(|(f, v)| line(f, v, lang))
                    .collect(),
                criteria: table(i18n::t(lang, "rules-col-code"), criteria, lang),
            }
        })
        .collect();
    let listed = |pick: fn(&Place) -> Option<String>| {
        places(book, |p| pick(p).is_some())
            .into_iter()
            .map(|p| (pick(&p).unwrap_or_default(), of(book, &p)))
            .collect::<Vec<_>>()
    };
    let documents = listed(|p| match p {
        Place::Document { code } => Some(code.clone()),
        _ => None,
    });
    let prizes = listed(|p| match p {
        Place::Prize { rank } => Some(rank.to_string()),
        _ => None,
    });
    RulesLayout {
        general,
        stages,
        documents: table(i18n::t(lang, "rules-col-code"), documents, lang),
        prizes: table(i18n::t(lang, "rules-col-rank"), prizes, lang),
    }
}
