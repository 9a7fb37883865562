//! What a judge sees of one sheet, shared by the page and the API: the village's profile and
//! evidence, every criterion in tree order with its guidance and scale, the judge's own
//! answers (never anyone else's) and the running subtotal computed by the engine.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use juara_domain::Points;
use juara_domain::sheet::{Scope, ScoreValue, SheetProblem};
use juara_domain::subtotal::{aspect_subtotals, running_subtotal};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::app::judging::check::stage_spec;
use crate::app::judging::sheets::{NotEditable, SaveRefusal, ensure_editable};
use crate::db::competition_setup::tree_order;
use crate::db::documents;
use crate::db::judging::draw::{StageOrder, named_orders};
use crate::db::judging::sheets::{self, Answer, SheetCtx};
use crate::db::regions;
use crate::error::AppError;
use crate::i18n::{t, t_args};

/// One criterion line.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CriterionView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub depth: u32,
    pub leaf: bool,
    pub weight: i32,
    /// Scale as shown and as the input's `min`/`max`/`step`.
    pub min: String,
    pub max: String,
    pub step: String,
    pub optional: bool,
    /// Part of this judge's aspects (partial panels show only those).
    pub in_scope: bool,
    pub value: String,
    pub not_applicable: bool,
    pub comment: String,
    pub errors: Vec<String>,
    /// For an aspect: the engine's running subtotal of its own leaves, 0–100 (`75.00`).
    pub aspect_subtotal: Option<String>,
    /// What the described values of the scale mean (*rubrik*), in value order.
    pub levels: Vec<LevelView>,
}

/// A level descriptor beside a leaf's input; `value` is written as the input's value is
/// (`3.00`), so the page can mark the chosen one.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LevelView {
    pub value: String,
    /// As a person writes it: `3`, `2,5`.
    pub shown: String,
    pub text: String,
}

/// An evidence item of the entry.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EvidenceView {
    pub id: Uuid,
    pub label: String,
    pub kind: String,
    pub url: Option<String>,
}

/// The whole sheet.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SheetView {
    pub id: Uuid,
    pub version: i32,
    pub status: entity::SheetStatus,
    pub competition_name: String,
    pub stage_code: String,
    pub stage_name: String,
    pub stage_kind: String,
    pub nomination_id: Uuid,
    pub village_code: String,
    pub village_name: String,
    pub head_name: String,
    pub development_status: String,
    pub population: Option<i32>,
    pub households: Option<i32>,
    pub description: String,
    pub achievements: String,
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The competition's zone, for the deadline and the presentation slots.
    pub zone: crate::app::competition::zone::TimeZone,
    pub writable: bool,
    pub closed_message: Option<String>,
    pub reopen_reason: String,
    pub visit_date: String,
    pub visit_notes: String,
    /// Engine subtotal 0–100 of the answers shown.
    pub subtotal: Option<String>,
    pub answered: usize,
    pub leaves: usize,
    pub criteria: Vec<CriterionView>,
    pub evidence: Vec<EvidenceView>,
    /// Field-verification photos (id, label).
    pub photos: Vec<(Uuid, String)>,
    /// The stage's drawn presentation order (public, like the schedule page), and this
    /// entry's position in it.
    pub presentation: Option<StageOrder>,
    pub presentation_position: Option<i32>,
}

fn points(units: Option<i64>) -> String {
    units
        .map(|u| Points::from_units(u).to_string())
        .unwrap_or_default()
}

/// Builds the view with `answers` (the stored ones, or a refused submission to re-show).
pub async fn build(
    db: &DatabaseConnection,
    ctx: &SheetCtx,
    answers: Option<&[Answer]>,
    errors: &BTreeMap<Uuid, Vec<String>>,
    lang: &str,
    now: DateTime<FixedOffset>,
) -> Result<SheetView, AppError> {
    let criteria = sheets::criteria(db, ctx.stage.id).await?;
    let scope = sheets::scope(db, ctx.stage.id, ctx.sheet.judge_id, &criteria).await?;
    let stored: Vec<Answer> = match answers {
        Some(a) => a.to_vec(),
        None => sheets::scores(db, ctx.sheet.id)
            .await?
            .into_iter()
            .map(Answer::from)
            .collect(),
    };
    let in_scope_codes = match &scope {
        Scope::All => None,
        Scope::Criteria(codes) => Some(codes.clone()),
    };
    let ordered = tree_order(&criteria);
    let mut lines = Vec::with_capacity(ordered.len());
    for (c, depth) in &ordered {
        // A leaf is in scope when it or an ancestor aspect is named by the panel row.
        let in_scope = match &in_scope_codes {
            None => true,
            Some(codes) => {
                let mut node = Some(*c);
                let mut found = false;
                while let Some(n) = node {
                    if codes.contains(&n.code) {
                        found = true;
                        break;
                    }
                    node = n
                        .parent_id
                        .and_then(|p| criteria.iter().find(|x| x.id == p));
                }
                found
            }
        };
        let answer = stored.iter().find(|a| a.criterion_id == c.id);
        let leaf = c.scale_min.is_some() && c.scale_max.is_some();
        lines.push(CriterionView {
            id: c.id,
            code: c.code.clone(),
            name: c.name.clone(),
            guidance: c.guidance.clone(),
            depth: *depth,
            leaf,
            weight: c.weight,
            min: points(c.scale_min),
            max: points(c.scale_max),
            step: c.scale_step.map_or_else(
                || "0.0001".to_owned(),
                |s| Points::from_units(s).to_string(),
            ),
            optional: c.optional,
            in_scope,
            value: answer
                .and_then(|a| a.value)
                .map(|v| v.to_string())
                .unwrap_or_default(),
            not_applicable: answer.is_some_and(|a| a.not_applicable),
            comment: answer.map(|a| a.comment.clone()).unwrap_or_default(),
            errors: errors.get(&c.id).cloned().unwrap_or_default(),
            aspect_subtotal: None,
            levels: crate::db::competition_setup::levels_of(c)
                .into_iter()
                .map(|l| LevelView {
                    value: l.value.to_string(),
                    shown: l.value.canonical().replace('.', ","),
                    text: l.text,
                })
                .collect(),
        });
    }
    let values: Vec<(String, ScoreValue)> = stored
        .iter()
        .filter_map(|a| {
            let code = criteria
                .iter()
                .find(|c| c.id == a.criterion_id)?
                .code
                .clone();
            Some((code, a.engine_value()?))
        })
        .collect();
    let spec = stage_spec(db, &ctx.competition, &ctx.stage).await?;
    // Machine decimals (`30.00`), as the API gives them; the page writes them `30,00`.
    let shown = |p: Option<Points>| p.map(|p| p.to_string());
    let subtotal = spec
        .as_ref()
        .and_then(|spec| running_subtotal(spec, &scope, &values).ok())
        .and_then(shown);
    let aspects = spec
        .as_ref()
        .and_then(|spec| aspect_subtotals(spec, &scope, &values).ok())
        .unwrap_or_default();
    for line in lines.iter_mut().filter(|l| l.depth == 0 && !l.leaf) {
        line.aspect_subtotal = aspects
            .iter()
            .find(|(code, _)| *code == line.code)
            .and_then(|(_, p)| shown(*p));
    }
    let leaves = lines.iter().filter(|l| l.leaf && l.in_scope).count();
    let answered = lines
        .iter()
        .filter(|l| l.leaf && l.in_scope && (l.not_applicable || !l.value.is_empty()))
        .count();
    let village_name = regions::find(db, &ctx.nomination.village_code)
        .await?
        .map(|r| r.name)
        .unwrap_or_default();
    let evidence = documents::list_for_nomination(db, ctx.nomination.id)
        .await?
        .into_iter()
        .map(|d| EvidenceView {
            id: d.id,
            label: d.label,
            kind: d.kind,
            url: d.url,
        })
        .collect();
    let presentation = named_orders(db, std::slice::from_ref(&ctx.stage))
        .await?
        .pop();
    let presentation_position = presentation.as_ref().and_then(|o| {
        o.slots
            .iter()
            .find(|s| s.nomination_id == ctx.nomination.id)
            .map(|s| s.position)
    });
    let editable = ensure_editable(ctx, now);
    let n = &ctx.nomination;
    Ok(SheetView {
        id: ctx.sheet.id,
        version: ctx.sheet.version,
        status: ctx.sheet.status,
        competition_name: ctx.competition.name.clone(),
        stage_code: ctx.stage.code.clone(),
        stage_name: ctx.stage.name.clone(),
        stage_kind: ctx.stage.kind.clone(),
        nomination_id: n.id,
        village_code: n.village_code.clone(),
        village_name,
        head_name: n.head_name.clone(),
        development_status: n.development_status.clone(),
        population: n.population,
        households: n.households,
        description: n.description.clone(),
        achievements: n.achievements.clone(),
        deadline: ctx.competition.judging_closes_at,
        zone: crate::app::competition::zone::of(&ctx.competition),
        writable: editable.is_ok(),
        // Only a closed stage is explained; a submitted sheet shows its status instead.
        closed_message: match editable {
            Err(NotEditable::Closed(c)) => Some(t(lang, c.message_key())),
            _ => None,
        },
        reopen_reason: ctx.sheet.reopen_reason.clone(),
        visit_date: ctx
            .sheet
            .visit_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
        visit_notes: ctx.sheet.visit_notes.clone(),
        subtotal,
        answered,
        leaves,
        criteria: lines,
        evidence,
        photos: crate::db::judging::photos::list(db, ctx.sheet.id)
            .await?
            .into_iter()
            .map(|p| (p.id, p.label))
            .collect(),
        presentation,
        presentation_position,
    })
}

/// A sheet problem in the judge's language.
#[must_use]
pub fn describe(problem: &SheetProblem, lang: &str) -> String {
    match problem {
        SheetProblem::OutOfScale { min, max, .. } => t_args(
            lang,
            "jdg-err-out-of-scale",
            &[("min", min.to_string()), ("max", max.to_string())],
        ),
        SheetProblem::OffStep { step, .. } => {
            t_args(lang, "jdg-err-off-step", &[("step", step.to_string())])
        }
        SheetProblem::NotApplicableOnRequired { .. } => t(lang, "jdg-err-na-required"),
        SheetProblem::OutsideScope { .. } => t(lang, "jdg-err-outside-scope"),
        _ => t(lang, "jdg-err-unknown-criterion"),
    }
}

/// Per-criterion messages for a refusal (criterion id → messages) and whole-sheet messages.
pub async fn refusal_messages(
    db: &DatabaseConnection,
    ctx: &SheetCtx,
    refusal: &SaveRefusal,
    lang: &str,
) -> Result<(BTreeMap<Uuid, Vec<String>>, Vec<String>), AppError> {
    let mut fields: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
    let mut general = Vec::new();
    let criteria = sheets::criteria(db, ctx.stage.id).await?;
    let id_of = |code: &str| criteria.iter().find(|c| c.code == code).map(|c| c.id);
    match refusal {
        SaveRefusal::Stale { .. } => general.push(t(lang, "jdg-err-stale")),
        SaveRefusal::Locked => general.push(t(lang, "jdg-err-locked")),
        SaveRefusal::Closed(c) => general.push(t(lang, c.message_key())),
        SaveRefusal::NoSpec => general.push(t(lang, "jdg-err-no-spec")),
        SaveRefusal::Invalid(problems) => {
            general.push(t(lang, "jdg-err-invalid"));
            for (code, p) in problems {
                match id_of(code) {
                    Some(id) => fields.entry(id).or_default().push(describe(p, lang)),
                    None => general.push(describe(p, lang)),
                }
            }
        }
        SaveRefusal::Incomplete(missing) => {
            general.push(t_args(
                lang,
                "jdg-err-incomplete",
                &[("count", missing.len().to_string())],
            ));
            for code in missing {
                if let Some(id) = id_of(code) {
                    fields
                        .entry(id)
                        .or_default()
                        .push(t(lang, "jdg-err-unanswered"));
                }
            }
        }
    }
    Ok((fields, general))
}
