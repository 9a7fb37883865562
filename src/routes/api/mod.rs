//! The JSON API under `/api/v1`, for offices that integrate Juara with other systems.

pub mod regions;

use rocket::Route;

/// Every JSON route.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        regions::routes(),
        super::tokens::api_routes(),
        super::judging::api_routes(),
    ]
    .concat()
}
