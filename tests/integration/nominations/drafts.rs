//! Creating and editing drafts: eligibility of the competition, one nomination per village,
//! field validation, optimistic concurrency, the deadline, CSRF.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{EntityTrait, PaginatorTrait};

use super::{KELURAHAN, create_draft, profile, row, save_profile};
use crate::common::builders::CompetitionBuilder;
use crate::common::{TestApp, body};

#[rocket::async_test]
async fn village_home_lists_eligible_competitions_with_deadline() {
    let app = TestApp::new().await;
    CompetitionBuilder::new("Lomba Desa Kudus 2026")
        .insert(&app.db)
        .await;
    CompetitionBuilder::new("Lomba Kelurahan Kudus")
        .category("kelurahan")
        .insert(&app.db)
        .await;
    CompetitionBuilder::new("Lomba Desa Kaltim")
        .level("provinsi", Some("64"))
        .insert(&app.db)
        .await;
    CompetitionBuilder::new("Lomba Draf")
        .status("draft")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let html = body(app.get("/village").await).await;
    assert!(html.contains("Lomba Desa Kudus 2026"));
    assert!(html.contains("Batas pengusulan"));
    for hidden in ["Lomba Kelurahan Kudus", "Lomba Desa Kaltim", "Lomba Draf"] {
        assert!(!html.contains(hidden), "{hidden} must not be offered");
    }
}

#[rocket::async_test]
async fn village_creates_a_draft_and_sees_it_on_its_home() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let user = app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let n = row(&app, id).await;
    assert_eq!(n.status, entity::NominationStatus::Draft);
    assert_eq!(n.origin, "self");
    assert_eq!(n.village_code, super::OWN);
    assert_eq!(n.created_by, Some(user.id));
    let html = body(app.get("/village").await).await;
    assert!(html.contains(&format!("/village/nominations/{id}")));
    assert!(html.contains("Draf"));
}

#[rocket::async_test]
async fn second_nomination_for_the_same_competition_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    create_draft(&app, c.id).await;
    let resp = app
        .post_form(
            "/village/nominations",
            &[("competition_id", &c.id.to_string())],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("sudah memiliki usulan untuk lomba ini")
    );
    let rows = entity::nomination::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[rocket::async_test]
async fn kelurahan_cannot_enter_a_desa_competition() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let kel = app
        .browser_as(Role::Village, "op.kel", None, Some(KELURAHAN))
        .await;
    let token = crate::common::csrf_of(&kel).await;
    let resp = kel
        .post("/village/nominations")
        .header(rocket::http::ContentType::Form)
        .body(crate::common::encode_form(&[
            ("_csrf", &token),
            ("competition_id", &c.id.to_string()),
        ]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Lomba ini tidak terbuka untuk desa/kelurahan Anda.")
    );
    assert_eq!(
        entity::nomination::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[rocket::async_test]
async fn creating_after_the_deadline_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Lewat")
        .closed()
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let resp = app
        .post_form(
            "/village/nominations",
            &[("competition_id", &c.id.to_string())],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("Batas waktu pengusulan sudah lewat")
    );
}

#[rocket::async_test]
async fn creating_without_csrf_token_is_forbidden() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let resp = app
        .post_raw(
            "/village/nominations",
            &[("competition_id", &c.id.to_string())],
        )
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(
        entity::nomination::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[rocket::async_test]
async fn profile_is_saved_and_version_bumped() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let resp = save_profile(&app, id, &profile("0", &[("head_is_acting", "true")])).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let n = row(&app, id).await;
    assert_eq!(n.head_name, "Sutrisno");
    assert!(n.head_is_acting);
    assert_eq!(n.population, Some(4210));
    assert_eq!(n.households, Some(1280));
    assert_eq!(n.development_status, "maju");
    assert_eq!(n.version, 1);
    let html = body(app.get(&format!("/village/nominations/{id}")).await).await;
    assert!(html.contains("Draf usulan disimpan."));
    assert!(html.contains("value=\"Sutrisno\""));
}

#[rocket::async_test]
async fn invalid_profile_is_refused_with_every_value_kept() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let cases: &[(&str, &str, &str)] = &[
        ("population", "-5", "Tidak boleh kurang dari 0."),
        ("population", "banyak", "Harus berupa angka."),
        (
            "households",
            "99999",
            "Jumlah KK tidak boleh melebihi jumlah penduduk.",
        ),
        ("contact_email", "bukan-email", "Alamat email tidak valid."),
        ("contact_phone", "12ab", "Nomor telepon harus 8–15 angka"),
        (
            "development_status",
            "super",
            "Pilih salah satu pilihan yang tersedia.",
        ),
        ("head_name", "", ""),
    ];
    for (field, value, message) in cases.iter().filter(|c| !c.2.is_empty()) {
        let resp = save_profile(&app, id, &profile("0", &[(field, value)])).await;
        assert_eq!(
            resp.status(),
            Status::UnprocessableEntity,
            "{field}={value}"
        );
        let html = body(resp).await;
        assert!(
            html.contains(message),
            "{field}={value}: expected {message:?}"
        );
        assert!(html.contains("Siti Aminah"), "{field}: other values kept");
        if !value.is_empty() && *field != "development_status" {
            assert!(
                html.contains(&format!("value=\"{value}\"")),
                "{field}: value kept"
            );
        }
    }
    let long = "x".repeat(121);
    let mut fields = profile("0", &[]);
    fields[0].1 = long;
    let resp = save_profile(&app, id, &fields).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Maksimal 120 karakter."));
    assert_eq!(row(&app, id).await.version, 0, "nothing saved");
}

#[rocket::async_test]
async fn stale_save_from_another_tab_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    // Both tabs loaded version 0; the first saves.
    let first = save_profile(&app, id, &profile("0", &[("head_name", "Tab Satu")])).await;
    assert_eq!(first.status(), Status::SeeOther);
    let second = save_profile(&app, id, &profile("0", &[("head_name", "Tab Dua")])).await;
    assert_eq!(second.status(), Status::Conflict);
    let html = body(second).await;
    assert!(html.contains("sudah disimpan dari tab atau perangkat lain"));
    assert!(
        html.contains("value=\"Tab Dua\""),
        "the second tab's typing is kept"
    );
    assert!(
        html.contains("name=\"version\" value=\"1\""),
        "re-save is deliberate"
    );
    let n = row(&app, id).await;
    assert_eq!(n.head_name, "Tab Satu", "never silently overwritten");
    assert_eq!(n.version, 1);
}

#[rocket::async_test]
async fn editing_after_the_deadline_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    close_window(&app, c.id).await;
    let resp = save_profile(&app, id, &profile("0", &[])).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("Batas waktu pengusulan sudah lewat")
    );
    assert_eq!(row(&app, id).await.head_name, "");
}

/// Moves the competition's deadline into the past.
pub async fn close_window(app: &TestApp, competition: uuid::Uuid) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let c = entity::competition::Entity::find_by_id(competition)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut c = c.into_active_model();
    c.nomination_closes_at = Set(Some(
        chrono::Utc::now().fixed_offset() - chrono::Duration::minutes(1),
    ));
    c.update(&app.db).await.unwrap();
}
