//! A stage's judging through the API, as on the committee's stage page: its panel
//! (`…/stages/<sid>/panel`, a judge added for all aspects or some, or removed), assignment
//! (automatic with an optional seed, or one entry to one judge; an untouched sheet taken back),
//! reopening a submitted sheet with a reason, and closing the stage. Admins in scope only; every
//! change is refused with 409 once a published result has frozen the competition. The rules
//! are `app::judging` and `db::judging::progress::close`, as for the pages.

use chrono::Utc;
use entity::stage;
use rocket::http::Status as HttpStatus;
use rocket::{Route, delete, get, post, put, routes};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::stages::{StageDto, load_stage};
use super::support;
use crate::app::judging::{assign, panels as panel_rules, sheets as sheet_rules};
use crate::db::judging::panels;
use crate::db::judging::progress::{self, CloseRefusal};
use crate::db::judging::sheets;
use crate::error::AppError;
use crate::ids::{SheetId, StageId, UserId};
use crate::json::{Error as JsonError, Json};
use crate::routes::scope::{ApiScope, ApiWriteScope};

/// A stage to change: in the competition (else 404) and not frozen by a published result.
async fn open_stage(a: &ApiWriteScope<'_>, sid: StageId) -> Result<stage::Model, AppError> {
    let s = load_stage(a, sid).await?;
    crate::integrity::ensure_open(&a.c, a.lang)?;
    Ok(s)
}

/// A member of a stage's panel: `aspects` are the top-level criteria the judge scores
/// (empty: all of them).
#[derive(Serialize, utoipa::ToSchema)]
struct MemberDto {
    judge_id: String,
    aspects: Vec<String>,
    /// A trainee (*juri magang*): assigned and scoring like the others, never counted.
    trainee: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Panel {
    items: Vec<MemberDto>,
}

async fn panel_of(a: &ApiScope<'_>, s: &stage::Model) -> Result<Panel, AppError> {
    let rows = panels::list(a.db, s.id).await?;
    Ok(Panel {
        items: rows
            .into_iter()
            .map(|m| MemberDto {
                judge_id: m.row.judge_id.to_string(),
                aspects: m.aspects.iter().map(Uuid::to_string).collect(),
                trainee: m.row.trainee,
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/stages/{sid}/panel", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), responses((status = 200, body = Panel)))]
#[get("/v1/competitions/<_>/stages/<sid>/panel")]
async fn panel(a: ApiScope<'_>, sid: StageId) -> Result<Json<Panel>, AppError> {
    let s = load_stage(&a, sid).await?;
    Ok(Json(panel_of(&a, &s).await?))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct MemberInput {
    aspects: Vec<String>,
    /// A trainee: scores like the others, never counted. Absent: unchanged (a new member
    /// counts). Fixed once the judge has saved a sheet of the stage (422).
    trainee: Option<bool>,
}

/// Adds a judge to the panel, or changes the aspects of one already on it.
#[utoipa::path(put, path = "/api/v1/competitions/{id}/stages/{sid}/panel/{judge_id}", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage"), ("judge_id" = crate::ids::UserId, Path, description = "The judge")), request_body = MemberInput, responses((status = 200, body = MemberDto)))]
#[put("/v1/competitions/<_>/stages/<sid>/panel/<judge>", data = "<input>")]
async fn panel_put(
    a: ApiWriteScope<'_>,
    sid: StageId,
    judge: UserId,
    input: Result<Json<MemberInput>, JsonError<'_>>,
) -> Result<Json<MemberDto>, AppError> {
    let s = open_stage(&a, sid).await?;
    let input = support::body(input)?.into_inner();
    let mut aspects = Vec::with_capacity(input.aspects.len());
    for text in &input.aspects {
        let id = Uuid::parse_str(text.trim())
            .map_err(|_| support::invalid(vec![("aspects", "jdg-err-form")]))?;
        aspects.push(id);
    }
    match panel_rules::add(a.db, &s, judge.into_uuid(), (&aspects, input.trainee)).await? {
        Ok(()) => {}
        Err(panel_rules::Invalid("jdg-trainee-locked")) => {
            return Err(support::invalid(vec![("trainee", "jdg-trainee-locked")]));
        }
        Err(_) => return Err(support::invalid(vec![("judge_id", "jdg-err-form")])),
    }
    let member = panels::find(a.db, s.id, judge.into_uuid()).await?;
    Ok(Json(MemberDto {
        judge_id: judge.to_string(),
        aspects: aspects.iter().map(Uuid::to_string).collect(),
        trainee: member.is_some_and(|m| m.row.trainee),
    }))
}

#[utoipa::path(delete, path = "/api/v1/competitions/{id}/stages/{sid}/panel/{judge_id}", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage"), ("judge_id" = crate::ids::UserId, Path, description = "The judge")), responses((status = 204, description = "Removed from the panel")))]
#[delete("/v1/competitions/<_>/stages/<sid>/panel/<judge>")]
async fn panel_delete(
    a: ApiWriteScope<'_>,
    sid: StageId,
    judge: UserId,
) -> Result<HttpStatus, AppError> {
    let s = open_stage(&a, sid).await?;
    match panel_rules::remove(a.db, &s, judge.into_uuid()).await? {
        Ok(()) => Ok(HttpStatus::NoContent),
        Err(panel_rules::Invalid("jdg-trainee-locked")) => Err(AppError::Conflict(crate::i18n::t(
            a.lang,
            "jdg-trainee-locked",
        ))),
        Err(_) => Err(AppError::NotFound),
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AutoInput {
    /// The draw's seed, recorded in the audit trail (random when absent).
    #[serde(deserialize_with = "support::loose")]
    seed: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct AutoAssigned {
    seed: String,
    sheets: usize,
}

/// Assigns the whole stage with the seed; 409 explaining why when no assignment exists.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/assignments/auto", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = AutoInput, responses((status = 200, body = AutoAssigned)))]
#[post("/v1/competitions/<_>/stages/<sid>/assignments/auto", data = "<input>")]
async fn auto(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<AutoInput>, JsonError<'_>>,
) -> Result<Json<AutoAssigned>, AppError> {
    let s = open_stage(&a, sid).await?;
    let input = support::body(input)?.into_inner();
    let seed = match input.seed.as_deref().map(str::trim) {
        None | Some("") => rand::random::<u64>(),
        Some(text) => text
            .parse::<u64>()
            .map_err(|_| support::invalid(vec![("seed", "jdg-err-seed")]))?,
    };
    let actor = a.who.0.id.into_uuid();
    match assign::auto_assign(a.db, &s, seed, actor).await? {
        Ok(sheets) => Ok(Json(AutoAssigned {
            seed: seed.to_string(),
            sheets,
        })),
        Err(r) => Err(AppError::Conflict(r.describe(a.lang))),
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AssignInput {
    nomination_id: String,
    judge_id: String,
}

/// A score sheet on the wire.
#[derive(Serialize, utoipa::ToSchema)]
struct SheetDto {
    id: String,
    stage_id: String,
    nomination_id: String,
    judge_id: String,
    status: entity::SheetStatus,
}

impl SheetDto {
    fn of(m: &entity::score_sheet::Model) -> Self {
        SheetDto {
            id: m.id.to_string(),
            stage_id: m.stage_id.to_string(),
            nomination_id: m.nomination_id.to_string(),
            judge_id: m.judge_id.to_string(),
            status: m.status,
        }
    }
}

/// One entry to one judge (201); a conflict or a duplicate is a 409.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/assignments", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = AssignInput, responses((status = 201, body = SheetDto)))]
#[post("/v1/competitions/<_>/stages/<sid>/assignments", data = "<input>")]
async fn assign_one(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<AssignInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<SheetDto>), AppError> {
    let s = open_stage(&a, sid).await?;
    let input = support::body(input)?.into_inner();
    let ids = (
        Uuid::parse_str(input.nomination_id.trim()).ok(),
        Uuid::parse_str(input.judge_id.trim()).ok(),
    );
    let actor = a.who.0.id.into_uuid();
    match assign::assign_by_ids(a.db, &a.c, &s, ids, actor).await? {
        Ok(sheet) => Ok((HttpStatus::Created, Json(SheetDto::of(&sheet)))),
        Err(assign::Refusal::Unknown(field)) => {
            Err(support::invalid(vec![(field, "jdg-err-form")]))
        }
        Err(r) => Err(AppError::Conflict(r.describe(a.lang))),
    }
}

/// Takes back a sheet nobody has worked on (204); one in use is a 409.
#[utoipa::path(delete, path = "/api/v1/competitions/{id}/stages/{sid}/sheets/{sheet}", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage"), ("sheet" = crate::ids::SheetId, Path, description = "The score sheet")), responses((status = 204, description = "An untouched sheet taken back")))]
#[delete("/v1/competitions/<_>/stages/<sid>/sheets/<sheet>")]
async fn unassign(
    a: ApiWriteScope<'_>,
    sid: StageId,
    sheet: SheetId,
) -> Result<HttpStatus, AppError> {
    let s = open_stage(&a, sid).await?;
    sheets::find_in_stage(a.db, s.id, sheet.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    match assign::unassign(a.db, s.id, sheet.into_uuid()).await? {
        Ok(()) => Ok(HttpStatus::NoContent),
        Err(r) => Err(AppError::Conflict(r.describe(a.lang))),
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct ReasonInput {
    reason: String,
}

/// Reopens a submitted sheet; the reason is shown to the judge and audited.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/sheets/{sheet}/reopen", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage"), ("sheet" = crate::ids::SheetId, Path, description = "The score sheet")), request_body = ReasonInput, responses((status = 200, body = SheetDto)))]
#[post(
    "/v1/competitions/<_>/stages/<sid>/sheets/<sheet>/reopen",
    data = "<input>"
)]
async fn reopen(
    a: ApiWriteScope<'_>,
    sid: StageId,
    sheet: SheetId,
    input: Result<Json<ReasonInput>, JsonError<'_>>,
) -> Result<Json<SheetDto>, AppError> {
    let s = open_stage(&a, sid).await?;
    let ctx = sheets::find_in_stage(a.db, s.id, sheet.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    let input = support::body(input)?.into_inner();
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(support::invalid(vec![("reason", "jdg-err-reason")]));
    }
    let now = Utc::now().fixed_offset();
    if !sheet_rules::reopen(a.db, &ctx, reason, a.who.0.id.into_uuid(), now).await? {
        return Err(AppError::Conflict(crate::i18n::t(
            a.lang,
            "jdg-err-not-submitted",
        )));
    }
    let ctx = sheets::find_in_stage(a.db, s.id, sheet.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(SheetDto::of(&ctx.sheet)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct CloseInput {
    /// Close although sheets are missing (then `note` says why).
    force: bool,
    note: String,
}

/// Closes the stage; with sheets missing only with `force` and a `note` (else 422).
#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/close", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = CloseInput, responses((status = 200, body = StageDto)))]
#[post("/v1/competitions/<_>/stages/<sid>/close", data = "<input>")]
async fn close(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<CloseInput>, JsonError<'_>>,
) -> Result<Json<StageDto>, AppError> {
    let s = open_stage(&a, sid).await?;
    let input = support::body(input)?.into_inner();
    let now = Utc::now().fixed_offset();
    let actor = a.who.0.id.into_uuid();
    match progress::close(a.db, &a.c, s, input.force, &input.note, actor, now).await? {
        Ok(s) => Ok(Json(StageDto::of(&s))),
        Err(CloseRefusal::AlreadyClosed) => Err(AppError::Conflict(crate::i18n::t(
            a.lang,
            "jdg-err-already-closed",
        ))),
        Err(CloseRefusal::SheetsMissing(_)) => {
            let field = if input.force { "note" } else { "force" };
            Err(support::invalid(vec![(field, "jdg-err-sheets-missing")]))
        }
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    panel,
    panel_put,
    panel_delete,
    auto,
    assign_one,
    unassign,
    reopen,
    close
))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        panel,
        panel_put,
        panel_delete,
        auto,
        assign_one,
        unassign,
        reopen,
        close
    ]
}
