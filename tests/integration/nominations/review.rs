//! The committee's administrative check: scope, reasons, the audit trail, what the village
//! sees.

use juara::auth::Role;
use rocket::http::Status;

use super::{NEIGHBOUR, OWN, nomination_with_status, row};
use crate::common::builders::CompetitionBuilder;
use crate::common::{TestApp, body};

#[rocket::async_test]
async fn admin_lists_nominations_with_region_names_and_filters() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    nomination_with_status(&app, c.id, OWN, "submitted").await;
    nomination_with_status(&app, c.id, "33.19.03.2001", "draft").await;
    app.login_as(Role::Admin).await;
    let path = format!("/admin/competitions/{}/nominations", c.id);
    let html = body(app.get(&path).await).await;
    assert!(html.contains("Bakalankrapyak"), "village name");
    assert!(html.contains("Kaliwungu"), "kecamatan name");
    assert!(html.contains("Kabupaten Kudus"), "kabupaten name");
    let only = body(app.get(&format!("{path}?status=submitted")).await).await;
    assert!(only.contains(OWN) && !only.contains("33.19.03.2001"));
    let kec = body(app.get(&format!("{path}?region=33.19.03")).await).await;
    assert!(!kec.contains(OWN) && kec.contains("33.19.03.2001"));
}

#[rocket::async_test]
async fn rejection_needs_a_reason_and_the_village_reads_it() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = nomination_with_status(&app, c.id, OWN, "submitted").await;
    let admin = app.login_as(Role::Admin).await;
    let path = format!("/admin/nominations/{id}/review");
    let resp = app
        .post_form(&path, &[("decision", "reject"), ("reason", "  ")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Alasan wajib diisi."));
    assert_eq!(
        row(&app, id).await.status,
        entity::NominationStatus::Submitted
    );

    let reason = "RPJMDes belum ditandatangani kepala desa.";
    let resp = app
        .post_form(&path, &[("decision", "reject"), ("reason", reason)])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let n = row(&app, id).await;
    assert_eq!(
        (n.status.as_str(), n.review_note.as_str()),
        ("rejected", reason)
    );
    assert_eq!(n.reviewed_by, Some(admin.id));
    let events = juara::db::audit::list_for_competition(&app.db, c.id)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "nomination.rejected" && e.reason == reason)
    );

    let village = app
        .browser_as(Role::Village, "op.bakalan", None, Some(OWN))
        .await;
    let home = village
        .get("/village")
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    assert!(home.contains("Tidak lolos administrasi"));
    assert!(home.contains("RPJMDes belum ditandatangani kepala desa."));
}

#[rocket::async_test]
async fn rejected_nomination_can_be_reconsidered_with_a_reason() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = nomination_with_status(&app, c.id, OWN, "rejected").await;
    app.login_as(Role::Admin).await;
    let path = format!("/admin/nominations/{id}/review");
    let resp = app
        .post_form(&path, &[("decision", "accept"), ("reason", "")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let resp = app
        .post_form(
            &path,
            &[
                ("decision", "accept"),
                ("reason", "Dokumen susulan diterima."),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        row(&app, id).await.status,
        entity::NominationStatus::Accepted
    );
    // Accepted is final for this check.
    let resp = app
        .post_form(&path, &[("decision", "reject"), ("reason", "x")])
        .await;
    assert_eq!(resp.status(), Status::Conflict);
}

#[rocket::async_test]
async fn only_submitted_nominations_are_reviewed() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = nomination_with_status(&app, c.id, OWN, "draft").await;
    app.login_as(Role::Admin).await;
    let resp = app
        .post_form(
            &format!("/admin/nominations/{id}/review"),
            &[("decision", "accept"), ("reason", "")],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert!(
        body(resp)
            .await
            .contains("tidak bisa diperiksa dalam statusnya sekarang")
    );
    assert_eq!(row(&app, id).await.status, entity::NominationStatus::Draft);
}

#[rocket::async_test]
async fn admin_outside_the_scope_cannot_review() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = nomination_with_status(&app, c.id, NEIGHBOUR, "submitted").await;
    let far = app
        .browser_as(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    let token = crate::common::csrf_of(&far).await;
    let resp = far
        .post(format!("/admin/nominations/{id}/review"))
        .header(rocket::http::ContentType::Form)
        .body(crate::common::encode_form(&[
            ("_csrf", &token),
            ("decision", "accept"),
            ("reason", ""),
        ]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::NotFound);
    assert_eq!(
        row(&app, id).await.status,
        entity::NominationStatus::Submitted
    );
}

#[rocket::async_test]
async fn the_committee_filters_by_kabupaten_and_kecamatan_from_lists() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Jawa Tengah")
        .level("provinsi", Some("33"))
        .insert(&app.db)
        .await;
    nomination_with_status(&app, c.id, OWN, "submitted").await;
    nomination_with_status(&app, c.id, "33.19.03.2001", "submitted").await;
    app.login_as(Role::Admin).await;
    let path = format!("/admin/competitions/{}/nominations", c.id);
    let html = body(app.get(&path).await).await;
    assert!(
        html.contains("<option value=\"33.19\" >Kabupaten Kudus</option>"),
        "kabupaten of the province are offered by name"
    );
    let html = body(app.get(&format!("{path}?kabupaten=33.19")).await).await;
    assert!(
        html.contains(">Jati</option>"),
        "its kecamatan are offered once chosen"
    );
    assert!(html.contains(OWN) && html.contains("33.19.03.2001"));
    let jati = body(
        app.get(&format!("{path}?kabupaten=33.19&kecamatan=33.19.03"))
            .await,
    )
    .await;
    assert!(!jati.contains(OWN) && jati.contains("33.19.03.2001"));
    let resp = app
        .get(&format!("{path}?kabupaten=64.72&kecamatan=33.19.03"))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let refused = body(resp).await;
    assert!(
        !refused.contains("33.19.03.2001"),
        "no rows under a refused filter"
    );
}
