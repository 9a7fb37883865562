//! Starting judging while the nomination window is still open closes it early: the page warns
//! with the closing date and asks; without the confirmation the step is refused (page and
//! API alike) and nothing changes.

use rocket::http::Status;
use serde_json::json;

use super::*;
use crate::api::{Api, field_error, json};
use crate::common::body;
use crate::common::builders::CompetitionBuilder;

async fn open_until_next_week(app: &TestApp) -> Uuid {
    CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .insert(&app.db)
        .await
        .id
}

async fn status_changes(app: &TestApp, id: Uuid) -> usize {
    audit(app, id)
        .await
        .iter()
        .filter(|e| e.action == "competition.status")
        .count()
}

#[rocket::async_test]
async fn starting_judging_before_nominations_close_warns_and_needs_a_confirmation() {
    let app = admin_app().await;
    let id = open_until_next_week(&app).await;
    let page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(page.contains(r#"id="early-start-warning""#));
    assert!(page.contains("Pendaftaran masih dibuka sampai"));
    assert!(page.contains(r#"name="confirm_early_start""#));

    // Unconfirmed: refused with the summary at the top and the error next to the box.
    let path = format!("/admin/competitions/{id}/status");
    let resp = app.post_form(&path, &[("to", "judging")]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains("Penilaian belum dimulai: pendaftaran masih dibuka sampai"));
    assert!(page.contains(r#"id="err-confirm_early_start""#));
    assert!(page.contains(r#"aria-invalid="true" aria-describedby="err-confirm_early_start""#));
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Open
    );
    assert_eq!(status_changes(&app, id).await, 0, "nothing recorded");

    // Confirmed: judging starts, audited as usual.
    let resp = app
        .post_form(&path, &[("to", "judging"), ("confirm_early_start", "true")])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Judging
    );
    assert_eq!(status_changes(&app, id).await, 1);
}

#[rocket::async_test]
async fn after_the_window_closed_judging_starts_without_a_question() {
    let app = admin_app().await;
    let id = CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .closed()
        .insert(&app.db)
        .await
        .id;
    let page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(!page.contains("early-start-warning"));
    assert!(!page.contains("confirm_early_start"));
    assert_eq!(transition(&app, id, "judging").await, Status::SeeOther);
}

#[rocket::async_test]
async fn the_api_asks_for_the_same_confirmation() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let id = open_until_next_week(&app).await;
    let path = format!("/api/v1/competitions/{id}/status");
    let (status, err) = json(admin.post(&path, &json!({"to": "judging"})).await).await;
    let message = field_error(status, &err, "confirm_early_start");
    assert!(
        message.contains("pendaftaran masih dibuka sampai"),
        "{message}"
    );
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Open
    );
    assert_eq!(status_changes(&app, id).await, 0);

    let confirmed = json!({"to": "judging", "confirm_early_start": true});
    let (status, body) = json(admin.post(&path, &confirmed).await).await;
    assert_eq!(status, Status::Ok, "{body}");
    assert_eq!(body["status"], "judging");
}
