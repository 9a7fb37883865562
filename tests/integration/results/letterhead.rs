//! The office letterhead: an admin saves it (refused field by field, the logo only as a real
//! PNG or JPEG), and every document of a competition in the office's region prints it.

use juara::auth::Role;
use rocket::http::Status;

use super::pdf_text::text;
use super::{contest, post_multipart};
use crate::common::{TestApp, body};

/// A 4×4 PNG.
const PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 4, 8, 2, 0,
    0, 0, 38, 147, 9, 41, 0, 0, 0, 20, 73, 68, 65, 84, 120, 218, 99, 220, 34, 39, 199, 0, 3, 76,
    12, 72, 0, 55, 7, 0, 48, 122, 0, 248, 186, 172, 31, 237, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66,
    96, 130,
];

#[rocket::async_test]
async fn an_office_letterhead_is_checked_saved_and_printed_on_documents() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    let page = body(app.get("/admin").await).await;
    assert!(
        page.contains("href=\"/admin/letterhead\""),
        "linked from the dashboard"
    );

    // Empty required fields and a logo that is not an image: nothing saved, errors shown.
    let resp = post_multipart(
        &app.client,
        "/admin/letterhead",
        &[("government", ""), ("office", "Dinas PMD"), ("address", "")],
        Some(("logo", "logo.pdf", b"%PDF-1.4 not a logo")),
    )
    .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("error-summary"));
    for field in ["government", "address", "logo"] {
        assert!(
            html.contains(&format!("href=\"#f-{field}\"")),
            "{field}: {html}"
        );
    }
    assert!(html.contains("Logo harus berupa gambar PNG atau JPEG."));
    assert!(html.contains("value=\"Dinas PMD\""), "typed values kept");
    assert_eq!(
        app.get("/admin/letterhead/logo").await.status(),
        Status::NotFound
    );

    let resp = post_multipart(
        &app.client,
        "/admin/letterhead",
        &[
            ("government", "Pemerintah Kabupaten Kudus"),
            ("office", "Dinas Pemberdayaan Masyarakat dan Desa"),
            ("address", "Jalan Simpang Tujuh Nomor 1, Kudus"),
            ("contact", "Telepon (0291) 435000"),
        ],
        Some(("logo", "logo.png", PNG)),
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let resp = app.get("/admin/letterhead/logo").await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.into_bytes().await.unwrap(), PNG);
    let html = body(app.get("/admin/letterhead").await).await;
    assert!(html.contains("value=\"Pemerintah Kabupaten Kudus\""));

    super::announce(&app, &c).await;
    let resp = app
        .get(&format!("/admin/competitions/{}/results/minutes.pdf", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let t = text(&resp.into_bytes().await.unwrap());
    assert!(t.contains("PEMERINTAH KABUPATEN KUDUS"), "{t}");
    assert!(t.contains("DINAS PEMBERDAYAAN MASYARAKAT DAN DESA"));
    assert!(t.contains("Jalan Simpang Tujuh Nomor 1, Kudus"));
}
