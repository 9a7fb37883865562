//! Issue 10 §3 and §7 (passwords): logout ends the session on the server, "log out on all
//! devices", password changes revoke other sessions, the password policy, and the generated
//! first-admin password that must be changed at first login.

use juara::auth::{Role, api};
use juara::db::{api_tokens, users};
use rocket::http::{ContentType, Cookie, Header, Status};
use rocket::local::asynchronous::Client;

use crate::common::{PASSWORD, TestApp, body};

/// Another browser sending a copy of this browser's session cookie (as a thief would).
struct Copy {
    client: Client,
    cookie: String,
}

async fn copy_of_session(app: &TestApp) -> Copy {
    let cookie = app
        .client
        .cookies()
        .get("juara_session")
        .expect("session cookie")
        .value()
        .to_owned();
    Copy {
        client: app.new_browser().await,
        cookie,
    }
}

async fn status_of(copy: &Copy, path: &str) -> Status {
    get(copy, path).await.status()
}

async fn get<'c>(copy: &'c Copy, path: &str) -> rocket::local::asynchronous::LocalResponse<'c> {
    copy.client
        .get(path.to_owned())
        .cookie(Cookie::new("juara_session", copy.cookie.clone()))
        .dispatch()
        .await
}

#[rocket::async_test]
async fn a_cookie_copied_before_logout_is_refused_after_it() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let thief = copy_of_session(&app).await;
    assert_eq!(status_of(&thief, "/api/v1/me").await, Status::Ok);
    assert_eq!(status_of(&thief, "/admin/users").await, Status::Ok);

    assert_eq!(
        app.post_form("/logout", &[]).await.status(),
        Status::SeeOther
    );

    let me = get(&thief, "/api/v1/me").await;
    assert_eq!(me.status(), Status::Unauthorized);
    assert_eq!(me.content_type(), Some(ContentType::JSON));
    let page = get(&thief, "/admin/users").await;
    assert_eq!(page.status(), Status::Unauthorized);
    assert!(
        body(page)
            .await
            .contains("href=\"/login?next=/admin/users\""),
        "the page leads to the login form"
    );
}

#[rocket::async_test]
async fn log_out_on_all_devices_ends_every_session_but_not_api_tokens() {
    let app = TestApp::new().await;
    let user = app.login_as(Role::Village).await;
    let other = copy_of_session(&app).await;
    let (token, prefix, hash) = api::generate();
    let owner = juara::ids::UserId::from(user.id);
    api_tokens::insert(&app.db, owner, "integrasi", &prefix, &hash)
        .await
        .unwrap();

    let page = body(app.get("/account/password").await).await;
    assert!(page.contains("action=\"/account/logout-all\""), "{page}");
    assert!(page.contains("Keluar dari semua perangkat"));

    let resp = app.post_raw("/account/logout-all", &[]).await;
    assert_eq!(resp.status(), Status::Forbidden, "needs the CSRF token");
    assert_eq!(status_of(&other, "/village").await, Status::Ok);

    let resp = app.post_form("/account/logout-all", &[]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(resp.headers().get_one("Location"), Some("/login"));
    assert_eq!(app.get("/village").await.status(), Status::Unauthorized);
    assert_eq!(status_of(&other, "/village").await, Status::Unauthorized);
    assert_eq!(status_of(&other, "/api/v1/me").await, Status::Unauthorized);
    let by_token = app
        .client
        .get("/api/v1/me")
        .header(Header::new("Authorization", format!("Bearer {token}")))
        .dispatch()
        .await;
    assert_eq!(by_token.status(), Status::Ok, "API tokens are separate");
    // Logging in again works and is a new, independent session.
    assert_eq!(app.login(&user.username, PASSWORD).await, Status::SeeOther);
    assert_eq!(status_of(&other, "/village").await, Status::Unauthorized);
}

#[rocket::async_test]
async fn anonymous_cannot_log_out_everywhere() {
    let app = TestApp::new().await;
    let resp = app.post_form("/account/logout-all", &[]).await;
    assert_eq!(resp.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn a_password_change_revokes_copies_of_the_old_session() {
    let app = TestApp::new().await;
    app.login_as(Role::Judge).await;
    let thief = copy_of_session(&app).await;
    let resp = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "sandi-baru-yang-panjang"),
                ("confirm_password", "sandi-baru-yang-panjang"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(app.get("/judge").await.status(), Status::Ok);
    assert_eq!(status_of(&thief, "/api/v1/me").await, Status::Unauthorized);
}

#[rocket::async_test]
async fn guessable_passwords_are_refused_next_to_the_field_everywhere() {
    let app = TestApp::new().await;
    let user = app.login_as(Role::Admin).await;
    let resp = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "aaaaaaaaaa"),
                ("confirm_password", "aaaaaaaaaa"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("id=\"err-new_password\""), "{html}");
    assert!(html.contains("terlalu mudah ditebak"), "{html}");
    app.post_form("/logout", &[]).await;
    assert_eq!(app.login(&user.username, PASSWORD).await, Status::SeeOther);

    // An admin creating an account.
    let before = users::count(&app.db).await.unwrap();
    let resp = app
        .post_form(
            "/admin/users",
            &[
                ("username", "juri_baru"),
                ("display_name", "Juri Baru"),
                ("role", "judge"),
                ("region_code", "64"),
                ("village_code", ""),
                ("password", "password123"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("terlalu mudah ditebak"));
    assert_eq!(
        users::count(&app.db).await.unwrap(),
        before,
        "nothing stored"
    );

    // The create-user command goes through the same check.
    let input = juara::app::accounts::AccountInput {
        username: "juri_cli".into(),
        display_name: "Juri CLI".into(),
        role: "judge".into(),
        region_code: "64".into(),
        village_code: String::new(),
        password: "qwertyuiop".into(),
    };
    let passwords = juara::app::accounts::Passwords {
        hash: juara::auth::password::hash,
        generate: juara::auth::password::generate,
    };
    let refused = juara::app::accounts::check(&app.db, &input, None, passwords)
        .await
        .unwrap()
        .err()
        .expect("refused");
    assert!(
        refused
            .iter()
            .any(|(f, k)| *f == "password" && *k == "err-password-guessable"),
        "{refused:?}"
    );

    // JUARA_ADMIN_PASSWORD is checked before start-up.
    let mut config = app.config.clone();
    config.admin_password = Some("aaaaaaaaaa".into());
    let err = config.validate().expect_err("weak admin password refused");
    assert!(err.to_string().contains("admin_password"), "{err}");
    config.admin_password = Some("kuda-laut-menari-di-pantai".into());
    config
        .validate()
        .expect("a strong admin password is accepted");
}

#[rocket::async_test]
async fn the_generated_first_admin_password_must_be_changed_at_first_login() {
    let app = TestApp::new().await;
    juara::startup::bootstrap_admin(&app.db, &app.config)
        .await
        .unwrap();
    let admin = users::find_by_username(&app.db, "admin")
        .await
        .unwrap()
        .unwrap();
    assert!(admin.must_change_password, "generated password is flagged");
    // We cannot read the printed password; give the account a known one, keeping the flag.
    let hash = juara::auth::password::hash(PASSWORD).unwrap();
    let admin = users::update_password(&app.db, admin, hash).await.unwrap();
    users::require_password_change(&app.db, admin)
        .await
        .unwrap();

    let resp = app
        .post_form("/login", &[("username", "admin"), ("password", PASSWORD)])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        resp.headers().get_one("Location"),
        Some("/account/password")
    );
    for path in ["/dashboard", "/admin/users", "/regions", "/"] {
        let resp = app.get(path).await;
        assert_eq!(resp.status(), Status::SeeOther, "{path}");
        assert_eq!(
            resp.headers().get_one("Location"),
            Some("/account/password"),
            "{path}"
        );
    }
    let api = app.get("/api/v1/me").await;
    assert_eq!(api.status(), Status::Forbidden);
    assert!(body(api).await.contains("harus diganti"));
    assert_eq!(app.get("/static/css/app.css").await.status(), Status::Ok);
    let form = app.get("/account/password").await;
    assert_eq!(form.status(), Status::Ok);
    assert!(body(form).await.contains("id=\"must-change\""));

    // Every other page redirects, so the form's token comes from the form itself.
    let form = body(app.get("/account/password").await).await;
    let marker = "name=\"_csrf\" value=\"";
    let start = form.find(marker).expect("token field") + marker.len();
    let token = form[start..start + 64].to_owned();
    let resp = app
        .post_raw(
            "/account/password",
            &[
                ("_csrf", &token),
                ("current_password", PASSWORD),
                ("new_password", "kuda-laut-menari-di-pantai"),
                ("confirm_password", "kuda-laut-menari-di-pantai"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(app.get("/admin").await.status(), Status::Ok);
    assert_eq!(app.get("/api/v1/me").await.status(), Status::Ok);
    let account = users::find_by_username(&app.db, "admin")
        .await
        .unwrap()
        .unwrap();
    assert!(!account.must_change_password);
}

#[rocket::async_test]
async fn a_configured_first_admin_password_needs_no_change() {
    let app = TestApp::new().await;
    let mut config = app.config.clone();
    config.admin_password = Some("kuda-laut-menari-di-pantai".into());
    juara::startup::bootstrap_admin(&app.db, &config)
        .await
        .unwrap();
    let admin = users::find_by_username(&app.db, "admin")
        .await
        .unwrap()
        .unwrap();
    assert!(!admin.must_change_password);
}
