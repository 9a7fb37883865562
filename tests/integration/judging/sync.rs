//! The offline sheet's sync endpoint (`/judge/sheets/<id>/sync`): the same save rule as the
//! page and the API, a stale version answered 409 with the server's copy (nothing written),
//! refused values 422 per criterion, devices recorded for the "another device" warning,
//! queued photos stored once, and the same refusals for strangers, conflicts and deadlines.

use chrono::{Duration, Utc};
use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Fixture;
use crate::common::csrf_of;

const PHONE: &str = "phone-0001-aaaa";
const TABLET: &str = "tablet-0002-bbbb";

async fn sync(client: &Client, sheet: Uuid, body: &Value) -> (Status, Value) {
    let token = csrf_of(client).await;
    let resp = client
        .post(format!("/judge/sheets/{sheet}/sync"))
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", token))
        .body(body.to_string())
        .dispatch()
        .await;
    let status = resp.status();
    (status, resp.into_json().await.unwrap_or(Value::Null))
}

async fn copy(client: &Client, sheet: Uuid, device: &str) -> (Status, Value) {
    let resp = client
        .get(format!("/judge/sheets/{sheet}/sync?device={device}"))
        .dispatch()
        .await;
    let status = resp.status();
    (status, resp.into_json().await.unwrap_or(Value::Null))
}

fn draft(f: &Fixture, version: i32, device: &str, a1: Value) -> Value {
    json!({
        "device": device,
        "version": version,
        "answers": [
            {"criterion_id": f.leaves[0].id, "value": a1, "comment": "jalan desa bersih"},
            {"criterion_id": f.leaves[1].id, "not_applicable": true},
            {"criterion_id": f.leaves[2].id, "value": "85"},
        ],
        "visit_notes": "Dikunjungi pagi hari",
    })
}

#[rocket::async_test]
async fn a_draft_syncs_with_its_version_and_every_value_is_stored_once() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_sync", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;

    let (status, saved) = sync(&client, sheet.id, &draft(&f, 0, PHONE, json!("4"))).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert_eq!(saved["version"], json!(1));
    assert_eq!(saved["status"], json!("draft"));
    assert_eq!(saved["other_device_at"], Value::Null);
    // The same draft sent again from the queue (its answer was lost) is stale, not doubled.
    let (status, _) = sync(&client, sheet.id, &draft(&f, 0, PHONE, json!("4"))).await;
    assert_eq!(status, Status::Conflict);
    let (status, saved) = sync(&client, sheet.id, &draft(&f, 1, PHONE, json!("5"))).await;
    assert_eq!(status, Status::Ok, "{saved}");
    let scores = f.scores(sheet.id).await;
    assert_eq!(scores.len(), 3, "one row per criterion");
    for leaf in &f.leaves[..3] {
        assert_eq!(
            scores.iter().filter(|s| s.criterion_id == leaf.id).count(),
            1
        );
    }
    let a1 = scores.iter().find(|s| s.criterion_id == f.leaves[0].id);
    assert_eq!(a1.and_then(|s| s.value), Some(50_000));
    let row = f.sheet(sheet.id).await;
    assert_eq!(
        (row.version, row.visit_notes.as_str()),
        (2, "Dikunjungi pagi hari")
    );

    // The server's copy, as the sheet page reads it on opening.
    let (status, current) = copy(&client, sheet.id, PHONE).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(current["version"], json!(2));
    assert_eq!(current["writable"], json!(true));
    assert_eq!(current["answers"].as_array().map(Vec::len), Some(3));
    assert!(current["csrf"].as_str().is_some_and(|t| t.len() == 64));
}

#[rocket::async_test]
async fn a_stale_sync_writes_nothing_and_answers_the_servers_copy() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_sync_stale", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let phone = f.browser(&judge).await;
    let tablet = f.browser(&judge).await;
    let (status, _) = sync(&tablet, sheet.id, &draft(&f, 0, TABLET, json!(2))).await;
    assert_eq!(status, Status::Ok);

    // The phone still works from version 0.
    let (status, refused) = sync(&phone, sheet.id, &draft(&f, 0, PHONE, json!(5))).await;
    assert_eq!(status, Status::Conflict, "{refused}");
    assert_eq!(refused["error"], json!("stale"));
    assert_eq!(refused["current"]["version"], json!(1));
    let theirs = refused["current"]["answers"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|x| x["criterion_id"] == json!(f.leaves[0].id))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(theirs["value"], json!("2.00"));
    let stored = f.scores(sheet.id).await;
    let a1 = stored.iter().find(|s| s.criterion_id == f.leaves[0].id);
    assert_eq!(
        a1.and_then(|s| s.value),
        Some(20_000),
        "nothing overwritten"
    );
    assert_eq!(f.sheet(sheet.id).await.version, 1);

    // The tablet saved a moment ago: opening the sheet on the phone warns.
    let (_, current) = copy(&phone, sheet.id, PHONE).await;
    assert!(current["other_device_at"].is_string(), "{current}");
    let (_, own) = copy(&tablet, sheet.id, TABLET).await;
    assert_eq!(own["other_device_at"], Value::Null);

    // After choosing, the phone sends on top of version 1.
    let (status, saved) = sync(&phone, sheet.id, &draft(&f, 1, PHONE, json!(5))).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert!(saved["other_device_at"].is_string());
}

#[rocket::async_test]
async fn refused_values_are_named_per_criterion_and_nothing_is_stored() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_sync_bad", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let bad_cases = [
        // Off the scale, off the step, N/A on a required indicator, not a number.
        (
            f.leaves[0].id,
            json!({"criterion_id": f.leaves[0].id, "value": "9"}),
        ),
        (
            f.leaves[2].id,
            json!({"criterion_id": f.leaves[2].id, "value": "83"}),
        ),
        (
            f.leaves[0].id,
            json!({"criterion_id": f.leaves[0].id, "not_applicable": true}),
        ),
        (
            f.leaves[0].id,
            json!({"criterion_id": f.leaves[0].id, "value": "empat"}),
        ),
    ];
    for (id, answer) in bad_cases {
        let body = json!({"device": PHONE, "version": 0, "answers": [answer]});
        let (status, refused) = sync(&client, sheet.id, &body).await;
        assert_eq!(status, Status::UnprocessableEntity, "{answer}: {refused}");
        assert_eq!(refused["error"], json!("invalid"));
        assert!(
            refused["fields"][id.to_string()].is_array(),
            "{answer}: {refused}"
        );
    }
    // Unreadable: no device, a forged device id, not JSON.
    for body in [
        json!({"version": 0, "answers": []}),
        json!({"device": "<b>x</b>", "version": 0, "answers": []}),
    ] {
        let (status, _) = sync(&client, sheet.id, &body).await;
        assert!(status.code == 400 || status.code == 422, "{body}: {status}");
    }
    assert!(f.scores(sheet.id).await.is_empty());
    assert_eq!(f.sheet(sheet.id).await.version, 0);
    // Without the CSRF header a session sync is refused.
    let resp = client
        .post(format!("/judge/sheets/{}/sync", sheet.id))
        .header(ContentType::JSON)
        .body(draft(&f, 0, PHONE, json!(4)).to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert!(f.scores(sheet.id).await.is_empty());
}

#[rocket::async_test]
async fn strangers_conflicted_judges_and_other_roles_are_refused() {
    let f = Fixture::new().await;
    let owner = f.judge("juri_sync_owner", Some("64.72")).await;
    let stranger = f.judge("juri_sync_lain", Some("64.72")).await;
    let sheet = f.assign(0, owner.id).await;
    let other = f.browser(&stranger).await;
    let body = draft(&f, 0, PHONE, json!(4));
    assert_eq!(sync(&other, sheet.id, &body).await.0, Status::NotFound);
    assert_eq!(copy(&other, sheet.id, PHONE).await.0, Status::NotFound);
    assert_eq!(
        sync(&other, Uuid::new_v4(), &body).await.0,
        Status::NotFound
    );
    let list: Value = other
        .get("/judge/offline")
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap_or_default();
    assert_eq!(list["sheets"], json!([]), "nothing of others to prepare");
    // The owner, once a conflict covers the village, is refused alike.
    let owner_client = f.browser(&owner).await;
    let list: Value = owner_client
        .get("/judge/offline")
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap_or_default();
    assert_eq!(list["sheets"][0]["id"], json!(sheet.id));
    juara::app::judging::conflicts::declare(
        &f.app.db,
        (owner.id, "33.19.01"),
        "Kerabat kepala desa",
        owner.id,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        sync(&owner_client, sheet.id, &body).await.0,
        Status::NotFound
    );
    assert_eq!(
        copy(&owner_client, sheet.id, PHONE).await.0,
        Status::NotFound
    );
    // Other roles and nobody.
    f.app.login_as(Role::Admin).await;
    let resp = f.app.get(&format!("/judge/sheets/{}/sync", sheet.id)).await;
    assert_eq!(resp.status(), Status::Forbidden);
    let anon = f.app.new_browser().await;
    let resp = anon
        .get(format!("/judge/sheets/{}/sync", sheet.id))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Unauthorized);
    assert!(f.scores(sheet.id).await.is_empty());
}

#[rocket::async_test]
async fn after_the_deadline_or_once_submitted_a_sync_is_refused_and_kept_nothing() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_sync_late", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let mut c: entity::competition::ActiveModel = f.competition.clone().into();
    c.judging_closes_at = Set(Some(Utc::now().fixed_offset() - Duration::minutes(1)));
    c.update(&f.app.db).await.unwrap();
    let (status, refused) = sync(&client, sheet.id, &draft(&f, 0, PHONE, json!(4))).await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(refused["error"], json!("closed"));
    assert!(
        refused["message"]
            .as_str()
            .is_some_and(|m| m.contains("Batas waktu")),
        "{refused}"
    );
    assert_eq!(
        copy(&client, sheet.id, PHONE).await.1["writable"],
        json!(false)
    );
    assert!(f.scores(sheet.id).await.is_empty());

    // Deadline moved on; the sheet submitted elsewhere is locked against a queued draft.
    let mut c: entity::competition::ActiveModel = f.competition.clone().into();
    c.judging_closes_at = Set(Some(Utc::now().fixed_offset() + Duration::days(1)));
    c.update(&f.app.db).await.unwrap();
    let mut s: entity::score_sheet::ActiveModel = f.sheet(sheet.id).await.into();
    s.status = Set(entity::SheetStatus::Submitted);
    s.update(&f.app.db).await.unwrap();
    let (status, refused) = sync(&client, sheet.id, &draft(&f, 0, PHONE, json!(4))).await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(refused["error"], json!("locked"));
    assert!(f.scores(sheet.id).await.is_empty());
}

async fn queue_photo(client: &Client, sheet: Uuid, name: &str, bytes: &[u8]) -> (Status, Value) {
    use crate::common::builders::{BOUNDARY, Part, multipart};
    let token = csrf_of(client).await;
    let resp = client
        .post(format!("/judge/sheets/{sheet}/photos/queue"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .header(Header::new("X-CSRF-Token", token))
        .body(multipart(&[Part::File("file", name, bytes)]))
        .dispatch()
        .await;
    let status = resp.status();
    (status, resp.into_json().await.unwrap_or(Value::Null))
}

#[rocket::async_test]
async fn a_queued_photo_sent_twice_is_stored_once() {
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    let f = Fixture::new().await;
    let judge = f.judge("juri_sync_foto", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let (status, first) = queue_photo(&client, sheet.id, "balai.png", PNG).await;
    assert_eq!(status, Status::Created, "{first}");
    assert_eq!(first["label"], json!("balai.png"));
    // The answer was lost on a weak signal and the queue sends it again.
    let (status, again) = queue_photo(&client, sheet.id, "balai.png", PNG).await;
    assert_eq!(status, Status::Created);
    assert_eq!(first["id"], again["id"]);
    let photos = juara::db::judging::photos::list(&f.app.db, sheet.id)
        .await
        .unwrap();
    assert_eq!(photos.len(), 1);
    // Not an image: refused with its reason, nothing stored.
    let (status, refused) = queue_photo(&client, sheet.id, "a.txt", b"halo").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(refused["message"].is_string());
    // Without the CSRF header: refused.
    use crate::common::builders::{BOUNDARY, Part, multipart};
    let resp = client
        .post(format!("/judge/sheets/{}/photos/queue", sheet.id))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(multipart(&[Part::File("file", "lain.png", PNG)]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(
        juara::db::judging::photos::list(&f.app.db, sheet.id)
            .await
            .unwrap()
            .len(),
        1
    );
}
