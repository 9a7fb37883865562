//! The public presentation schedule (*jadwal pemaparan*): for every competition being judged,
//! each drawn stage order with its seed, so villages, judges and the public read the same
//! order and anyone can re-run the draw.

use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::app::competition::zone::{self, TimeZone};
use crate::db::judging::draw::{self, StageOrder};
use crate::error::AppError;
use crate::views::Page;

#[derive(Serialize)]
struct CompetitionOrders {
    id: Uuid,
    name: String,
    year: i32,
    level: String,
    /// Its time zone: each competition's slots read in its own.
    zone: TimeZone,
    orders: Vec<StageOrder>,
}

#[derive(Serialize)]
struct ScheduleView {
    page: Page,
    competitions: Vec<CompetitionOrders>,
}

#[get("/presentations")]
async fn index(page: Page, db: &State<DatabaseConnection>) -> Result<Template, AppError> {
    let competitions = draw::public_orders(db.inner())
        .await?
        .into_iter()
        .map(|(c, orders)| CompetitionOrders {
            zone: zone::of(&c),
            id: c.id,
            name: c.name,
            year: c.year,
            level: c.level,
            orders,
        })
        .collect();
    let view = ScheduleView { page, competitions };
    Ok(Template::render("presentations/index", &view))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index]
}
