//! `/api/v1/competitions/<id>/stages`: a competition's judging stages (funnel order): list,
//! add, replace, move up or down, remove (with its criteria). Admins in scope only; changes
//! are refused with 409 once judging starts. Checks are `StageForm::check` plus unique codes,
//! as on the pages; the funnel as a whole is the engine's, reported when opening.

use crate::json::{Error as JsonError, Json};
use entity::{competition, stage};
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, delete, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::competitions::load_for_admin;
use super::support::{self, loose};
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::auth::CurrentUser;
use crate::auth::api::ApiWrite;
use crate::competition_forms::StageForm;
use crate::db::competition_setup::{self as setup, StageFields};
use crate::error::AppError;
use crate::ids::{CompetitionId, StageId};

/// A stage on the wire; `pass_threshold` is a decimal string.
#[derive(Serialize)]
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
}

impl StageDto {
    fn of(s: &stage::Model) -> Self {
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
        }
    }
}

#[derive(Deserialize, Default)]
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
        }
        .check()
    }
}

/// The stage if it belongs to the competition, else 404.
pub async fn load_stage(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: StageId,
) -> Result<stage::Model, AppError> {
    Ok(app_setup::find::<stage::Entity>(db, c.id, id.into_uuid()).await?)
}

#[derive(Serialize)]
struct StageList {
    items: Vec<StageDto>,
}

#[get("/v1/competitions/<id>/stages")]
async fn list(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<StageList>, AppError> {
    let c = load_for_admin(db.inner(), id, &who).await?;
    let rows = setup::list_stages(db.inner(), c.id).await?;
    Ok(Json(StageList {
        items: rows.iter().map(StageDto::of).collect(),
    }))
}

#[get("/v1/competitions/<id>/stages/<sid>")]
async fn show(
    who: CurrentUser,
    id: CompetitionId,
    sid: StageId,
    db: &State<DatabaseConnection>,
) -> Result<Json<StageDto>, AppError> {
    let c = load_for_admin(db.inner(), id, &who).await?;
    let s = load_stage(db.inner(), &c, sid).await?;
    Ok(Json(StageDto::of(&s)))
}

#[post("/v1/competitions/<id>/stages", data = "<input>")]
async fn create(
    who: ApiWrite,
    id: CompetitionId,
    input: Result<Json<StageInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<StageDto>), AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let checked = input.into_inner().check();
    let s = app_setup::add::<stage::Entity>(db, &c, checked, support::LANG).await?;
    Ok((HttpStatus::Created, Json(StageDto::of(&s))))
}

#[put("/v1/competitions/<id>/stages/<sid>", data = "<input>")]
async fn replace(
    who: ApiWrite,
    id: CompetitionId,
    sid: StageId,
    input: Result<Json<StageInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<StageDto>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let s = load_stage(db, &c, sid).await?;
    let checked = input.into_inner().check();
    let s = app_setup::change::<stage::Entity>(db, &c, s, checked, support::LANG).await?;
    Ok(Json(StageDto::of(&s)))
}

/// One place up (`?up=true`) or down the funnel; answers the new order.
#[post("/v1/competitions/<id>/stages/<sid>/move?<up>")]
async fn move_stage(
    who: ApiWrite,
    id: CompetitionId,
    sid: StageId,
    up: bool,
    db: &State<DatabaseConnection>,
) -> Result<Json<StageList>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let s = load_stage(db, &c, sid).await?;
    app_setup::reorder::<stage::Entity>(db, &c, &s, up, support::LANG).await?;
    let rows = setup::list_stages(db, c.id).await?;
    Ok(Json(StageList {
        items: rows.iter().map(StageDto::of).collect(),
    }))
}

#[delete("/v1/competitions/<id>/stages/<sid>")]
async fn remove(
    who: ApiWrite,
    id: CompetitionId,
    sid: StageId,
    db: &State<DatabaseConnection>,
) -> Result<HttpStatus, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let s = load_stage(db, &c, sid).await?;
    app_setup::delete_stage(db, &c, s, support::LANG).await?;
    Ok(HttpStatus::NoContent)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, show, create, replace, move_stage, remove]
}
