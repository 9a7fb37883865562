//! The lifecycle: opening only a complete set-up, legal transitions only, each one audited,
//! rules published before nominations, and criteria frozen once judging starts.

use rocket::http::Status;
use sea_orm::{ActiveModelTrait, Set};

use super::*;
use crate::common::body;

#[rocket::async_test]
async fn a_template_competition_opens_and_every_transition_is_audited() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    assert_eq!(transition(&app, id, "open").await, Status::SeeOther);
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Open
    );
    assert_eq!(transition(&app, id, "judging").await, Status::SeeOther);
    assert_eq!(transition(&app, id, "review").await, Status::SeeOther);
    assert_eq!(
        transition(&app, id, "judging").await,
        Status::SeeOther,
        "scoring may reopen"
    );
    let events = audit(&app, id).await;
    let steps: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.action.as_str(), e.details.as_str()))
        // The published rules' event names the version and its hash.
        .map(|(a, d)| {
            (
                a,
                if a == "competition.rules_published" {
                    &d[..3]
                } else {
                    d
                },
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("competition.created", "template: desa"),
            ("competition.status", "draft → open"),
            ("competition.rules_published", "v1 "),
            ("competition.status", "open → judging"),
            ("competition.status", "judging → review"),
            ("competition.status", "review → judging"),
        ]
    );
    assert!(events.iter().skip(1).all(|e| e.actor_id.is_some()));
}

#[rocket::async_test]
async fn an_incomplete_competition_cannot_open_and_every_problem_is_listed() {
    let app = admin_app().await;
    let mut form = fields("Lomba kosong", "desa", "");
    form.retain(|(k, _)| !["nomination_opens_at", "announcement_at"].contains(k));
    let id = create(&app, &form).await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/stages"),
            &[
                ("code", "ADM"),
                ("name", "Dokumen"),
                ("kind", "documents"),
                ("weight", "60"),
                ("aggregation", "mean"),
                ("quorum", "3"),
                ("judges_per_entry", "3"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let stage_id = stages(&app, id).await[0].id;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/stages/{stage_id}/criteria"),
            &[
                ("code", "1"),
                ("name", "Administrasi"),
                ("weight", "40"),
                ("scale_min", "1"),
                ("scale_max", "5"),
                ("scale_step", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);

    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/status"),
            &[("to", "open")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    for problem in [
        "Lomba belum dapat dibuka. Perbaiki semua masalah di bawah ini.",
        "Tahap ADM: bobot tingkat teratas berjumlah 40, bukan 100.",
        "Bobot semua tahap berjumlah 60, bukan 100.",
        "Tabel hadiah belum memiliki peringkat.",
        "Jadwal belum lengkap",
    ] {
        assert!(html.contains(problem), "missing problem {problem:?}");
    }
    assert_eq!(
        html.matches("class=\"problem\"").count(),
        4,
        "exactly the four problems"
    );
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Draft
    );
    assert_eq!(
        audit(&app, id).await.len(),
        1,
        "a refused transition records nothing"
    );
}

#[rocket::async_test]
async fn illegal_transitions_are_refused() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/status"),
            &[("to", "judging")],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("Status lomba tidak dapat diubah dari Draf ke Penilaian.")
    );
    assert_eq!(transition(&app, id, "archived").await, Status::Conflict);
    assert_eq!(transition(&app, id, "nonsense").await, Status::Conflict);
    for to in ["open", "judging", "review"] {
        assert_eq!(transition(&app, id, to).await, Status::SeeOther, "{to}");
    }
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/status"),
            &[("to", "announced")],
        )
        .await;
    assert_eq!(
        resp.status(),
        Status::Conflict,
        "announcing belongs to the results pages"
    );
    assert!(
        body(resp)
            .await
            .contains("Pengumuman hasil dilakukan dari halaman hasil")
    );
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Review
    );
}

#[rocket::async_test]
async fn an_open_competition_goes_back_to_draft_only_without_nominations() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    assert_eq!(transition(&app, id, "draft").await, Status::SeeOther);
    transition(&app, id, "open").await;
    let now = chrono::Utc::now().fixed_offset();
    entity::nomination::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        competition_id: Set(id),
        village_code: Set("64.72.01.1001".into()),
        status: Set(entity::NominationStatus::Draft),
        origin: Set("self".into()),
        source_competition_id: Set(None),
        head_name: Set("Kepala".into()),
        head_is_acting: Set(false),
        development_status: Set("maju".into()),
        population: Set(None),
        households: Set(None),
        contact_name: Set(String::new()),
        contact_phone: Set(String::new()),
        contact_email: Set(String::new()),
        achievements: Set(String::new()),
        description: Set(String::new()),
        submitted_at: Set(None),
        reviewed_at: Set(None),
        reviewed_by: Set(None),
        review_note: Set(String::new()),
        withdrawn_at: Set(None),
        version: Set(1),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/status"),
            &[("to", "draft")],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(body(resp).await.contains("sudah ada usulan"));
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Open
    );
}

/// The edit form of a template competition, with some fields changed.
pub(super) fn edit_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = fields("Lomba Desa Kaltim 2026", "desa", "");
    form.retain(|(k, _)| *k != "template" && !changes.iter().any(|(c, _)| c == k));
    form.extend(
        [
            ("cash_budget", "52.500.000"),
            ("assistance_budget", "225.000.000"),
        ]
        .into_iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)),
    );
    form.retain(|(k, v)| !(["cash_budget", "assistance_budget"].contains(k) && v.is_empty()));
    form.extend_from_slice(changes);
    form
}

#[rocket::async_test]
async fn eligibility_changes_after_opening_need_a_recorded_reason() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    // Before opening, rules change freely.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}"),
            &edit_form(&[("max_entries", "30")]),
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    transition(&app, id, "open").await;

    let change = [
        ("eligible_statuses", "berkembang"),
        ("require_definitive_head", "on"),
        ("max_entries", "30"),
    ];
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &edit_form(&change))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains(
        "Pendaftaran sudah dibuka: tuliskan alasan perubahan syarat peserta atau jadwal."
    ));
    let c = competition(&app, id).await;
    assert_eq!(
        (c.eligible_statuses.as_str(), c.require_definitive_head),
        ("", false),
        "unchanged"
    );

    let mut with_reason = edit_form(&change);
    with_reason.push(("reason", "Sesuai Juknis 2026 revisi"));
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &with_reason)
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let c = competition(&app, id).await;
    assert_eq!(
        (c.eligible_statuses.as_str(), c.require_definitive_head),
        ("berkembang", true)
    );
    let event = audit(&app, id)
        .await
        .into_iter()
        .rfind(|e| e.action == "competition.eligibility")
        .unwrap();
    assert_eq!(event.reason, "Sesuai Juknis 2026 revisi");
    assert_eq!(
        event.details,
        "eligible_statuses:  → berkembang; require_definitive_head: false → true"
    );
    let html = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(
        html.contains("Sesuai Juknis 2026 revisi"),
        "reason shown in the audit log"
    );
}

#[rocket::async_test]
async fn schedule_changes_after_opening_need_a_reason_too() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    let change = [("nomination_closes_at", "2026-05-15T16:00")];
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &edit_form(&change))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let mut with_reason = edit_form(&change);
    with_reason.push(("reason", "Banjir di beberapa kecamatan"));
    assert_eq!(
        app.post_form(&format!("/admin/competitions/{id}"), &with_reason)
            .await
            .status(),
        Status::SeeOther
    );
    let event = audit(&app, id)
        .await
        .into_iter()
        .find(|e| e.action == "competition.schedule")
        .unwrap();
    assert_eq!(event.reason, "Banjir di beberapa kecamatan");
    assert_eq!(
        event.details, "nomination_closes_at: 2026-04-30T16:00 WITA → 2026-05-15T16:00 WITA",
        "a Kalimantan Timur competition's times are typed and recorded in WITA"
    );
    // Other fields (the description) change without a reason.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}"),
            &edit_form(&[
                ("description", "Baru"),
                ("nomination_closes_at", "2026-05-15T16:00"),
            ]),
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
}

#[rocket::async_test]
async fn criteria_stages_and_checklist_are_read_only_once_judging_starts() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    transition(&app, id, "judging").await;
    let s = stages(&app, id).await;
    let leaf = criteria(&app, s[2].id).await.into_iter().next().unwrap();
    let base = format!("/admin/competitions/{id}");
    let refused = [
        (
            format!("{base}/stages/{}/criteria", s[2].id),
            vec![("code", "P9"), ("name", "Baru"), ("weight", "10")],
        ),
        (
            format!("{base}/criteria/{}", leaf.id),
            vec![("code", "P1"), ("name", "Ubah"), ("weight", "30")],
        ),
        (
            format!("{base}/criteria/{}/delete", leaf.id),
            vec![("confirm", "true")],
        ),
        (format!("{base}/criteria/{}/move?up=false", leaf.id), vec![]),
        (
            format!("{base}/stages"),
            vec![
                ("code", "X"),
                ("name", "X"),
                ("kind", "other"),
                ("weight", "0"),
                ("aggregation", "mean"),
                ("quorum", "1"),
                ("judges_per_entry", "1"),
            ],
        ),
        (format!("{base}/stages/{}/delete", s[0].id), vec![]),
        (
            format!("{base}/documents"),
            vec![("code", "X"), ("label", "X"), ("kind", "file")],
        ),
    ];
    for (path, form) in &refused {
        let resp = app.post_form(path, form).await;
        assert_eq!(resp.status(), Status::Conflict, "{path}");
        assert!(
            body(resp).await.contains("Penilaian sudah dimulai"),
            "{path}"
        );
    }
    assert_eq!(
        app.get(&format!("{base}/criteria/{}/edit", leaf.id))
            .await
            .status(),
        Status::Conflict
    );
    assert_eq!(criteria(&app, s[2].id).await.len(), 3);
    assert_eq!(stages(&app, id).await.len(), 3);
    let html = body(app.get(&format!("{base}/stages/{}", s[2].id)).await).await;
    assert!(!html.contains("add-criterion"), "no add form");
    assert!(!html.contains("/edit\">Ubah</a>"), "no edit links");
}
