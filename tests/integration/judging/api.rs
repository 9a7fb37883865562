//! The JSON API: assignments, sheet read, save with version, submit, same rules as pages.

use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Fixture;
use crate::common::csrf_of;

async fn put(client: &Client, path: &str, body: &Value, csrf: bool) -> (Status, Value) {
    let mut req = client
        .put(path.to_owned())
        .header(ContentType::JSON)
        .body(body.to_string());
    if csrf {
        req = req.header(Header::new("X-CSRF-Token", csrf_of(client).await));
    }
    let resp = req.dispatch().await;
    let status = resp.status();
    (status, resp.into_json().await.unwrap_or(Value::Null))
}

fn answers(f: &Fixture, a1: Value) -> Value {
    json!([
        {"criterion_id": f.leaves[0].id, "value": a1, "comment": "baik"},
        {"criterion_id": f.leaves[1].id, "not_applicable": true},
        {"criterion_id": f.leaves[2].id, "value": "85"},
    ])
}

#[rocket::async_test]
async fn judge_lists_reads_saves_and_submits_through_the_api() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_api", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let list: Value = client
        .get("/api/v1/judge/sheets")
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], json!(sheet.id));
    let path = format!("/api/v1/judge/sheets/{}", sheet.id);
    let read: Value = client
        .get(path.clone())
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    assert_eq!(read["version"], json!(0));
    assert_eq!(read["criteria"].as_array().unwrap().len(), 5);

    // Without the CSRF header a session write is refused.
    let body = json!({"version": 0, "answers": answers(&f, json!(4))});
    let (status, _) = put(&client, &path, &body, false).await;
    assert_eq!(status, Status::Forbidden);
    assert!(f.scores(sheet.id).await.is_empty());

    // Out of scale: 422 naming the criterion; nothing stored.
    let bad = json!({"version": 0, "answers": answers(&f, json!(9))});
    let (status, err) = put(&client, &path, &bad, true).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        err["fields"][format!("answers.{}", f.leaves[0].id)].is_array(),
        "{err}"
    );
    assert!(f.scores(sheet.id).await.is_empty());

    let (status, saved) = put(&client, &path, &body, true).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert_eq!(saved["version"], json!(1));
    assert_eq!(f.scores(sheet.id).await.len(), 3);

    // Stale version: 409.
    let (status, _) = put(&client, &path, &body, true).await;
    assert_eq!(status, Status::Conflict);

    let submit = json!({"version": 1, "answers": answers(&f, json!("4,0"))});
    let resp = client
        .post(format!("{path}/submit"))
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", csrf_of(&client).await))
        .body(submit.to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );
    // Locked.
    let again = json!({"version": 2, "answers": answers(&f, json!(3))});
    let (status, _) = put(&client, &path, &again, true).await;
    assert_eq!(status, Status::Conflict);
}

#[rocket::async_test]
async fn api_refuses_other_roles_and_unknown_sheets() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_api2", Some("64.72")).await;
    let client = f.browser(&judge).await;
    let unknown = format!("/api/v1/judge/sheets/{}", Uuid::new_v4());
    assert_eq!(
        client.get(unknown).dispatch().await.status(),
        Status::NotFound
    );
    f.app.login_as(juara::auth::Role::Admin).await;
    assert_eq!(
        f.app.get("/api/v1/judge/sheets").await.status(),
        Status::Forbidden
    );
    let anon = f.app.new_browser().await;
    assert_eq!(
        anon.get("/api/v1/judge/sheets").dispatch().await.status(),
        Status::Unauthorized
    );
}

#[rocket::async_test]
async fn preview_computes_the_running_subtotal_without_storing() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_pratinjau", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let path = format!("/api/v1/judge/sheets/{}/preview", sheet.id);
    let send = |body: Value| {
        let client = &client;
        let path = path.clone();
        async move {
            let resp = client
                .post(path)
                .header(ContentType::JSON)
                .header(Header::new("X-CSRF-Token", csrf_of(client).await))
                .body(body.to_string())
                .dispatch()
                .await;
            (
                resp.status(),
                resp.into_json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, p) = send(json!({"version": 0, "answers": [
        {"criterion_id": f.leaves[0].id, "value": "5"}
    ]}))
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(p["subtotal"], json!("30"), "the API's one decimal form");
    assert_eq!(p["aspects"], json!({"A": "50", "B": "0"}));
    assert_eq!(
        (p["answered"].clone(), p["leaves"].clone()),
        (json!(1), json!(3))
    );
    let (status, _) = send(json!({"version": 0, "answers": [
        {"criterion_id": f.leaves[2].id, "value": "101"}
    ]}))
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(f.scores(sheet.id).await.is_empty());
    assert_eq!(f.sheet(sheet.id).await.version, 0);
}
