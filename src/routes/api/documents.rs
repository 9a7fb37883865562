//! `/api/v1/competitions/<id>/documents`: the document checklist villages fill (e.g. village
//! profile, RPJMDes, a video link): list, add, replace (move and remove: `lists`). Admins in
//! scope only;
//! frozen once judging starts (409). Checks are `DocumentForm::check` plus unique codes.

use crate::json::{Error as JsonError, Json};
use entity::competition;
use entity::document_requirement::{self, Entity as Requirement};
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::competitions::load_for_reader;
use super::lists::{ApiList, Listing};
use super::support::{self, loose};
use crate::app::competition::published::ChangeBy;
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::auth::CurrentUser;
use crate::competition_forms::DocumentForm;
use crate::db::competition_setup::{self as setup, DocumentFields};
use crate::error::AppError;
use crate::ids::{CompetitionId, RequirementId};
use crate::routes::scope::ApiWriteScope;
use crate::routes::setup_list::ListRoute;

/// A checklist item on the wire (`kind` is `file` or `link`).
#[derive(Serialize, utoipa::ToSchema)]
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

#[derive(Deserialize, Default, utoipa::ToSchema)]
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
    /// Why the published rules change (needed once the competition is open).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
}

impl DocumentInput {
    fn check(self) -> Result<DocumentFields, FieldErrors> {
        DocumentForm {
            code: self.code,
            label: self.label,
            description: self.description,
            kind: self.kind,
            required: self.required,
            reason: None,
        }
        .check()
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct DocumentList {
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

impl ApiList for Requirement {
    async fn listing(
        db: &DatabaseConnection,
        c: &competition::Model,
        _row: &document_requirement::Model,
    ) -> Result<Listing, AppError> {
        Ok(Listing::Documents(list_of(db, c).await?))
    }
}

/// Admins in scope, and villages the competition is open to (they fill the checklist).
#[utoipa::path(get, path = "/api/v1/competitions/{id}/documents", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = DocumentList)))]
#[get("/v1/competitions/<id>/documents")]
async fn list(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<DocumentList>, AppError> {
    let c = load_for_reader(db.inner(), id, &who).await?;
    Ok(Json(list_of(db.inner(), &c).await?))
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/documents", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = DocumentInput, responses((status = 201, body = DocumentDto)))]
#[post("/v1/competitions/<_>/documents", data = "<input>")]
async fn create(
    a: ApiWriteScope<'_>,
    input: Result<Json<DocumentInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<DocumentDto>), AppError> {
    let input = support::body(input)?.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check();
    let d = app_setup::add::<Requirement>(a.db, &a.c, checked, &by, a.lang).await?;
    Ok((HttpStatus::Created, Json(DocumentDto::of(&d))))
}

#[utoipa::path(put, path = "/api/v1/competitions/{id}/documents/{did}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("did" = crate::ids::RequirementId, Path, description = "The checklist item")), request_body = DocumentInput, responses((status = 200, body = DocumentDto)))]
#[put("/v1/competitions/<_>/documents/<did>", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    did: RequirementId,
    input: Result<Json<DocumentInput>, JsonError<'_>>,
) -> Result<Json<DocumentDto>, AppError> {
    let input = support::body(input)?;
    let d = Requirement::find_in(&a, did.into()).await?;
    let input = input.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check();
    let d = app_setup::change::<Requirement>(a.db, &a.c, d, checked, &by, a.lang).await?;
    Ok(Json(DocumentDto::of(&d)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, replace))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, replace]
}
