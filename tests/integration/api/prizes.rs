//! `/api/v1/competitions/<id>/prizes`: rupiah as integers, the engine's rules, ranks.

use rocket::http::Status;
use serde_json::json;

use super::{Api, field_error, id_of, json, set_status};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

#[rocket::async_test]
async fn tiers_are_ranked_in_rupiah_and_checked_by_the_engine() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    // Open, so its rules are published: each change after the first carries its reason.
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let base = format!("/api/v1/competitions/{}/prizes", c.id);
    let (status, first) = json(
        admin
            .post(
                &base,
                &json!({"label": "Juara I", "cash": "Rp100.000.000", "assistance": 50_000_000,
                    "trophy": true, "certificate": true}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{first}");
    assert_eq!(first["cash"], 100_000_000);
    assert_eq!(first["assistance"], 50_000_000);
    assert_eq!(first["rank"], 1);
    let (_, second) = json(
        admin
            .post(
                &base,
                &json!({"label": "Juara II", "cash": 75_000_000, "reason": "Juknis"}),
            )
            .await,
    )
    .await;
    assert_eq!(second["rank"], 2);
    let (status, err) = json(
        admin
            .post(&base, &json!({"label": "", "cash": "seratus"}))
            .await,
    )
    .await;
    field_error(status, &err, "label");
    field_error(status, &err, "cash");

    let second_path = format!("{base}/{}", id_of(&second));
    let (status, list) = json(
        admin
            .post_empty(&format!("{second_path}/move?up=true&reason=Juknis"))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(list["items"][0]["label"], "Juara II");
    assert_eq!(list["items"][0]["rank"], 1);

    let (status, saved) = json(
        admin
            .put(
                &second_path,
                &json!({"label": "Juara II", "cash": "80.000.000", "reason": "Juknis"}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(saved["cash"], 80_000_000);
    assert_eq!(
        admin
            .delete(&format!("{second_path}?reason=Juknis"))
            .await
            .status(),
        Status::NoContent
    );
    let (_, list) = json(admin.get(&base).await).await;
    assert_eq!(list["items"][0]["rank"], 1, "ranks close up");

    set_status(&app, c.id, "review").await;
    let resp = admin
        .post(&base, &json!({"label": "Harapan I", "cash": 1}))
        .await;
    assert_eq!(resp.status(), Status::Conflict);
}

#[rocket::async_test]
async fn kelurahan_get_no_assistance() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = CompetitionBuilder::new("Lomba Kelurahan")
        .category("kelurahan")
        .insert(&app.db)
        .await;
    let base = format!("/api/v1/competitions/{}/prizes", c.id);
    let (status, err) = json(
        admin
            .post(
                &base,
                &json!({"label": "Juara I", "cash": 1_000_000, "assistance": 5}),
            )
            .await,
    )
    .await;
    assert!(field_error(status, &err, "assistance").contains("Kelurahan"));
    let (_, list) = json(admin.get(&base).await).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let village = Api::village(&app).await;
    assert_eq!(village.get(&base).await.status(), Status::Forbidden);
}
