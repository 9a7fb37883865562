//! Issue 10 §7: security headers on every response, no inline script in the templates, and
//! uploaded files served as sandboxed downloads under a sanitized label.

use juara::auth::Role;
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::LocalResponse;

use crate::common::TestApp;
use crate::common::builders::{CompetitionBuilder, requirement};
use crate::nominations::{create_draft, upload};

fn header<'a>(resp: &'a LocalResponse<'_>, name: &str) -> &'a str {
    resp.headers()
        .get_one(name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn assert_page_headers(resp: &LocalResponse<'_>, what: &str) {
    let csp = header(resp, "Content-Security-Policy");
    let script = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("{what}: no script-src in {csp}"));
    assert_eq!(script, "script-src 'self'", "{what}: no inline script");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(csp.contains("object-src 'none'"), "{what}: {csp}");
    assert_eq!(header(resp, "X-Content-Type-Options"), "nosniff", "{what}");
    assert_eq!(header(resp, "Referrer-Policy"), "same-origin", "{what}");
    assert!(
        header(resp, "Permissions-Policy").contains("camera=()"),
        "{what}"
    );
    assert_eq!(header(resp, "X-Frame-Options"), "DENY", "{what}");
}

#[rocket::async_test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    for path in [
        "/",
        "/login",
        "/regions",
        "/healthz",
        "/tidak-ada",
        "/api/v1/me",
    ] {
        let resp = app.get(path).await;
        assert_page_headers(&resp, path);
    }
    app.login_as(Role::Admin).await;
    let resp = app.get("/admin/users").await;
    assert_eq!(resp.status(), Status::Ok);
    assert_page_headers(&resp, "/admin/users");
    let resp = app.get("/static/js/judging.js").await;
    assert_page_headers(&resp, "static file");
}

/// The CSP above would break any inline script, handler or `javascript:` link; keep them out.
#[test]
fn templates_have_no_inline_script() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut stack = vec![dir];
    let mut checked = 0;
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
            checked += 1;
            for (i, _) in text.match_indices("<script") {
                let tag_end = text[i..].find('>').map_or(text.len(), |e| i + e);
                assert!(
                    text[i..tag_end].contains(" src="),
                    "{}: inline <script>",
                    path.display()
                );
            }
            assert!(!text.contains("javascript:"), "{}", path.display());
            let handler = text.split(|c: char| c.is_whitespace()).any(|w| {
                w.starts_with("on")
                    && w.contains('=')
                    && w[2..w.find('=').unwrap_or(2)]
                        .chars()
                        .all(|c| c.is_ascii_lowercase())
                    && w.find('=').unwrap_or(0) > 2
            });
            assert!(!handler, "{}: inline event handler", path.display());
        }
    }
    assert!(checked > 20, "templates found");
}

/// A file that is both a PDF (it starts with the magic bytes, so it is accepted) and HTML.
const POLYGLOT: &[u8] =
    b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n";

#[rocket::async_test]
async fn evidence_files_are_sandboxed_downloads_named_by_a_safe_label() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let profil = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    app.login_as(Role::Village).await;
    let id = create_draft(&app, c.id).await;
    let target = format!("req:{}", profil.id);
    let name = "Laporan akhir; désa%20.pdf";
    let resp = upload(&app.client, id, &target, name, POLYGLOT).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let doc = juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap()[0]
        .id;
    for path in [format!("/files/{doc}"), format!("/api/v1/files/{doc}")] {
        let resp = app.get(&path).await;
        assert_eq!(resp.status(), Status::Ok, "{path}");
        assert_eq!(resp.content_type(), Some(ContentType::PDF));
        assert_eq!(header(&resp, "X-Content-Type-Options"), "nosniff");
        let csp = header(&resp, "Content-Security-Policy");
        assert!(csp.starts_with("sandbox"), "{path}: {csp}");
        assert!(
            !csp.contains("script-src 'self'"),
            "the page policy is replaced"
        );
        let disposition = header(&resp, "Content-Disposition");
        assert!(disposition.starts_with("attachment; "), "{disposition}");
        assert!(
            disposition.contains("filename*=UTF-8''Laporan%20akhir%3B%20d%C3%A9sa%2520.pdf"),
            "{disposition}"
        );
        let fallback = disposition
            .split("; filename*=")
            .next()
            .unwrap()
            .trim_start_matches("attachment; ");
        assert_eq!(
            fallback, "filename=\"Laporan akhir_ d_sa_20.pdf\"",
            "{disposition}"
        );
    }
}
