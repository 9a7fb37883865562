//! Each role's home page after login.

use rocket::response::Redirect;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::auth::{AdminUser, CurrentUser, JudgeUser, Role};
use crate::db::competitions;
use crate::db::regions::{self, Region, RegistryCounts};
use crate::db::users::{self, UserFilter};
use crate::error::AppError;
use crate::views::Page;
use entity::NominationStatus;

#[get("/dashboard")]
fn index(user: CurrentUser) -> Redirect {
    Redirect::to(match user.role {
        Role::Admin => "/admin",
        Role::Judge => "/judge",
        Role::Village => "/village",
    })
}

#[derive(Serialize)]
struct AdminView {
    page: Page,
    scope: Option<Region>,
    /// Villages (desa and kelurahan) in the admin's region, or the whole country.
    registry_villages: u64,
    judges: u64,
    villages: u64,
    /// The competitions still running in the admin's region, newest first.
    running: Vec<RunningCompetition>,
}

/// A running competition as the dashboard lists it: what state it is in and what waits.
#[derive(Serialize)]
struct RunningCompetition {
    id: String,
    name: String,
    year: i32,
    status: entity::CompetitionStatus,
    /// Nominations sent and waiting for the committee's review.
    to_review: u64,
    /// Nominations accepted.
    accepted: u64,
}

#[get("/admin")]
async fn admin(
    page: Page,
    who: AdminUser,
    db: &State<DatabaseConnection>,
    counts: &State<RegistryCounts>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let scope = match &who.0.region_code {
        Some(code) => regions::find(db, code).await?,
        None => None,
    };
    let count = |role| UserFilter {
        role: Some(role),
        region_prefix: who.0.region_code.clone(),
        query: None,
    };
    let (_, judges) = users::list(db, &count(Role::Judge), 0, 1).await?;
    let (_, villages) = users::list(db, &count(Role::Village), 0, 1).await?;
    let registry_villages = match &who.0.region_code {
        Some(code) => crate::db::villages::count_under(db, code).await?,
        None => counts.villages,
    };
    let competitions: Vec<_> = competitions::list_for_admin(db, &who.0)
        .await?
        .into_iter()
        .filter(|c| c.status != competitions::Status::Archived)
        .collect();
    let ids: Vec<uuid::Uuid> = competitions.iter().map(|c| c.id).collect();
    let counts = competitions::nomination_counts_of(db, &ids).await?;
    let running = competitions
        .into_iter()
        .map(|c| {
            let of = |s| {
                counts
                    .get(&c.id)
                    .and_then(|by| by.iter().find(|(x, _)| *x == s))
                    .map_or(0, |(_, n)| *n)
            };
            RunningCompetition {
                id: c.id.to_string(),
                to_review: of(NominationStatus::Submitted),
                accepted: of(NominationStatus::Accepted),
                name: c.name,
                year: c.year,
                status: c.status,
            }
        })
        .collect();
    let view = AdminView {
        page,
        scope,
        registry_villages,
        judges,
        villages,
        running,
    };
    Ok(Template::render("dashboard/admin", &view))
}

#[derive(Serialize)]
struct MemberView {
    page: Page,
    region: Option<Region>,
    ancestors: Vec<Region>,
}

async fn member_view(
    page: Page,
    code: Option<&str>,
    db: &DatabaseConnection,
) -> Result<MemberView, AppError> {
    let (region, ancestors) = match code {
        Some(c) => (
            regions::find(db, c).await?,
            regions::ancestors(db, c).await?,
        ),
        None => (None, Vec::new()),
    };
    Ok(MemberView {
        page,
        region,
        ancestors,
    })
}

#[get("/judge")]
async fn judge(
    page: Page,
    who: JudgeUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let view = member_view(page, who.0.region_code.as_deref(), db.inner()).await?;
    Ok(Template::render("dashboard/judge", &view))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    // The village home lives with the nominations (`routes::nominations::village`).
    routes![index, admin, judge]
}
