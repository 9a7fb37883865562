//! `/api/v1/competitions`: create from a template, validation, scope, replace with the
//! published-rules reason, lifecycle, clone, and CSRF with cookie authentication.

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use serde_json::json;

use super::{Api, competition_body, create_competition, field_error, id_of, json, set_status};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

#[rocket::async_test]
async fn an_admin_creates_a_competition_from_a_template_and_reads_it_back() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let created = create_competition(&admin, "Lomba Desa Kudus 2026").await;
    assert_eq!(created["status"], "draft");
    assert_eq!(created["category"], "desa");
    assert_eq!(created["nomination_opens_at"], "2026-03-01T01:00:00Z");
    // Blank budgets take the template's, as integers of rupiah.
    assert!(created["cash_budget"].as_i64().unwrap() > 0);
    let id = id_of(&created);
    let stages = juara::db::competition_setup::list_stages(&app.db, id)
        .await
        .unwrap();
    assert!(!stages.is_empty(), "the template's stages were copied");

    let (status, read) = json(admin.get(&format!("/api/v1/competitions/{id}")).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(read["name"], "Lomba Desa Kudus 2026");
    let (_, list) = json(admin.get("/api/v1/competitions?year=2026").await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let (_, none) = json(admin.get("/api/v1/competitions?year=2025").await).await;
    assert!(none["items"].as_array().unwrap().is_empty());
}

#[rocket::async_test]
async fn invalid_fields_are_refused_field_by_field_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let mut body = competition_body("");
    body["year"] = json!("duaribu");
    body["region_code"] = json!("99.99");
    body["nomination_closes_at"] = json!("2026-02-01T08:00:00+07:00");
    body["cash_budget"] = json!("seratus juta");
    let (status, err) = json(admin.post("/api/v1/competitions", &body).await).await;
    field_error(status, &err, "name");
    field_error(status, &err, "year");
    field_error(status, &err, "region_code");
    field_error(status, &err, "cash_budget");
    let order = field_error(status, &err, "nomination_closes_at");
    assert!(!order.is_empty());
    let mut wrong = competition_body("Lomba Kelurahan");
    wrong["category"] = json!("kelurahan");
    let (status, err) = json(admin.post("/api/v1/competitions", &wrong).await).await;
    field_error(status, &err, "template");
    let mut unknown = competition_body("Lomba");
    unknown["template"] = json!("../../etc");
    let (status, err) = json(admin.post("/api/v1/competitions", &unknown).await).await;
    field_error(status, &err, "template");
    let (_, list) = json(admin.get("/api/v1/competitions").await).await;
    assert!(list["items"].as_array().unwrap().is_empty());
}

#[rocket::async_test]
async fn only_admins_create_and_a_regional_admin_stays_in_its_region() {
    let app = TestApp::new().await;
    let village = Api::village(&app).await;
    let judge = Api::user(&app, Role::Judge, "juri", Some("33.19"), None).await;
    for api in [&village, &judge] {
        let resp = api
            .post("/api/v1/competitions", &competition_body("X"))
            .await;
        assert_eq!(resp.status(), Status::Forbidden);
    }
    let anonymous = app.new_browser().await;
    let resp = anonymous
        .post("/api/v1/competitions")
        .header(ContentType::JSON)
        .body(competition_body("X").to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Unauthorized);
    assert_eq!(resp.content_type(), Some(ContentType::JSON));

    let samarinda = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    let (status, err) = json(
        samarinda
            .post("/api/v1/competitions", &competition_body("Lomba Kudus"))
            .await,
    )
    .await;
    assert!(field_error(status, &err, "region_code").contains("wilayah"));
    let kudus = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let path = format!("/api/v1/competitions/{}", kudus.id);
    assert_eq!(samarinda.get(&path).await.status(), Status::NotFound);
    let resp = samarinda
        .put(&path, &competition_body("Diambil alih"))
        .await;
    assert_eq!(resp.status(), Status::NotFound);
    let resp = samarinda
        .post(&format!("{path}/status"), &json!({"to": "judging"}))
        .await;
    assert_eq!(resp.status(), Status::NotFound);
    let (_, list) = json(samarinda.get("/api/v1/competitions").await).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    assert_eq!(judge.get(&path).await.status(), Status::Forbidden);
}

#[rocket::async_test]
async fn villages_list_only_what_they_may_enter_and_never_drafts() {
    let app = TestApp::new().await;
    let open = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let draft = CompetitionBuilder::new("Draf")
        .status("draft")
        .insert(&app.db)
        .await;
    let kelurahan = CompetitionBuilder::new("Lomba Kelurahan")
        .category("kelurahan")
        .insert(&app.db)
        .await;
    let elsewhere = CompetitionBuilder::new("Lomba Samarinda")
        .level("kabupaten", Some("64.72"))
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let (status, list) = json(village.get("/api/v1/competitions").await).await;
    assert_eq!(status, Status::Ok);
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![open.id.to_string()]);
    let path = |id: uuid::Uuid| format!("/api/v1/competitions/{id}");
    assert_eq!(village.get(&path(open.id)).await.status(), Status::Ok);
    for hidden in [draft.id, kelurahan.id, elsewhere.id] {
        assert_eq!(village.get(&path(hidden)).await.status(), Status::NotFound);
    }
}

#[rocket::async_test]
async fn changing_published_rules_needs_a_reason_which_is_recorded() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let created = create_competition(&admin, "Lomba Desa Kudus 2026").await;
    let id = id_of(&created);
    let path = format!("/api/v1/competitions/{id}");
    // In draft, rules change freely.
    let mut body = competition_body("Lomba Desa Kudus 2026");
    body["eligible_statuses"] = json!(["berkembang", "maju"]);
    let (status, saved) = json(admin.put(&path, &body).await).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert_eq!(saved["eligible_statuses"], json!(["berkembang", "maju"]));

    set_status(&app, id, "open").await;
    body["require_definitive_head"] = json!(true);
    let (status, err) = json(admin.put(&path, &body).await).await;
    field_error(status, &err, "reason");
    let (_, unchanged) = json(admin.get(&path).await).await;
    assert_eq!(unchanged["require_definitive_head"], false);

    body["reason"] = json!("Surat edaran gubernur 12/2026");
    let (status, saved) = json(admin.put(&path, &body).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(saved["require_definitive_head"], true);
    let events = juara::db::audit::list_for_competition(&app.db, id)
        .await
        .unwrap();
    assert!(events.iter().any(|e| e.action == "competition.eligibility"
        && e.reason == "Surat edaran gubernur 12/2026"
        && e.details.contains("require_definitive_head")));

    set_status(&app, id, "archived").await;
    let resp = admin.put(&path, &body).await;
    assert_eq!(resp.status(), Status::Conflict);
}

#[rocket::async_test]
async fn the_lifecycle_allows_only_legal_steps() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let id = id_of(&create_competition(&admin, "Lomba Desa Kudus 2026").await);
    let path = format!("/api/v1/competitions/{id}/status");
    let (status, err) = json(admin.post(&path, &json!({"to": "announced"})).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(err["message"].as_str().unwrap().contains("Draf"), "{err}");
    let (status, err) = json(admin.post(&path, &json!({"to": "selesai"})).await).await;
    field_error(status, &err, "to");

    let (status, opened) = json(admin.post(&path, &json!({"to": "open"})).await).await;
    assert_eq!(status, Status::Ok, "the template opens as it is: {opened}");
    assert_eq!(opened["status"], "open");

    juara::db::nominations::insert_draft(&app.db, id, super::OWN, juara::ids::UserId::new())
        .await
        .unwrap();
    let (status, _) = json(admin.post(&path, &json!({"to": "draft"})).await).await;
    assert_eq!(
        status,
        Status::Conflict,
        "back to draft only without nominations"
    );
    let (status, judging) = json(
        admin
            .post(&path, &json!({"to": "judging", "reason": "Jadwal"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(judging["criteria_editable"], false);
    let events = juara::db::audit::list_for_competition(&app.db, id)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "competition.status" && e.details == "open → judging")
    );
}

#[rocket::async_test]
async fn a_clone_copies_the_set_up_and_shifts_the_schedule_a_year() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let source = create_competition(&admin, "Lomba Desa Kudus 2026").await;
    let id = id_of(&source);
    let path = format!("/api/v1/competitions/{id}/clone");
    let (status, err) = json(admin.post(&path, &json!({"year": 1999})).await).await;
    field_error(status, &err, "year");
    let (status, copy) = json(admin.post(&path, &json!({"year": 2027})).await).await;
    assert_eq!(status, Status::Created);
    assert_eq!(copy["name"], "Lomba Desa Kudus 2027");
    assert_eq!(copy["status"], "draft");
    assert_eq!(copy["nomination_opens_at"], "2027-03-01T01:00:00Z");
    assert_eq!(copy["announcement_at"], "2027-08-17T02:00:00Z");
    let a = juara::db::competition_setup::load_setup(&app.db, id)
        .await
        .unwrap();
    let b = juara::db::competition_setup::load_setup(&app.db, id_of(&copy))
        .await
        .unwrap();
    let shape = |d: &juara::db::competition_setup::SetupData| {
        let stages: Vec<_> = d
            .stages
            .iter()
            .map(|s| {
                (
                    s.fields.clone(),
                    s.criteria
                        .iter()
                        .map(|c| c.fields.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        (stages, d.documents.clone(), d.prizes.clone())
    };
    assert!(!a.stages.is_empty());
    assert_eq!(shape(&a), shape(&b), "same set-up, new rows");
}

#[rocket::async_test]
async fn cookie_authenticated_writes_need_the_csrf_header() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let resp = app
        .client
        .post("/api/v1/competitions")
        .header(ContentType::JSON)
        .body(competition_body("Tanpa token").to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(resp.content_type(), Some(ContentType::JSON));
    let count = juara::db::competitions::list_for_admin(
        &app.db,
        &juara::auth::CurrentUser {
            id: juara::ids::UserId::new(),
            username: String::new(),
            display_name: String::new(),
            role: Role::Admin,
            region_code: None,
            village_code: None,
        },
    )
    .await
    .unwrap()
    .len();
    assert_eq!(count, 0, "nothing was created");

    let token = app.csrf().await;
    let resp = app
        .client
        .post("/api/v1/competitions")
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", token))
        .body(competition_body("Dengan token").to_string())
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Created);
    // Reads need no header.
    assert_eq!(app.get("/api/v1/competitions").await.status(), Status::Ok);
}
