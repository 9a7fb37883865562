//! Submitting before the deadline with every rule checked, and withdrawing before judging.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use super::drafts::close_window;
use super::{PDF, create_draft, profile, row, save_profile, upload};
use crate::common::builders::{CompetitionBuilder, requirement};
use crate::common::{TestApp, body};

/// A village operator's draft in `c` with the profile saved (`changes` applied).
async fn filled_draft(
    app: &TestApp,
    c: &entity::competition::Model,
    changes: &[(&'static str, &'static str)],
) -> uuid::Uuid {
    app.login_as(Role::Village).await;
    let id = create_draft(app, c.id).await;
    let resp = save_profile(app, id, &profile("0", changes)).await;
    assert_eq!(resp.status(), Status::SeeOther);
    id
}

async fn submit(app: &TestApp, id: uuid::Uuid) -> (Status, String) {
    let resp = app
        .post_form(&format!("/village/nominations/{id}/submit"), &[])
        .await;
    (resp.status(), body(resp).await)
}

#[rocket::async_test]
async fn complete_draft_is_submitted_before_the_deadline() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let req = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    let id = filled_draft(&app, &c, &[]).await;
    upload(
        &app.client,
        id,
        &format!("req:{}", req.id),
        "profil.pdf",
        PDF,
    )
    .await;
    let (status, _) = submit(&app, id).await;
    assert_eq!(status, Status::SeeOther);
    let n = row(&app, id).await;
    assert_eq!(n.status, entity::NominationStatus::Submitted);
    assert!(n.submitted_at.is_some());
    let events = juara::db::audit::list_for_competition(&app.db, c.id)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "nomination.submitted" && e.nomination_id == Some(id))
    );
    // Submitted means frozen.
    let resp = save_profile(&app, id, &profile(&n.version.to_string(), &[])).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("sudah dikirim dan tidak bisa diubah lagi")
    );
}

#[rocket::async_test]
async fn submission_lists_every_missing_item() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    requirement(&app.db, c.id, "RPJMDES", "file", true).await;
    requirement(&app.db, c.id, "VIDEO", "link", false).await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let (status, html) = submit(&app, id).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("Usulan belum bisa dikirim:"));
    assert!(html.contains("Belum diisi: Nama kepala desa/lurah."));
    assert!(html.contains("Belum diisi: Jumlah penduduk (jiwa)."));
    assert!(html.contains("Dokumen wajib belum ada: Dokumen RPJMDES."));
    assert!(
        !html.contains("Dokumen VIDEO."),
        "optional items are not demanded"
    );
    assert_eq!(row(&app, id).await.status, entity::NominationStatus::Draft);
}

#[rocket::async_test]
async fn submission_after_the_deadline_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = filled_draft(&app, &c, &[]).await;
    close_window(&app, c.id).await;
    let (status, html) = submit(&app, id).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("Batas waktu pengusulan sudah lewat"));
    assert_eq!(row(&app, id).await.status, entity::NominationStatus::Draft);
}

#[rocket::async_test]
async fn development_status_outside_the_published_list_is_not_eligible() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Berkembang")
        .eligible_statuses("berkembang, maju")
        .insert(&app.db)
        .await;
    let id = filled_draft(&app, &c, &[("development_status", "mandiri")]).await;
    let (status, html) = submit(&app, id).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        html.contains(
            "Status perkembangan desa Anda tidak termasuk yang boleh mengikuti lomba ini."
        )
    );
    assert_eq!(row(&app, id).await.status, entity::NominationStatus::Draft);
}

#[rocket::async_test]
async fn acting_head_is_refused_where_a_definitive_head_is_required() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Definitif")
        .definitive_head()
        .insert(&app.db)
        .await;
    let id = filled_draft(&app, &c, &[("head_is_acting", "true")]).await;
    let (status, html) = submit(&app, id).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("mensyaratkan kepala desa definitif (bukan Pj)"));
}

#[rocket::async_test]
async fn a_full_competition_refuses_more_entries() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Kecil")
        .max_entries(1)
        .insert(&app.db)
        .await;
    // Another village already has the only place.
    let other = juara::db::nominations::insert_draft(
        &app.db,
        c.id,
        super::NEIGHBOUR,
        juara::ids::UserId::new(),
    )
    .await
    .unwrap();
    let mut other = other.into_active_model();
    other.status = Set(entity::NominationStatus::Submitted);
    other.update(&app.db).await.unwrap();
    let id = filled_draft(&app, &c, &[]).await;
    let (status, html) = submit(&app, id).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("Kuota peserta lomba ini sudah penuh."));
}

#[rocket::async_test]
async fn withdrawing_before_judging_is_recorded() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = filled_draft(&app, &c, &[]).await;
    submit(&app, id).await;
    let resp = app
        .post_form(&format!("/village/nominations/{id}/withdraw"), &[])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let n = row(&app, id).await;
    assert_eq!(n.status, entity::NominationStatus::Withdrawn);
    assert!(n.withdrawn_at.is_some());
    let events = juara::db::audit::list_for_competition(&app.db, c.id)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "nomination.withdrawn" && e.details == "submitted → withdrawn")
    );
}

#[rocket::async_test]
async fn withdrawing_after_judging_started_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = filled_draft(&app, &c, &[]).await;
    submit(&app, id).await;
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut comp = comp.into_active_model();
    comp.status = Set(entity::CompetitionStatus::Judging);
    comp.update(&app.db).await.unwrap();
    let resp = app
        .post_form(&format!("/village/nominations/{id}/withdraw"), &[])
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("Usulan tidak bisa ditarik lagi: penilaian sudah dimulai.")
    );
    assert_eq!(
        row(&app, id).await.status,
        entity::NominationStatus::Submitted
    );
}

#[rocket::async_test]
async fn villages_read_the_published_rules_before_and_while_nominating() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .eligible_statuses("berkembang,maju")
        .definitive_head()
        .insert(&app.db)
        .await;
    CompetitionBuilder::new("Lomba Terbuka")
        .insert(&app.db)
        .await;
    app.login_as(Role::Village).await;
    let home = body(app.get("/village").await).await;
    assert!(home.contains("Syarat peserta: status perkembangan desa Berkembang, Maju"));
    assert!(home.contains("kepala desa definitif (bukan Pj)"));
    assert!(home.contains("semua desa/kelurahan di wilayah dan kategori lomba"));
    let id = create_draft(&app, c.id).await;
    let page = body(app.get(&format!("/village/nominations/{id}")).await).await;
    assert!(page.contains("status perkembangan desa Berkembang, Maju"));
    assert!(page.contains("kepala desa definitif"));
}
