//! Nothing changes a published result except a correction: every route that feeds the result
//! answers 409 after the announcement and leaves the database as it was, and the database
//! itself refuses direct writes. The correction flow is tested in `published_correction`.

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use crate::api::Api;
use crate::common::{PASSWORD, TestApp, body, csrf_of, encode_form};
use crate::results::{Contest, announce, contest};

pub(super) const LOCKED: &str =
    "Hasil lomba ini sudah diumumkan; perubahan hanya lewat koreksi hasil.";

/// Every row an announced result depends on, in a stable order, so "unchanged" is checkable.
pub(super) async fn inputs(app: &TestApp, c: &Contest) -> String {
    use entity::*;
    let db = &app.db;
    let mut out = String::new();
    macro_rules! dump {
        ($e:ident) => {
            let rows = $e::Entity::find()
                .order_by_asc($e::Column::Id)
                .all(db)
                .await
                .expect(stringify!($e));
            out.push_str(&format!("{:?}\n", rows));
        };
    }
    dump!(score_sheet);
    dump!(score);
    dump!(panel_member);
    dump!(presentation_slot);
    dump!(stage);
    dump!(criterion);
    dump!(prize_tier);
    dump!(plenary_minutes);
    dump!(nomination);
    dump!(result_snapshot);
    let comp = competition::Entity::find_by_id(c.id)
        .one(db)
        .await
        .expect("competition");
    out.push_str(&format!("{comp:?}"));
    out
}

/// The winner's (village index 0) field-stage sheet of judge 1.
pub(super) async fn winners_sheet(app: &TestApp, c: &Contest) -> entity::score_sheet::Model {
    entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::StageId.eq(c.lap))
        .filter(entity::score_sheet::Column::NominationId.eq(c.noms[0]))
        .filter(entity::score_sheet::Column::JudgeId.eq(c.judges[0]))
        .one(&app.db)
        .await
        .expect("query")
        .expect("sheet")
}

/// An announced contest, the committee logged in.
pub(super) async fn announced() -> (TestApp, Contest) {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    (app, c)
}

/// A browser logged in as judge `juri1` of the contest, moved to another province so the
/// contest's villages are outside the judge's home region (sheets reachable).
async fn judge_browser(app: &TestApp, c: &Contest) -> Client {
    let judge = entity::user::Entity::find_by_id(c.judges[0])
        .one(&app.db)
        .await
        .expect("query")
        .expect("judge");
    let mut j: entity::user::ActiveModel = judge.into();
    j.region_code = Set(Some("64.72".into()));
    j.update(&app.db).await.expect("move judge");
    let client = app.new_browser().await;
    let token = csrf_of(&client).await;
    let status = client
        .post("/login")
        .header(ContentType::Form)
        .body(encode_form(&[
            ("_csrf", &token),
            ("username", "juri1"),
            ("password", PASSWORD),
        ]))
        .dispatch()
        .await
        .status();
    assert_eq!(status, Status::SeeOther, "judge login");
    client
}

#[rocket::async_test]
async fn reopening_the_winners_sheet_after_the_announcement_is_refused() {
    let (app, c) = announced().await;
    let sheet = winners_sheet(&app, &c).await;
    let before = inputs(&app, &c).await;
    // The attack of issue 10: reopen the winner's sheet, then "correct" with only a reason.
    let path = format!(
        "/admin/competitions/{}/judging/{}/sheets/{}/reopen",
        c.id, c.lap, sheet.id
    );
    let resp = app.post_form(&path, &[("reason", "Salah input")]).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(body(resp).await.contains(LOCKED), "says why");
    assert_eq!(
        winners_sheet(&app, &c).await.status,
        entity::SheetStatus::Submitted
    );
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/correct", c.id),
            &[
                ("nomination", &c.noms[0].to_string()),
                ("reason", "Lembar nilai dibuka ulang"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("tidak mengubah apa pun"));
    assert_eq!(inputs(&app, &c).await, before, "nothing changed");
}

#[rocket::async_test]
async fn every_route_feeding_the_result_answers_409_after_the_announcement() {
    let (app, c) = announced().await;
    let sheet = winners_sheet(&app, &c).await;
    let prize = entity::prize_tier::Entity::find()
        .filter(entity::prize_tier::Column::CompetitionId.eq(c.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("prize");
    let rejected = entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(c.id))
        .filter(entity::nomination::Column::Status.eq("rejected"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("rejected nomination");
    let extra = app
        .create_user(Role::Judge, "juri_baru", Some("33.19"), None)
        .await;
    let before = inputs(&app, &c).await;
    let (cid, sid, judge) = (c.id, c.lap, c.judges[0].to_string());
    let stage = format!("/admin/competitions/{cid}/judging/{sid}");
    let extra_id = extra.id.to_string();
    let nom = c.noms[3].to_string();
    let refused: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("{stage}/panel"), vec![("judge_id", &extra_id)]),
        (format!("{stage}/panel/remove"), vec![("judge_id", &judge)]),
        (format!("{stage}/assign/auto"), vec![("seed", "7")]),
        (
            format!("{stage}/assign"),
            vec![("nomination_id", &nom), ("judge_id", &extra_id)],
        ),
        (format!("{stage}/sheets/{}/unassign", sheet.id), vec![]),
        (
            format!("{stage}/close"),
            vec![("force", "true"), ("note", "x")],
        ),
        (format!("{stage}/draw"), vec![("seed", "1")]),
        (
            format!("{stage}/schedule"),
            vec![("start", "2026-12-01T08:00"), ("minutes", "30")],
        ),
        (
            format!("/admin/competitions/{cid}/results/minutes"),
            vec![
                ("held_on", "2026-11-30"),
                ("place", "Aula"),
                ("members", "Ketua"),
                ("decision", "Mengubah"),
            ],
        ),
        (
            format!("/admin/competitions/{cid}/prizes"),
            vec![("label", "Juara Baru"), ("cash", "1000000")],
        ),
        (
            format!("/admin/competitions/{cid}/prizes/{}", prize.id),
            vec![("label", "Juara Utama"), ("cash", "1")],
        ),
        (
            format!("/admin/competitions/{cid}/prizes/{}/delete", prize.id),
            vec![],
        ),
        (
            format!("/admin/nominations/{}/review", rejected.id),
            vec![("decision", "accept"), ("reason", "Ditinjau ulang")],
        ),
    ];
    for (path, fields) in &refused {
        let resp = app.post_form(path, fields).await;
        assert_eq!(resp.status(), Status::Conflict, "POST {path}");
        assert!(body(resp).await.contains(LOCKED), "POST {path} says why");
    }
    // The judge can no longer save or submit, on the page or through the API.
    let judge_client = judge_browser(&app, &c).await;
    let token = csrf_of(&judge_client).await;
    let resp = judge_client
        .post(format!("/judge/sheets/{}", sheet.id))
        .header(ContentType::Form)
        .body(encode_form(&[("_csrf", &token), ("action", "submit")]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Conflict, "judge sheet page");
    let (api_token, prefix, hash) = juara::auth::api::generate();
    juara::db::api_tokens::insert(&app.db, c.judges[0].into(), "uji", &prefix, &hash)
        .await
        .expect("token");
    let api_client = app.new_browser().await;
    let resp = api_client
        .put(format!("/api/v1/judge/sheets/{}", sheet.id))
        .header(ContentType::JSON)
        .header(Header::new("Authorization", format!("Bearer {api_token}")))
        .body(json!({"version": sheet.version, "answers": []}).to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Conflict, "judge sheet API");
    // The JSON API of the committee is held to the same rule.
    let api = Api::admin(&app).await;
    let resp = api
        .post(
            &format!("/api/v1/competitions/{cid}/prizes"),
            &json!({"label": "Juara Baru", "cash": 1_000_000}),
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict, "prize API");
    let resp = api
        .post(
            &format!("/api/v1/nominations/{}/review", rejected.id),
            &json!({"decision": "accept", "reason": "Ditinjau ulang"}),
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict, "review API");
    let err: serde_json::Value =
        serde_json::from_str(&resp.into_string().await.unwrap_or_default()).expect("json");
    assert_eq!(err["message"], LOCKED);
    assert_eq!(inputs(&app, &c).await, before, "database unchanged");
}

#[rocket::async_test]
async fn the_database_refuses_direct_writes_to_an_announced_results_inputs() {
    use juara::integrity::is_lock_violation;
    let (app, c) = announced().await;
    let db = &app.db;
    let before = inputs(&app, &c).await;
    let sheet = winners_sheet(&app, &c).await;
    let check = |what: &str, r: Result<(), sea_orm::DbErr>| {
        let e = r.expect_err(what);
        assert!(is_lock_violation(&e), "{what}: {e}");
        let mapped = juara::AppError::from(e);
        assert_eq!(mapped.status(), Status::Conflict, "{what} maps to 409");
    };
    let mut a: entity::score_sheet::ActiveModel = sheet.clone().into();
    a.status = Set(entity::SheetStatus::Draft);
    check("sheet update", a.update(db).await.map(|_| ()));
    check(
        "sheet delete",
        entity::score_sheet::Entity::delete_by_id(sheet.id)
            .exec(db)
            .await
            .map(|_| ()),
    );
    let score = entity::score::Entity::find()
        .filter(entity::score::Column::SheetId.eq(sheet.id))
        .one(db)
        .await
        .expect("query")
        .expect("score");
    let mut s: entity::score::ActiveModel = score.into();
    s.value = Set(Some(1_000_000));
    check("score update", s.update(db).await.map(|_| ()));
    let panel = entity::panel_member::Entity::find()
        .filter(entity::panel_member::Column::StageId.eq(c.lap))
        .one(db)
        .await
        .expect("query")
        .expect("panel");
    check(
        "panel delete",
        entity::panel_member::Entity::delete_by_id(panel.id)
            .exec(db)
            .await
            .map(|_| ()),
    );
    let prize = entity::prize_tier::Entity::find()
        .filter(entity::prize_tier::Column::CompetitionId.eq(c.id))
        .one(db)
        .await
        .expect("query")
        .expect("prize");
    let mut p: entity::prize_tier::ActiveModel = prize.into();
    p.cash = Set(1);
    check("prize update", p.update(db).await.map(|_| ()));
    let minutes = juara::db::results::minutes::NewMinutes {
        held_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        held_time: None,
        place: "Aula".into(),
        members: "Ketua".into(),
        decision: "Mengubah".into(),
    };
    check(
        "minutes insert",
        juara::db::results::minutes::insert(db, c.id, minutes, Uuid::new_v4())
            .await
            .map(|_| ()),
    );
    let nom = entity::nomination::Entity::find_by_id(c.noms[0])
        .one(db)
        .await
        .expect("query")
        .expect("nomination");
    let mut n: entity::nomination::ActiveModel = nom.into();
    n.status = Set(entity::NominationStatus::Withdrawn);
    check("entry status", n.update(db).await.map(|_| ()));
    let stage = entity::stage::Entity::find_by_id(c.lap)
        .one(db)
        .await
        .expect("query")
        .expect("stage");
    let mut g: entity::stage::ActiveModel = stage.into();
    g.closed_at = Set(None);
    g.draw_seed = Set(Some(42));
    check("stage update", g.update(db).await.map(|_| ()));
    assert_eq!(inputs(&app, &c).await, before, "database unchanged");
    // Archived is as locked as announced.
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(db)
        .await
        .expect("query")
        .expect("competition");
    let mut k: entity::competition::ActiveModel = comp.into();
    k.status = Set(entity::CompetitionStatus::Archived);
    k.update(db).await.expect("archive");
    let mut a: entity::score_sheet::ActiveModel = sheet.into();
    a.status = Set(entity::SheetStatus::Draft);
    check("archived sheet update", a.update(db).await.map(|_| ()));
}
