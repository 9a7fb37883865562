//! `/api/v1/users` and `/api/v1/tokens`: accounts created, listed and (de)activated by the
//! committee in its region, personal tokens created, listed and revoked by their owner — the
//! rules of `/admin/users` and `/account/tokens`.

use juara::auth::Role;
use rocket::http::{Header, Status};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use super::{Api, OWN, field_error, id_of, json};
use crate::common::TestApp;

async fn accounts(app: &TestApp) -> u64 {
    entity::user::Entity::find().count(&app.db).await.unwrap()
}

#[rocket::async_test]
async fn the_committee_creates_and_lists_accounts_in_its_region() {
    let app = TestApp::new().await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let (status, created) = json(
        admin
            .post(
                "/api/v1/users",
                &json!({"username": "desa-kaliwungu", "display_name": "Operator Desa",
                    "role": "village", "village_code": OWN}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{created}");
    assert_eq!(created["user"]["role"], "village");
    assert_eq!(created["user"]["village_code"], OWN);
    let password = created["generated_password"].as_str().unwrap();
    assert!(password.len() >= 12, "a generated password, shown once");
    assert!(created["user"].get("password_hash").is_none());

    let (status, list) = json(admin.get("/api/v1/users?role=village&per_page=10").await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(list["total"], 1);
    assert_eq!(
        (list["page"].as_u64(), list["per_page"].as_u64()),
        (Some(0), Some(10))
    );
    assert_eq!(list["items"][0]["username"], "desa-kaliwungu");
    let (status, err) = json(admin.get("/api/v1/users?role=raja").await).await;
    field_error(status, &err, "role");

    // Refused input changes nothing: a bad username, a village outside the admin's region.
    let before = accounts(&app).await;
    let (status, err) = json(
        admin
            .post(
                "/api/v1/users",
                &json!({"username": "X", "display_name": "", "role": "village",
                    "village_code": "64.72.01.1001"}),
            )
            .await,
    )
    .await;
    field_error(status, &err, "username");
    field_error(status, &err, "display_name");
    field_error(status, &err, "village_code");
    let (status, err) = json(admin.post("/api/v1/users", &json!({"nama": "x"})).await).await;
    field_error(status, &err, "_body");
    assert_eq!(accounts(&app).await, before);

    // Other roles are refused.
    let village = Api::village(&app).await;
    let (status, _) = json(village.get("/api/v1/users").await).await;
    assert_eq!(status, Status::Forbidden);
    let before = accounts(&app).await;
    let resp = village
        .post(
            "/api/v1/users",
            &json!({"username": "juri-x", "display_name": "Juri", "role": "judge"}),
        )
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(accounts(&app).await, before);
}

#[rocket::async_test]
async fn accounts_are_deactivated_in_scope_only() {
    let app = TestApp::new().await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let other = Api::user(&app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    let op = app
        .create_user(Role::Village, "op-desa", None, Some(OWN))
        .await;
    let path = format!("/api/v1/users/{}/active", op.id);
    let (status, _) = json(other.put(&path, &json!({"active": false})).await).await;
    assert_eq!(status, Status::NotFound, "outside the region looks missing");
    let (status, user) = json(admin.put(&path, &json!({"active": false})).await).await;
    assert_eq!(status, Status::Ok, "{user}");
    assert_eq!(user["active"], false);
    let (status, err) = json(admin.put(&path, &json!({"active": "ya"})).await).await;
    field_error(status, &err, "_body");
    let (_, me) = json(admin.get("/api/v1/me").await).await;
    let own = format!("/api/v1/users/{}/active", me["id"].as_str().unwrap());
    let (status, _) = json(admin.put(&own, &json!({"active": false})).await).await;
    assert_eq!(status, Status::Forbidden, "nobody deactivates themselves");
}

#[rocket::async_test]
async fn a_token_is_shown_once_listed_and_revoked_by_its_owner() {
    let app = TestApp::new().await;
    let api = Api::village(&app).await;
    let (status, created) = json(
        api.post("/api/v1/tokens", &json!({"name": "sipades"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{created}");
    let token = created["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("juara_"));
    assert!(token.starts_with(created["prefix"].as_str().unwrap()));
    // The new token works on its own.
    let resp = api
        .client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let (_, list) = json(api.get("/api/v1/tokens").await).await;
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"sipades"));
    assert!(
        list["items"][0].get("token").is_none(),
        "never listed again"
    );

    let before = entity::api_token::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    let (status, err) = json(api.post("/api/v1/tokens", &json!({"name": "  "})).await).await;
    field_error(status, &err, "name");
    let long = "x".repeat(101);
    let (status, err) = json(api.post("/api/v1/tokens", &json!({"name": long})).await).await;
    field_error(status, &err, "name");
    let after = entity::api_token::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after);

    // Someone else's token cannot be revoked; the owner's can, and stops working.
    let other = Api::user(&app, Role::Judge, "juri-lain", None, None).await;
    let path = format!("/api/v1/tokens/{}", id_of(&created));
    assert_eq!(other.delete(&path).await.status(), Status::NotFound);
    assert_eq!(api.delete(&path).await.status(), Status::NoContent);
    let resp = api
        .client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Unauthorized);
    let anonymous = app.new_browser().await;
    let resp = anonymous.get("/api/v1/tokens").dispatch().await;
    assert_eq!(resp.status(), Status::Unauthorized);
}

async fn exchange(app: &TestApp, username: &str, password: &str) -> (Status, serde_json::Value) {
    let client = app.new_browser().await;
    let body = json!({"username": username, "password": password, "name": "skrip"});
    let resp = client
        .post("/api/v1/tokens/login")
        .header(rocket::http::ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    json(resp).await
}

#[rocket::async_test]
async fn a_script_exchanges_a_password_for_its_first_token_under_the_login_rules() {
    let app = TestApp::new().await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let account = json!({"username": "op-bakalan", "display_name": "Operator",
        "role": "village", "village_code": OWN});
    let (user, op) = admin.new_account(&app, &account).await;
    let (_, me) = json(op.get("/api/v1/me").await).await;
    assert_eq!(me["id"], user["id"]);
    let (_, mine) = json(op.get("/api/v1/tokens").await).await;
    assert_eq!(mine["items"][0]["name"], "skrip");

    // A wrong password and an unknown user answer alike; nothing is issued.
    let tokens = || entity::api_token::Entity::find().count(&app.db);
    let before = tokens().await.unwrap();
    let (status, wrong) = exchange(&app, "op-bakalan", "bukan-sandi-yang-benar").await;
    let message = field_error(status, &wrong, "_form");
    let (status, unknown) = exchange(&app, "tidak-ada", "bukan-sandi-yang-benar").await;
    assert_eq!(field_error(status, &unknown, "_form"), message);
    assert_eq!(tokens().await.unwrap(), before);
    // A password chosen by the committee works too, until the account is deactivated.
    let chosen = json!({"username": "juri-kudus", "display_name": "Juri", "role": "judge",
        "region_code": "33.19", "password": "Menara-Kudus-Kretek-1549"});
    let (status, judge) = json(admin.post("/api/v1/users", &chosen).await).await;
    assert_eq!(status, Status::Created, "{judge}");
    let (status, token) = exchange(&app, " Juri-Kudus ", "Menara-Kudus-Kretek-1549").await;
    assert_eq!(status, Status::Created, "{token}");
    assert!(token["token"].as_str().unwrap().starts_with("juara_"));
    let path = format!(
        "/api/v1/users/{}/active",
        judge["user"]["id"].as_str().unwrap()
    );
    assert_eq!(
        admin.put(&path, &json!({"active": false})).await.status(),
        Status::Ok
    );
    let before = tokens().await.unwrap();
    let (status, _) = exchange(&app, "juri-kudus", "Menara-Kudus-Kretek-1549").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(tokens().await.unwrap(), before);
}
