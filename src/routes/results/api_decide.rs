//! The committee's decisions on a result through the API, as on the results page: the plenary
//! minutes (`POST /api/v1/competitions/<id>/results/minutes`), rejecting an appeal with its
//! answer (an appeal is accepted by the correction that answers it, see `api_correct`), a
//! stage's shortlist moving on while judging, and an announced result's winners going up to a
//! competition of the level above. A village files its appeal with `POST
//! /api/v1/results/<id>/appeals` (text only; an attachment goes through the page). The rules
//! are `app::results`, as for the pages.

use rocket::form::{Contextual, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::published_of;
use super::village::load as village_entry;
use crate::app::results::advance as app_advance;
use crate::app::results::appeal as app_appeal;
use crate::app::results::minutes::{self, MinutesInput};
use crate::auth::api::ApiWrite;
use crate::db::competitions;
use crate::db::results::{appeals, snapshots};
use crate::error::AppError;
use crate::i18n;
use crate::ids::{AppealId, CompetitionId, UserId};
use crate::json::{Error as JsonError, Json};
use crate::routes::api::advance::AdvanceResult;
use crate::routes::api::support::{self, time_out};
use crate::routes::scope::ApiWriteScope;

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct MinutesBody {
    /// `YYYY-MM-DD`.
    held_on: String,
    /// `HH:MM` in the competition's zone (optional).
    held_time: String,
    place: String,
    members: String,
    decision: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct MinutesDto {
    id: String,
    held_on: String,
    held_time: Option<String>,
    place: String,
    members: String,
    decision: String,
    recorded_at: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/minutes", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = MinutesBody, responses((status = 201, body = MinutesDto)))]
#[post("/v1/competitions/<_>/results/minutes", data = "<input>")]
async fn record_minutes(
    a: ApiWriteScope<'_>,
    input: Result<Json<MinutesBody>, JsonError<'_>>,
) -> Result<(Status, Json<MinutesDto>), AppError> {
    minutes::ensure_may_record(&a.c, a.lang)?;
    let b = support::body(input)?.into_inner();
    let input = MinutesInput {
        held_on: b.held_on,
        held_time: b.held_time,
        place: b.place,
        members: b.members,
        decision: b.decision,
    };
    let checked = minutes::check(&input, crate::forms::plausible_date).map_err(support::invalid)?;
    let m = minutes::record(a.db, &a.c, checked, a.who.0.id.into_uuid()).await?;
    Ok((
        Status::Created,
        Json(MinutesDto {
            id: m.id.to_string(),
            held_on: m.held_on.format("%Y-%m-%d").to_string(),
            held_time: m.held_time,
            place: m.place,
            members: m.members,
            decision: m.decision,
            recorded_at: time_out(Some(m.recorded_at)),
        }),
    ))
}

/// An appeal on the wire.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct AppealDto {
    pub id: String,
    pub nomination_id: String,
    pub snapshot_version: i32,
    pub body: String,
    pub status: entity::AppealStatus,
    pub answer: String,
    pub created_at: Option<String>,
    pub answered_at: Option<String>,
    /// The attachment's name as the village gave it (`null`: none).
    pub attachment: Option<String>,
}

impl AppealDto {
    pub(super) fn of(a: &entity::appeal::Model) -> Self {
        AppealDto {
            id: a.id.to_string(),
            nomination_id: a.nomination_id.to_string(),
            snapshot_version: a.snapshot_version,
            body: a.body.clone(),
            status: a.status,
            answer: a.answer.clone(),
            created_at: time_out(Some(a.created_at)),
            answered_at: time_out(a.answered_at),
            attachment: a.attachment_name.clone(),
        }
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AppealAnswerBody {
    answer: String,
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/appeals/{appeal}/reject", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("appeal" = crate::ids::AppealId, Path, description = "The appeal")), request_body = AppealAnswerBody, responses((status = 200, body = AppealDto)))]
#[post(
    "/v1/competitions/<_>/results/appeals/<appeal>/reject",
    data = "<input>"
)]
async fn reject(
    a: ApiWriteScope<'_>,
    appeal: AppealId,
    input: Result<Json<AppealAnswerBody>, JsonError<'_>>,
) -> Result<Json<AppealDto>, AppError> {
    let (db, c) = (a.db, &a.c);
    let row = appeals::find(db, c.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    let answer = support::body(input)?.into_inner().answer;
    let by = a.who.0.id.into_uuid();
    match app_appeal::reject(db, c, row, &answer, by, a.lang).await? {
        Ok(row) => Ok(Json(AppealDto::of(&row))),
        Err(key) => Err(support::invalid(vec![("answer", key)])),
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AppealBody {
    body: String,
}

/// A village's appeal against the version in force, within its window (201); 409 outside it.
/// The attachment (a PDF, JPEG or PNG, told by content) comes with the body as
/// `multipart/form-data`: parts `body` and `attachment`.
#[utoipa::path(post, path = "/api/v1/results/{id}/appeals", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")),
    request_body(content((AppealBody = "application/json"), (Vec<u8> = "multipart/form-data"))),
    responses((status = 201, body = AppealDto)))]
#[post("/v1/results/<id>/appeals", data = "<input>", rank = 2)]
async fn file_appeal(
    who: ApiWrite,
    id: CompetitionId,
    lang: support::ApiLang,
    input: Result<Json<AppealBody>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
    storage: &State<crate::storage::Storage>,
) -> Result<(Status, Json<AppealDto>), AppError> {
    let (db, who) = (db.inner(), who.0);
    support::require_village(&who)?;
    let (c, n) = village_entry(db, id, &who).await?;
    let version = app_appeal::ensure_may_file(db, &c, &n, lang.0).await?;
    let body = support::body(input)?.into_inner().body;
    let row = filed(db, storage.inner(), (&c, &n, version), body, None, &who).await?;
    Ok((Status::Created, Json(AppealDto::of(&row))))
}

#[derive(FromForm)]
struct AppealUpload<'r> {
    body: String,
    attachment: Option<TempFile<'r>>,
}

#[post(
    "/v1/results/<id>/appeals",
    format = "multipart/form-data",
    data = "<form>"
)]
#[allow(clippy::too_many_arguments)]
async fn file_appeal_with_attachment(
    who: ApiWrite,
    id: CompetitionId,
    lang: support::ApiLang,
    form: Form<Contextual<'_, AppealUpload<'_>>>,
    db: &State<DatabaseConnection>,
    storage: &State<crate::storage::Storage>,
    config: &State<crate::AppConfig>,
) -> Result<(Status, Json<AppealDto>), AppError> {
    let (db, who) = (db.inner(), who.0);
    support::require_village(&who)?;
    let (c, n) = village_entry(db, id, &who).await?;
    let version = app_appeal::ensure_may_file(db, &c, &n, lang.0).await?;
    let mut form = form.into_inner();
    crate::forms::refuse_control_chars(&mut form);
    let Some(input) = form.value.as_ref() else {
        let state = crate::forms::FormState::from_context(&form.context, lang.0);
        return Err(support::invalid_state(state));
    };
    let file = input.attachment.as_ref();
    let attachment = super::api_upload(file, config, lang.0, "attachment").await?;
    let body = input.body.clone();
    let row = filed(
        db,
        storage.inner(),
        (&c, &n, version),
        body,
        attachment,
        &who,
    )
    .await?;
    Ok((Status::Created, Json(AppealDto::of(&row))))
}

/// Files the appeal once the village may: a blank body is refused.
async fn filed(
    db: &DatabaseConnection,
    storage: &crate::storage::Storage,
    (c, n, version): (&entity::competition::Model, &entity::nomination::Model, i32),
    body: String,
    attachment: Option<crate::app::results::files::NewFile>,
    who: &crate::auth::CurrentUser,
) -> Result<entity::appeal::Model, AppError> {
    let body = body.trim().to_owned();
    if body.is_empty() {
        return Err(support::invalid(vec![("body", "res-err-required")]));
    }
    let by = who.id.into_uuid();
    Ok(app_appeal::file(db, storage, c, n, version, body, attachment, by).await?)
}

#[derive(Serialize, utoipa::ToSchema)]
struct Shortlisted {
    entries: usize,
    sheets: usize,
}

/// The entries a stage shortlisted move on to the next stage, while judging.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/stages/{stage}/advance", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("stage" = String, Path, description = "The stage code")), responses((status = 200, body = Shortlisted)))]
#[post("/v1/competitions/<_>/results/stages/<stage>/advance")]
async fn advance_shortlist(
    a: ApiWriteScope<'_>,
    stage: &str,
) -> Result<Json<Shortlisted>, AppError> {
    let done = app_advance::shortlist(a.db, &a.c, stage, a.who.0.id.into_uuid(), a.lang).await?;
    Ok(Json(Shortlisted {
        entries: done.entries,
        sheets: done.sheets,
    }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AdvanceBody {
    /// The competition of the level above.
    target: String,
    /// How many of the best ranked winners go.
    #[serde(deserialize_with = "support::loose")]
    top: Option<String>,
}

/// The top `top` winners of the announced result become entries of `target` (201); none
/// advancing is a 409 saying why.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/advance", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = AdvanceBody, responses((status = 201, body = crate::routes::api::advance::AdvanceResult)))]
#[post("/v1/competitions/<_>/results/advance", data = "<input>")]
async fn advance_winners(
    a: ApiWriteScope<'_>,
    input: Result<Json<AdvanceBody>, JsonError<'_>>,
) -> Result<(Status, Json<AdvanceResult>), AppError> {
    let (db, c, lang) = (a.db, &a.c, a.lang);
    let b = support::body(input)?.into_inner();
    let target = match Uuid::parse_str(b.target.trim()) {
        Ok(t) => competitions::find_for_admin(db, CompetitionId::from(t), &a.who.0).await?,
        Err(_) => None,
    };
    let top = b
        .top
        .as_deref()
        .and_then(|t| t.trim().parse::<u32>().ok())
        .filter(|n| *n >= 1);
    let mut errors = Vec::new();
    if target.is_none() {
        errors.push(("target", "res-err-target"));
    }
    if top.is_none() {
        errors.push(("top", "res-err-top"));
    }
    let (Some(target), Some(top), true) = (target, top, errors.is_empty()) else {
        return Err(support::invalid(errors));
    };
    let snapshot = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| AppError::Conflict(i18n::t(lang, "res-err-not-announced")))?;
    crate::app::results::frozen::ensure_open(&target, lang)?;
    let winners = app_advance::winners(&published_of(&snapshot)?, top);
    let by = UserId::from(a.who.0.id.into_uuid());
    let report = crate::app::nomination::advance_into(db, &target, &winners, by).await?;
    if report.created.is_empty() {
        // A refusal, never "0 winners advanced" as a success: say why, as the page does.
        let mut why = vec![i18n::t(lang, "adv-err-none-advanced")];
        if winners.is_empty() {
            why.push(i18n::t(lang, "adv-skip-not-winner"));
        }
        why.extend(crate::routes::nominations::describe_skips(db, &report, lang).await?);
        return Err(AppError::Conflict(why.join(" ")));
    }
    Ok((Status::Created, Json(AdvanceResult::of(&report))))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    record_minutes,
    reject,
    file_appeal,
    advance_shortlist,
    advance_winners
))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![
        record_minutes,
        reject,
        file_appeal,
        file_appeal_with_attachment,
        advance_shortlist,
        advance_winners
    ]
}
