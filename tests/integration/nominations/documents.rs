//! Evidence uploads: content sniffing, size limit, safe names, no orphans, links, removal,
//! and serving files only to those allowed.

use juara::auth::Role;
use rocket::http::{ContentType, Status};

use super::{ELF, EXE, NEIGHBOUR, PDF, PNG, create_draft, document_count, stored_files, upload};
use crate::common::builders::{CompetitionBuilder, evidence_criterion, requirement};
use crate::common::{TestApp, body};

async fn draft_with_checklist(app: &TestApp) -> (uuid::Uuid, String, String) {
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let profil = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    let video = requirement(&app.db, c.id, "VIDEO", "link", false).await;
    app.login_as(Role::Village).await;
    let id = create_draft(app, c.id).await;
    (
        id,
        format!("req:{}", profil.id),
        format!("req:{}", video.id),
    )
}

#[rocket::async_test]
async fn pdf_upload_is_stored_under_a_generated_name_with_checksum() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    let resp = upload(&app.client, id, &profil, "Profil Desa 2025.pdf", PDF).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let docs = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.kind, "file");
    assert_eq!(d.label, "Profil Desa 2025.pdf");
    assert_eq!(d.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(d.size_bytes, Some(i64::try_from(PDF.len()).unwrap()));
    assert_eq!(d.sha256.as_deref().map(str::len), Some(64));
    let stored = d.stored_name.clone().unwrap();
    assert!(juara::uploads::is_stored_name(&stored), "{stored}");
    assert!(stored.ends_with(".pdf"));
    let on_disk = std::fs::read(app.config.upload_dir.join(&stored)).unwrap();
    assert_eq!(on_disk, PDF);
    assert_eq!(stored_files(&app).len(), 1, "no temporary file left behind");
}

#[rocket::async_test]
async fn png_for_an_evidence_criterion_is_accepted() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let k = evidence_criterion(&app.db, c.id).await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let resp = upload(&app.client, id, &format!("crit:{}", k.id), "foto.png", PNG).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let docs = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap();
    assert_eq!(docs[0].criterion_id, Some(k.id));
    assert_eq!(docs[0].content_type.as_deref(), Some("image/png"));
    assert!(docs[0].stored_name.as_deref().unwrap().ends_with(".png"));
}

#[rocket::async_test]
async fn executables_renamed_to_pdf_are_refused() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    for (name, bytes) in [
        ("laporan.pdf", ELF),
        ("setup.pdf", EXE),
        ("catatan.pdf", &b"hanya teks"[..]),
    ] {
        let resp = upload(&app.client, id, &profil, name, bytes).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{name}");
        assert!(
            body(resp)
                .await
                .contains("Jenis berkas tidak diizinkan. Unggah PDF, JPG atau PNG."),
            "{name}"
        );
    }
    assert_eq!(document_count(&app, id).await, 0);
    assert!(stored_files(&app).is_empty());
}

#[rocket::async_test]
async fn oversized_upload_is_refused_and_nothing_is_stored() {
    let app = TestApp::with_config(|c| c.max_upload_bytes = 1024).await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    let mut big = PDF.to_vec();
    big.resize(4096, b' ');
    let resp = upload(&app.client, id, &profil, "besar.pdf", &big).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Berkas terlalu besar. Ukuran maksimal 1 MB.")
    );
    assert_eq!(document_count(&app, id).await, 0);
    assert!(stored_files(&app).is_empty());
}

#[rocket::async_test]
async fn path_tricks_in_file_names_are_stored_safely() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    let long = format!("{}.pdf", "a".repeat(400));
    for name in ["../../etc/passwd", "..\\..\\boot.ini.pdf", long.as_str()] {
        let resp = upload(&app.client, id, &profil, name, PDF).await;
        assert_eq!(resp.status(), Status::SeeOther, "{name:?}");
    }
    let docs = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap();
    let labels: Vec<&str> = docs.iter().map(|d| d.label.as_str()).collect();
    assert!(labels.contains(&"passwd"), "{labels:?}");
    assert!(labels.contains(&"boot.ini.pdf"), "{labels:?}");
    assert!(
        labels
            .iter()
            .all(|l| !l.contains('/') && !l.contains('\\') && !l.contains('\0'))
    );
    assert!(labels.iter().all(|l| l.chars().count() <= 120));
    for d in &docs {
        assert!(juara::uploads::is_stored_name(
            d.stored_name.as_deref().unwrap()
        ));
    }
    let files = stored_files(&app);
    assert_eq!(files.len(), docs.len());
    assert!(files.iter().all(|f| f.starts_with(&app.config.upload_dir)));
}

#[rocket::async_test]
async fn upload_without_csrf_token_is_forbidden() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    let bodytext = crate::common::builders::multipart(&[
        crate::common::builders::Part::Text("target", &profil),
        crate::common::builders::Part::File("file", "x.pdf", PDF),
    ]);
    let resp = app
        .client
        .post(format!("/village/nominations/{id}/files"))
        .header(
            ContentType::new("multipart", "form-data")
                .with_params(("boundary", crate::common::builders::BOUNDARY)),
        )
        .body(bodytext)
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(document_count(&app, id).await, 0);
    assert!(stored_files(&app).is_empty());
}

#[rocket::async_test]
async fn links_must_be_http_urls_and_go_to_link_items() {
    let app = TestApp::new().await;
    let (id, profil, video) = draft_with_checklist(&app).await;
    let path = format!("/village/nominations/{id}/links");
    for bad in [
        "javascript:alert(1)",
        "ftp://x.id/v",
        "https://",
        "bukan tautan",
    ] {
        let resp = app
            .post_form(&path, &[("target", &video), ("label", ""), ("url", bad)])
            .await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{bad}");
        assert!(
            body(resp).await.contains("Tautan harus berupa alamat http"),
            "{bad}"
        );
    }
    let url = "https://youtu.be/abc123";
    let resp = app
        .post_form(
            &path,
            &[("target", &profil), ("label", "Video"), ("url", url)],
        )
        .await;
    assert_eq!(
        resp.status(),
        Status::UnprocessableEntity,
        "file item takes no link"
    );
    let resp = app
        .post_form(
            &path,
            &[("target", &video), ("label", "Video profil"), ("url", url)],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let docs = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        (docs[0].kind.as_str(), docs[0].url.as_deref()),
        ("link", Some(url))
    );
}

#[rocket::async_test]
async fn removing_a_document_deletes_row_and_file() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    upload(&app.client, id, &profil, "profil.pdf", PDF).await;
    let doc = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap()[0]
        .id;
    let resp = app
        .post_form(
            &format!("/village/nominations/{id}/documents/{doc}/delete"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(document_count(&app, id).await, 0);
    assert!(stored_files(&app).is_empty());
}

#[rocket::async_test]
async fn files_are_served_to_the_owner_and_admins_in_scope_only() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    upload(&app.client, id, &profil, "../profil desa.pdf", PDF).await;
    let doc = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap()[0]
        .id;
    let path = format!("/files/{doc}");

    let resp = app.get(&path).await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.content_type(), Some(ContentType::PDF));
    assert_eq!(
        resp.headers().get_one("X-Content-Type-Options"),
        Some("nosniff")
    );
    assert_eq!(
        resp.headers().get_one("Content-Disposition"),
        Some("attachment; filename=\"profil desa.pdf\"; filename*=UTF-8''profil%20desa.pdf")
    );
    assert_eq!(resp.into_bytes().await.unwrap(), PDF);

    let admin = app
        .browser_as(Role::Admin, "panitia.jateng", Some("33"), None)
        .await;
    assert_eq!(
        admin.get(path.clone()).dispatch().await.status(),
        Status::Ok
    );
    let far = app
        .browser_as(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    assert_eq!(
        far.get(path.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let other = app
        .browser_as(Role::Village, "op.tetangga", None, Some(NEIGHBOUR))
        .await;
    assert_eq!(
        other.get(path.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let judge = app
        .browser_as(Role::Judge, "juri.kudus", Some("33.19"), None)
        .await;
    assert_eq!(
        judge.get(path.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let anonymous = app.new_browser().await;
    assert_eq!(
        anonymous.get(path).dispatch().await.status(),
        Status::Unauthorized
    );
}

#[rocket::async_test]
async fn a_file_over_the_request_limit_is_explained_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let (id, profil, _) = draft_with_checklist(&app).await;
    // Past the 12 MiB the server reads of a form at all (Rocket's `data-form` limit): nothing
    // of the form arrives, not even its token, so the answer is 413 with the reason — not
    // "expired form" (403) or a generic length message. (Browsers with scripts are stopped
    // before sending, next to the field.)
    let mut big = PDF.to_vec();
    big.resize(13 * 1024 * 1024, b' ');
    let resp = upload(&app.client, id, &profil, "besar.pdf", &big).await;
    assert_eq!(resp.status(), Status::PayloadTooLarge);
    let page = body(resp).await;
    assert!(page.contains("Berkas terlalu besar"), "{page}");
    assert!(page.contains("perkecil atau pisahkan berkasnya"));
    assert!(!page.contains("Panjang isian tidak sesuai"));
    assert_eq!(document_count(&app, id).await, 0);
    assert!(stored_files(&app).is_empty());
    // The page offers the check before sending: the limit in bytes and its message.
    let page = body(app.get(&format!("/village/nominations/{id}")).await).await;
    assert!(page.contains("data-max-bytes=\""), "{page}");
    assert!(page.contains("Berkas terlalu besar: paling besar"));
}

/// The nomination page on a phone: one row per indicator even when several stages repeat it
/// (with the stages named), each row with its own upload and link forms instead of one long
/// list of targets, and a refused form summarized at the top with its item's form open.
#[rocket::async_test]
async fn each_indicator_once_with_its_own_forms_and_errors_summarized_at_the_top() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let video = requirement(&app.db, c.id, "VIDEO", "link", false).await;
    let adm = evidence_criterion(&app.db, c.id).await;
    let lap = crate::common::builders::stage_row(&app.db, c.id, "LAP", 1, 50, None).await;
    let mut again: entity::criterion::ActiveModel = adm.clone().into();
    again.id = Set(uuid::Uuid::new_v4());
    again.stage_id = Set(lap.id);
    let again = again.insert(&app.db).await.unwrap();
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    // Evidence given earlier to the later stage's copy still shows on the one row.
    let target = format!("crit:{}", again.id);
    let resp = upload(&app.client, id, &target, "bukti.png", PNG).await;
    assert_eq!(resp.status(), Status::SeeOther);

    let page = body(app.get(&format!("/village/nominations/{id}")).await).await;
    assert_eq!(
        page.matches("<strong>Tertib administrasi</strong>").count(),
        1,
        "{page}"
    );
    assert!(
        page.contains("Administrasi, Tahap LAP"),
        "the stages are named"
    );
    assert!(page.contains("bukti.png"));
    assert!(!page.contains("id=\"f-target\""), "no list of every target");
    assert_eq!(
        page.matches("class=\"add-evidence\"").count(),
        2,
        "one per item"
    );
    assert!(page.contains(&format!("id=\"add-crit-{}\"", adm.id)));

    // A refused link: summarized at the top, its item's form open with the error and value.
    let video_target = format!("req:{}", video.id);
    let resp = app
        .post_form(
            &format!("/village/nominations/{id}/links"),
            &[
                ("target", &video_target),
                ("label", "Video"),
                ("url", "ftp://x.id/v"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    let summary = page.find("id=\"error-summary\"").expect("summary");
    let item = page
        .find(&format!("id=\"add-req-{}\" open", video.id))
        .expect("the item's form is open");
    assert!(summary < item, "the summary comes first");
    assert!(page.contains(&format!("href=\"#add-req-{}\"", video.id)));
    assert!(
        page.contains("value=\"ftp://x.id/v\""),
        "the typed value is kept"
    );

    // A refused profile save links each error to its field.
    let resp =
        super::save_profile(&app, id, &super::profile("0", &[("population", "12,300")])).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains("href=\"#f-population\""), "{page}");
}
