//! The JSON API under `/api/v1`, for offices that integrate Juara with other systems.

pub mod accounts;
pub mod advance;
pub mod competitions;
pub mod conflicts;
pub mod criteria;
pub mod documents;
pub mod files;
pub mod judging;
pub mod lists;
pub mod nominations;
pub mod openapi;
pub mod presentation;
pub mod prizes;
pub mod regions;
pub mod stages;
pub mod support;
pub mod tie_breaks;

use rocket::Route;

/// Every JSON route.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        regions::routes(),
        super::tokens::api_routes(),
        competitions::routes(),
        stages::routes(),
        criteria::routes(),
        documents::routes(),
        prizes::routes(),
        lists::routes(),
        nominations::routes(),
        files::routes(),
        advance::routes(),
        judging::routes(),
        presentation::routes(),
        conflicts::routes(),
        accounts::routes(),
        super::judging::api_routes(),
        openapi::routes(),
        tie_breaks::routes(),
        super::rules::api_routes(),
    ]
    .concat()
}
