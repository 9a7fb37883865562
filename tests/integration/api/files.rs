//! Evidence through the API: raw and multipart uploads, sniffed content, size limit, path
//! tricks in names, nothing left behind on refusal, downloads only for those allowed, and
//! removal only while the draft is editable.

use juara::auth::Role;
use rocket::http::{ContentType, Status};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Api, NEIGHBOUR, field_error, id_of, json, set_status};
use crate::common::TestApp;
use crate::common::builders::{BOUNDARY, CompetitionBuilder, Part, multipart, requirement};
use crate::nominations::{EXE, PDF, PNG, stored_files};

/// A competition with a file checklist item and a link item, and the village's draft.
async fn draft(app: &TestApp) -> (Api, Uuid, Uuid, String, String) {
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let file_req = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    let link_req = requirement(&app.db, c.id, "VIDEO", "link", false).await;
    let village = Api::village(app).await;
    let (status, n) = json(
        village
            .post(
                "/api/v1/nominations",
                &json!({"competition_id": c.id.to_string()}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created);
    (
        village,
        c.id,
        id_of(&n),
        format!("req:{}", file_req.id),
        format!("req:{}", link_req.id),
    )
}

fn files_path(n: Uuid, target: &str, name: &str) -> String {
    format!("/api/v1/nominations/{n}/files?target={target}&name={name}")
}

async fn rows(app: &TestApp, n: Uuid) -> usize {
    crate::nominations::document_count(app, n).await
}

#[rocket::async_test]
async fn a_raw_upload_is_stored_checksummed_and_served_back_only_to_those_allowed() {
    let app = TestApp::new().await;
    let (village, _, n, target, _) = draft(&app).await;
    let (status, file) = json(
        village
            .post_bytes(
                &files_path(n, &target, "profil-desa.pdf"),
                PDF,
                ContentType::PDF,
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{file}");
    assert_eq!(file["kind"], "file");
    assert_eq!(file["label"], "profil-desa.pdf");
    assert_eq!(file["content_type"], "application/pdf");
    assert_eq!(file["size_bytes"], PDF.len());
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(PDF)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(file["sha256"], sha);
    assert_eq!(stored_files(&app).len(), 1);
    let download = file["download"].as_str().unwrap().to_owned();

    let resp = village.get(&download).await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.content_type(), Some(ContentType::PDF));
    assert_eq!(
        resp.headers().get_one("X-Content-Type-Options"),
        Some("nosniff")
    );
    assert_eq!(resp.into_bytes().await.unwrap(), PDF);

    let (_, list) = json(village.get(&format!("/api/v1/nominations/{n}/files")).await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);

    let neighbour = Api::user(&app, Role::Village, "tetangga", None, Some(NEIGHBOUR)).await;
    let judge = Api::user(&app, Role::Judge, "juri", Some("33.19"), None).await;
    let outside = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    for stranger in [&neighbour, &judge, &outside] {
        assert_eq!(stranger.get(&download).await.status(), Status::NotFound);
    }
    assert_eq!(
        neighbour
            .get(&format!("/api/v1/nominations/{n}/files"))
            .await
            .status(),
        Status::NotFound
    );
    let kudus = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    assert_eq!(kudus.get(&download).await.status(), Status::Ok);
    let anonymous = app.new_browser().await;
    assert_eq!(
        anonymous.get(download).dispatch().await.status(),
        Status::Unauthorized
    );
}

#[rocket::async_test]
async fn a_multipart_upload_works_like_the_page() {
    let app = TestApp::new().await;
    let (village, _, n, target, _) = draft(&app).await;
    let body = multipart(&[
        Part::Text("target", &target),
        Part::File("file", "foto balai desa.png", PNG),
    ]);
    let resp = village
        .client
        .post(format!("/api/v1/nominations/{n}/files"))
        .header(rocket::http::Header::new(
            "Authorization",
            village_auth(&village),
        ))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(body)
        .dispatch()
        .await;
    let (status, file) = json(resp).await;
    assert_eq!(status, Status::Created, "{file}");
    assert_eq!(file["content_type"], "image/png");
    assert_eq!(file["label"], "foto balai desa.png");
    assert_eq!(rows(&app, n).await, 1);
}

fn village_auth(api: &Api) -> String {
    format!("Bearer {}", api.token())
}

#[rocket::async_test]
async fn an_executable_renamed_pdf_is_refused_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let (village, _, n, target, _) = draft(&app).await;
    let (status, err) = json(
        village
            .post_bytes(&files_path(n, &target, "profil.pdf"), EXE, ContentType::PDF)
            .await,
    )
    .await;
    assert!(field_error(status, &err, "file").contains("PDF, JPG atau PNG"));
    assert!(stored_files(&app).is_empty(), "no orphan file");
    assert_eq!(rows(&app, n).await, 0, "no row");
    let (status, err) = json(
        village
            .post_bytes(&files_path(n, &target, "kosong.pdf"), b"", ContentType::PDF)
            .await,
    )
    .await;
    field_error(status, &err, "file");
}

#[rocket::async_test]
async fn an_oversized_upload_is_refused_with_the_limit_and_nothing_is_stored() {
    let app = TestApp::with_config(|c| c.max_upload_bytes = 64).await;
    let (village, _, n, target, _) = draft(&app).await;
    let mut big = PDF.to_vec();
    big.resize(65, b' ');
    let (status, err) = json(
        village
            .post_bytes(&files_path(n, &target, "besar.pdf"), &big, ContentType::PDF)
            .await,
    )
    .await;
    assert!(field_error(status, &err, "file").contains("maksimal 1 MB"));
    let body = multipart(&[
        Part::Text("target", &target),
        Part::File("file", "besar.pdf", &big),
    ]);
    let resp = village
        .client
        .post(format!("/api/v1/nominations/{n}/files"))
        .header(rocket::http::Header::new(
            "Authorization",
            village_auth(&village),
        ))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(body)
        .dispatch()
        .await;
    let (status, err) = json(resp).await;
    field_error(status, &err, "file");
    assert!(stored_files(&app).is_empty());
    assert_eq!(rows(&app, n).await, 0);
    // Exactly at the limit is fine.
    big.truncate(64);
    let resp = village
        .post_bytes(&files_path(n, &target, "pas.pdf"), &big, ContentType::PDF)
        .await;
    assert_eq!(resp.status(), Status::Created);
}

#[rocket::async_test]
async fn path_tricks_in_names_only_change_the_label() {
    let app = TestApp::new().await;
    let (village, c, n, target, _) = draft(&app).await;
    for (name, label) in [
        ("..%2F..%2F..%2Fetc%2Fpasswd.pdf", "passwd.pdf"),
        ("..%5C..%5Cwindows%5Cwin.ini.pdf", "win.ini.pdf"),
        ("%2E%2E", "berkas"),
    ] {
        let (status, file) = json(
            village
                .post_bytes(&files_path(n, &target, name), PDF, ContentType::Binary)
                .await,
        )
        .await;
        assert_eq!(status, Status::Created, "{name}: {file}");
        assert_eq!(file["label"], label, "{name}");
    }
    let folder = app.config.upload_dir.join(c.to_string());
    for path in stored_files(&app) {
        assert!(
            path.starts_with(&folder),
            "{path:?} stays in the competition folder"
        );
        let stored = path.file_name().unwrap().to_str().unwrap();
        assert!(
            !stored.contains("passwd") && !stored.contains("win"),
            "{stored}"
        );
    }
}

#[rocket::async_test]
async fn uploads_need_a_file_target_of_this_competition() {
    let app = TestApp::new().await;
    let (village, _, n, _, link_target) = draft(&app).await;
    let other = CompetitionBuilder::new("Lomba Lain").insert(&app.db).await;
    let foreign = requirement(&app.db, other.id, "X", "file", true).await;
    for target in [
        link_target.clone(),
        format!("req:{}", foreign.id),
        "req:bukan".to_owned(),
        String::new(),
    ] {
        let (status, err) = json(
            village
                .post_bytes(&files_path(n, &target, "a.pdf"), PDF, ContentType::PDF)
                .await,
        )
        .await;
        field_error(status, &err, "target");
    }
    assert!(stored_files(&app).is_empty());
    let link = |url: &str| json!({"target": link_target, "label": "Video profil", "url": url});
    let (status, err) = json(
        village
            .post(
                &format!("/api/v1/nominations/{n}/links"),
                &link("javascript:alert(1)"),
            )
            .await,
    )
    .await;
    field_error(status, &err, "url");
    let (status, made) = json(
        village
            .post(
                &format!("/api/v1/nominations/{n}/links"),
                &link("https://youtu.be/abc"),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created);
    assert_eq!(made["kind"], "link");
    assert!(made["download"].is_null());
}

#[rocket::async_test]
async fn files_are_removed_only_by_their_village_while_the_draft_is_open() {
    let app = TestApp::new().await;
    let (village, c, n, target, _) = draft(&app).await;
    let upload = |name: &'static str| {
        let path = files_path(n, &target, name);
        let village = &village;
        async move {
            let (status, file): (Status, Value) =
                json(village.post_bytes(&path, PDF, ContentType::PDF).await).await;
            assert_eq!(status, Status::Created);
            file
        }
    };
    let first = upload("satu.pdf").await;
    let second = upload("dua.pdf").await;
    let path = |f: &Value| {
        format!(
            "/api/v1/nominations/{n}/files/{}",
            f["id"].as_str().unwrap()
        )
    };

    let neighbour = Api::user(&app, Role::Village, "tetangga", None, Some(NEIGHBOUR)).await;
    assert_eq!(
        neighbour.delete(&path(&first)).await.status(),
        Status::NotFound
    );
    let admin = Api::admin(&app).await;
    assert_eq!(
        admin.delete(&path(&first)).await.status(),
        Status::Forbidden
    );
    assert_eq!(
        village.delete(&path(&first)).await.status(),
        Status::NoContent
    );
    assert_eq!(stored_files(&app).len(), 1, "its file went with it");
    assert_eq!(rows(&app, n).await, 1);

    set_status(&app, c, "judging").await;
    let (status, _) = json(village.delete(&path(&second)).await).await;
    assert_eq!(status, Status::Conflict);
    let resp = village
        .post_bytes(&files_path(n, &target, "telat.pdf"), PDF, ContentType::PDF)
        .await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(stored_files(&app).len(), 1);
}
