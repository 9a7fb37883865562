//! Pre-flight checks before the announcement (issue 12): a result with nobody ranked, stages
//! never assigned and entries below the quorum is listed before the announce button, and is
//! announced only with the "I understand" box and a reason — refused otherwise, page and API
//! alike, with the database left as it was. The reason goes into the audit event.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

use super::{contest, village};
use crate::api::{Api, json as api_json};
use crate::common::builders::{
    CompetitionBuilder, leaf_row, nomination_row, panel_row, prize_row, sheet_row, stage_row,
};
use crate::common::{TestApp, body};

const REASON: &str = "Rapat pleno memutuskan mengumumkan hasil apa adanya.";

/// The walk of issue 12: three stages with a quorum of 3, one judge on the first stage's
/// panel, the other two stages never assigned; under review.
async fn thin_contest(app: &TestApp) -> Uuid {
    let db = &app.db;
    let c = CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .status("review")
        .closed()
        .budgets(Some(100_000_000), None)
        .insert(db)
        .await;
    let judge = app
        .create_user(Role::Judge, "juri-sendiri", Some("64.02"), None)
        .await
        .id;
    let mut first = None;
    for (i, (code, weight)) in [("ADM", 40), ("LAP", 30), ("PAP", 30)].iter().enumerate() {
        let s = stage_row(db, c.id, code, i32::try_from(i).unwrap(), *weight, None).await;
        let mut a: entity::stage::ActiveModel = s.clone().into();
        a.quorum = Set(3);
        a.update(db).await.unwrap();
        let leaf = leaf_row(db, s.id, "A", 100, 0).await.id;
        first = first.or(Some((s.id, leaf)));
    }
    let (adm, leaf) = first.unwrap();
    panel_row(db, adm, judge, &[]).await;
    prize_row(db, c.id, 1, "Juara I", 50_000_000, 0).await;
    for i in 0..3 {
        let n = nomination_row(db, c.id, &village(i), "accepted").await;
        sheet_row(db, adm, n, judge, "submitted", &[(leaf, Some(80))]).await;
    }
    c.id
}

async fn record_minutes(app: &TestApp, id: Uuid) {
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/results/minutes"),
            &[
                ("held_on", "2026-11-20"),
                ("place", "Aula DPMPD Kudus"),
                ("members", "Ketua, Sekretaris, Anggota"),
                ("decision", "Menetapkan hasil penilaian"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
}

/// Nothing of an announcement happened: no snapshot, still under review, no audit event.
async fn assert_unannounced(app: &TestApp, id: Uuid) {
    let snapshots = juara::db::results::snapshots::list(&app.db, id)
        .await
        .unwrap();
    assert!(snapshots.is_empty(), "no snapshot");
    let c = entity::competition::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.status, entity::CompetitionStatus::Review);
    assert_eq!(announcements(app, id).await.len(), 0, "no audit event");
}

async fn announcements(app: &TestApp, id: Uuid) -> Vec<entity::audit_event::Model> {
    entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::CompetitionId.eq(id))
        .filter(entity::audit_event::Column::Action.eq("results.announced"))
        .all(&app.db)
        .await
        .unwrap()
}

#[rocket::async_test]
async fn the_problems_are_listed_by_stage_and_village_before_the_announce_button() {
    let app = TestApp::new().await;
    let id = thin_contest(&app).await;
    app.login_as(Role::Admin).await;
    let page = body(app.get(&format!("/admin/competitions/{id}/results")).await).await;
    assert!(page.contains(r#"id="preflight-note""#), "a note at the top");
    assert!(page.contains("Tidak ada desa/kelurahan yang mendapat peringkat akhir"));
    assert!(page.contains("Tahap “Tahap LAP” belum ditugaskan kepada juri mana pun"));
    assert!(page.contains("Tahap “Tahap PAP” belum ditugaskan kepada juri mana pun"));
    assert!(page.contains(
        "Bakalankrapyak, Kaliwungu, Kabupaten Kudus — tahap “Tahap ADM”: baru 1 juri yang \
         nilainya terhitung, padahal kuorumnya 3 juri."
    ));
    assert!(page.contains("Prambatan Kidul, Kaliwungu, Kabupaten Kudus — tahap “Tahap ADM”"));
    let list = page.find(r#"id="preflight""#).expect("the list");
    let button = page.find(r#"id="announce""#).expect("the announce form");
    assert!(list < button, "the problems come before the button");
    assert!(page.contains(r#"name="confirm_incomplete""#));
    assert!(page.contains(r#"name="reason""#));
}

#[rocket::async_test]
async fn a_complete_result_shows_no_problems_and_asks_for_no_reason() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    let page = body(
        app.get(&format!("/admin/competitions/{}/results", c.id))
            .await,
    )
    .await;
    assert!(!page.contains("preflight"));
    assert!(!page.contains(r#"name="confirm_incomplete""#));
}

#[rocket::async_test]
async fn an_incomplete_result_is_announced_only_with_the_box_and_a_reason() {
    let app = TestApp::new().await;
    let id = thin_contest(&app).await;
    app.login_as(Role::Admin).await;
    record_minutes(&app, id).await;
    let path = format!("/admin/competitions/{id}/results/announce");

    // Neither: the summary at the top, an error next to each field, nothing frozen.
    let resp = app.post_form(&path, &[]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    let summary = page
        .find("Hasil belum diumumkan: hasil ini belum lengkap (6 hal)")
        .expect("the summary");
    assert!(
        summary < page.find(r#"id="preflight""#).unwrap(),
        "summary on top"
    );
    assert!(page.contains(r#"id="err-confirm_incomplete""#));
    assert!(page.contains(r#"id="err-reason""#));
    assert_unannounced(&app, id).await;

    // The box without a reason, then a reason without the box: still refused.
    let resp = app
        .post_form(&path, &[("confirm_incomplete", "true"), ("reason", "  ")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains(r#"id="err-reason""#));
    assert!(!page.contains(r#"id="err-confirm_incomplete""#));
    assert!(
        page.contains(r#"value="true" checked"#),
        "the ticked box stays ticked"
    );
    let resp = app.post_form(&path, &[("reason", REASON)]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains(r#"id="err-confirm_incomplete""#));
    assert!(page.contains(REASON), "the typed reason is kept");
    assert_unannounced(&app, id).await;

    // Both: announced, and the reason is in the announcement's audit event only.
    let resp = app
        .post_form(&path, &[("confirm_incomplete", "true"), ("reason", REASON)])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let snap = juara::db::results::snapshots::current(&app.db, id)
        .await
        .unwrap()
        .expect("version 1");
    assert_eq!(snap.version, 1);
    assert_eq!(snap.reason, "", "the public snapshot carries no reason");
    let events = announcements(&app, id).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].reason, REASON);
}

#[rocket::async_test]
async fn the_api_refuses_an_unconfirmed_incomplete_result_the_same_way() {
    let app = TestApp::new().await;
    let id = thin_contest(&app).await;
    let admin = Api::admin(&app).await;
    let path = format!("/api/v1/results/{id}/announce");

    // The minutes come first (409).
    let (status, _) = api_json(admin.post(&path, &json!({})).await).await;
    assert_eq!(status, Status::Conflict);
    assert_unannounced(&app, id).await;

    app.login_as(Role::Admin).await;
    record_minutes(&app, id).await;
    let (status, err) = api_json(admin.post(&path, &json!({})).await).await;
    assert_eq!(status, Status::UnprocessableEntity, "{err}");
    let problems = err["fields"]["problems"].as_array().expect("the problems");
    assert_eq!(problems.len(), 6, "{err}");
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().unwrap().starts_with("Bakalankrapyak, Kaliwungu"))
    );
    assert!(err["fields"]["confirm_incomplete"].is_array());
    assert!(err["fields"]["reason"].is_array());
    let half = json!({"confirm_incomplete": true, "reason": ""});
    let (status, err) = api_json(admin.post(&path, &half).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(err["fields"]["confirm_incomplete"].is_null());
    assert!(err["fields"]["reason"].is_array());
    assert_unannounced(&app, id).await;

    let confirmed = json!({"confirm_incomplete": true, "reason": REASON});
    let (status, done) = api_json(admin.post(&path, &confirmed).await).await;
    assert_eq!(status, Status::Created, "{done}");
    assert_eq!(done["version"], 1);
    assert_eq!(announcements(&app, id).await[0].reason, REASON);
}

#[rocket::async_test]
async fn the_api_announces_a_complete_result_without_a_reason() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    record_minutes(&app, c.id).await;
    let admin = Api::admin(&app).await;
    let path = format!("/api/v1/results/{}/announce", c.id);
    let (status, done) = api_json(admin.post(&path, &json!({})).await).await;
    assert_eq!(status, Status::Created, "{done}");
    let snapshots = entity::result_snapshot::Entity::find()
        .filter(entity::result_snapshot::Column::CompetitionId.eq(c.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(snapshots, 1);
    assert_eq!(announcements(&app, c.id).await[0].reason, "");
    // A second announcement is refused (409).
    let (status, _) = api_json(admin.post(&path, &json!({})).await).await;
    assert_eq!(status, Status::Conflict);
}
