//! Blind and conflict-safe access: a judge reaches only their own, non-conflicted sheets, in
//! pages, files and the API; another judge's scores never show.

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::Client;
use uuid::Uuid;

use super::{Fixture, post};
use crate::common::{body, csrf_of};

/// Every sheet route answers 404 and the dashboard does not list the sheet.
async fn check_refused(f: &Fixture, client: &Client, sheet: Uuid, doc: Uuid) {
    let path = format!("/judge/sheets/{sheet}");
    let api = format!("/api/v1/judge/sheets/{sheet}");
    assert_eq!(
        client.get(path.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let form = f.complete(0, "save");
    assert_eq!(post(client, &path, &form).await.status(), Status::NotFound);
    assert_eq!(
        client.get(api.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let token = csrf_of(client).await;
    let put = client
        .put(api.clone())
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", token))
        .body(r#"{"version":0,"answers":[]}"#)
        .dispatch()
        .await;
    assert_eq!(put.status(), Status::NotFound);
    let token = csrf_of(client).await;
    let submit = client
        .post(format!("{api}/submit"))
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", token))
        .body(r#"{"version":0,"answers":[]}"#)
        .dispatch()
        .await;
    assert_eq!(submit.status(), Status::NotFound);
    assert_eq!(
        client
            .get(format!("/files/{doc}"))
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );
    let list = body(client.get("/judge/sheets").dispatch().await).await;
    assert!(!list.contains(&sheet.to_string()));
    let api_list = body(client.get("/api/v1/judge/sheets").dispatch().await).await;
    assert!(!api_list.contains(&sheet.to_string()));
}

#[rocket::async_test]
async fn unassigned_and_conflicted_judges_are_refused_everywhere() {
    let f = Fixture::new().await;
    let owner = f.judge("juri_pemilik", Some("64.72")).await;
    let stranger = f.judge("juri_lain", Some("64.72")).await;
    let sheet = f.assign(0, owner.id).await;
    let doc = juara::db::documents::insert(
        &f.app.db,
        juara::db::documents::NewDocument {
            nomination_id: f.entries[0].id,
            target: juara::db::documents::Target::Criterion(f.leaves[0].id),
            label: "Profil desa".into(),
            url: Some("https://example.org/profil".into()),
            file: None,
            uploaded_by: juara::ids::UserId::from(owner.id),
        },
    )
    .await
    .unwrap();

    let owner_client = f.browser(&owner).await;
    assert_eq!(
        owner_client
            .get(format!("/judge/sheets/{}", sheet.id))
            .dispatch()
            .await
            .status(),
        Status::Ok
    );

    // A judge who is not assigned.
    let stranger_client = f.browser(&stranger).await;
    check_refused(&f, &stranger_client, sheet.id, doc.id).await;
    // The assigned judge, once a conflict covers the village, is refused the same way.
    juara::app::judging::conflicts::declare(
        &f.app.db,
        (owner.id, "33.19.01"),
        "Tinggal di kecamatan ini",
        owner.id,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    check_refused(&f, &owner_client, sheet.id, doc.id).await;
    assert!(f.scores(sheet.id).await.is_empty());
    // Other roles never reach a judge's sheet.
    f.app.login_as(Role::Village).await;
    assert_eq!(
        f.app
            .get(&format!("/judge/sheets/{}", sheet.id))
            .await
            .status(),
        Status::Forbidden
    );
}

#[rocket::async_test]
async fn home_region_is_a_conflict_without_declaring_it() {
    let f = Fixture::new().await;
    let local = f.judge("juri_lokal", Some("33.19.01")).await;
    let sheet = f.assign(0, local.id).await; // assigned directly, bypassing the checks
    let client = f.browser(&local).await;
    assert_eq!(
        client
            .get(format!("/judge/sheets/{}", sheet.id))
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );
    // An entry outside the home region is fine.
    let ok = f.assign(4, local.id).await;
    assert_eq!(
        client
            .get(format!("/judge/sheets/{}", ok.id))
            .dispatch()
            .await
            .status(),
        Status::Ok
    );
}

#[rocket::async_test]
async fn a_judge_never_sees_another_judges_scores_or_comments() {
    let f = Fixture::new().await;
    let a = f.judge("juri_a", Some("64.72")).await;
    let b = f.judge("juri_b", Some("64.72")).await;
    let sa = f.assign(0, a.id).await;
    let sb = f.assign(0, b.id).await;
    let ca = f.browser(&a).await;
    let mut fields = f.form(0, "save", &[(0, "3", false)]);
    fields.push((
        format!("comment[{}]", f.leaves[2].id),
        "RAHASIA-JURI-A".into(),
    ));
    assert_eq!(
        post(&ca, &format!("/judge/sheets/{}", sa.id), &fields)
            .await
            .status(),
        Status::SeeOther
    );
    let cb = f.browser(&b).await;
    let page = body(cb.get(format!("/judge/sheets/{}", sb.id)).dispatch().await).await;
    assert!(!page.contains("RAHASIA-JURI-A"));
    let api = body(
        cb.get(format!("/api/v1/judge/sheets/{}", sb.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(!api.contains("RAHASIA-JURI-A"));
    // Judge A's own page does show it.
    let own = body(ca.get(format!("/judge/sheets/{}", sa.id)).dispatch().await).await;
    assert!(own.contains("RAHASIA-JURI-A"));
}

#[rocket::async_test]
async fn assigned_judge_opens_the_entrys_evidence() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_bukti", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let doc = juara::db::documents::insert(
        &f.app.db,
        juara::db::documents::NewDocument {
            nomination_id: f.entries[0].id,
            target: juara::db::documents::Target::Criterion(f.leaves[0].id),
            label: "Tautan profil".into(),
            url: Some("https://example.org/desa".into()),
            file: None,
            uploaded_by: juara::ids::UserId::from(judge.id),
        },
    )
    .await
    .unwrap();
    let client = f.browser(&judge).await;
    let page = body(
        client
            .get(format!("/judge/sheets/{}", sheet.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(page.contains("https://example.org/desa"));
    // Allowed through the viewer check (a link has no file body: 404 from the missing file,
    // but the row is visible to the judge).
    let who = juara::auth::CurrentUser {
        id: juara::ids::UserId::from(judge.id),
        username: judge.username.clone(),
        display_name: String::new(),
        role: Role::Judge,
        region_code: Some("64.72".into()),
        village_code: None,
    };
    let found = juara::db::documents::find_for_viewer(
        &f.app.db,
        juara::ids::DocumentId::from(doc.id),
        &who,
    )
    .await
    .unwrap();
    assert!(found.is_some());
}

pub(super) async fn send_photo(client: &Client, sheet: Uuid, bytes: &[u8]) -> Status {
    use crate::common::builders::{BOUNDARY, Part, multipart};
    let token = csrf_of(client).await;
    let body = multipart(&[
        Part::Text("_csrf", &token),
        Part::File("file", "balai.png", bytes),
    ]);
    client
        .post(format!("/judge/sheets/{sheet}/photos"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(body)
        .dispatch()
        .await
        .status()
}

#[rocket::async_test]
async fn field_photos_are_uploaded_by_the_judge_and_hidden_from_others() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_foto", Some("64.72")).await;
    let other = f.judge("juri_lain", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    assert_eq!(send_photo(&client, sheet.id, PNG).await, Status::SeeOther);
    assert_eq!(send_photo(&client, sheet.id, PDF).await, Status::SeeOther);
    let photos = juara::db::judging::photos::list(&f.app.db, sheet.id)
        .await
        .unwrap();
    assert_eq!(photos.len(), 1, "only the image is kept");
    let url = format!("/judge/sheets/{}/photos/{}", sheet.id, photos[0].id);
    let resp = client.get(url.clone()).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.content_type(), Some(ContentType::PNG));
    // Images open in the browser, but sandboxed and never sniffed (issue 10 §7).
    let disposition = resp.headers().get_one("Content-Disposition").unwrap();
    assert!(
        disposition.starts_with("inline; filename=\"balai.png\""),
        "{disposition}"
    );
    let csp = resp.headers().get_one("Content-Security-Policy").unwrap();
    assert!(csp.starts_with("sandbox"), "{csp}");
    assert_eq!(
        resp.headers().get_one("X-Content-Type-Options"),
        Some("nosniff")
    );
    let stranger = f.browser(&other).await;
    assert_eq!(
        stranger.get(url.clone()).dispatch().await.status(),
        Status::NotFound
    );
    assert_eq!(send_photo(&stranger, sheet.id, PNG).await, Status::NotFound);
    juara::app::judging::conflicts::declare(
        &f.app.db,
        (judge.id, "33.19"),
        "Pindah domisili",
        judge.id,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(client.get(url).dispatch().await.status(), Status::NotFound);
}
