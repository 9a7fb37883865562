//! Bringing winners in from the level below: the admin picks accepted nominations of
//! lower-level competitions in scope, and `db::nominations::advance_into` enters them into
//! this competition in one transaction. The results issue will call the same function with
//! the announced winners.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::view::CompetitionSummary;
use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::competitions;
use crate::db::nominations::{self, SkipReason};
use crate::error::AppError;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::views::Page;

#[derive(Serialize)]
struct Candidate {
    id: String,
    village_code: String,
    source: String,
}

#[derive(Serialize)]
struct AdvanceView {
    page: Page,
    competition: CompetitionSummary,
    candidates: Vec<Candidate>,
}

#[get("/admin/competitions/<id>/advance")]
async fn new(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let target = competitions::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let candidates = nominations::list_advance_candidates(db, &target, &who.0)
        .await?
        .into_iter()
        .map(|(n, c)| Candidate {
            id: n.id.to_string(),
            village_code: n.village_code,
            source: format!("{} ({})", c.name, c.year),
        })
        .collect();
    let view = AdvanceView {
        page,
        competition: CompetitionSummary::of(&target),
        candidates,
    };
    Ok(Template::render("nominations/advance", &view))
}

#[derive(FromForm)]
struct AdvanceForm<'r> {
    nominations: Vec<&'r str>,
}

#[post("/admin/competitions/<id>/advance", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, AdvanceForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let target = competitions::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::integrity::ensure_open(&target, page.lang)?;
    let picked: Vec<NominationId> = form
        .0
        .value
        .as_ref()
        .map(|f| f.nominations.clone())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .map(NominationId::from)
        .collect();
    // `advance_into` accepts only accepted entries of lower-level competitions inside the
    // target, which is in this admin's scope, so a forged id cannot reach outside it.
    let report = nominations::advance_into(db, &target, &picked, who.0.id).await?;
    let already = report
        .skipped
        .iter()
        .filter(|(_, r)| *r == SkipReason::AlreadyEntered)
        .count();
    let message = i18n::t_args(
        page.lang,
        "nom-flash-advanced",
        &[
            ("created", report.created.len().to_string()),
            ("skipped", report.skipped.len().to_string()),
            ("already", already.to_string()),
        ],
    );
    let to = format!("/admin/competitions/{}/nominations", target.id);
    Ok(Flash::success(Redirect::to(to), message))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![new, create]
}
