//! The scoring sheet: validation by the engine's rules, versioned saves, submit and reopen,
//! deadlines and closed stages, closing a stage.

use chrono::{Duration, Utc};
use entity::{competition, stage};
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, Set};

use super::{Fixture, post};
use crate::common::body;

async fn setup() -> (
    Fixture,
    entity::score_sheet::Model,
    rocket::local::asynchronous::Client,
) {
    let f = Fixture::new().await;
    let judge = f.judge("juri_satu", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    (f, sheet, client)
}

#[rocket::async_test]
async fn sheet_page_shows_every_leaf_with_its_scale_and_guidance() {
    let (f, sheet, client) = setup().await;
    let html = body(
        client
            .get(format!("/judge/sheets/{}", sheet.id))
            .dispatch()
            .await,
    )
    .await;
    for leaf in &f.leaves {
        assert!(html.contains(&format!("name=\"score[{}]\"", leaf.id)));
        assert!(html.contains(&format!("Panduan {}", leaf.code)));
    }
    assert!(
        html.contains("min=\"0.00\" max=\"100.00\" step=\"5.00\""),
        "B.1 scale on the input"
    );
    assert!(
        html.contains(&format!("name=\"na[{}]\"", f.leaves[1].id)),
        "N/A offered on the optional leaf"
    );
    assert!(
        !html.contains(&format!("name=\"na[{}]\"", f.leaves[0].id)),
        "but not on a required one"
    );
    assert!(html.contains("Verifikasi lapangan") && html.contains("visit_date"));
}

#[rocket::async_test]
async fn out_of_scale_off_step_and_bad_na_are_refused_and_nothing_is_stored() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    for (values, message) in [
        (vec![(0, "6", false)], "antara 1.00 dan 5.00"),
        (vec![(0, "0", false)], "antara 1.00 dan 5.00"),
        (vec![(2, "87", false)], "kelipatan 5.00"),
        (vec![(0, "2,5", false)], "kelipatan 1.00"),
        (vec![(0, "", true)], "wajib dinilai"),
        (vec![(0, "tiga", false)], "Tulis angka"),
    ] {
        let resp = post(&client, &path, &f.form(0, "save", &values)).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{values:?}");
        let html = body(resp).await;
        assert!(html.contains(message), "{values:?}: {message}");
        assert!(
            f.scores(sheet.id).await.is_empty(),
            "nothing stored for {values:?}"
        );
        assert_eq!(f.sheet(sheet.id).await.version, 0);
    }
}

#[rocket::async_test]
async fn draft_saves_values_and_shows_the_engine_subtotal() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    // A.1 = 5 (100 % × 60 % × 50 % = 30 points); decimals with a comma are accepted.
    let resp = post(
        &client,
        &path,
        &f.form(0, "save", &[(0, "5", false), (2, "0", false)]),
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let saved = f.sheet(sheet.id).await;
    assert_eq!((saved.status.as_str(), saved.version), ("draft", 1));
    assert_eq!(f.scores(sheet.id).await.len(), 2);
    let html = body(client.get(path.clone()).dispatch().await).await;
    assert!(
        html.contains(r#"<strong id="subtotal">30,00</strong>"#),
        "subtotal 30,00"
    );
    // Each aspect on its own 0–100: A.1 full and A.2 at its minimum make A 50; B.1 at 0.
    assert!(
        html.contains(r#"<strong data-aspect="A">50,00</strong>"#),
        "aspect A"
    );
    assert!(
        html.contains(r#"<strong data-aspect="B">0,00</strong>"#),
        "aspect B"
    );
    // N/A on A.2 renormalizes aspect A onto A.1: 60 points.
    post(
        &client,
        &path,
        &f.form(
            1,
            "save",
            &[(0, "5", false), (1, "", true), (2, "0", false)],
        ),
    )
    .await;
    let html = body(client.get(path).dispatch().await).await;
    assert!(
        html.contains(r#"<strong id="subtotal">60,00</strong>"#)
            && html.contains(r#"<strong data-aspect="A">100,00</strong>"#),
        "subtotal after N/A"
    );
}

#[rocket::async_test]
async fn stale_save_is_refused_and_nothing_is_overwritten() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    // Tab 1 saves at version 0.
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "4", false)])).await;
    assert_eq!(resp.status(), Status::SeeOther);
    // Tab 2 still holds version 0.
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "1", false)])).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(body(resp).await.contains("tab atau perangkat lain"));
    let scores = f.scores(sheet.id).await;
    assert_eq!(scores.len(), 1);
    assert_eq!(scores[0].value, Some(40_000), "first save kept");
    assert_eq!(f.sheet(sheet.id).await.version, 1);
}

#[rocket::async_test]
async fn submit_needs_a_complete_sheet_then_locks_and_reopen_unlocks_with_a_record() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    let resp = post(&client, &path, &f.form(0, "submit", &[(0, "4", false)])).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("belum dinilai"));
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Assigned
    );

    let resp = post(&client, &path, &f.complete(0, "submit")).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let s = f.sheet(sheet.id).await;
    assert_eq!(s.status, entity::SheetStatus::Submitted);
    assert!(s.submitted_at.is_some());
    // Locked: a further save is refused, nothing changes.
    let resp = post(&client, &path, &f.complete(1, "save")).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );

    // The committee reopens with a reason.
    f.app.login_as(Role::Admin).await;
    let reopen = format!(
        "/admin/competitions/{}/judging/{}/sheets/{}/reopen",
        f.competition.id, f.stage.id, sheet.id
    );
    f.app.post_form(&reopen, &[("reason", "")]).await;
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted,
        "a reason is required"
    );
    f.app
        .post_form(&reopen, &[("reason", "Nilai B.1 perlu dicek ulang")])
        .await;
    let s = f.sheet(sheet.id).await;
    assert_eq!(s.status, entity::SheetStatus::Draft);
    let events = juara::db::audit::list_for_competition(&f.app.db, f.competition.id)
        .await
        .unwrap();
    let e = events
        .iter()
        .find(|e| e.action == "sheet.reopened")
        .expect("audit record");
    assert_eq!(e.reason, "Nilai B.1 perlu dicek ulang");
    // The judge is told why and can save again.
    let html = body(client.get(path.clone()).dispatch().await).await;
    assert!(html.contains("Nilai B.1 perlu dicek ulang"));
    let resp = post(&client, &path, &f.complete(s.version, "submit")).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );
}

#[rocket::async_test]
async fn saves_are_refused_after_the_deadline_when_closed_or_not_judging() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    let set_comp = |change: &dyn Fn(&mut competition::ActiveModel)| {
        let mut a: competition::ActiveModel = f.competition.clone().into();
        change(&mut a);
        a
    };
    // Deadline passed.
    set_comp(&|a| {
        a.judging_closes_at = Set(Some(Utc::now().fixed_offset() - Duration::minutes(1)))
    })
    .update(&f.app.db)
    .await
    .unwrap();
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "4", false)])).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("Batas waktu penilaian sudah lewat")
    );
    assert!(f.scores(sheet.id).await.is_empty());
    // Competition in review (deadline restored).
    set_comp(&|a| a.status = Set(entity::CompetitionStatus::Review))
        .update(&f.app.db)
        .await
        .unwrap();
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "4", false)])).await;
    assert_eq!(resp.status(), Status::Conflict);
    set_comp(&|_| {}).update(&f.app.db).await.unwrap();
    // Stage closed.
    let mut s: stage::ActiveModel = f.stage.clone().into();
    s.closed_at = Set(Some(Utc::now().fixed_offset()));
    s.update(&f.app.db).await.unwrap();
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "4", false)])).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(f.scores(sheet.id).await.is_empty());
    assert_eq!(f.sheet(sheet.id).await.version, 0);
}

#[rocket::async_test]
async fn closing_a_stage_with_missing_sheets_needs_an_explicit_note() {
    let (f, sheet, client) = setup().await;
    f.app.login_as(Role::Admin).await;
    let stage_page = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    let html = body(f.app.get(&stage_page).await).await;
    assert!(
        html.contains("belum lengkap: Bakalankrapyak, Kaliwungu, Kabupaten Kudus"),
        "incomplete entry named as a village, not a code"
    );
    let close = format!(
        "/admin/competitions/{}/judging/{}/close",
        f.competition.id, f.stage.id
    );
    // Refused with the reason next to the checkbox, then next to the note.
    let resp = f.app.post_form(&close, &[]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"<p class="field-error" id="err-force">Masih ada lembar"#));
    let resp = f.app.post_form(&close, &[("force", "true")]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"<p class="field-error" id="err-note">Masih ada lembar"#));
    assert!(html.contains("checked"), "the ticked box stays ticked");
    let reload = |db| async move {
        entity::stage::Entity::find_by_id(f.stage.id)
            .one(db)
            .await
            .unwrap()
            .unwrap()
    };
    use sea_orm::EntityTrait;
    assert!(
        reload(&f.app.db).await.closed_at.is_none(),
        "missing sheet, no note"
    );
    f.app
        .post_form(&close, &[("force", "true"), ("note", "Juri berhalangan")])
        .await;
    let s = reload(&f.app.db).await;
    assert!(s.closed_at.is_some());
    assert_eq!(s.close_note, "Juri berhalangan");
    // The judge can no longer save.
    let resp = post(
        &client,
        &format!("/judge/sheets/{}", sheet.id),
        &f.complete(0, "save"),
    )
    .await;
    assert_eq!(resp.status(), Status::Conflict);
}

#[rocket::async_test]
async fn progress_counts_sheets_per_judge_and_flags_late_ones() {
    let (f, sheet, client) = setup().await;
    post(
        &client,
        &format!("/judge/sheets/{}", sheet.id),
        &f.complete(0, "submit"),
    )
    .await;
    let other = f.judge("juri_dua", Some("64.72")).await;
    f.assign(1, other.id).await;
    let now = Utc::now().fixed_offset();
    let p = juara::db::judging::progress::of_stage(&f.app.db, &f.competition, &f.stage, now)
        .await
        .unwrap();
    assert_eq!(
        (p.total.submitted, p.total.assigned, p.total.late),
        (1, 1, 0)
    );
    assert_eq!(p.by_judge.len(), 2);
    assert_eq!(p.by_entry.len(), 2);
    let later = now + Duration::days(8);
    let p = juara::db::judging::progress::of_stage(&f.app.db, &f.competition, &f.stage, later)
        .await
        .unwrap();
    assert_eq!(
        p.total.late, 1,
        "the unsubmitted sheet is late after the deadline"
    );
    // The judge's dashboard shows the progress bar.
    let html = body(client.get("/judge/sheets").dispatch().await).await;
    assert!(html.contains("1 dari 1 lembar sudah dikirim"));
}

#[rocket::async_test]
async fn partial_panel_scores_only_its_aspects() {
    let (f, sheet, client) = setup().await;
    juara::db::judging::panels::upsert(
        &f.app.db,
        f.stage.id,
        sheet.judge_id,
        (&[f.aspect_b.id], false),
    )
    .await
    .unwrap();
    let path = format!("/judge/sheets/{}", sheet.id);
    let html = body(client.get(path.clone()).dispatch().await).await;
    assert!(html.contains(&format!("score[{}]", f.leaves[2].id)));
    assert!(
        !html.contains(&format!("score[{}]", f.leaves[0].id)),
        "aspect A hidden"
    );
    // A value on aspect A is refused; B.1 alone completes the sheet.
    let resp = post(&client, &path, &f.form(0, "save", &[(0, "3", false)])).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let resp = post(&client, &path, &f.form(0, "submit", &[(2, "50", false)])).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );
}

#[rocket::async_test]
async fn visit_date_and_notes_are_kept_and_a_bad_date_is_refused() {
    let (f, sheet, client) = setup().await;
    let path = format!("/judge/sheets/{}", sheet.id);
    let mut fields = f.form(0, "save", &[(0, "3", false)]);
    fields.push(("visit_date".into(), "20-11-2026".into()));
    let resp = post(&client, &path, &fields).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Tanggal kunjungan tidak valid"));
    assert_eq!(f.sheet(sheet.id).await.version, 0);
    let mut fields = f.form(0, "save", &[(0, "3", false)]);
    fields.push(("visit_date".into(), "2026-11-20".into()));
    fields.push((
        "visit_notes".into(),
        "Balai desa dikunjungi bersama camat".into(),
    ));
    assert_eq!(
        post(&client, &path, &fields).await.status(),
        Status::SeeOther
    );
    let s = f.sheet(sheet.id).await;
    assert_eq!(
        s.visit_date.map(|d| d.to_string()),
        Some("2026-11-20".into())
    );
    assert_eq!(s.visit_notes, "Balai desa dikunjungi bersama camat");
}

#[rocket::async_test]
async fn committee_unassigns_untouched_sheets_only_and_schedules_presentations() {
    let (f, sheet, client) = setup().await;
    let other = f.judge("juri_dua", Some("64.72")).await;
    let untouched = f.assign(1, other.id).await;
    post(
        &client,
        &format!("/judge/sheets/{}", sheet.id),
        &f.form(0, "save", &[(0, "3", false)]),
    )
    .await;
    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    f.app
        .post_form(&format!("{base}/sheets/{}/unassign", sheet.id), &[])
        .await;
    f.app
        .post_form(&format!("{base}/sheets/{}/unassign", untouched.id), &[])
        .await;
    use sea_orm::EntityTrait;
    assert!(
        entity::score_sheet::Entity::find_by_id(sheet.id)
            .one(&f.app.db)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        entity::score_sheet::Entity::find_by_id(untouched.id)
            .one(&f.app.db)
            .await
            .unwrap()
            .is_none()
    );
    f.app
        .post_form(&format!("{base}/draw"), &[("seed", "5")])
        .await;
    f.app
        .post_form(
            &format!("{base}/schedule"),
            &[("start", "2026-12-01T08:00"), ("minutes", "20")],
        )
        .await;
    let slots = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    // Entered in WIB: 08:00 WIB is 01:00 UTC, whatever the database's offset.
    let starts: Vec<String> = slots
        .iter()
        .map(|s| s.starts_at.unwrap().naive_utc().format("%H:%M").to_string())
        .collect();
    assert_eq!(starts[..3], ["01:00", "01:20", "01:40"]);
    let html = body(f.app.get(&base).await).await;
    assert!(
        html.contains("1 Desember 2026 pukul 08.20 WIB"),
        "shown in WIB, Kudus' zone"
    );
    // Bad input: both errors next to their fields, the typed values kept, nothing changed.
    let resp = f
        .app
        .post_form(
            &format!("{base}/schedule"),
            &[("start", "besok pagi"), ("minutes", "0")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"id="err-start">Isi tanggal dan jam mulai"#));
    assert!(html.contains(r#"id="err-minutes">Durasi per desa harus 1 sampai 600 menit"#));
    assert!(html.contains(r#"value="besok pagi""#));
    let unchanged = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    assert_eq!(unchanged, slots);
}
