//! The public landing page.

use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::db::regions::{self, RegistryCounts};
use crate::error::AppError;
use crate::views::Page;

#[derive(Serialize)]
struct HomeView {
    page: Page,
    counts: RegistryCounts,
    villages: String,
    desa: String,
    kelurahan: String,
}

#[get("/")]
async fn index(page: Page, db: &State<DatabaseConnection>) -> Result<Template, AppError> {
    let counts = regions::counts(db.inner()).await?;
    let fmt = crate::views::format::thousands;
    let view = HomeView {
        villages: fmt(counts.villages),
        desa: fmt(counts.desa),
        kelurahan: fmt(counts.kelurahan),
        counts,
        page,
    };
    Ok(Template::render("home", &view))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index]
}
