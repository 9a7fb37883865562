//! The published rules of a competition, public and without login from the moment it opens:
//! `/competitions/<id>/rules` (the rules in force and every change since, for villages
//! deciding whether to enter), `/competitions/<id>/rules/v/<n>.txt` (a version's canonical
//! text, so anyone can check its SHA-256 with `sha256sum`) and
//! `GET /api/v1/competitions/<id>/rules`. A draft has no published rules: 404.

use entity::competition;
use rocket::http::ContentType;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::app::competition::published::stored_book;
use crate::app::competition::rules_history::{self, RulesHistory};
use crate::app::competition::status_of;
use crate::db::competitions::{self, Status};
use crate::db::rules as store;
use crate::error::AppError;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::json::Json;
use crate::views::Page;

/// The competition if its rules are public (it has opened).
async fn published(
    db: &DatabaseConnection,
    id: CompetitionId,
) -> Result<competition::Model, AppError> {
    competitions::find_by_id(db, id)
        .await?
        .filter(|c| status_of(c) != Status::Draft)
        .ok_or(AppError::NotFound)
}

#[derive(Serialize)]
struct RulesView {
    page: Page,
    id: String,
    name: String,
    year: i32,
    /// The competition's level and region in words (`Kabupaten/Kota · 33.19`).
    status: String,
    rules: RulesHistory,
}

#[get("/competitions/<id>/rules")]
async fn show(
    page: Page,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = published(db, id).await?;
    let rules = rules_history::of(db.inner(), &c, page.lang).await?;
    let view = RulesView {
        id: c.id.to_string(),
        name: c.name.clone(),
        year: c.year,
        status: i18n::t(page.lang, &format!("comp-status-{}", c.status.as_str())),
        rules,
        page,
    };
    Ok(Template::render("rules/show", &view))
}

/// The text a version's hash is taken over (`juara_domain::rules`, rule 3).
#[get("/competitions/<id>/rules/v/<number>")]
async fn canonical(
    id: CompetitionId,
    number: &str,
    db: &State<DatabaseConnection>,
) -> Result<(ContentType, String), AppError> {
    let number: i32 = number
        .strip_suffix(".txt")
        .and_then(|n| n.parse().ok())
        .ok_or(AppError::NotFound)?;
    let c = published(db, id).await?;
    let version = store::history(db.inner(), c.id)
        .await?
        .into_iter()
        .find(|v| v.number == number)
        .ok_or(AppError::NotFound)?;
    Ok((ContentType::Plain, stored_book(&version).canonical_text()))
}

/// The published rules in force and every version since opening, with what changed.
#[utoipa::path(get, path = "/api/v1/competitions/{id}/rules", tag = "competitions", security(()), params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = RulesHistory, description = "Public once the competition has opened (404 while a draft)")))]
#[get("/v1/competitions/<id>/rules")]
async fn api_show(
    id: CompetitionId,
    lang: crate::routes::api::support::ApiLang,
    db: &State<DatabaseConnection>,
) -> Result<Json<RulesHistory>, AppError> {
    let c = published(db, id).await?;
    Ok(Json(rules_history::of(db.inner(), &c, lang.0).await?))
}

/// The pages.
pub fn routes() -> Vec<Route> {
    routes![show, canonical]
}

/// The JSON route, mounted at `/api`.
pub fn api_routes() -> Vec<Route> {
    routes![api_show]
}

/// This module's operation in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_show))]
pub struct Doc;
