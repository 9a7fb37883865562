//! `/api/v1/competitions/<id>/advance`: winners of the level below brought in by the API.

use juara::auth::Role;
use rocket::http::Status;
use serde_json::json;

use super::{Api, NEIGHBOUR, OWN, field_error, json};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;
use crate::nominations::nomination_with_status;

#[rocket::async_test]
async fn accepted_entries_below_are_brought_in_and_the_rest_skipped_with_reasons() {
    let app = TestApp::new().await;
    let below = CompetitionBuilder::new("Lomba Desa Kec. Kaliwungu")
        .level("kecamatan", Some("33.19.01"))
        .status("announced")
        .insert(&app.db)
        .await;
    let above = CompetitionBuilder::new("Lomba Desa Kab. Kudus")
        .level("kabupaten", Some("33.19"))
        .insert(&app.db)
        .await;
    let winner = nomination_with_status(&app, below.id, OWN, "accepted").await;
    let loser = nomination_with_status(&app, below.id, NEIGHBOUR, "rejected").await;
    crate::results::advancement::published_result(
        &app,
        &below,
        &[(winner, OWN, 1, Some("Juara I"), None)],
        30,
    )
    .await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let path = format!("/api/v1/competitions/{}/advance", above.id);

    let (status, list) = json(admin.get(&path).await).await;
    assert_eq!(status, Status::Ok);
    let items = list["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        1,
        "only the prize winner is a candidate: {list}"
    );
    assert_eq!(items[0]["nomination"]["id"], winner.to_string());
    assert_eq!(items[0]["source"]["level"], "kecamatan");

    let body = json!({"nominations": [winner.to_string(), loser.to_string()]});
    let (status, report) = json(admin.post(&path, &body).await).await;
    assert_eq!(status, Status::Ok, "{report}");
    assert_eq!(report["created"].as_array().unwrap().len(), 1);
    assert_eq!(report["skipped"][0]["id"], loser.to_string());
    assert_eq!(report["skipped"][0]["reason"], "not_a_winner");
    let (_, again) = json(
        admin
            .post(&path, &json!({"nominations": [winner.to_string()]}))
            .await,
    )
    .await;
    assert_eq!(again["skipped"][0]["reason"], "already_entered");
    let (_, listed) = json(
        admin
            .get(&format!("/api/v1/competitions/{}/nominations", above.id))
            .await,
    )
    .await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["origin"], "advanced");

    let (status, err) = json(admin.post(&path, &json!({"nominations": ["x"]})).await).await;
    field_error(status, &err, "nominations");
    let outside = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    assert_eq!(outside.post(&path, &body).await.status(), Status::NotFound);
    assert_eq!(outside.get(&path).await.status(), Status::NotFound);
    let village = Api::village(&app).await;
    assert_eq!(village.post(&path, &body).await.status(), Status::Forbidden);
}
