//! `/api/v1/competitions/<id>/stages`: a competition's judging stages (funnel order): list,
//! add, replace (moving and removing, with its criteria: `lists`). Admins in scope only; changes
//! are refused with 409 once judging starts. Checks are `StageForm::check` plus unique codes,
//! as on the pages; the funnel as a whole is the engine's, reported when opening.

use crate::json::{Error as JsonError, Json};
use entity::{competition, stage};
use rocket::http::Status as HttpStatus;
use rocket::{Route, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::lists::{ApiList, Listing};
use super::support::{self, loose};
use crate::app::competition::published::ChangeBy;
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::competition_forms::StageForm;
use crate::db::competition_setup::{self as setup, StageFields};
use crate::error::AppError;
use crate::ids::StageId;
use crate::routes::scope::{ApiScope, ApiWriteScope, InScope};
use crate::routes::setup_list::ListRoute;

/// A stage on the wire; `pass_threshold` is a decimal string.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StageDto {
    pub id: String,
    pub position: i32,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub weight: i32,
    pub aggregation: String,
    pub trim_k: i32,
    pub quorum: i32,
    pub shortlist: Option<i32>,
    pub pass_threshold: Option<String>,
    pub normalize: bool,
    pub min_entries_per_judge: i32,
    pub judges_per_entry: i32,
    /// When judging of the stage was closed (RFC 3339), and the committee's note.
    pub closed_at: Option<String>,
    pub close_note: String,
}

impl StageDto {
    /// The wire form of a stored stage.
    #[must_use]
    pub fn of(s: &stage::Model) -> Self {
        StageDto {
            id: s.id.to_string(),
            position: s.position,
            code: s.code.clone(),
            name: s.name.clone(),
            kind: s.kind.clone(),
            weight: s.weight,
            aggregation: s.aggregation.clone(),
            trim_k: s.trim_k,
            quorum: s.quorum,
            shortlist: s.shortlist,
            pass_threshold: support::points_out(s.pass_threshold),
            normalize: s.normalize,
            min_entries_per_judge: s.min_entries_per_judge,
            judges_per_entry: s.judges_per_entry,
            closed_at: support::time_out(s.closed_at),
            close_note: s.close_note.clone(),
        }
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct StageInput {
    #[serde(deserialize_with = "loose")]
    code: Option<String>,
    #[serde(deserialize_with = "loose")]
    name: Option<String>,
    #[serde(deserialize_with = "loose")]
    kind: Option<String>,
    #[serde(deserialize_with = "loose")]
    weight: Option<String>,
    #[serde(deserialize_with = "loose")]
    aggregation: Option<String>,
    #[serde(deserialize_with = "loose")]
    trim_k: Option<String>,
    #[serde(deserialize_with = "loose")]
    quorum: Option<String>,
    #[serde(deserialize_with = "loose")]
    shortlist: Option<String>,
    #[serde(deserialize_with = "loose")]
    pass_threshold: Option<String>,
    normalize: bool,
    #[serde(deserialize_with = "loose")]
    min_entries_per_judge: Option<String>,
    #[serde(deserialize_with = "loose")]
    judges_per_entry: Option<String>,
    /// Why the published rules change (needed once the competition is open).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
}

impl StageInput {
    fn check(self) -> Result<StageFields, FieldErrors> {
        StageForm {
            code: self.code,
            name: self.name,
            kind: self.kind,
            weight: self.weight,
            aggregation: self.aggregation,
            trim_k: self.trim_k,
            quorum: self.quorum,
            shortlist: self.shortlist,
            pass_threshold: self.pass_threshold,
            normalize: self.normalize,
            min_entries_per_judge: self.min_entries_per_judge,
            judges_per_entry: self.judges_per_entry,
            reason: None,
        }
        .check()
    }
}

/// The stage `id` of the competition, else 404.
pub(super) async fn load_stage<A: Sync>(
    a: &InScope<'_, A>,
    id: StageId,
) -> Result<stage::Model, AppError> {
    Ok(stage::Entity::find_in(a, id.into()).await?)
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct StageList {
    items: Vec<StageDto>,
}

async fn list_of(db: &DatabaseConnection, c: &competition::Model) -> Result<StageList, AppError> {
    let rows = setup::list_stages(db, c.id).await?;
    Ok(StageList {
        items: rows.iter().map(StageDto::of).collect(),
    })
}

impl ApiList for stage::Entity {
    async fn listing(
        db: &DatabaseConnection,
        c: &competition::Model,
        _row: &stage::Model,
    ) -> Result<Listing, AppError> {
        Ok(Listing::Stages(list_of(db, c).await?))
    }
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/stages", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = StageList)))]
#[get("/v1/competitions/<_>/stages")]
async fn list(a: ApiScope<'_>) -> Result<Json<StageList>, AppError> {
    Ok(Json(list_of(a.db, &a.c).await?))
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/stages/{sid}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), responses((status = 200, body = StageDto)))]
#[get("/v1/competitions/<_>/stages/<sid>")]
async fn show(a: ApiScope<'_>, sid: StageId) -> Result<Json<StageDto>, AppError> {
    Ok(Json(StageDto::of(&load_stage(&a, sid).await?)))
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = StageInput, responses((status = 201, body = StageDto)))]
#[post("/v1/competitions/<_>/stages", data = "<input>")]
async fn create(
    a: ApiWriteScope<'_>,
    input: Result<Json<StageInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<StageDto>), AppError> {
    let input = support::body(input)?.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check();
    let s = app_setup::add::<stage::Entity>(a.db, &a.c, checked, &by, a.lang).await?;
    Ok((HttpStatus::Created, Json(StageDto::of(&s))))
}

#[utoipa::path(put, path = "/api/v1/competitions/{id}/stages/{sid}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = StageInput, responses((status = 200, body = StageDto)))]
#[put("/v1/competitions/<_>/stages/<sid>", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<StageInput>, JsonError<'_>>,
) -> Result<Json<StageDto>, AppError> {
    let input = support::body(input)?;
    let s = load_stage(&a, sid).await?;
    let input = input.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check();
    let s = app_setup::change::<stage::Entity>(a.db, &a.c, s, checked, &by, a.lang).await?;
    Ok(Json(StageDto::of(&s)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, show, create, replace))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, show, create, replace]
}
