//! The public landing page.

use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;

use crate::db::regions::RegistryCounts;
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
fn index(page: Page, counts: &State<RegistryCounts>) -> Template {
    let counts = counts.inner().clone();
    let fmt = crate::views::format::thousands;
    let view = HomeView {
        villages: fmt(counts.villages),
        desa: fmt(counts.desa),
        kelurahan: fmt(counts.kelurahan),
        counts,
        page,
    };
    Template::render("home", &view)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index]
}
