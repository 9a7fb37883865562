//! `/api/v1/conflicts`: a judge declares their own conflicts, the committee any judge's inside
//! its region; declaring excludes the judge's sheets there, removing counts them again, both
//! audited — the rules of `/judge/conflicts` and `/admin/conflicts`.

use entity::{audit_event, judge_conflict};
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use super::{Api, field_error, json};
use crate::judging::{Fixture, VILLAGES};

async fn declared(f: &Fixture) -> u64 {
    judge_conflict::Entity::find()
        .count(&f.app.db)
        .await
        .unwrap()
}

async fn events(f: &Fixture, action: &str) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .count(&f.app.db)
        .await
        .unwrap()
}

#[rocket::async_test]
async fn judges_declare_their_own_and_the_committee_any_judges_in_its_region() {
    let f = Fixture::new().await;
    let judge = Api::user(&f.app, Role::Judge, "juri-api", None, None).await;
    let (status, d) = json(
        judge
            .post(
                "/api/v1/conflicts",
                &json!({"region_code": VILLAGES[0], "reason": "Kerabat kepala desa"}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{d}");
    assert_eq!(d["conflict"]["region_code"], VILLAGES[0]);
    assert_eq!(d["withdrawn"], 0);
    let (_, list) = json(judge.get("/api/v1/conflicts").await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);

    // Refused, nothing written: the same region again, an unknown one, another judge's id.
    let before = declared(&f).await;
    let again = json!({"region_code": VILLAGES[0], "reason": "lagi"});
    let (status, err) = json(judge.post("/api/v1/conflicts", &again).await).await;
    field_error(status, &err, "region_code");
    let unknown = json!({"region_code": "99.99", "reason": "x"});
    let (status, err) = json(judge.post("/api/v1/conflicts", &unknown).await).await;
    field_error(status, &err, "region_code");
    let other = f.judge("juri-lain", None).await;
    let body = json!({"judge_id": other.id.to_string(), "region_code": VILLAGES[1]});
    let (status, err) = json(judge.post("/api/v1/conflicts", &body).await).await;
    field_error(status, &err, "judge_id");
    let village = Api::village(&f.app).await;
    assert_eq!(
        village.post("/api/v1/conflicts", &body).await.status(),
        Status::Forbidden
    );
    let outsider = Api::user(&f.app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    assert_eq!(
        outsider.post("/api/v1/conflicts", &body).await.status(),
        Status::NotFound,
        "a region outside the admin's scope looks missing"
    );
    assert_eq!(declared(&f).await, before);

    // The committee declares for a judge who already has a sheet there: it is withdrawn.
    let sheet = f.assign(1, other.id).await;
    let admin = Api::user(&f.app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let body = json!({"judge_id": other.id.to_string(), "region_code": VILLAGES[1],
        "reason": "Tetangga"});
    let (status, d) = json(admin.post("/api/v1/conflicts", &body).await).await;
    assert_eq!(status, Status::Created, "{d}");
    assert_eq!(d["withdrawn"], 1);
    assert!(f.sheet(sheet.id).await.excluded_at.is_some());
    let (_, list) = json(admin.get("/api/v1/conflicts").await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (_, list) = json(outsider.get("/api/v1/conflicts").await).await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        0,
        "scoped to the region"
    );

    // Removing: the committee in scope only, once; the sheet counts again.
    let path = format!(
        "/api/v1/judges/{}/conflicts/{}",
        other.id,
        d["conflict"]["id"].as_str().unwrap()
    );
    assert_eq!(outsider.delete(&path).await.status(), Status::NotFound);
    assert_eq!(judge.delete(&path).await.status(), Status::Forbidden);
    let removed_before = events(&f, "judging.conflict_removed").await;
    assert_eq!(admin.delete(&path).await.status(), Status::NoContent);
    assert!(f.sheet(sheet.id).await.excluded_at.is_none());
    assert!(events(&f, "judging.conflict_removed").await > removed_before);
    assert_eq!(admin.delete(&path).await.status(), Status::NotFound);
}
