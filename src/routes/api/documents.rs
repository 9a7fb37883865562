//! `/api/v1/competitions/<id>/documents`: the document checklist villages fill (e.g. village
//! profile, RPJMDes, a video link): list, add, replace, move, remove. Admins in scope only;
//! frozen once judging starts (409). Checks are `DocumentForm::check` plus unique codes.

use crate::json::{Error as JsonError, Json};
use entity::competition;
use entity::document_requirement::{self, Entity as Requirement};
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, delete, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::competitions::{load_for_admin, load_for_reader};
use super::support::{self, loose};
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::auth::CurrentUser;
use crate::auth::api::ApiWrite;
use crate::competition_forms::DocumentForm;
use crate::db::competition_setup::{self as setup, DocumentFields};
use crate::error::AppError;
use crate::ids::{CompetitionId, RequirementId};

/// A checklist item on the wire (`kind` is `file` or `link`).
#[derive(Serialize)]
pub struct DocumentDto {
    pub id: String,
    pub position: i32,
    pub code: String,
    pub label: String,
    pub description: String,
    pub kind: String,
    pub required: bool,
}

impl DocumentDto {
    /// The wire form of a stored item.
    #[must_use]
    pub fn of(d: &document_requirement::Model) -> Self {
        DocumentDto {
            id: d.id.to_string(),
            position: d.position,
            code: d.code.clone(),
            label: d.label.clone(),
            description: d.description.clone(),
            kind: d.kind.clone(),
            required: d.required,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct DocumentInput {
    #[serde(deserialize_with = "loose")]
    code: Option<String>,
    #[serde(deserialize_with = "loose")]
    label: Option<String>,
    #[serde(deserialize_with = "loose")]
    description: Option<String>,
    #[serde(deserialize_with = "loose")]
    kind: Option<String>,
    required: bool,
}

impl DocumentInput {
    fn check(self) -> Result<DocumentFields, FieldErrors> {
        DocumentForm {
            code: self.code,
            label: self.label,
            description: self.description,
            kind: self.kind,
            required: self.required,
        }
        .check()
    }
}

async fn load_doc(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: RequirementId,
) -> Result<document_requirement::Model, AppError> {
    Ok(app_setup::find::<Requirement>(db, c.id, id.into_uuid()).await?)
}

#[derive(Serialize)]
struct DocumentList {
    items: Vec<DocumentDto>,
}

async fn list_of(
    db: &DatabaseConnection,
    c: &competition::Model,
) -> Result<DocumentList, AppError> {
    let rows = setup::list_documents(db, c.id).await?;
    Ok(DocumentList {
        items: rows.iter().map(DocumentDto::of).collect(),
    })
}

/// Admins in scope, and villages the competition is open to (they fill the checklist).
#[get("/v1/competitions/<id>/documents")]
async fn list(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<DocumentList>, AppError> {
    let c = load_for_reader(db.inner(), id, &who).await?;
    Ok(Json(list_of(db.inner(), &c).await?))
}

#[post("/v1/competitions/<id>/documents", data = "<input>")]
async fn create(
    who: ApiWrite,
    id: CompetitionId,
    input: Result<Json<DocumentInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<DocumentDto>), AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let checked = input.into_inner().check();
    let d = app_setup::add::<Requirement>(db, &c, checked, support::LANG).await?;
    Ok((HttpStatus::Created, Json(DocumentDto::of(&d))))
}

#[put("/v1/competitions/<id>/documents/<did>", data = "<input>")]
async fn replace(
    who: ApiWrite,
    id: CompetitionId,
    did: RequirementId,
    input: Result<Json<DocumentInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<DocumentDto>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let d = load_doc(db, &c, did).await?;
    let checked = input.into_inner().check();
    let d = app_setup::change::<Requirement>(db, &c, d, checked, support::LANG).await?;
    Ok(Json(DocumentDto::of(&d)))
}

#[post("/v1/competitions/<id>/documents/<did>/move?<up>")]
async fn move_document(
    who: ApiWrite,
    id: CompetitionId,
    did: RequirementId,
    up: bool,
    db: &State<DatabaseConnection>,
) -> Result<Json<DocumentList>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let d = load_doc(db, &c, did).await?;
    app_setup::reorder::<Requirement>(db, &c, &d, up, support::LANG).await?;
    Ok(Json(list_of(db, &c).await?))
}

#[delete("/v1/competitions/<id>/documents/<did>")]
async fn remove(
    who: ApiWrite,
    id: CompetitionId,
    did: RequirementId,
    db: &State<DatabaseConnection>,
) -> Result<HttpStatus, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let d = load_doc(db, &c, did).await?;
    app_setup::delete::<Requirement>(db, &c, d, support::LANG).await?;
    Ok(HttpStatus::NoContent)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, replace, move_document, remove]
}
