//! Bad paths: every refused request says why and leaves the database as it was.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::{announce, browser_as, contest, json, post_multipart, village};
use crate::common::builders::sheet_row;
use crate::common::{TestApp, body};

async fn count_minutes(app: &TestApp) -> u64 {
    entity::plenary_minutes::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

#[rocket::async_test]
async fn minutes_and_announcement_refuse_bad_input_and_wrong_status() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    let path = format!("/admin/competitions/{}/results/minutes", c.id);
    let resp = app
        .post_form(
            &path,
            &[
                ("held_on", "20-11-2026"),
                ("place", " "),
                ("members", "A"),
                ("decision", "B"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains("Isi tanggal dengan format TTTT-BB-HH."));
    assert!(page.contains("Wajib diisi."));
    assert_eq!(count_minutes(&app).await, 0);

    // Back to judging: announcing is refused and nothing is frozen.
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a: entity::competition::ActiveModel = comp.into();
    a.status = Set(entity::CompetitionStatus::Judging);
    a.update(&app.db).await.unwrap();
    let resp = app
        .post_form(
            &path,
            &[
                ("held_on", "2026-11-20"),
                ("place", "Aula"),
                ("members", "A"),
                ("decision", "B"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/announce", c.id),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Status lomba tidak memungkinkan tindakan ini.")
    );
    assert!(
        juara::db::results::snapshots::current(&app.db, c.id)
            .await
            .unwrap()
            .is_none()
    );
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(comp.status, entity::CompetitionStatus::Judging);

    // Still a preview while judging.
    let page = app
        .get(&format!("/admin/competitions/{}/results", c.id))
        .await;
    assert_eq!(page.status(), Status::Ok);
}

#[rocket::async_test]
async fn invalid_sheets_are_reported_instead_of_ranked() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    // A submitted sheet with a value outside the 0–100 scale.
    sheet_row(
        &app.db,
        c.lap,
        c.noms[6],
        c.judges[0],
        "submitted",
        &[(c.lap_a, Some(150))],
    )
    .await;
    app.login_as(Role::Admin).await;
    let page = body(
        app.get(&format!("/admin/competitions/{}/results", c.id))
            .await,
    )
    .await;
    assert!(page.contains("id=\"problems\""));
    assert!(!page.contains("id=\"ranking\""));
    assert!(announce_refused(&app, c.id).await);
}

async fn announce_refused(app: &TestApp, id: uuid::Uuid) -> bool {
    let path = format!("/admin/competitions/{id}/results/minutes");
    app.post_form(
        &path,
        &[
            ("held_on", "2026-11-20"),
            ("place", "Aula"),
            ("members", "A"),
            ("decision", "B"),
        ],
    )
    .await;
    let resp = app
        .post_form(&format!("/admin/competitions/{id}/results/announce"), &[])
        .await;
    resp.status() == Status::UnprocessableEntity
        && juara::db::results::snapshots::current(&app.db, id)
            .await
            .unwrap()
            .is_none()
}

#[rocket::async_test]
async fn appeals_respect_the_window_and_need_a_text() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let op = browser_as(&app, Role::Village, "op2003", None, Some(&village(2))).await;
    let path = format!("/village/results/{}/appeal", c.id);
    let resp = post_multipart(&op, &path, &[("body", "  ")], None).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Wajib diisi."));
    let resp = post_multipart(
        &op,
        &path,
        &[("body", "Berkas")],
        Some(("file", "x.exe", b"MZ\x90\0\x03\0\0\0")),
    )
    .await;
    assert_eq!(
        resp.status(),
        Status::UnprocessableEntity,
        "only sniffed document types"
    );
    assert_eq!(
        entity::appeal::Entity::find().count(&app.db).await.unwrap(),
        0
    );

    // A village whose nomination was rejected was never judged: nothing to appeal.
    let rejected = browser_as(&app, Role::Village, "op2013", None, Some(&village(12))).await;
    let resp = post_multipart(&rejected, &path, &[("body", "Kami keberatan")], None).await;
    assert_eq!(resp.status(), Status::Conflict);
    // The window closed: announced eight days ago with a seven-day window.
    let first = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .unwrap();
    let mut s: entity::result_snapshot::ActiveModel = first.clone().into();
    s.announced_at = Set(first.announced_at - chrono::Duration::days(8));
    s.update(&app.db).await.unwrap();
    let resp = post_multipart(&op, &path, &[("body", "Terlambat")], None).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(
        entity::appeal::Entity::find().count(&app.db).await.unwrap(),
        0
    );
}

#[rocket::async_test]
async fn a_rejected_appeal_needs_a_reason_and_is_shown_publicly() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let op = browser_as(&app, Role::Village, "op2005", None, Some(&village(4))).await;
    let path = format!("/village/results/{}/appeal", c.id);
    assert_eq!(
        post_multipart(&op, &path, &[("body", "Mohon ditinjau")], None)
            .await
            .status(),
        Status::SeeOther
    );
    let other = browser_as(&app, Role::Village, "op2006", None, Some(&village(5))).await;
    // Appeals through the API: the committee sees all, a village only its own.
    let api = format!("/api/v1/results/{}/appeals", c.id);
    assert_eq!(
        json(&app.client, &api).await.1["items"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        json(&op, &api).await.1["items"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        json(&other, &api).await.1["items"].as_array().map(Vec::len),
        Some(0)
    );

    let appeal = juara::db::results::appeals::for_nomination(&app.db, c.noms[4])
        .await
        .unwrap()
        .unwrap();
    let reject = format!(
        "/admin/competitions/{}/results/appeals/{}/reject",
        c.id, appeal.id
    );
    let resp = app.post_form(&reject, &[("answer", "")]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let still = juara::db::results::appeals::for_nomination(&app.db, c.noms[4])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.status, entity::AppealStatus::Open);
    let resp = app
        .post_form(&reject, &[("answer", "Nilai sudah sesuai berita acara")])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let done = juara::db::results::appeals::for_nomination(&app.db, c.noms[4])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.status, entity::AppealStatus::Rejected);
    assert_eq!(
        app.post_form(&reject, &[("answer", "lagi")]).await.status(),
        Status::Conflict
    );
    let public = body(
        app.new_browser()
            .await
            .get(format!("/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(public.contains("Ditolak") && public.contains("Nilai sudah sesuai berita acara"));
    let events = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Action.is_in(["appeal.filed", "appeal.rejected"]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(events, 2);
    // Rejected: the results stay at version 1.
    assert_eq!(
        juara::db::results::snapshots::list(&app.db, c.id)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[rocket::async_test]
async fn disbursements_are_validated_field_by_field() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let path = format!("/admin/competitions/{}/results/disbursements", c.id);
    let loser = c.noms[8].to_string();
    let resp = app
        .post_form(
            &path,
            &[
                ("nomination", &loser),
                ("kind", "bonus"),
                ("amount", "-5"),
                ("account", ""),
                ("reference", "R"),
                ("paid_on", "kemarin"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    for message in [
        "Pilih desa penerima hadiah.",
        "Pilih jenis hadiah.",
        "Isi jumlah rupiah lebih dari 0.",
        "Wajib diisi.",
        "Isi tanggal dengan format TTTT-BB-HH.",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(
        entity::disbursement::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[rocket::async_test]
async fn nothing_to_compute_before_judging() {
    let app = TestApp::new().await;
    let c = crate::common::builders::CompetitionBuilder::new("Lomba Desa Baru")
        .insert(&app.db)
        .await;
    app.login_as(Role::Admin).await;
    let resp = app
        .get(&format!("/admin/competitions/{}/results", c.id))
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(
        entity::competition::Entity::find()
            .filter(entity::competition::Column::Status.eq("open"))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
}
