//! Judging: the committee's panel, assignment, progress and closing pages; the judge's
//! dashboard and scoring sheet; the JSON API for sheets.

pub mod admin;
pub mod admin_assign;
pub mod admin_stage;
pub mod api;
pub mod conflicts;
mod grid;
pub mod judge;
pub mod photos;
pub mod print;
pub mod pwa;
pub mod sheet_view;
pub mod sync;

use rocket::Route;

/// HTML routes.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        judge::routes(),
        admin::routes(),
        admin_assign::routes(),
        admin_stage::routes(),
        conflicts::routes(),
        photos::routes(),
        sync::routes(),
        pwa::routes(),
        print::routes(),
    ]
    .concat()
}

/// JSON routes (mounted under `/api`).
#[must_use]
pub fn api_routes() -> Vec<Route> {
    api::routes()
}
