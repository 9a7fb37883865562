//! Who may reach which page: a table of (method, path, actor, expected status). Later issues
//! append their routes here. A failure names the row, e.g. "Village reached GET /admin".

use juara::auth::Role;
use rocket::http::Status;

use crate::common::TestApp;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Actor {
    Anonymous,
    Admin,
    Judge,
    Village,
}

#[derive(Clone, Copy, Debug)]
enum Method {
    Get,
    Post,
}

use Actor::{Admin, Anonymous, Judge, Village};
use Method::{Get, Post};

const MATRIX: &[(Method, &str, Actor, Status)] = &[
    (Get, "/", Anonymous, Status::Ok),
    (Get, "/regions", Anonymous, Status::Ok),
    (Get, "/regions/33.19", Anonymous, Status::Ok),
    (Get, "/api/v1/regions", Anonymous, Status::Ok),
    (
        Get,
        "/api/v1/regions/suggest?q=kudus",
        Anonymous,
        Status::Ok,
    ),
    (Get, "/api/v1/regions/suggest?q=kudus", Village, Status::Ok),
    (Get, "/healthz", Anonymous, Status::Ok),
    (Get, "/login", Anonymous, Status::Ok),
    (Get, "/login", Admin, Status::SeeOther),
    (Get, "/dashboard", Anonymous, Status::Unauthorized),
    (Get, "/dashboard", Judge, Status::SeeOther),
    // Committee pages
    (Get, "/admin", Anonymous, Status::Unauthorized),
    (Get, "/admin", Admin, Status::Ok),
    (Get, "/admin", Judge, Status::Forbidden),
    (Get, "/admin", Village, Status::Forbidden),
    (Get, "/admin/users", Anonymous, Status::Unauthorized),
    (Get, "/admin/users", Admin, Status::Ok),
    (Get, "/admin/users", Judge, Status::Forbidden),
    (Get, "/admin/users", Village, Status::Forbidden),
    (Get, "/admin/users/new", Admin, Status::Ok),
    (Get, "/admin/users/new", Judge, Status::Forbidden),
    (Get, "/admin/users/new", Village, Status::Forbidden),
    (Post, "/admin/users", Anonymous, Status::Unauthorized),
    (Post, "/admin/users", Judge, Status::Forbidden),
    (Post, "/admin/users", Village, Status::Forbidden),
    // Judge and village homes
    (Get, "/judge", Anonymous, Status::Unauthorized),
    (Get, "/judge", Judge, Status::Ok),
    (Get, "/judge", Admin, Status::Forbidden),
    (Get, "/judge", Village, Status::Forbidden),
    (Get, "/village", Anonymous, Status::Unauthorized),
    (Get, "/village", Village, Status::Ok),
    (Get, "/village", Admin, Status::Forbidden),
    (Get, "/village", Judge, Status::Forbidden),
    // Nominations (id-bearing routes: tests/integration/nominations/access.rs)
    (
        Post,
        "/village/nominations",
        Anonymous,
        Status::Unauthorized,
    ),
    (Post, "/village/nominations", Admin, Status::Forbidden),
    (Post, "/village/nominations", Judge, Status::Forbidden),
    (Post, "/village/nominations", Village, Status::NotFound),
    // Own account
    (Get, "/account/password", Anonymous, Status::Unauthorized),
    (Get, "/account/password", Village, Status::Ok),
    (Post, "/account/password", Anonymous, Status::Unauthorized),
    (Post, "/account/logout-all", Anonymous, Status::Unauthorized),
    // Login lockouts (issue 10 §4)
    (
        Get,
        "/admin/security/lockouts",
        Anonymous,
        Status::Unauthorized,
    ),
    (Get, "/admin/security/lockouts", Admin, Status::Ok),
    (Get, "/admin/security/lockouts", Judge, Status::Forbidden),
    (Get, "/admin/security/lockouts", Village, Status::Forbidden),
    // The office letterhead (issue 13)
    (Get, "/admin/letterhead", Anonymous, Status::Unauthorized),
    (Get, "/admin/letterhead", Admin, Status::Ok),
    (Get, "/admin/letterhead", Judge, Status::Forbidden),
    (Get, "/admin/letterhead", Village, Status::Forbidden),
    (Post, "/admin/letterhead", Anonymous, Status::Unauthorized),
    (
        Post,
        "/admin/letterhead",
        Admin,
        Status::UnprocessableEntity,
    ),
    (Post, "/admin/letterhead", Judge, Status::Forbidden),
    (Post, "/admin/letterhead", Village, Status::Forbidden),
    (
        Get,
        "/admin/letterhead/logo",
        Anonymous,
        Status::Unauthorized,
    ),
    (Get, "/admin/letterhead/logo", Admin, Status::NotFound),
    (Get, "/admin/letterhead/logo", Judge, Status::Forbidden),
    (Get, "/admin/letterhead/logo", Village, Status::Forbidden),
    // Competition set-up (pages of one competition: tests/integration/competitions/access.rs)
    (Get, "/admin/competitions", Anonymous, Status::Unauthorized),
    (Get, "/admin/competitions", Admin, Status::Ok),
    (Get, "/admin/competitions", Judge, Status::Forbidden),
    (Get, "/admin/competitions", Village, Status::Forbidden),
    (
        Get,
        "/admin/competitions/new",
        Anonymous,
        Status::Unauthorized,
    ),
    (Get, "/admin/competitions/new", Admin, Status::Ok),
    (Get, "/admin/competitions/new", Judge, Status::Forbidden),
    (Get, "/admin/competitions/new", Village, Status::Forbidden),
    (Post, "/admin/competitions", Anonymous, Status::Unauthorized),
    (
        Post,
        "/admin/competitions",
        Admin,
        Status::UnprocessableEntity,
    ),
    (Post, "/admin/competitions", Judge, Status::Forbidden),
    (Post, "/admin/competitions", Village, Status::Forbidden),
    (Get, "/account/tokens", Anonymous, Status::Unauthorized),
    (Get, "/account/tokens", Judge, Status::Ok),
    (Post, "/account/tokens", Anonymous, Status::Unauthorized),
    // The token exchange needs no token: an unreadable body is refused as input.
    (
        Post,
        "/api/v1/tokens/login",
        Anonymous,
        Status::UnprocessableEntity,
    ),
    (Get, "/api/v1/me", Anonymous, Status::Unauthorized),
    (Get, "/api/v1/me", Village, Status::Ok),
    // JSON API for competitions and nominations (id-bearing routes:
    // tests/integration/api/access.rs). Cookie-authenticated writes lack the X-CSRF-Token
    // header here, so a logged-in caller is refused before anything else.
    (Get, "/api/v1/competitions", Anonymous, Status::Unauthorized),
    (Get, "/api/v1/competitions", Admin, Status::Ok),
    (Get, "/api/v1/competitions", Judge, Status::Forbidden),
    (Get, "/api/v1/competitions", Village, Status::Ok),
    (
        Post,
        "/api/v1/competitions",
        Anonymous,
        Status::Unauthorized,
    ),
    (Post, "/api/v1/competitions", Admin, Status::Forbidden),
    (Post, "/api/v1/competitions", Village, Status::Forbidden),
    (Get, "/api/v1/nominations", Anonymous, Status::Unauthorized),
    (Get, "/api/v1/nominations", Admin, Status::Forbidden),
    (Get, "/api/v1/nominations", Judge, Status::Forbidden),
    (Get, "/api/v1/nominations", Village, Status::Ok),
    (Post, "/api/v1/nominations", Anonymous, Status::Unauthorized),
    (Post, "/api/v1/nominations", Village, Status::Forbidden),
    // Judging (id-bearing sheet routes: tests/integration/judging/access.rs)
    (Get, "/judge/sheets", Anonymous, Status::Unauthorized),
    (Get, "/judge/sheets", Judge, Status::Ok),
    (Get, "/judge/sheets", Admin, Status::Forbidden),
    (Get, "/judge/sheets", Village, Status::Forbidden),
    (
        Get,
        "/judge/sheets/00000000-0000-0000-0000-000000000000",
        Judge,
        Status::NotFound,
    ),
    (
        Get,
        "/judge/sheets/00000000-0000-0000-0000-000000000000",
        Village,
        Status::Forbidden,
    ),
    (
        Post,
        "/judge/sheets/00000000-0000-0000-0000-000000000000",
        Admin,
        Status::Forbidden,
    ),
    (Get, "/judge/conflicts", Anonymous, Status::Unauthorized),
    (Get, "/judge/conflicts", Judge, Status::Ok),
    (Get, "/judge/conflicts", Admin, Status::Forbidden),
    (Post, "/judge/conflicts", Village, Status::Forbidden),
    (Get, "/admin/conflicts", Anonymous, Status::Unauthorized),
    (Get, "/admin/conflicts", Admin, Status::Ok),
    (Get, "/admin/conflicts", Judge, Status::Forbidden),
    (Get, "/admin/conflicts", Village, Status::Forbidden),
    (Post, "/admin/conflicts", Judge, Status::Forbidden),
    (Post, "/admin/conflicts/remove", Judge, Status::Forbidden),
    (Post, "/admin/conflicts/remove", Village, Status::Forbidden),
    // The public presentation schedule: anyone.
    (Get, "/presentations", Anonymous, Status::Ok),
    (Get, "/presentations", Village, Status::Ok),
    (Get, "/presentations", Judge, Status::Ok),
    (
        Get,
        "/admin/competitions/00000000-0000-0000-0000-000000000000/judging",
        Admin,
        Status::NotFound,
    ),
    (
        Get,
        "/admin/competitions/00000000-0000-0000-0000-000000000000/judging",
        Judge,
        Status::Forbidden,
    ),
    (Get, "/api/v1/judge/sheets", Anonymous, Status::Unauthorized),
    (Get, "/api/v1/judge/sheets", Judge, Status::Ok),
    (Get, "/api/v1/judge/sheets", Admin, Status::Forbidden),
    (Get, "/api/v1/judge/sheets", Village, Status::Forbidden),
    // Results (issue 6; id-bearing routes: tests/integration/results/access.rs)
    (Get, "/results", Anonymous, Status::Ok),
    (Get, "/results", Village, Status::Ok),
    (
        Get,
        "/results/00000000-0000-4000-8000-000000000000",
        Anonymous,
        Status::NotFound,
    ),
    (
        Get,
        "/admin/competitions/00000000-0000-4000-8000-000000000000/results",
        Anonymous,
        Status::Unauthorized,
    ),
    (
        Get,
        "/admin/competitions/00000000-0000-4000-8000-000000000000/results",
        Judge,
        Status::Forbidden,
    ),
    (
        Get,
        "/admin/competitions/00000000-0000-4000-8000-000000000000/results",
        Village,
        Status::Forbidden,
    ),
    (
        Get,
        "/admin/competitions/00000000-0000-4000-8000-000000000000/results",
        Admin,
        Status::NotFound,
    ),
    (
        Post,
        "/admin/competitions/00000000-0000-4000-8000-000000000000/results/announce",
        Judge,
        Status::Forbidden,
    ),
    (
        Post,
        "/api/v1/results/00000000-0000-4000-8000-000000000000/announce",
        Judge,
        Status::Forbidden,
    ),
    (
        Get,
        "/village/results/00000000-0000-4000-8000-000000000000",
        Admin,
        Status::Forbidden,
    ),
    (
        Get,
        "/api/v1/results/00000000-0000-4000-8000-000000000000",
        Anonymous,
        Status::NotFound,
    ),
];

async fn app_for(actor: Actor) -> TestApp {
    let app = TestApp::new().await;
    match actor {
        Anonymous => {}
        Admin => drop(app.login_as(Role::Admin).await),
        Judge => drop(app.login_as(Role::Judge).await),
        Village => drop(app.login_as(Role::Village).await),
    }
    app
}

#[rocket::async_test]
async fn every_route_answers_each_role_as_the_table_says() {
    for actor in [Anonymous, Admin, Judge, Village] {
        let app = app_for(actor).await;
        for (method, path, _, expected) in MATRIX.iter().filter(|row| row.2 == actor) {
            let status = match method {
                Get => app.get(path).await.status(),
                Post => app.post_form(path, &[]).await.status(),
            };
            assert_eq!(
                status, *expected,
                "{actor:?} {method:?} {path}: expected {expected}, got {status}"
            );
        }
    }
}

#[rocket::async_test]
async fn unauthorized_api_and_page_errors_have_the_right_shape() {
    let app = TestApp::new().await;
    let resp = app.get("/api/v1/does-not-exist").await;
    assert_eq!(resp.status(), Status::NotFound);
    assert_eq!(resp.content_type(), Some(rocket::http::ContentType::JSON));
    let resp = app.get("/admin").await;
    assert_eq!(resp.content_type(), Some(rocket::http::ContentType::HTML));
    let html = crate::common::body(resp).await;
    assert!(html.contains("Perlu masuk"), "401 page in Bahasa Indonesia");
    assert!(
        html.contains("/login?next=/admin"),
        "offers to log in and come back"
    );
}
