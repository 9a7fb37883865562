//! `/healthz` for load balancers: 200 when the database answers, 503 otherwise (within 2 s).

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    database: bool,
    version: &'static str,
}

#[get("/healthz")]
async fn healthz(db: &State<DatabaseConnection>) -> (Status, Json<Health>) {
    // Bounded on its own, so a load balancer hears "unavailable" within 2 s whatever hangs.
    let limit = std::time::Duration::from_millis(1500);
    let database = crate::db::ping(db.inner(), limit).await;
    let status = if database {
        Status::Ok
    } else {
        Status::ServiceUnavailable
    };
    let body = Health {
        status: if database { "ok" } else { "unavailable" },
        database,
        version: env!("CARGO_PKG_VERSION"),
    };
    (status, Json(body))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![healthz]
}
