//! The correction page's data: the published villages to choose from, the chosen village's
//! submitted scores (named by stage, criterion and judge), the changes typed into them and the
//! preview of what they would do to the ranking and prizes.

use std::collections::BTreeMap;

use entity::{competition, criterion, score};
use juara_domain::Points;
use juara_domain::criteria::Scale;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::{published_of, rupiah, score};
use crate::app::results::announce::ScoreChange;
use crate::app::results::correction::DiffRow;
use crate::db::results::reads::{self, NominationScores};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{AppealId, NominationId};
use crate::results::published::PrizeInfo;
use crate::views::Page;

/// What a judge's "not applicable" is typed as.
pub(super) const NOT_APPLICABLE: &str = "TB";

#[derive(Serialize)]
pub(super) struct ScoreRow {
    pub(super) id: String,
    pub(super) stage: String,
    pub(super) judge: String,
    pub(super) criterion: String,
    /// As stored.
    pub(super) stored: String,
    /// As typed (the stored value until the committee changes it).
    pub(super) value: String,
    /// The indicator's scale, e.g. "60–100 (kelipatan 5)", shown beside the field.
    scale_hint: String,
    /// The refusal of the typed value, shown next to it (Tera cannot look up a key with
    /// brackets in it, so the row carries its own message).
    error: Option<String>,
    #[serde(skip)]
    scale: Option<Scale>,
    #[serde(skip)]
    optional: bool,
}

/// The scale of a criterion row as the engine reads it.
fn scale_of(c: &criterion::Model) -> Option<Scale> {
    Some(Scale {
        min: Points::from_units(c.scale_min?),
        max: Points::from_units(c.scale_max?),
        step: c.scale_step.map(Points::from_units),
    })
}

fn hint(scale: Option<&Scale>, optional: bool) -> String {
    let Some(s) = scale else {
        return String::new();
    };
    // "60–100 (kelipatan 2,5)": no trailing zeros, Indonesian decimal comma.
    let plain = |p: Points| {
        let t = p.to_string();
        let t = if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            t
        };
        t.replace('.', ",")
    };
    let mut h = format!("{}–{}", plain(s.min), plain(s.max));
    if let Some(step) = s.step {
        h.push_str(&format!(" (kelipatan {})", plain(step)));
    }
    if optional {
        h.push_str(", TB");
    }
    h
}

/// One village of the preview, formatted.
#[derive(Serialize)]
pub(super) struct DiffView {
    village: String,
    old_rank: String,
    new_rank: String,
    old_score: String,
    new_score: String,
    old_prize: String,
    new_prize: String,
    changed: bool,
}

fn prize_text(p: Option<&PrizeInfo>) -> String {
    p.map_or_else(
        || "—".to_owned(),
        |p| {
            format!(
                "{} ({})",
                p.label,
                rupiah(p.cash.saturating_add(p.assistance))
            )
        },
    )
}

impl DiffView {
    pub(super) fn of(r: &DiffRow, lang: &str) -> Self {
        let rank = |x: Option<u32>| x.map_or_else(|| "—".to_owned(), |r| r.to_string());
        // An entry cut at an earlier stage has no final score: say where it stopped.
        let points = |x: Option<i64>, out: Option<&String>| match out {
            Some(stage) => format!("{} {stage}", crate::i18n::t(lang, "res-eliminated-at")),
            None => x.map_or_else(|| "—".to_owned(), score),
        };
        DiffView {
            village: r.village.clone(),
            old_rank: rank(r.old_rank),
            new_rank: rank(r.new_rank),
            old_score: points(r.old_score, r.old_out.as_ref()),
            new_score: points(r.new_score, r.new_out.as_ref()),
            old_prize: prize_text(r.old_prize.as_ref()),
            new_prize: prize_text(r.new_prize.as_ref()),
            changed: r.changed,
        }
    }
}

/// The preview shown before confirming.
#[derive(Serialize)]
pub(super) struct PreviewView {
    pub(super) rows: Vec<DiffView>,
    /// What the committee changed, old → new, in words.
    pub(super) changes: Vec<String>,
    pub(super) token: String,
}

#[derive(Serialize)]
pub(super) struct CorrectView {
    page: Page,
    competition_id: String,
    competition_name: String,
    nomination: String,
    village: String,
    appeal: String,
    /// Ranked villages to choose from: (nomination id, "rank. name").
    villages: Vec<(String, String)>,
    scores: Vec<ScoreRow>,
    preview: Option<PreviewView>,
    form: FormState,
}

pub(super) fn shown(s: &score::Model) -> String {
    if s.not_applicable {
        NOT_APPLICABLE.to_owned()
    } else {
        s.value
            .map(|v| Points::from_units(v).to_string())
            .unwrap_or_default()
    }
}

/// The submitted scores of one nomination in this competition (four queries).
pub(super) async fn scores_of(
    db: &DatabaseConnection,
    c: &competition::Model,
    nomination: NominationId,
) -> Result<Vec<(score::Model, ScoreRow)>, AppError> {
    let stages = crate::db::competition_setup::list_stages(db, c.id).await?;
    let stage_ids: Vec<Uuid> = stages.iter().map(|s| s.id).collect();
    let NominationScores {
        sheets,
        scores,
        criteria,
    } = reads::nomination_scores(db, nomination.into_uuid(), stage_ids).await?;
    let judges = reads::display_names(db, sheets.iter().map(|s| s.judge_id)).await?;
    let mut rows: Vec<(score::Model, ScoreRow)> = scores
        .into_iter()
        .filter_map(|s| {
            let sheet = sheets.iter().find(|x| x.id == s.sheet_id)?;
            let stage = stages.iter().find(|x| x.id == sheet.stage_id)?;
            let crit = criteria.get(&s.criterion_id)?;
            let scale = scale_of(crit);
            let row = ScoreRow {
                error: None,
                scale_hint: hint(scale.as_ref(), crit.optional),
                scale,
                optional: crit.optional,
                id: s.id.to_string(),
                stage: stage.code.clone(),
                judge: judges.get(&sheet.judge_id).cloned().unwrap_or_default(),
                criterion: format!("{} {}", crit.code, crit.name),
                stored: shown(&s),
                value: shown(&s),
            };
            Some((s, row))
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.1.stage, &a.1.criterion, &a.1.judge).cmp(&(&b.1.stage, &b.1.criterion, &b.1.judge))
    });
    Ok(rows)
}

/// The changes typed into `values` (only those that differ from what is stored), each with
/// its description "village · stage · criterion · judge: old → new"; a value that is not a
/// number or TB is reported next to its field.
pub(super) fn changes_of(
    rows: &[(score::Model, ScoreRow)],
    values: &BTreeMap<String, String>,
    village: &str,
    state: &mut FormState,
    lang: &str,
) -> (Vec<ScoreChange>, Vec<String>) {
    let mut changes = Vec::new();
    let mut described = Vec::new();
    for (stored, row) in rows {
        let Some(typed) = values.get(&stored.id.to_string()).map(|v| v.trim()) else {
            continue;
        };
        if typed == shown(stored) {
            continue;
        }
        let label = format!(
            "{village} · {} · {} · {}",
            row.stage, row.criterion, row.judge
        );
        // The same rules as the judge's sheet: on the scale and its step, TB only where the
        // indicator is optional, so a correction cannot publish a value no judge could enter.
        let change = if typed.eq_ignore_ascii_case(NOT_APPLICABLE) {
            Some((None, true)).filter(|_| row.optional)
        } else {
            typed
                .replace(',', ".")
                .parse::<Points>()
                .ok()
                .filter(|p| {
                    row.scale
                        .as_ref()
                        .is_none_or(|s| s.contains(*p) && s.on_step(*p))
                })
                .map(|p| (Some(p.units()), false))
        };
        match change {
            Some((value, not_applicable)) => {
                let new = value.map_or_else(|| NOT_APPLICABLE.to_owned(), score);
                described.push(format!("{label}: {} → {new}", row.stored));
                changes.push(ScoreChange {
                    score_id: stored.id,
                    value,
                    not_applicable,
                    label,
                });
            }
            None => state.add_key(
                &format!("values[{}]", stored.id),
                lang,
                "res-err-score-value",
            ),
        }
    }
    (changes, described)
}

/// The ranked villages of the version in force: (nomination id, "rank. name").
async fn villages(
    db: &DatabaseConnection,
    c: &competition::Model,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(
        match crate::db::results::snapshots::current(db, c.id).await? {
            Some(snap) => published_of(&snap)?
                .lines
                .iter()
                .map(|l| {
                    (
                        l.nomination_id.to_string(),
                        format!("{}. {}", l.rank, l.village.name),
                    )
                })
                .collect(),
            None => Vec::new(),
        },
    )
}

/// The page: the chosen village's scores, typed values kept, and the preview if any.
pub(super) async fn view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    (nomination, appeal): (Option<NominationId>, Option<AppealId>),
    preview: Option<PreviewView>,
    form: FormState,
) -> Result<CorrectView, AppError> {
    let mut scores: Vec<ScoreRow> = match nomination {
        Some(n) => scores_of(db, c, n)
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect(),
        None => Vec::new(),
    };
    for s in &mut scores {
        let key = format!("values[{}]", s.id);
        if let Some(v) = form.values.get(&key) {
            s.value.clone_from(v);
        }
        s.error = form.errors.get(&key).and_then(|e| e.first()).cloned();
    }
    let villages = villages(db, c).await?;
    let nomination = nomination.map(|n| n.to_string()).unwrap_or_default();
    let village = village_name(&villages, &nomination);
    Ok(CorrectView {
        villages,
        page,
        competition_id: c.id.to_string(),
        competition_name: c.name.clone(),
        village,
        nomination,
        appeal: appeal.map(|a| a.to_string()).unwrap_or_default(),
        scores,
        preview,
        form,
    })
}

/// The village's name from the choice list ("3. Name" → "Name").
pub(super) fn village_name(villages: &[(String, String)], nomination: &str) -> String {
    villages
        .iter()
        .find(|(id, _)| id == nomination)
        .map(|(_, label)| {
            label
                .split_once(". ")
                .map_or(label.as_str(), |(_, name)| name)
                .to_owned()
        })
        .unwrap_or_default()
}

/// The chosen village's name for the audit labels.
pub(super) async fn village_of(
    db: &DatabaseConnection,
    c: &competition::Model,
    nomination: NominationId,
) -> Result<String, AppError> {
    Ok(village_name(
        &villages(db, c).await?,
        &nomination.to_string(),
    ))
}
