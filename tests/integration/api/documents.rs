//! `/api/v1/competitions/<id>/documents`: the checklist through the API.

use rocket::http::Status;
use serde_json::json;

use super::{Api, field_error, id_of, json, set_status};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

#[rocket::async_test]
async fn the_checklist_is_edited_and_villages_can_read_it() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let base = format!("/api/v1/competitions/{}/documents", c.id);
    // Open, so its rules are published: each change carries its reason.
    let body = |code: &str, kind: &str| json!({"code": code, "label": format!("Dokumen {code}"), "kind": kind, "required": true, "reason": "Juknis 2026"});
    let (status, rpjm) = json(admin.post(&base, &body("rpjmdes", "file")).await).await;
    assert_eq!(status, Status::Created, "{rpjm}");
    assert_eq!(rpjm["code"], "RPJMDES");
    let (_, video) = json(admin.post(&base, &body("VIDEO", "link")).await).await;

    let (status, err) = json(admin.post(&base, &body("VIDEO", "link")).await).await;
    field_error(status, &err, "code");
    let (status, err) = json(
        admin
            .post(&base, &json!({"code": "", "label": "", "kind": "fax"}))
            .await,
    )
    .await;
    field_error(status, &err, "code");
    field_error(status, &err, "label");
    field_error(status, &err, "kind");

    let video_path = format!("{base}/{}", id_of(&video));
    let (status, moved) = json(
        admin
            .post_empty(&format!("{video_path}/move?up=true"))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(moved["items"][0]["code"], "VIDEO");
    let mut changed = body("VIDEO", "link");
    changed["required"] = json!(false);
    let (status, saved) = json(admin.put(&video_path, &changed).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(saved["required"], false);

    let village = Api::village(&app).await;
    let (status, list) = json(village.get(&base).await).await;
    assert_eq!(status, Status::Ok, "the village fills this checklist");
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        village.post(&base, &body("X", "file")).await.status(),
        Status::Forbidden
    );

    assert_eq!(
        admin
            .delete(&format!("{video_path}?reason=Juknis"))
            .await
            .status(),
        Status::NoContent
    );
    set_status(&app, c.id, "judging").await;
    let rpjm_path = format!("{base}/{}", id_of(&rpjm));
    assert_eq!(admin.delete(&rpjm_path).await.status(), Status::Conflict);
}
