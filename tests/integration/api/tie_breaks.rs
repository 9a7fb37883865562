//! The tie-break chain the committee sets (issue 14): through the API and the page, checked
//! row by row and then by the engine, with a reason once the rules are published, frozen at
//! the announcement, recorded in the audit trail.

use rocket::http::Status;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Api, create_competition, field_error, id_of, json, set_status};
use crate::common::TestApp;

async fn stored_chain(app: &TestApp, id: Uuid) -> String {
    use sea_orm::EntityTrait;
    entity::competition::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .tie_breaks
}

#[rocket::async_test]
async fn the_committee_replaces_the_chain_and_reads_it_back_tagged() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = create_competition(&admin, "Lomba Desa Kudus").await;
    let path = format!("/api/v1/competitions/{}/tie-breaks", id_of(&c));
    let (status, body) = json(admin.get(&path).await).await;
    assert_eq!(status, Status::Ok);
    // The template's chain, in the API's one representation of an enum.
    assert_eq!(
        body["items"][0],
        json!({"kind": "stage_score", "stage": "PAPARAN"})
    );
    assert_eq!(body["needs_reason"], false);

    let chain = json!({"items": [
        {"kind": "criterion_score", "stage": "PAPARAN", "code": "P1"},
        {"kind": "smaller_judge_spread", "stage": "LAPANGAN"},
        {"kind": "draw", "seed": 2026}
    ]});
    let (status, body) = json(admin.put(&path, &chain).await).await;
    assert_eq!(status, Status::Ok, "{body}");
    assert_eq!(body["items"], chain["items"]);
    let (_, again) = json(admin.get(&path).await).await;
    assert_eq!(again["items"], chain["items"]);
    assert!(stored_chain(&app, id_of(&c)).await.contains("2026"));
}

#[rocket::async_test]
async fn bad_rows_and_engine_objections_are_422s_that_change_nothing() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = create_competition(&admin, "Lomba Desa Kudus").await;
    let id = id_of(&c);
    let path = format!("/api/v1/competitions/{id}/tie-breaks");
    let before = stored_chain(&app, id).await;
    let cases: [(Value, &str); 6] = [
        (
            json!({"items": [{"kind": "stage_score"}]}),
            "items[0].stage",
        ),
        (json!({"items": [{"stage": "PAPARAN"}]}), "items[0].kind"),
        (json!({"items": [{"kind": "coin"}]}), "items[0].kind"),
        (
            json!({"items": [{"kind": "draw", "seed": -4}]}),
            "items[0].seed",
        ),
        (
            json!({"items": [{"kind": "stage_score", "stage": "NOPE"}]}),
            "tie_breaks",
        ),
        (
            json!({"items": [{"kind": "leave_shared"}, {"kind": "stage_score", "stage": "PAPARAN"}]}),
            "tie_breaks",
        ),
    ];
    for (body, field) in cases {
        let (status, err) = json(admin.put(&path, &body).await).await;
        field_error(status, &err, field);
    }
    let (status, err) = json(
        admin
            .put(
                &path,
                &json!({"items": [{"kind": "criterion_score", "stage": "PAPARAN", "code": "ZZ"}]}),
            )
            .await,
    )
    .await;
    assert!(field_error(status, &err, "tie_breaks").contains("ZZ"));
    assert_eq!(stored_chain(&app, id).await, before);
}

#[rocket::async_test]
async fn published_rules_change_with_a_reason_and_freeze_at_the_announcement() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = create_competition(&admin, "Lomba Desa Kudus").await;
    let id = id_of(&c);
    let path = format!("/api/v1/competitions/{id}/tie-breaks");
    set_status(&app, id, "review").await;
    let chain = json!({"items": [{"kind": "draw", "seed": 77}]});
    let (status, err) = json(admin.put(&path, &chain).await).await;
    field_error(status, &err, "reason");
    let with_reason =
        json!({"items": [{"kind": "draw", "seed": 77}], "reason": "Undian di rapat pleno"});
    let (status, body) = json(admin.put(&path, &with_reason).await).await;
    assert_eq!(status, Status::Ok, "{body}");
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let events = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Action.eq("competition.tie_breaks"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].reason, "Undian di rapat pleno");
    assert!(events[0].details.contains("77"), "{}", events[0].details);

    set_status(&app, id, "announced").await;
    let (status, _) = json(admin.put(&path, &with_reason).await).await;
    assert_eq!(status, Status::Conflict);
}

#[rocket::async_test]
async fn villages_and_judges_cannot_read_or_set_the_chain() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = create_competition(&admin, "Lomba Desa Kudus").await;
    let path = format!("/api/v1/competitions/{}/tie-breaks", id_of(&c));
    let village = Api::village(&app).await;
    let (status, _) = json(village.get(&path).await).await;
    assert!(matches!(status.code, 403 | 404), "{status}");
    let (status, _) = json(
        village
            .put(&path, &json!({"items": [{"kind": "leave_shared"}]}))
            .await,
    )
    .await;
    assert!(matches!(status.code, 403 | 404), "{status}");
}
