//! `/api/v1/judge/sheets…`: a judge's assignments, one sheet, saving with its version and
//! submitting. Same rules as the pages (same repository calls); writes take `ApiWrite`.

use std::collections::BTreeMap;

use crate::json::Json;
use chrono::{NaiveDate, Utc};
use juara_domain::Points;
use rocket::{Route, State, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::judge::load;
use super::sheet_view::{self, SheetView};
use crate::app::judging::check::check;
use crate::app::judging::sheets::{self as rules, SaveRefusal};
use crate::auth::api::ApiWrite;
use crate::auth::{CurrentUser, JudgeUser};
use crate::db::judging::sheets::{self, Answer, SheetInput};
use crate::error::AppError;
use crate::i18n::t;
use crate::ids::{CriterionId, SheetId};
use crate::routes::api::support;

const LANG: &str = "id";

#[derive(Serialize, utoipa::ToSchema)]
struct Assignment {
    id: Uuid,
    competition_id: Uuid,
    stage_code: String,
    nomination_id: Uuid,
    village_code: String,
    status: entity::SheetStatus,
    version: i32,
}

#[utoipa::path(get, path = "/api/v1/judge/sheets", tag = "scoring", responses((status = 200, body = Vec<Assignment>, description = "The judge's sheets")))]
#[get("/v1/judge/sheets")]
async fn list(
    who: JudgeUser,
    db: &State<DatabaseConnection>,
) -> Result<Json<Vec<Assignment>>, AppError> {
    let rows = sheets::list_for_judge(db.inner(), who.0.id.into_uuid()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| Assignment {
                id: c.sheet.id,
                competition_id: c.competition.id,
                stage_code: c.stage.code,
                nomination_id: c.nomination.id,
                village_code: c.nomination.village_code,
                status: c.sheet.status,
                version: c.sheet.version,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/judge/sheets/{id}", tag = "scoring", params(("id" = crate::ids::SheetId, Path, description = "The score sheet")), responses((status = 200, body = SheetView)))]
#[get("/v1/judge/sheets/<id>")]
async fn show(
    who: JudgeUser,
    id: SheetId,
    db: &State<DatabaseConnection>,
) -> Result<Json<SheetView>, AppError> {
    let ctx = load(db, &who.0, id).await?;
    let now = Utc::now().fixed_offset();
    let view = sheet_view::build(db, &ctx, None, &BTreeMap::new(), LANG, now).await?;
    Ok(Json(canonical(view)))
}

/// The sheet view with its scores, scales and subtotals in the API's decimal form (the page
/// keeps its own).
fn canonical(mut view: SheetView) -> SheetView {
    view.subtotal = view.subtotal.as_deref().map(support::decimal_out);
    for c in &mut view.criteria {
        for field in [&mut c.min, &mut c.max, &mut c.step, &mut c.value] {
            *field = support::decimal_out(field);
        }
        c.aspect_subtotal = c.aspect_subtotal.as_deref().map(support::decimal_out);
    }
    view
}

/// One answer: `value` as a decimal string (`"3,5"` or `"3.5"`) or a JSON number.
#[derive(Deserialize, utoipa::ToSchema)]
struct AnswerBody {
    criterion_id: CriterionId,
    #[serde(default)]
    value: Option<serde_json::Value>,
    #[serde(default)]
    not_applicable: bool,
    #[serde(default)]
    comment: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub(super) struct SaveBody {
    version: i32,
    #[serde(default)]
    answers: Vec<AnswerBody>,
    #[serde(default)]
    visit_date: Option<NaiveDate>,
    #[serde(default)]
    visit_notes: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Saved {
    id: Uuid,
    version: i32,
    status: entity::SheetStatus,
}

pub(super) fn to_input(body: SaveBody) -> Result<SheetInput, AppError> {
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut answers = Vec::with_capacity(body.answers.len());
    for a in body.answers {
        let text = match &a.value {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
        };
        let value = match text.map(|s| s.parse::<Points>()) {
            None => None,
            Some(Ok(v)) => Some(v),
            Some(Err(_)) => {
                fields
                    .entry(format!("answers.{}", a.criterion_id))
                    .or_default()
                    .push(t(LANG, "jdg-err-number"));
                None
            }
        };
        answers.push(Answer {
            criterion_id: a.criterion_id.into_uuid(),
            value,
            not_applicable: a.not_applicable,
            comment: a.comment,
        });
    }
    if !fields.is_empty() {
        return Err(AppError::Invalid(fields));
    }
    Ok(SheetInput {
        version: body.version,
        answers,
        visit_date: body.visit_date,
        visit_notes: body.visit_notes.trim().to_owned(),
    })
}

/// A save or a submit: the same rules as the sheet page (`app::judging::sheets::save`).
async fn write(
    db: &DatabaseConnection,
    who: &CurrentUser,
    id: SheetId,
    body: Result<Json<SaveBody>, crate::json::Error<'_>>,
    submit: bool,
) -> Result<Json<Saved>, AppError> {
    let ctx = load(db, who, id).await?;
    crate::integrity::ensure_open(&ctx.competition, LANG)?;
    let input = to_input(crate::routes::api::support::body(body)?.into_inner())?;
    let now = Utc::now().fixed_offset();
    match rules::save(db, &ctx, &input, submit, now).await? {
        Ok(s) => Ok(Json(Saved {
            id: s.id,
            version: s.version,
            status: s.status,
        })),
        Err(refusal) => {
            let (by_id, general) = sheet_view::refusal_messages(db, &ctx, &refusal, LANG).await?;
            match refusal {
                SaveRefusal::Stale { .. }
                | SaveRefusal::Locked
                | SaveRefusal::Closed(_)
                | SaveRefusal::NoSpec => Err(AppError::Conflict(general.join(" "))),
                SaveRefusal::Invalid(_) | SaveRefusal::Incomplete(_) => {
                    let mut fields: BTreeMap<String, Vec<String>> = by_id
                        .into_iter()
                        .map(|(k, v)| (format!("answers.{k}"), v))
                        .collect();
                    fields.insert("sheet".into(), general);
                    Err(AppError::Invalid(fields))
                }
            }
        }
    }
}

#[utoipa::path(put, path = "/api/v1/judge/sheets/{id}", tag = "scoring", params(("id" = crate::ids::SheetId, Path, description = "The score sheet")), request_body = SaveBody, responses((status = 200, body = Saved, description = "Saved; a stale `version` answers 409")))]
#[put("/v1/judge/sheets/<id>", format = "json", data = "<body>")]
async fn save(
    who: ApiWrite,
    id: SheetId,
    body: Result<Json<SaveBody>, crate::json::Error<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<Saved>, AppError> {
    write(db, &who.0, id, body, false).await
}

#[utoipa::path(post, path = "/api/v1/judge/sheets/{id}/submit", tag = "scoring", params(("id" = crate::ids::SheetId, Path, description = "The score sheet")), request_body = SaveBody, responses((status = 200, body = Saved)))]
#[post("/v1/judge/sheets/<id>/submit", format = "json", data = "<body>")]
async fn submit(
    who: ApiWrite,
    id: SheetId,
    body: Result<Json<SaveBody>, crate::json::Error<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<Saved>, AppError> {
    write(db, &who.0, id, body, true).await
}

/// The running subtotal of unsaved answers, as the sheet page shows it while the judge types.
#[derive(Serialize, utoipa::ToSchema)]
struct SheetPreview {
    subtotal: Option<String>,
    /// Each aspect's own subtotal (0–100) by aspect code, for the headings of the sheet.
    aspects: BTreeMap<String, String>,
    answered: usize,
    leaves: usize,
}

#[utoipa::path(post, path = "/api/v1/judge/sheets/{id}/preview", tag = "scoring", params(("id" = crate::ids::SheetId, Path, description = "The score sheet")), request_body = SaveBody, responses((status = 200, body = SheetPreview, description = "What the engine makes of unsaved answers")))]
#[post("/v1/judge/sheets/<id>/preview", format = "json", data = "<body>")]
async fn preview(
    who: ApiWrite,
    id: SheetId,
    body: Result<Json<SaveBody>, crate::json::Error<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<SheetPreview>, AppError> {
    let db = db.inner();
    let ctx = load(db, &who.0, id).await?;
    let input = to_input(crate::routes::api::support::body(body)?.into_inner())?;
    if let Err(refusal) = check(db, &ctx, &input.answers).await? {
        let (by_id, _) = sheet_view::refusal_messages(db, &ctx, &refusal, LANG).await?;
        let fields = by_id
            .into_iter()
            .map(|(k, v)| (format!("answers.{k}"), v))
            .collect();
        return Err(AppError::Invalid(fields));
    }
    let now = Utc::now().fixed_offset();
    let view =
        sheet_view::build(db, &ctx, Some(&input.answers), &BTreeMap::new(), LANG, now).await?;
    let view = canonical(view);
    Ok(Json(SheetPreview {
        subtotal: view.subtotal,
        aspects: view
            .criteria
            .iter()
            .filter_map(|c| Some((c.code.clone(), c.aspect_subtotal.clone()?)))
            .collect(),
        answered: view.answered,
        leaves: view.leaves,
    }))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, show, save, submit, preview))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![list, show, save, submit, preview]
}
