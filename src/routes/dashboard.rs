//! Each role's home page after login.

use rocket::response::Redirect;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::auth::{AdminUser, CurrentUser, JudgeUser, Role};
use crate::db::regions::{self, Region, RegistryCounts};
use crate::db::users::{self, UserFilter};
use crate::error::AppError;
use crate::views::Page;

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
    counts: RegistryCounts,
    judges: u64,
    villages: u64,
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
    let view = AdminView {
        page,
        scope,
        counts: counts.inner().clone(),
        judges,
        villages,
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
