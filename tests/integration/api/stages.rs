//! `/api/v1/competitions/<id>/stages`: add, read, replace, reorder, remove; checks, unique
//! codes, scope and the freeze once judging starts.

use juara::auth::Role;
use rocket::http::Status;
use serde_json::{Value, json};

use super::{Api, create_competition, field_error, id_of, json, set_status};
use crate::common::TestApp;

fn stage(code: &str, weight: i64) -> Value {
    json!({
        "code": code,
        "name": format!("Tahap {code}"),
        "kind": "field",
        "weight": weight,
        "aggregation": "trimmed",
        "trim_k": 1,
        "quorum": 3,
        "pass_threshold": "60.5",
        "judges_per_entry": 5
    })
}

#[rocket::async_test]
async fn stages_are_added_replaced_reordered_and_removed() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = id_of(&create_competition(&admin, "Lomba Desa Kudus 2026").await);
    let base = format!("/api/v1/competitions/{c}/stages");
    let (_, before) = json(admin.get(&base).await).await;
    let before = before["items"].as_array().unwrap().len();

    let (status, added) = json(admin.post(&base, &stage("wawancara", 10)).await).await;
    assert_eq!(status, Status::Created, "{added}");
    assert_eq!(
        added["code"], "WAWANCARA",
        "codes are upper-cased as on the page"
    );
    assert_eq!(added["pass_threshold"], "60.5", "one decimal form");
    let sid = id_of(&added);
    let (_, list) = json(admin.get(&base).await).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), before + 1);
    assert_eq!(items.last().unwrap()["id"], added["id"]);

    let (status, moved) = json(
        admin
            .post_empty(&format!("{base}/{sid}/move?up=true"))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    let order: Vec<&Value> = moved["items"].as_array().unwrap().iter().collect();
    assert_eq!(order[order.len() - 2]["id"], added["id"], "one place up");

    let mut changed = stage("WAWANCARA", 20);
    changed["aggregation"] = json!("median");
    let (status, saved) = json(admin.put(&format!("{base}/{sid}"), &changed).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(saved["weight"], 20);
    assert_eq!(saved["trim_k"], 0, "trimming only applies to trimmed means");
    let (_, one) = json(admin.get(&format!("{base}/{sid}")).await).await;
    assert_eq!(one["aggregation"], "median");

    let resp = admin.delete(&format!("{base}/{sid}")).await;
    assert_eq!(resp.status(), Status::NoContent);
    assert_eq!(
        admin.get(&format!("{base}/{sid}")).await.status(),
        Status::NotFound
    );
}

#[rocket::async_test]
async fn bad_stages_are_refused_under_their_fields() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = id_of(&create_competition(&admin, "Lomba Desa Kudus 2026").await);
    let base = format!("/api/v1/competitions/{c}/stages");
    let mut bad = stage("a b", 150);
    bad["kind"] = json!("lotre");
    bad["quorum"] = json!(2);
    let (status, err) = json(admin.post(&base, &bad).await).await;
    field_error(status, &err, "code");
    field_error(status, &err, "weight");
    field_error(status, &err, "kind");
    field_error(status, &err, "trim_k");
    let (status, _) = json(admin.post(&base, &stage("X1", 10)).await).await;
    assert_eq!(status, Status::Created);
    let (status, err) = json(admin.post(&base, &stage("x1", 10)).await).await;
    assert!(field_error(status, &err, "code").contains("sudah dipakai"));
    let (status, err) = json(
        admin
            .post(&base, &json!({"code": "X2", "colour": "red"}))
            .await,
    )
    .await;
    assert!(
        field_error(status, &err, "_body").contains("colour"),
        "unknown fields refused"
    );
    let (status, err) = json(admin.post(&base, &json!({"normalize": "ya"})).await).await;
    field_error(status, &err, "_body");
}

#[rocket::async_test]
async fn stages_freeze_when_judging_starts_and_stay_in_scope() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = id_of(&create_competition(&admin, "Lomba Desa Kudus 2026").await);
    let base = format!("/api/v1/competitions/{c}/stages");
    let (_, list) = json(admin.get(&base).await).await;
    let first = list["items"][0]["id"].as_str().unwrap().to_owned();

    let other = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    assert_eq!(other.get(&base).await.status(), Status::NotFound);
    let resp = other.post(&base, &stage("Z", 10)).await;
    assert_eq!(resp.status(), Status::NotFound);
    let village = Api::village(&app).await;
    assert_eq!(village.get(&base).await.status(), Status::Forbidden);
    let resp = village.delete(&format!("{base}/{first}")).await;
    assert_eq!(resp.status(), Status::Forbidden);

    set_status(&app, c, "judging").await;
    let (status, err) = json(admin.post(&base, &stage("LATE", 10)).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Penilaian sudah dimulai")
    );
    let resp = admin.delete(&format!("{base}/{first}")).await;
    assert_eq!(resp.status(), Status::Conflict);
    let resp = admin
        .post_empty(&format!("{base}/{first}/move?up=false"))
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(
        admin.get(&base).await.status(),
        Status::Ok,
        "still readable"
    );
}
