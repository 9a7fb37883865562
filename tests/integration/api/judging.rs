//! A stage's judging through the API: the panel, automatic and manual assignment, taking an
//! untouched sheet back, reopening a submitted sheet and closing the stage — the rules and
//! audit events of the committee's stage page, refusals field by field with nothing written.

use entity::{audit_event, panel_member, score_sheet};
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::{Api, field_error, json};
use crate::judging::Fixture;

async fn events(f: &Fixture, action: &str) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .count(&f.app.db)
        .await
        .unwrap()
}

async fn panel_size(f: &Fixture) -> u64 {
    panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(f.stage.id))
        .count(&f.app.db)
        .await
        .unwrap()
}

async fn sheets(f: &Fixture) -> u64 {
    score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(f.stage.id))
        .count(&f.app.db)
        .await
        .unwrap()
}

fn base(f: &Fixture) -> String {
    format!(
        "/api/v1/competitions/{}/stages/{}",
        f.competition.id, f.stage.id
    )
}

#[rocket::async_test]
async fn the_panel_and_assignments_follow_the_stage_pages_rules() {
    let f = Fixture::new().await;
    let admin = Api::admin(&f.app).await;
    let base = base(&f);
    let judges = [
        f.judge("juri-1", None).await.id,
        f.judge("juri-2", None).await.id,
        f.judge("juri-3", None).await.id,
    ];
    for j in &judges[..2] {
        let (status, member) =
            json(admin.put(&format!("{base}/panel/{j}"), &json!({})).await).await;
        assert_eq!(status, Status::Ok, "{member}");
        assert_eq!(member["aspects"], json!([]));
    }
    // The third judge scores aspect B only.
    let path = format!("{base}/panel/{}", judges[2]);
    let body = json!({"aspects": [f.aspect_b.id.to_string()]});
    let (status, member) = json(admin.put(&path, &body).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(member["aspects"][0], f.aspect_b.id.to_string());
    let (_, panel) = json(admin.get(&format!("{base}/panel")).await).await;
    assert_eq!(panel["items"].as_array().unwrap().len(), 3);
    // A sub-panel of one cannot give two judges per entry: the third judge scores everything.
    let (status, _) = json(admin.put(&path, &json!({"aspects": []})).await).await;
    assert_eq!(status, Status::Ok);

    // Bad input: an aspect that is not a top-level criterion of the stage, an unknown judge.
    let before = panel_size(&f).await;
    let leaf = json!({"aspects": [f.leaves[0].id.to_string()]});
    let (status, err) = json(admin.put(&path, &leaf).await).await;
    field_error(status, &err, "judge_id");
    let (status, err) = json(admin.put(&path, &json!({"aspects": ["bukan-id"]})).await).await;
    field_error(status, &err, "aspects");
    let stranger = format!("{base}/panel/{}", Uuid::new_v4());
    let (status, _) = json(admin.put(&stranger, &json!({})).await).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(panel_size(&f).await, before);

    // Outside the committee's scope or role: refused, nothing written.
    let outsider = Api::user(&f.app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    let judge = Api::user(&f.app, Role::Judge, "juri-api", None, None).await;
    let village = Api::village(&f.app).await;
    let newcomer = format!("{base}/panel/{}", f.judge("juri-4", None).await.id);
    assert_eq!(
        outsider.put(&newcomer, &json!({})).await.status(),
        Status::NotFound
    );
    assert_eq!(
        judge.put(&newcomer, &json!({})).await.status(),
        Status::Forbidden
    );
    assert_eq!(
        village.put(&newcomer, &json!({})).await.status(),
        Status::Forbidden
    );
    let auto = format!("{base}/assignments/auto");
    assert_eq!(
        outsider.post(&auto, &json!({})).await.status(),
        Status::NotFound
    );
    assert_eq!(panel_size(&f).await, before);
    assert_eq!(sheets(&f).await, 0);

    // Automatic assignment with a seed: every entry gets two judges per sub-panel.
    let (status, err) = json(admin.post(&auto, &json!({"seed": "acak"})).await).await;
    field_error(status, &err, "seed");
    assert_eq!(sheets(&f).await, 0);
    let (status, done) = json(admin.post(&auto, &json!({"seed": 42})).await).await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(done["seed"], "42");
    assert!(done["sheets"].as_u64().unwrap() >= 12);
    assert_eq!(events(&f, "judging.auto_assigned").await, 1);

    // One by one: a duplicate is a conflict; unknown ids are field errors.
    let extra = f.judge("juri-5", None).await.id;
    let one = format!("{base}/assignments");
    let body = json!({"nomination_id": f.entries[0].id.to_string(), "judge_id": extra.to_string()});
    let (status, sheet) = json(admin.post(&one, &body).await).await;
    assert_eq!(status, Status::Created, "{sheet}");
    assert_eq!(sheet["status"], "assigned");
    let (status, _) = json(admin.post(&one, &body).await).await;
    assert_eq!(status, Status::Conflict);
    let count = sheets(&f).await;
    let bad = json!({"nomination_id": Uuid::new_v4().to_string(), "judge_id": extra.to_string()});
    let (status, err) = json(admin.post(&one, &bad).await).await;
    field_error(status, &err, "nomination_id");
    let bad = json!({"nomination_id": f.entries[0].id.to_string(), "judge_id": "x"});
    let (status, err) = json(admin.post(&one, &bad).await).await;
    field_error(status, &err, "judge_id");
    assert_eq!(sheets(&f).await, count);

    // An untouched sheet is taken back once; a judge leaves the panel once.
    let sheet_path = format!("{base}/sheets/{}", sheet["id"].as_str().unwrap());
    assert_eq!(admin.delete(&sheet_path).await.status(), Status::NoContent);
    assert_eq!(admin.delete(&sheet_path).await.status(), Status::NotFound);
    assert_eq!(
        admin
            .delete(&format!("{base}/panel/{}", judges[2]))
            .await
            .status(),
        Status::NoContent
    );
    assert_eq!(
        admin
            .delete(&format!("{base}/panel/{}", judges[2]))
            .await
            .status(),
        Status::NotFound
    );
}

#[rocket::async_test]
async fn sheets_are_reopened_and_the_stage_closed_with_reasons() {
    let f = Fixture::new().await;
    let admin = Api::admin(&f.app).await;
    let base = base(&f);
    let judge = f.judge("juri-1", None).await;
    let sheet = f.assign(0, judge.id).await;
    let open = f.assign(1, judge.id).await;
    let mut a = sheet.clone().into_active_model();
    a.status = Set(entity::SheetStatus::Submitted);
    a.update(&f.app.db).await.unwrap();

    let reopen = format!("{base}/sheets/{}/reopen", sheet.id);
    let (status, err) = json(admin.post(&reopen, &json!({"reason": " "})).await).await;
    field_error(status, &err, "reason");
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );
    let outsider = Api::user(&f.app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    let body = json!({"reason": "Nilai B.1 tertukar"});
    assert_eq!(
        outsider.post(&reopen, &body).await.status(),
        Status::NotFound
    );
    let (status, reopened) = json(admin.post(&reopen, &body).await).await;
    assert_eq!(status, Status::Ok, "{reopened}");
    assert_ne!(reopened["status"], "submitted");
    assert_eq!(f.sheet(sheet.id).await.reopen_reason, "Nilai B.1 tertukar");
    assert_eq!(events(&f, "sheet.reopened").await, 1);
    let (status, _) = json(admin.post(&reopen, &body).await).await;
    assert_eq!(status, Status::Conflict, "only a submitted sheet reopens");

    // Closing with sheets missing needs `force` and a note.
    let close = format!("{base}/close");
    let (status, err) = json(admin.post(&close, &json!({})).await).await;
    field_error(status, &err, "force");
    let (status, err) = json(
        admin
            .post(&close, &json!({"force": true, "note": ""}))
            .await,
    )
    .await;
    field_error(status, &err, "note");
    let judge_api = Api::user(&f.app, Role::Judge, "juri-api", None, None).await;
    let forced = json!({"force": true, "note": "Juri sakit"});
    assert_eq!(
        judge_api.post(&close, &forced).await.status(),
        Status::Forbidden
    );
    assert_eq!(events(&f, "judging.stage_closed").await, 0);
    let (status, stage) = json(admin.post(&close, &forced).await).await;
    assert_eq!(status, Status::Ok, "{stage}");
    assert!(
        stage["closed_at"].as_str().unwrap().ends_with('Z'),
        "RFC 3339 in UTC"
    );
    assert_eq!(stage["close_note"], "Juri sakit");
    assert_eq!(events(&f, "judging.stage_closed").await, 1);
    let (status, _) = json(admin.post(&close, &forced).await).await;
    assert_eq!(status, Status::Conflict);
    let _ = open;
}

#[rocket::async_test]
async fn the_presentation_order_is_drawn_once_and_scheduled_in_the_competitions_zone() {
    let f = Fixture::new().await;
    let admin = Api::admin(&f.app).await;
    let base = format!("{}/presentation", base(&f));
    let (status, err) = json(
        admin
            .post(&format!("{base}/draw"), &json!({"seed": "x"}))
            .await,
    )
    .await;
    field_error(status, &err, "seed");
    let outsider = Api::user(&f.app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    let draw = format!("{base}/draw");
    assert_eq!(
        outsider.post(&draw, &json!({"seed": 7})).await.status(),
        Status::NotFound
    );
    let (_, before) = json(admin.get(&base).await).await;
    assert_eq!(before["items"].as_array().unwrap().len(), 0);
    let (status, order) = json(admin.post(&draw, &json!({"seed": 7})).await).await;
    assert_eq!(status, Status::Ok, "{order}");
    assert_eq!(order["seed"], "7");
    assert_eq!(order["items"].as_array().unwrap().len(), f.entries.len());
    assert_eq!(
        admin.post(&draw, &json!({"seed": 8})).await.status(),
        Status::Conflict
    );

    let schedule = format!("{base}/schedule");
    let (status, err) = json(
        admin
            .put(&schedule, &json!({"start": "besok", "minutes": 0}))
            .await,
    )
    .await;
    field_error(status, &err, "start");
    field_error(status, &err, "minutes");
    let body = json!({"start": "2026-05-04T08:00", "minutes": 20});
    let (status, order) = json(admin.put(&schedule, &body).await).await;
    assert_eq!(status, Status::Ok, "{order}");
    // 08:00 WIB is 01:00 UTC; each next entry 20 minutes later.
    assert_eq!(order["items"][0]["starts_at"], "2026-05-04T01:00:00Z");
    assert_eq!(order["items"][1]["starts_at"], "2026-05-04T01:20:00Z");
}
