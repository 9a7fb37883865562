//! API messages speak the client's `Accept-Language`: Bahasa Indonesia by default, English
//! on request — field errors, conflicts, and the status messages of guards and catchers.

use juara::i18n::t;
use rocket::http::{ContentType, Header, Status};
use serde_json::{Value, json};

use super::{Api, json};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

async fn post_in(api: &Api, lang: Option<&str>, path: &str, body: &Value) -> (Status, Value) {
    let mut req = api
        .client
        .post(path.to_owned())
        .header(Header::new(
            "Authorization",
            format!("Bearer {}", api.token()),
        ))
        .header(ContentType::JSON)
        .body(body.to_string());
    if let Some(lang) = lang {
        req = req.header(Header::new("Accept-Language", lang.to_owned()));
    }
    json(req.dispatch().await).await
}

#[rocket::async_test]
async fn field_errors_and_conflicts_follow_accept_language() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let path = format!("/api/v1/competitions/{}/prizes", c.id);
    let bad = json!({"label": ""});
    let (status, id) = post_in(&admin, None, &path, &bad).await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (_, en) = post_in(&admin, Some("en-GB,en;q=0.9"), &path, &bad).await;
    let (_, fallback) = post_in(&admin, Some("fr"), &path, &bad).await;
    assert_eq!(en["message"], t("en", "error-422"));
    assert_eq!(id["message"], t("id", "error-422"));
    assert_ne!(en["fields"]["label"], id["fields"]["label"], "{en} {id}");
    assert_eq!(
        fallback["fields"], id["fields"],
        "unsupported languages get Indonesian"
    );
    // An unreadable body, in English.
    let (_, en) = post_in(&admin, Some("en"), &path, &json!({"labell": 1})).await;
    let detail = en["fields"]["_body"][0].as_str().unwrap();
    assert!(detail.starts_with("The request body"), "{detail}");

    // A conflict from the application rules, in English.
    let review = CompetitionBuilder::new("Lomba Desa Review")
        .status("review")
        .insert(&app.db)
        .await;
    let path = format!("/api/v1/competitions/{}/prizes", review.id);
    let body = json!({"label": "Harapan I", "cash": 1});
    let (status, en) = post_in(&admin, Some("en"), &path, &body).await;
    assert_eq!(status, Status::Conflict);
    let (_, id) = post_in(&admin, None, &path, &body).await;
    assert_ne!(en["message"], id["message"]);
}

#[rocket::async_test]
async fn guards_and_catchers_answer_in_the_clients_language() {
    let app = TestApp::new().await;
    let anon = app.new_browser().await;
    let resp = anon
        .get("/api/v1/me")
        .header(Header::new("Accept-Language", "en"))
        .dispatch()
        .await;
    let (status, body) = json(resp).await;
    assert_eq!(status, Status::Unauthorized);
    assert_eq!(body["message"], t("en", "error-401"));
    let (_, body) = json(anon.get("/api/v1/me").dispatch().await).await;
    assert_eq!(body["message"], t("id", "error-401"));

    let admin = Api::admin(&app).await;
    let missing = format!("/api/v1/competitions/{}/stages", uuid::Uuid::new_v4());
    let resp = admin
        .client
        .get(missing)
        .header(Header::new(
            "Authorization",
            format!("Bearer {}", admin.token()),
        ))
        .header(Header::new("Accept-Language", "en"))
        .dispatch()
        .await;
    let (status, body) = json(resp).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(body["message"], t("en", "error-404"));
}
