//! The competition list (filtered by year and status) and the overview page.

use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::overview::show_view;
use super::view::Summary;
use crate::auth::AdminUser;
use crate::db::competitions::{self as repo, CompetitionFilter, Status};
use crate::error::AppError;
use crate::forms::FormState;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(Serialize)]
struct IndexView {
    page: Page,
    competitions: Vec<Summary>,
    year: Option<i32>,
    status: String,
    statuses: Vec<&'static str>,
}

#[get("/admin/competitions?<year>&<status>")]
async fn index(
    page: Page,
    who: AdminUser,
    year: Option<&str>,
    status: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    // A blank or malformed filter means "any" rather than an error page.
    let filter = CompetitionFilter {
        year: year.and_then(|y| y.trim().parse().ok()),
        status: status.and_then(Status::parse),
    };
    let rows = repo::list_filtered_for_admin(db.inner(), &who.0, filter).await?;
    let mut competitions = Vec::with_capacity(rows.len());
    for c in &rows {
        competitions.push(Summary::named(db.inner(), c, page.lang).await?);
    }
    let view = IndexView {
        page,
        competitions,
        year: filter.year,
        status: filter.status.map(Status::as_str).unwrap_or("").to_owned(),
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
    };
    Ok(Template::render("competitions/index", &view))
}

#[get("/admin/competitions/<_>")]
async fn show(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let c = &a.c;
    let view = show_view(a.db, page, c, FormState::default()).await?;
    Ok(Template::render("competitions/show", &view))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, show]
}
