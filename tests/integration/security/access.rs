//! Issue 10 §2: an admin acts only inside their region. Conflicts of interest outside the
//! admin's scope can be neither declared nor removed (404, nothing written, sheets intact),
//! the conflict list shows only the admin's region, and a conflict declared after scoring
//! keeps the judge's sheets, excluded from results with the reason.

use entity::{audit_event, judge_conflict, score, score_sheet};
use juara::auth::Role;
use rocket::http::Status;
use rocket::local::asynchronous::Client;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::common::body;
use crate::judging::{Fixture, pairs, post};

/// Rows of the tables a conflict declaration touches.
async fn counts(f: &Fixture) -> (u64, u64, u64, u64) {
    let db = &f.app.db;
    (
        judge_conflict::Entity::find().count(db).await.unwrap(),
        score_sheet::Entity::find().count(db).await.unwrap(),
        score::Entity::find().count(db).await.unwrap(),
        audit_event::Entity::find().count(db).await.unwrap(),
    )
}

async fn admin(f: &Fixture, name: &str, region: Option<&str>) -> Client {
    let user = f.app.create_user(Role::Admin, name, region, None).await;
    f.browser(&user).await
}

/// A judge with a submitted sheet on entry 0 (village 33.19.01.2001, competition in 33.19).
async fn scored(f: &Fixture) -> (crate::common::TestUser, uuid::Uuid) {
    let judge = f.judge("juri_dinilai", None).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let path = format!("/judge/sheets/{}", sheet.id);
    let resp = post(&client, &path, &f.complete(0, "submit")).await;
    assert_eq!(resp.status(), Status::SeeOther);
    (judge, sheet.id)
}

#[rocket::async_test]
async fn an_admin_outside_the_region_cannot_declare_or_remove_a_conflict() {
    let f = Fixture::new().await;
    let (judge, sheet) = scored(&f).await;
    let jid = judge.id.to_string();
    let declare = pairs(&[
        ("judge_id", &jid),
        ("region_code", "33.19.01"),
        ("reason", "Saudara sepupu"),
    ]);
    // Province 64 admin: region outside the scope. Kecamatan 33.19.01 admin: the region is
    // inside the scope but the competition (kabupaten 33.19) is not.
    for (name, scope) in [("admin_kaltim", "64"), ("admin_kaliwungu", "33.19.01")] {
        let outsider = admin(&f, name, Some(scope)).await;
        let before = counts(&f).await;
        let resp = post(&outsider, "/admin/conflicts", &declare).await;
        assert_eq!(resp.status(), Status::NotFound, "{scope} declares");
        assert_eq!(counts(&f).await, before, "{scope}: nothing written");
        assert!(f.sheet(sheet).await.excluded_at.is_none(), "sheet intact");
        assert_eq!(f.scores(sheet).await.len(), 3, "scores intact");
    }

    // Declared by the province-33 admin, whose scope covers the competition.
    let inside = admin(&f, "admin_jateng", Some("33")).await;
    let resp = post(&inside, "/admin/conflicts", &declare).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert!(f.sheet(sheet).await.excluded_at.is_some());
    let conflict = judge_conflict::Entity::find()
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let remove = pairs(&[("judge_id", &jid), ("id", &conflict.id.to_string())]);
    for (name, scope) in [("admin_kaltim2", "64"), ("admin_kaliwungu2", "33.19.01")] {
        let outsider = admin(&f, name, Some(scope)).await;
        let before = counts(&f).await;
        let resp = post(&outsider, "/admin/conflicts/remove", &remove).await;
        // 33.19.01 is inside that admin's scope, but the sheets it restores are not.
        assert_eq!(resp.status(), Status::NotFound, "{scope} removes");
        assert_eq!(counts(&f).await, before, "{scope}: nothing written");
        assert!(f.sheet(sheet).await.excluded_at.is_some(), "still excluded");
    }
    let resp = post(&inside, "/admin/conflicts/remove", &remove).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert!(f.sheet(sheet).await.excluded_at.is_none(), "counted again");
}

#[rocket::async_test]
async fn the_conflict_list_shows_only_the_admins_region() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_daftar", None).await;
    crate::common::builders::conflict_row(&f.app.db, judge.id, "33.19.02").await;
    crate::common::builders::conflict_row(&f.app.db, judge.id, "64.72").await;
    let page = |c: Client| async move { body(c.get("/admin/conflicts").dispatch().await).await };
    let kaltim = page(admin(&f, "admin_kaltim", Some("64")).await).await;
    assert!(kaltim.contains("64.72"));
    assert!(!kaltim.contains("33.19.02"), "Central Java conflict hidden");
    let jateng = page(admin(&f, "admin_jateng", Some("33")).await).await;
    assert!(jateng.contains("33.19.02"));
    assert!(!jateng.contains("64.72"), "East Kalimantan conflict hidden");
    let national = page(admin(&f, "admin_pusat", None).await).await;
    assert!(national.contains("33.19.02") && national.contains("64.72"));
}

#[rocket::async_test]
async fn a_conflict_after_scoring_keeps_the_sheet_excluded_with_the_reason() {
    let f = Fixture::new().await;
    let (judge, sheet) = scored(&f).await;
    let kept = f.scores(sheet).await;
    let national = admin(&f, "admin_pusat", None).await;
    let jid = judge.id.to_string();
    let resp = post(
        &national,
        "/admin/conflicts",
        &pairs(&[
            ("judge_id", &jid),
            ("region_code", "33.19.01.2001"),
            ("reason", "Menantu kepala desa"),
        ]),
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let row = f.sheet(sheet).await;
    assert_eq!(
        row.status,
        entity::SheetStatus::Submitted,
        "the sheet is kept as it was"
    );
    assert!(row.excluded_reason.contains("Menantu kepala desa"));
    assert_eq!(f.scores(sheet).await, kept, "scores kept unchanged");
    // Results skip it and the committee sees it listed with the reason.
    let c = &f.competition;
    crate::common::builders::prize_row(&f.app.db, c.id, 1, "Juara I", 0, 0).await;
    let setup = juara::scoring::load_spec(&f.app.db, c)
        .await
        .unwrap()
        .unwrap();
    let inputs = juara::db::results::inputs::load(&f.app.db, c.id, &setup.data)
        .await
        .unwrap();
    assert!(inputs.sheets.is_empty(), "not counted in results");
    let page = body(
        national
            .get(format!("/admin/competitions/{}/results", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(
        page.contains("Lembar nilai yang tidak dihitung: 1"),
        "{page}"
    );
    assert!(page.contains("Menantu kepala desa"));
    assert!(page.contains("Pengguna juri_dinilai"), "names the judge");
    let trail = audit_event::Entity::find().all(&f.app.db).await.unwrap();
    assert!(trail.iter().any(|e| {
        e.action == "judging.conflict_declared"
            && e.competition_id == Some(c.id)
            && e.reason == "Menantu kepala desa"
            && e.details.contains("dikecualikan dari hasil")
    }));
}
