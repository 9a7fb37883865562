//! The committee's competition set-up: templates, criteria editing with engine validation,
//! opening with checks, lifecycle with audit, rules published before nominations, prizes,
//! cloning, and who may reach any of it. Helpers read like the product.

mod access;
mod early_start;
mod hub;
mod levels;
mod lifecycle;
mod published_rules;
mod setup;
mod tie_breaks;
mod zones;

use entity::{audit_event, competition, criterion, document_requirement, prize_tier, stage};
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::common::{PASSWORD, TestApp};
use juara::auth::Role;

/// The competition form with a full schedule, as a provincial committee fills it in.
pub fn fields<'a>(name: &'a str, category: &'a str, template: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("template", template),
        ("name", name),
        ("year", "2026"),
        ("level", "provinsi"),
        ("region_code", "64"),
        ("category", category),
        ("description", "Lomba tingkat provinsi"),
        ("nomination_opens_at", "2026-03-01T08:00"),
        ("nomination_closes_at", "2026-04-30T16:00"),
        ("judging_closes_at", "2026-06-30T16:00"),
        ("announcement_at", "2026-08-17T09:00"),
        ("max_entries", "40"),
        ("appeal_days", "0"),
        ("tie_policy", "split"),
        ("minimum_score", ""),
        ("cash_budget", ""),
        ("assistance_budget", ""),
    ]
}

/// A logged-in national admin.
pub async fn admin_app() -> TestApp {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    app
}

/// Logs this browser in as an admin scoped to `region`.
pub async fn login_regional_admin(app: &TestApp, username: &str, region: &str) {
    app.create_user(Role::Admin, username, Some(region), None)
        .await;
    assert_eq!(app.login(username, PASSWORD).await, Status::SeeOther);
}

/// Posts the create form and returns the new competition's id.
pub async fn create(app: &TestApp, form: &[(&str, &str)]) -> Uuid {
    let resp = app.post_form("/admin/competitions", form).await;
    assert_eq!(resp.status(), Status::SeeOther, "competition created");
    let location = resp
        .headers()
        .get_one("Location")
        .expect("redirect")
        .to_owned();
    let id = location.trim_start_matches("/admin/competitions/");
    Uuid::parse_str(id).expect("redirects to the new competition")
}

/// Clones competition `id` into `year` through the page; returns the copy's id.
pub async fn clone_to(app: &TestApp, id: Uuid, year: &str) -> Uuid {
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/clone"),
            &[("year", year)],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther, "cloned");
    let location = resp.headers().get_one("Location").unwrap().to_owned();
    Uuid::parse_str(location.trim_start_matches("/admin/competitions/")).unwrap()
}

/// A desa competition created from the built-in template.
pub async fn from_template(app: &TestApp, category: &str) -> Uuid {
    create(app, &fields("Lomba Desa Kaltim 2026", category, category)).await
}

pub async fn competition(app: &TestApp, id: Uuid) -> competition::Model {
    competition::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

pub async fn stages(app: &TestApp, id: Uuid) -> Vec<stage::Model> {
    stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(id))
        .order_by_asc(stage::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
}

pub async fn criteria(app: &TestApp, stage_id: Uuid) -> Vec<criterion::Model> {
    criterion::Entity::find()
        .filter(criterion::Column::StageId.eq(stage_id))
        .all(&app.db)
        .await
        .unwrap()
}

pub async fn documents(app: &TestApp, id: Uuid) -> Vec<document_requirement::Model> {
    document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(id))
        .order_by_asc(document_requirement::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
}

pub async fn prizes(app: &TestApp, id: Uuid) -> Vec<prize_tier::Model> {
    prize_tier::Entity::find()
        .filter(prize_tier::Column::CompetitionId.eq(id))
        .order_by_asc(prize_tier::Column::Rank)
        .all(&app.db)
        .await
        .unwrap()
}

/// The competition's audit events, oldest first.
pub async fn audit(app: &TestApp, id: Uuid) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::CompetitionId.eq(id))
        .order_by_asc(audit_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// Posts a lifecycle transition; returns the status.
pub async fn transition(app: &TestApp, id: Uuid, to: &str) -> Status {
    app.post_form(&format!("/admin/competitions/{id}/status"), &[("to", to)])
        .await
        .status()
}
