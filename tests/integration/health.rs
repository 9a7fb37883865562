//! `/healthz` for load balancers.

use rocket::http::Status;

use crate::common::{TestApp, body};

#[rocket::async_test]
async fn healthz_reports_the_database_as_reachable() {
    let app = TestApp::new().await;
    let resp = app.get("/healthz").await;
    assert_eq!(resp.status(), Status::Ok);
    let json: serde_json::Value = serde_json::from_str(&body(resp).await).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], true);
}

#[rocket::async_test]
async fn healthz_reports_503_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.db.clone().close().await.unwrap();
    let resp = app.get("/healthz").await;
    assert_eq!(resp.status(), Status::ServiceUnavailable);
    let json: serde_json::Value = serde_json::from_str(&body(resp).await).unwrap();
    assert_eq!(json["database"], false);
}

/// Every page names its icon, served from our own static files (no 404 in the console).
#[rocket::async_test]
async fn pages_carry_an_icon_served_locally() {
    let app = crate::common::TestApp::new().await;
    let home = crate::common::body(app.get("/").await).await;
    assert!(home.contains(r#"<link rel="icon" href="/static/favicon.svg""#));
    let icon = app.get("/static/favicon.svg").await;
    assert_eq!(icon.status(), rocket::http::Status::Ok);
    assert_eq!(icon.content_type(), Some(rocket::http::ContentType::SVG));
}
