//! Personal API tokens and API write protection.

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;

use crate::common::{TestApp, body};

async fn create_token(app: &TestApp, name: &str) -> String {
    let resp = app.post_form("/account/tokens", &[("name", name)]).await;
    assert_eq!(resp.status(), Status::Created);
    let html = body(resp).await;
    let marker = "id=\"new-token\">";
    let start = html.find(marker).expect("token shown") + marker.len();
    html[start..].chars().take_while(|c| *c != '<').collect()
}

async fn bare_client(app: &TestApp) -> Client {
    app.new_browser().await
}

async fn token_ids(app: &TestApp, username: &str) -> Vec<uuid::Uuid> {
    let user = juara::db::users::find_by_username(&app.db, username)
        .await
        .unwrap()
        .unwrap();
    juara::db::api_tokens::list_for_user(&app.db, user.id.into())
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect()
}

#[rocket::async_test]
async fn a_token_is_shown_once_and_authenticates_api_calls() {
    let app = TestApp::new().await;
    let user = app.login_as(Role::Judge).await;
    let token = create_token(&app, "Integrasi SIPD").await;
    assert!(token.starts_with("juara_") && token.len() == 70, "{token}");
    let listing = body(app.get("/account/tokens").await).await;
    assert!(listing.contains("Integrasi SIPD"));
    assert!(!listing.contains(&token), "never shown again");

    let client = bare_client(&app).await;
    let resp = client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let me: serde_json::Value = serde_json::from_str(&resp.into_string().await.unwrap()).unwrap();
    assert_eq!(me["username"], user.username);
    assert_eq!(me["role"], "judge");

    let anonymous = client.get("/api/v1/me").dispatch().await;
    assert_eq!(anonymous.status(), Status::Unauthorized);
    assert_eq!(anonymous.content_type(), Some(ContentType::JSON));
    let wrong = client
        .get("/api/v1/me")
        .header(Header::new("Authorization", "Bearer juara_nope"))
        .dispatch()
        .await;
    assert_eq!(wrong.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn a_token_needs_a_name() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let resp = app.post_form("/account/tokens", &[("name", "  ")]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("id=\"err-name\""));
    assert!(token_ids(&app, "panitia").await.is_empty());
}

#[rocket::async_test]
async fn a_revoked_token_stops_working() {
    let app = TestApp::new().await;
    app.login_as(Role::Village).await;
    let token = create_token(&app, "uji").await;
    let id = token_ids(&app, "operator").await[0];
    let resp = app
        .post_form(&format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let client = bare_client(&app).await;
    let resp = client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn api_writes_with_the_session_cookie_need_the_csrf_header() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    create_token(&app, "satu").await;
    let id = token_ids(&app, "panitia").await[0];
    let path = format!("/api/v1/tokens/{id}");
    let refused = app.client.delete(path.clone()).dispatch().await;
    assert_eq!(refused.status(), Status::Forbidden);
    assert_eq!(refused.content_type(), Some(ContentType::JSON));
    let csrf = app.csrf().await;
    let ok = app
        .client
        .delete(path)
        .header(Header::new("X-CSRF-Token", csrf))
        .dispatch()
        .await;
    assert_eq!(ok.status(), Status::NoContent);
}

#[rocket::async_test]
async fn api_writes_with_a_bearer_token_need_no_csrf_and_reach_only_own_tokens() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let token = create_token(&app, "dua").await;
    let id = token_ids(&app, "panitia").await[0];
    let other = app.create_user(Role::Judge, "juri.lain", None, None).await;
    let other_token = {
        let (t, prefix, hash) = juara::auth::api::generate();
        juara::db::api_tokens::insert(&app.db, other.id.into(), "lain", &prefix, &hash)
            .await
            .unwrap();
        t
    };
    let client = bare_client(&app).await;
    let resp = client
        .delete(format!("/api/v1/tokens/{id}"))
        .header(Header::new(
            "Authorization",
            format!("Bearer {other_token}"),
        ))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::NotFound, "someone else's token");
    let resp = client
        .delete(format!("/api/v1/tokens/{id}"))
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::NoContent);
}

#[rocket::async_test]
async fn a_deactivated_accounts_tokens_stop_working() {
    let app = TestApp::new().await;
    app.login_as(Role::Judge).await;
    let token = create_token(&app, "tiga").await;
    let account = juara::db::users::find_by_username(&app.db, "juri")
        .await
        .unwrap()
        .unwrap();
    juara::db::users::set_active(&app.db, account, false)
        .await
        .unwrap();
    let client = bare_client(&app).await;
    let resp = client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Unauthorized);
}
