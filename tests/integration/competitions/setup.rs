//! Creating competitions (blank, from a template, cloned) and editing their set-up: criteria
//! with engine validation, stages, the checklist and the prize table.

use rocket::http::Status;

use super::*;
use crate::common::body;

#[rocket::async_test]
async fn the_desa_template_creates_a_complete_draft_in_one_go() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let c = competition(&app, id).await;
    assert_eq!(c.status, entity::CompetitionStatus::Draft);
    assert_eq!(c.region_code.as_deref(), Some("64"));
    assert_eq!(
        c.cash_budget,
        Some(52_500_000),
        "template budget fills a blank field"
    );
    assert_eq!(c.assistance_budget, Some(225_000_000));
    let s = stages(&app, id).await;
    let codes: Vec<&str> = s.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["ADM", "LAPANGAN", "PAPARAN"]);
    assert_eq!(s.iter().map(|s| s.weight).collect::<Vec<_>>(), [0, 50, 50]);
    assert_eq!(s[0].shortlist, Some(6));
    assert_eq!(criteria(&app, s[1].id).await.len(), 56);
    assert_eq!(criteria(&app, s[2].id).await.len(), 3);
    let docs = documents(&app, id).await;
    assert_eq!(docs.len(), 7);
    assert_eq!(docs[6].kind, "link");
    let p = prizes(&app, id).await;
    assert_eq!(p.len(), 6);
    assert_eq!(
        (p[0].label.as_str(), p[0].cash, p[0].assistance),
        ("Juara I", 15_000_000, 100_000_000)
    );
    let events = audit(&app, id).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].action, "competition.created");
    assert_eq!(events[0].details, "template: desa");

    let html = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(html.contains("Rp100.000.000"), "assistance shown in rupiah");
    assert!(
        !html.contains("Belum dapat dibuka"),
        "a complete template has no problems"
    );
}

#[rocket::async_test]
async fn the_competition_form_keeps_values_and_names_every_bad_field() {
    let app = admin_app().await;
    let mut form = fields("", "desa", "");
    form.retain(|(k, _)| {
        ![
            "name",
            "region_code",
            "judging_closes_at",
            "cash_budget",
            "description",
        ]
        .contains(k)
    });
    form.extend([
        ("name", ""),
        ("region_code", "64.72"),
        ("judging_closes_at", "2026-04-01T08:00"),
        ("cash_budget", "15,5 juta"),
        ("description", "tetap ada"),
    ]);
    let resp = app.post_form("/admin/competitions", &form).await;
    let status = resp.status();
    let html = body(resp).await;
    assert_eq!(status, Status::UnprocessableEntity, "{html}");
    for msg in [
        "Wajib diisi.",
        "Kode wilayah tidak sesuai dengan tingkat lomba.",
        "Tanggal ini harus sesudah tanggal sebelumnya dalam jadwal.",
        "Harus berupa jumlah rupiah, mis. 15.000.000.",
    ] {
        assert!(html.contains(msg), "missing {msg:?}");
    }
    assert!(html.contains("tetap ada"), "values are kept");
    let n = competition::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .len();
    assert_eq!(n, 0, "nothing stored");
}

#[rocket::async_test]
async fn a_regional_admin_creates_only_inside_their_region() {
    let app = TestApp::new().await;
    login_regional_admin(&app, "panitia.jateng", "33").await;
    let resp = app
        .post_form("/admin/competitions", &fields("Lomba", "desa", ""))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Wilayah ini di luar wilayah kerja Anda.")
    );
    let mut national = fields("Lomba", "desa", "");
    national.retain(|(k, _)| !["level", "region_code"].contains(k));
    national.extend([("level", "nasional"), ("region_code", "")]);
    let resp = app.post_form("/admin/competitions", &national).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Hanya panitia nasional yang dapat membuat lomba tingkat nasional.")
    );
    let mut kudus = fields("Lomba Desa Kudus", "desa", "desa");
    kudus.retain(|(k, _)| !["level", "region_code"].contains(k));
    kudus.extend([("level", "kabupaten"), ("region_code", "33.19")]);
    let id = create(&app, &kudus).await;
    assert_eq!(competition(&app, id).await.level, "kabupaten");
}

#[rocket::async_test]
async fn weights_not_summing_to_100_are_refused_naming_the_parent() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let s = stages(&app, id).await;
    let rows = criteria(&app, s[1].id).await;
    let leaf = rows.iter().find(|c| c.code == "1.1.1").unwrap();
    let parent = rows.iter().find(|c| c.code == "1.1").unwrap();
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/criteria/{}", leaf.id),
            &[
                ("parent_id", &parent.id.to_string()),
                ("code", "1.1.1"),
                ("name", "Buku administrasi"),
                ("weight", "40"),
                ("scale_min", "1"),
                ("scale_max", "5"),
                ("scale_step", "0,5"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther, "a single save is allowed");
    let saved = criteria(&app, s[1].id)
        .await
        .into_iter()
        .find(|c| c.code == "1.1.1")
        .unwrap();
    assert_eq!(
        (saved.weight, saved.scale_step),
        (40, Some(5_000)),
        "0,5 stored as units"
    );

    let html = body(
        app.get(&format!("/admin/competitions/{id}/stages/{}", s[1].id))
            .await,
    )
    .await;
    assert!(
        html.contains("bobot di bawah 1.1 berjumlah 90, bukan 100."),
        "engine error names 1.1"
    );
    assert!(
        html.contains("90 ≠ 100"),
        "live sum marked next to the parent"
    );

    assert_eq!(
        transition(&app, id, "open").await,
        Status::UnprocessableEntity
    );
    let html = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(html.contains("Tahap LAPANGAN: bobot di bawah 1.1 berjumlah 90, bukan 100."));
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Draft
    );
}

#[rocket::async_test]
async fn a_criterion_with_a_bad_scale_is_refused_with_values_kept() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let s = stages(&app, id).await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/stages/{}/criteria", s[2].id),
            &[
                ("parent_id", ""),
                ("code", "P4"),
                ("name", "Kekompakan tim"),
                ("weight", "10"),
                ("scale_min", "5"),
                ("scale_max", "1"),
                ("scale_step", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("nilai terendah harus lebih kecil dari nilai tertinggi."));
    assert!(html.contains("Kekompakan tim"));
    let dup = app
        .post_form(
            &format!("/admin/competitions/{id}/stages/{}/criteria", s[2].id),
            &[("code", "P1"), ("name", "Lagi"), ("weight", "10")],
        )
        .await;
    assert_eq!(dup.status(), Status::UnprocessableEntity);
    assert!(body(dup).await.contains("Kode sudah dipakai."));
    assert_eq!(criteria(&app, s[2].id).await.len(), 3);
}

#[rocket::async_test]
async fn removing_a_parent_asks_first_then_takes_its_subtree() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let s = stages(&app, id).await;
    let aspect = criteria(&app, s[1].id)
        .await
        .into_iter()
        .find(|c| c.code == "1.1")
        .unwrap();
    let path = format!("/admin/competitions/{id}/criteria/{}/delete", aspect.id);
    let resp = app.post_form(&path, &[]).await;
    assert_eq!(resp.status(), Status::Ok);
    assert!(
        body(resp)
            .await
            .contains("juga menghapus 2 kriteria di bawahnya")
    );
    assert_eq!(
        criteria(&app, s[1].id).await.len(),
        56,
        "nothing removed before confirming"
    );
    let resp = app.post_form(&path, &[("confirm", "true")]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let left = criteria(&app, s[1].id).await;
    assert_eq!(left.len(), 53);
    assert!(!left.iter().any(|c| c.code.starts_with("1.1")));
}

#[rocket::async_test]
async fn stages_are_added_reordered_and_removed() {
    let app = admin_app().await;
    let id = create(&app, &fields("Lomba kosong", "desa", "")).await;
    for code in ["ADM", "LAP"] {
        let resp = app
            .post_form(
                &format!("/admin/competitions/{id}/stages"),
                &[
                    ("code", code),
                    ("name", code),
                    ("kind", "field"),
                    ("weight", "50"),
                    ("aggregation", "trimmed"),
                    ("trim_k", "1"),
                    ("quorum", "3"),
                    ("judges_per_entry", "5"),
                ],
            )
            .await;
        assert_eq!(resp.status(), Status::SeeOther, "{code}");
    }
    let bad = app
        .post_form(
            &format!("/admin/competitions/{id}/stages"),
            &[
                ("code", "X"),
                ("name", "X"),
                ("kind", "field"),
                ("weight", "0"),
                ("aggregation", "trimmed"),
                ("trim_k", "1"),
                ("quorum", "2"),
                ("judges_per_entry", "5"),
            ],
        )
        .await;
    assert_eq!(bad.status(), Status::UnprocessableEntity);
    assert!(
        body(bad)
            .await
            .contains("Kuorum harus lebih dari dua kali k untuk rata-rata terpangkas.")
    );
    let s = stages(&app, id).await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/stages/{}/move?up=true", s[1].id),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let codes: Vec<String> = stages(&app, id).await.into_iter().map(|s| s.code).collect();
    assert_eq!(codes, ["LAP", "ADM"]);
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/stages/{}/delete", s[1].id),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let codes: Vec<String> = stages(&app, id).await.into_iter().map(|s| s.code).collect();
    assert_eq!(codes, ["ADM"]);
}

#[rocket::async_test]
async fn kelurahan_cannot_receive_assistance() {
    let app = admin_app().await;
    let mut form = fields("Lomba Kelurahan Kaltim 2026", "kelurahan", "kelurahan");
    form.retain(|(k, _)| *k != "name");
    form.push(("name", "Lomba Kelurahan Kaltim 2026"));
    let id = create(&app, &form).await;
    assert_eq!(prizes(&app, id).await.len(), 6);
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/prizes"),
            &[
                ("label", "Harapan IV"),
                ("cash", "Rp 10.000.000"),
                ("assistance", "Rp 50.000.000"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("Kelurahan tidak dapat menerima bantuan keuangan; isi 0."));
    assert!(html.contains("Rp 50.000.000"), "value kept");
    assert_eq!(prizes(&app, id).await.len(), 6, "nothing stored");
    // A cash-only tier is accepted, but now exceeds the template's cash budget.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/prizes"),
            &[
                ("label", "Harapan IV"),
                ("cash", "10.000.000"),
                ("assistance", "0"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let p = prizes(&app, id).await;
    assert_eq!((p[6].rank, p[6].cash), (7, 10_000_000));
    let html = body(app.get(&format!("/admin/competitions/{id}/prizes")).await).await;
    assert!(html.contains(
        "Total uang pembinaan dapat mencapai Rp400.000.000, melebihi anggaran Rp390.000.000."
    ));
}

#[rocket::async_test]
async fn the_checklist_is_edited_and_reordered() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/documents"),
            &[
                ("code", "sk_kades"),
                ("label", "SK Kepala Desa"),
                ("kind", "file"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let docs = documents(&app, id).await;
    assert_eq!(docs.last().map(|d| d.code.as_str()), Some("SK_KADES"));
    let last = docs.last().unwrap().id;
    app.post_form(
        &format!("/admin/competitions/{id}/documents/{last}/move?up=true"),
        &[],
    )
    .await;
    let docs = documents(&app, id).await;
    assert_eq!(docs[6].code, "SK_KADES");
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/documents"),
            &[("code", "VIDEO"), ("label", "Video"), ("kind", "link")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Kode sudah dipakai."));
    let resp = app
        .post_form(
            &format!("/admin/competitions/{id}/documents/{last}/delete"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(documents(&app, id).await.len(), 7);
}

#[rocket::async_test]
async fn cloning_copies_everything_with_the_schedule_shifted_by_years() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    assert_eq!(transition(&app, id, "open").await, Status::SeeOther);
    let copy_id = clone_to(&app, id, "2027").await;
    let (old, new) = (
        competition(&app, id).await,
        competition(&app, copy_id).await,
    );
    assert_eq!(new.status, entity::CompetitionStatus::Draft);
    assert_eq!(new.year, 2027);
    assert_eq!(new.name, "Lomba Desa Kaltim 2027");
    assert_eq!(new.tie_breaks, old.tie_breaks);
    assert_eq!(
        (new.cash_budget, new.max_entries),
        (old.cash_budget, old.max_entries)
    );
    assert_eq!(
        new.nomination_opens_at.map(|t| t.naive_utc()),
        old.nomination_opens_at
            .and_then(|t| t.naive_utc().checked_add_months(chrono::Months::new(12)))
    );
    assert_eq!(
        new.announcement_at.map(|t| t.naive_utc()),
        old.announcement_at
            .and_then(|t| t.naive_utc().checked_add_months(chrono::Months::new(12)))
    );
    let (a, b) = (stages(&app, id).await, stages(&app, copy_id).await);
    assert_eq!(
        a.iter().map(|s| (&s.code, s.weight)).collect::<Vec<_>>(),
        b.iter().map(|s| (&s.code, s.weight)).collect::<Vec<_>>()
    );
    for (x, y) in a.iter().zip(&b) {
        let mut cx: Vec<(String, i32)> = criteria(&app, x.id)
            .await
            .into_iter()
            .map(|c| (c.code, c.weight))
            .collect();
        let mut cy: Vec<(String, i32)> = criteria(&app, y.id)
            .await
            .into_iter()
            .map(|c| (c.code, c.weight))
            .collect();
        cx.sort();
        cy.sort();
        assert_eq!(cx, cy, "criteria of {}", x.code);
    }
    assert_eq!(documents(&app, copy_id).await.len(), 7);
    assert_eq!(prizes(&app, copy_id).await.len(), 6);
    assert_eq!(audit(&app, copy_id).await[0].action, "competition.cloned");
    // The copy is complete: it can open straight away.
    assert_eq!(transition(&app, copy_id, "open").await, Status::SeeOther);
}

#[rocket::async_test]
async fn the_list_filters_by_year_and_status() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let mut older = fields("Lomba Lama", "desa", "");
    older.retain(|(k, _)| *k != "year");
    older.push(("year", "2025"));
    create(&app, &older).await;
    transition(&app, id, "open").await;
    let html = body(app.get("/admin/competitions?year=2026").await).await;
    assert!(html.contains("Lomba Desa Kaltim 2026") && !html.contains("Lomba Lama"));
    let html = body(app.get("/admin/competitions?status=draft").await).await;
    assert!(!html.contains("Lomba Desa Kaltim 2026") && html.contains("Lomba Lama"));
}
