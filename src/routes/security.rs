//! `/admin/security/lockouts`: the login lockouts of the last 30 days from the audit trail
//! (`auth::throttle`), so the committee sees an account under attack. A regional admin sees
//! only accounts in their scope; usernames with no account only a national admin sees.

use chrono::{Duration, Utc};
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::auth::{AdminUser, throttle};
use crate::db::{audit, users};
use crate::error::AppError;
use crate::views::Page;

/// How many events the page shows at most.
const LIMIT: u64 = 200;

#[derive(Serialize)]
struct Row {
    at: String,
    /// `address` or `account`.
    kind: &'static str,
    username: String,
    ip: String,
    failures: u64,
    minutes: i64,
}

#[derive(Serialize)]
struct View {
    page: Page,
    rows: Vec<Row>,
}

#[get("/admin/security/lockouts")]
async fn index(
    page: Page,
    who: AdminUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let since = Utc::now().fixed_offset() - Duration::days(30);
    let events = audit::list_by_actions(
        db,
        &[throttle::ACTION_LOCKED, throttle::ACTION_SLOWED],
        since,
        LIMIT,
    )
    .await?;
    let mut rows = Vec::new();
    for e in events {
        let Ok(d) = serde_json::from_str::<throttle::LockDetails>(&e.details) else {
            continue;
        };
        if who.0.region_code.is_some() {
            let account = users::find_by_username(db, &d.username).await?;
            let in_scope = account.is_some_and(|a| {
                a.region_code
                    .as_deref()
                    .or(a.village_code.as_deref())
                    .is_some_and(|code| who.0.scope_contains(code))
            });
            if !in_scope {
                continue;
            }
        }
        rows.push(Row {
            at: e.at.format("%Y-%m-%d %H:%M").to_string(),
            kind: if e.action == throttle::ACTION_SLOWED {
                "account"
            } else {
                "address"
            },
            username: d.username,
            ip: d.ip,
            failures: d.failures,
            minutes: d.minutes,
        });
    }
    Ok(Template::render("security/lockouts", &View { page, rows }))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index]
}
