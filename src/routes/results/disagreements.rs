//! Differences of opinion for the plenary (*perbedaan pendapat*): every indicator of every
//! entry on which the panel's judges are at least `threshold` points apart on 0–100, with each
//! judge's value and comment, widest first (`juara_domain::disagreement`). The committee's
//! page and its JSON twin call the same application function; the threshold is the
//! committee's to choose per look (default 40: a 2 against a 4 on a 1–5 indicator is 50).

use std::collections::HashMap;

use juara_domain::Points;
use juara_domain::disagreement::Disagreement;
use juara_domain::sheet::ScoreValue;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;
use uuid::Uuid;

use crate::app::results::read;
use crate::auth::JudgeUser;
use crate::db::results::inputs::nomination_of;
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::json::Json;
use crate::results::Published;
use crate::routes::api::support;
use crate::routes::scope::{AdminScope, ApiScope};
use crate::views::Page;
use rocket::State;
use sea_orm::DatabaseConnection;

/// Points apart (0–100) when the committee names no threshold.
pub const DEFAULT_THRESHOLD: i64 = 40;

/// One judge's answer on a disputed indicator.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OpinionDto {
    /// "Juri n" in this stage.
    label: u32,
    /// As entered, decimal string (`null` when not applicable).
    value: Option<String>,
    not_applicable: bool,
    /// Dropped by the trimmed mean (still shown: it is what the judge said).
    trimmed: bool,
    comment: String,
    /// The reader's own answer (a panel judge reading their share; never on the committee's).
    own: bool,
}

/// An indicator of an entry on which the panel is far apart.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DisagreementDto {
    nomination_id: String,
    village: String,
    stage: String,
    stage_name: String,
    criterion: String,
    criterion_name: String,
    /// Highest minus lowest judge on 0–100, decimal string.
    spread: String,
    judges: Vec<OpinionDto>,
}

/// The list at one threshold.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DisagreementList {
    /// Decimal string, 0–100.
    threshold: String,
    items: Vec<DisagreementDto>,
}

/// The list in words; `own` names the reader's "Juri n" per stage (empty for the committee).
fn rows(p: &Published, found: &[Disagreement], own: &[(String, u32)]) -> Vec<DisagreementDto> {
    // Looked up once, not per listed indicator and judge.
    let villages: HashMap<Uuid, &str> = p
        .lines
        .iter()
        .map(|l| (l.nomination_id, l.village.name.as_str()))
        .chain(
            p.incomplete
                .iter()
                .map(|i| (i.nomination_id, i.village.name.as_str())),
        )
        .collect();
    let comments: HashMap<(Uuid, &str, &str, u32), &str> = p
        .comments
        .iter()
        .map(|c| {
            let key = (
                c.nomination_id,
                c.stage.as_str(),
                c.criterion.as_str(),
                c.label,
            );
            (key, c.text.as_str())
        })
        .collect();
    found
        .iter()
        .filter_map(|d| {
            let nomination = nomination_of(d.entry);
            let stage = p.stages.iter().find(|s| s.code == d.stage)?;
            let node = stage.criteria.get(usize::try_from(d.node).ok()?)?;
            let comment = |label: u32| {
                let key = (nomination, d.stage.as_str(), node.code.as_str(), label);
                comments
                    .get(&key)
                    .map(|t| (*t).to_owned())
                    .unwrap_or_default()
            };
            Some(DisagreementDto {
                nomination_id: nomination.to_string(),
                village: villages
                    .get(&nomination)
                    .map(|v| (*v).to_owned())
                    .unwrap_or_default(),
                stage: stage.code.clone(),
                stage_name: stage.name.clone(),
                criterion: node.code.clone(),
                criterion_name: node.name.clone(),
                spread: d.spread.canonical(),
                judges: d
                    .values
                    .iter()
                    .map(|v| OpinionDto {
                        label: v.label,
                        value: match v.value {
                            ScoreValue::Value(x) => Some(x.canonical()),
                            ScoreValue::NotApplicable => None,
                        },
                        not_applicable: v.value == ScoreValue::NotApplicable,
                        trimmed: v.trimmed,
                        comment: comment(v.label),
                        own: own.iter().any(|(s, l)| *s == d.stage && *l == v.label),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `None` or empty: the default; else a number from 0 to 100 (`35`, `12,5`).
fn threshold_of(raw: Option<&str>) -> Result<Points, AppError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(Points::from_whole(DEFAULT_THRESHOLD)),
        Some(t) => t
            .parse::<Points>()
            .ok()
            .filter(|p| (Points::from_whole(0)..=Points::from_whole(100)).contains(p))
            .ok_or_else(|| support::invalid(vec![("threshold", "res-err-threshold")])),
    }
}

#[derive(Serialize)]
struct PageView {
    page: Page,
    competition_id: String,
    competition_name: String,
    /// As typed, for the field.
    threshold: String,
    error: Option<String>,
    list: DisagreementList,
}

/// The committee's page; a bad threshold is named at its field and the default is used.
#[get("/admin/competitions/<_>/results/disagreements?<threshold>")]
async fn page(
    page: Page,
    a: AdminScope<'_>,
    threshold: Option<String>,
) -> Result<Template, AppError> {
    let (used, error) = match threshold_of(threshold.as_deref()) {
        Ok(t) => (t, None),
        Err(_) => (
            Points::from_whole(DEFAULT_THRESHOLD),
            Some(crate::i18n::t(page.lang, "res-err-threshold")),
        ),
    };
    let (p, found) = read::disagreements(a.db, &a.c, used, page.lang).await?;
    let view = PageView {
        competition_id: a.c.id.to_string(),
        competition_name: a.c.name.clone(),
        threshold: threshold.unwrap_or_else(|| DEFAULT_THRESHOLD.to_string()),
        error,
        list: DisagreementList {
            threshold: used.canonical(),
            items: rows(&p, &found, &[]),
        },
        page,
    };
    Ok(Template::render("results/disagreements", &view))
}

/// The same list as JSON; `threshold` outside 0–100 answers 422.
#[utoipa::path(get, path = "/api/v1/competitions/{id}/results/disagreements", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("threshold" = Option<String>, Query, description = "Points apart on 0–100 (default 40)")), responses((status = 200, body = DisagreementList, description = "Indicators on which the panel is far apart, widest first")))]
#[get("/v1/competitions/<_>/results/disagreements?<threshold>")]
async fn api(
    a: ApiScope<'_>,
    threshold: Option<String>,
) -> Result<Json<DisagreementList>, AppError> {
    let used = threshold_of(threshold.as_deref())?;
    let (p, found) = read::disagreements(a.db, &a.c, used, a.lang).await?;
    Ok(Json(DisagreementList {
        threshold: used.canonical(),
        items: rows(&p, &found, &[]),
    }))
}

/// This module's API operation in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api))]
pub struct Doc;

/// A panel judge's share: the entries whose sheet they submitted, their own answers marked;
/// 404 until they have submitted a sheet of the competition.
#[get("/judge/competitions/<id>/disagreements?<threshold>")]
async fn judge_page(
    page: Page,
    who: JudgeUser,
    id: CompetitionId,
    threshold: Option<String>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = crate::db::competitions::find_by_id(db.inner(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (used, error) = match threshold_of(threshold.as_deref()) {
        Ok(t) => (t, None),
        Err(_) => (
            Points::from_whole(DEFAULT_THRESHOLD),
            Some(crate::i18n::t(page.lang, "res-err-threshold")),
        ),
    };
    let Some(share) =
        read::disagreements_for_judge(db.inner(), &c, who.0.id.into_uuid(), used, page.lang)
            .await?
    else {
        return Err(AppError::NotFound);
    };
    let view = PageView {
        competition_id: c.id.to_string(),
        competition_name: c.name.clone(),
        threshold: threshold.unwrap_or_else(|| DEFAULT_THRESHOLD.to_string()),
        error,
        list: DisagreementList {
            threshold: used.canonical(),
            items: rows(&share.published, &share.found, &share.labels),
        },
        page,
    };
    Ok(Template::render("judging/disagreements", &view))
}

/// The committee's page and the panel's share.
pub fn routes() -> Vec<Route> {
    routes![page, judge_page]
}

/// The JSON twin (mounted under `/api`).
pub fn api_routes() -> Vec<Route> {
    routes![api]
}
