//! Moving and removing a row of any set-up list through the API:
//! `POST /api/v1/competitions/<id>/<list>/<item>/move?up=…` answers the list in its new order,
//! `DELETE /api/v1/competitions/<id>/<list>/<item>` answers 204 — for `stages` (with their
//! criteria), `criteria` (a node with children only with `?cascade=true`, else 409 saying how
//! many would go with it), `documents` and `prizes`. Admins in scope only; 409 once the list
//! is frozen; once the competition is open, a change of the published rules (a removal, a
//! prize's rank) needs `?reason=…` (422 without).

use entity::{competition, criterion, document_requirement, prize_tier, stage};
use rocket::http::Status as HttpStatus;
use rocket::{Route, delete, post, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::criteria::CriteriaList;
use super::documents::DocumentList;
use super::prizes::PrizeList;
use super::stages::StageList;
use crate::app::competition::published::ChangeBy;
use crate::app::competition::setup::{self as app_setup, Removal};
use crate::error::AppError;
use crate::i18n;
use crate::json::Json;
use crate::routes::scope::ApiWriteScope;
use crate::routes::setup_list::{self, ListName, ListRoute};

/// A set-up list as the API answers it after a move.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub(super) enum Listing {
    Stages(StageList),
    Criteria(CriteriaList),
    Documents(DocumentList),
    Prizes(PrizeList),
}

/// A set-up list the API lists.
pub(super) trait ApiList: ListRoute {
    /// The list `row` belongs to, in order.
    async fn listing(
        db: &DatabaseConnection,
        c: &competition::Model,
        row: &Self::Model,
    ) -> Result<Listing, AppError>;
}

async fn move_in<E: ApiList>(
    a: &ApiWriteScope<'_>,
    item: &str,
    up: bool,
    by: &ChangeBy,
) -> Result<Listing, AppError> {
    let row = setup_list::find::<E, _>(a, item).await?;
    app_setup::reorder::<E>(a.db, &a.c, &row, up, by, a.lang).await?;
    E::listing(a.db, &a.c, &row).await
}

/// One place up (`?up=true`) or down its list (criteria: among their siblings).
// Rank 2: paths that name these segments themselves come first.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/{list}/{item}/move", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("list" = String, Path, description = "`stages`, `criteria`, `documents` or `prizes`"), ("item" = uuid::Uuid, Path, description = "The row"), ("up" = bool, Query, description = "Up (true) or down (false)"), ("reason" = Option<String>, Query, description = "Why the published rules change (prize ranks, once open)")), responses((status = 200, body = Listing, description = "The list in its new order")))]
#[post("/v1/competitions/<_>/<list>/<item>/move?<up>&<reason>", rank = 2)]
async fn move_item(
    a: ApiWriteScope<'_>,
    list: ListName,
    item: &str,
    up: bool,
    reason: Option<&str>,
) -> Result<Json<Listing>, AppError> {
    let by = ChangeBy::new(a.user().id, reason.unwrap_or_default());
    Ok(Json(match list {
        ListName::Stages => move_in::<stage::Entity>(&a, item, up, &by).await?,
        ListName::Criteria => move_in::<criterion::Entity>(&a, item, up, &by).await?,
        ListName::Documents => move_in::<document_requirement::Entity>(&a, item, up, &by).await?,
        ListName::Prizes => move_in::<prize_tier::Entity>(&a, item, up, &by).await?,
    }))
}

async fn remove_in<E: ListRoute>(
    a: &ApiWriteScope<'_>,
    item: &str,
    (cascade, by): (bool, &ChangeBy),
) -> Result<HttpStatus, AppError> {
    let row = setup_list::find::<E, _>(a, item).await?;
    match E::remove(a, row, cascade, by).await? {
        Removal::Done => Ok(HttpStatus::NoContent),
        Removal::HasChildren(descendants) => Err(AppError::Conflict(i18n::t_args(
            a.lang,
            "api-err-has-children",
            &[("count", descendants.to_string())],
        ))),
    }
}

#[utoipa::path(delete, path = "/api/v1/competitions/{id}/{list}/{item}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("list" = String, Path, description = "`stages`, `criteria`, `documents` or `prizes`"), ("item" = uuid::Uuid, Path, description = "The row"), ("cascade" = Option<bool>, Query, description = "Criteria: remove with its children"), ("reason" = Option<String>, Query, description = "Why the published rules change (needed once open)")), responses((status = 204, description = "Removed")))]
#[delete("/v1/competitions/<_>/<list>/<item>?<cascade>&<reason>", rank = 2)]
async fn remove(
    a: ApiWriteScope<'_>,
    list: ListName,
    item: &str,
    cascade: Option<bool>,
    reason: Option<&str>,
) -> Result<HttpStatus, AppError> {
    let by = ChangeBy::new(a.user().id, reason.unwrap_or_default());
    let how = (cascade == Some(true), &by);
    match list {
        ListName::Stages => remove_in::<stage::Entity>(&a, item, how).await,
        ListName::Criteria => remove_in::<criterion::Entity>(&a, item, how).await,
        ListName::Documents => remove_in::<document_requirement::Entity>(&a, item, how).await,
        ListName::Prizes => remove_in::<prize_tier::Entity>(&a, item, how).await,
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(move_item, remove))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![move_item, remove]
}
