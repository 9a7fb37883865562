//! Logging in and out: success, failure, throttling, CSRF, session invalidation.

use juara::auth::Role;
use rocket::http::{Cookie, Status};

use crate::common::{PASSWORD, TestApp, body};

#[rocket::async_test]
async fn correct_password_starts_a_session_and_redirects_to_the_dashboard() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    let resp = app
        .post_form("/login", &[("username", "panitia"), ("password", PASSWORD)])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(resp.headers().get_one("Location"), Some("/dashboard"));
    assert_eq!(app.get("/admin").await.status(), Status::Ok);
}

#[rocket::async_test]
async fn usernames_are_case_insensitive_at_login() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    assert_eq!(app.login("  PANITIA ", PASSWORD).await, Status::SeeOther);
}

#[rocket::async_test]
async fn wrong_password_is_refused_with_a_message_and_no_session() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    let resp = app
        .post_form(
            "/login",
            &[("username", "panitia"), ("password", "salah-sekali-123")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(
        html.contains("Nama pengguna atau kata sandi salah."),
        "{html}"
    );
    assert!(html.contains("value=\"panitia\""), "the username is kept");
    assert!(
        !html.contains("salah-sekali-123"),
        "the password is never echoed"
    );
    assert_eq!(app.get("/admin").await.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn unknown_user_gets_the_same_answer_as_a_wrong_password() {
    let app = TestApp::new().await;
    let resp = app
        .post_form(
            "/login",
            &[("username", "tidakada"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Nama pengguna atau kata sandi salah.")
    );
}

#[rocket::async_test]
async fn missing_fields_are_marked_next_to_the_field() {
    let app = TestApp::new().await;
    let resp = app.post_form("/login", &[("username", "panitia")]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("id=\"err-password\""), "{html}");
    assert!(html.contains("Wajib diisi."));
}

#[rocket::async_test]
async fn login_is_throttled_after_five_failures() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    app.create_user(Role::Admin, "lainnya", None, None).await;
    for i in 0..5 {
        let status = app.login("panitia", "salah-sekali-123").await;
        assert_eq!(status, Status::UnprocessableEntity, "failure {i}");
    }
    // Even the right password is refused while locked, with a clear message.
    let resp = app
        .post_form("/login", &[("username", "panitia"), ("password", PASSWORD)])
        .await;
    assert_eq!(resp.status(), Status::TooManyRequests);
    assert!(body(resp).await.contains("Terlalu banyak percobaan masuk"));
    assert_eq!(app.get("/admin").await.status(), Status::Unauthorized);
    // Another account is not locked by someone else's failures.
    assert_eq!(app.login("lainnya", PASSWORD).await, Status::SeeOther);
}

#[rocket::async_test]
async fn a_success_resets_the_failure_count() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    for _ in 0..4 {
        app.login("panitia", "salah-sekali-123").await;
    }
    assert_eq!(app.login("panitia", PASSWORD).await, Status::SeeOther);
    for _ in 0..4 {
        app.login("panitia", "salah-sekali-123").await;
    }
    assert_eq!(app.login("panitia", PASSWORD).await, Status::SeeOther);
}

#[rocket::async_test]
async fn login_without_csrf_token_is_refused() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    app.csrf().await; // the browser has a token, the form does not carry it
    let resp = app
        .post_raw("/login", &[("username", "panitia"), ("password", PASSWORD)])
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(app.get("/admin").await.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn login_with_a_forged_csrf_token_is_refused() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    app.csrf().await;
    let forged = "0".repeat(64);
    let resp = app
        .post_raw(
            "/login",
            &[
                ("_csrf", &forged),
                ("username", "panitia"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
}

#[rocket::async_test]
async fn logout_ends_the_session_and_needs_the_token() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let refused = app.post_raw("/logout", &[]).await;
    assert_eq!(refused.status(), Status::Forbidden);
    assert_eq!(
        app.get("/admin").await.status(),
        Status::Ok,
        "still logged in"
    );
    let resp = app.post_form("/logout", &[]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(app.get("/admin").await.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn login_only_redirects_to_local_paths() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    let resp = app
        .post_form(
            "/login",
            &[
                ("username", "panitia"),
                ("password", PASSWORD),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(resp.headers().get_one("Location"), Some("/dashboard"));
    app.post_form("/logout", &[]).await;
    let resp = app
        .post_form(
            "/login",
            &[
                ("username", "panitia"),
                ("password", PASSWORD),
                ("next", "/admin/users"),
            ],
        )
        .await;
    assert_eq!(resp.headers().get_one("Location"), Some("/admin/users"));
}

#[rocket::async_test]
async fn a_forged_session_cookie_is_ignored() {
    let app = TestApp::new().await;
    // Sent with the request: the local client's `cookies()` is a copy, adding to it is lost.
    let forged = Cookie::new(
        "juara_session",
        r#"{"user":"00000000-0000-0000-0000-000000000000","epoch":0,"expires":9999999999}"#,
    );
    let resp = app.client.get("/admin").cookie(forged).dispatch().await;
    assert_eq!(resp.status(), Status::Unauthorized);
}

#[rocket::async_test]
async fn changing_the_password_ends_sessions_elsewhere() {
    let app = TestApp::new().await;
    let user = app.login_as(Role::Judge).await;
    let other = app.new_browser().await;
    crate::common::log_in_ok(&other, &user.username, PASSWORD).await;
    assert_eq!(other.get("/judge").dispatch().await.status(), Status::Ok);

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
    assert_eq!(
        app.get("/judge").await.status(),
        Status::Ok,
        "this browser stays in"
    );
    assert_eq!(
        other.get("/judge").dispatch().await.status(),
        Status::Unauthorized,
        "the other browser is logged out"
    );
    app.post_form("/logout", &[]).await;
    assert_eq!(
        app.login(&user.username, PASSWORD).await,
        Status::UnprocessableEntity
    );
    assert_eq!(
        app.login(&user.username, "sandi-baru-yang-panjang").await,
        Status::SeeOther
    );
}

#[rocket::async_test]
async fn bad_password_changes_are_refused_next_to_the_field_and_change_nothing() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "salah-sandi-lama",
            "sandi-baru-yang-panjang",
            "sandi-baru-yang-panjang",
            "current_password",
            "Kata sandi saat ini salah.",
        ),
        (
            PASSWORD,
            "pendek",
            "pendek",
            "new_password",
            "Kata sandi minimal 10 karakter.",
        ),
        (
            PASSWORD,
            "sandi-baru-yang-panjang",
            "sandi-lain-yang-panjang",
            "confirm_password",
            "Kedua kata sandi baru tidak sama.",
        ),
        (
            PASSWORD,
            "juri",
            "juri",
            "new_password",
            "Kata sandi minimal 10 karakter.",
        ),
    ];
    let app = TestApp::new().await;
    let user = app.login_as(Role::Judge).await;
    for (current, new, confirm, field, message) in cases {
        let resp = app
            .post_form(
                "/account/password",
                &[
                    ("current_password", current),
                    ("new_password", new),
                    ("confirm_password", confirm),
                ],
            )
            .await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "case {field}");
        let html = body(resp).await;
        assert!(
            html.contains(&format!("id=\"err-{field}\"")),
            "error under {field}"
        );
        assert!(html.contains(message), "message for {field}: {message}");
    }
    app.post_form("/logout", &[]).await;
    assert_eq!(
        app.login(&user.username, PASSWORD).await,
        Status::SeeOther,
        "old password still works"
    );
}

#[rocket::async_test]
async fn a_deactivated_account_loses_its_session_and_cannot_log_in() {
    let app = TestApp::new().await;
    let judge = app.login_as(Role::Judge).await;
    let account = juara::db::users::find_by_username(&app.db, &judge.username)
        .await
        .unwrap()
        .unwrap();
    juara::db::users::set_active(&app.db, account, false)
        .await
        .unwrap();
    assert_eq!(app.get("/judge").await.status(), Status::Unauthorized);
    assert_eq!(
        app.login(&judge.username, PASSWORD).await,
        Status::UnprocessableEntity
    );
}

#[rocket::async_test]
async fn session_cookies_are_secure_when_configured() {
    let app = TestApp::with_config(|c| c.secure_cookies = true).await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    let resp = app
        .post_form("/login", &[("username", "panitia"), ("password", PASSWORD)])
        .await;
    let cookie = resp
        .headers()
        .get("Set-Cookie")
        .find(|c| c.starts_with("juara_session="))
        .expect("session cookie set")
        .to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");

    let plain = TestApp::new().await;
    plain.create_user(Role::Admin, "panitia", None, None).await;
    let resp = plain
        .post_form("/login", &[("username", "panitia"), ("password", PASSWORD)])
        .await;
    let cookie = resp
        .headers()
        .get("Set-Cookie")
        .find(|c| c.starts_with("juara_session="))
        .expect("session cookie set")
        .to_owned();
    assert!(!cookie.contains("Secure"), "{cookie}");
}

/// The first sign-in is greeted as a welcome, later ones as a welcome back, by name; the
/// navigation names the person's own account page apart from the list of users.
#[rocket::async_test]
async fn the_first_login_is_a_welcome_and_the_own_account_is_easy_to_find() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    assert_eq!(app.login("panitia", PASSWORD).await, Status::SeeOther);
    let page = body(app.get("/admin").await).await;
    assert!(
        page.contains("Selamat datang di Juara, Pengguna panitia."),
        "{page}"
    );
    assert!(!page.contains("Selamat datang kembali"), "{page}");
    assert!(page.contains("href=\"/account/password\""));
    assert!(page.contains("Akun saya: Pengguna panitia"));
    assert!(
        page.contains(">Pengguna</a>"),
        "the user list is named as such"
    );
    let again = app.new_browser().await;
    let status = crate::common::log_in(&again, "panitia", PASSWORD).await;
    assert_eq!(status, Status::SeeOther);
    let page = body(again.get("/admin").dispatch().await).await;
    assert!(
        page.contains("Selamat datang kembali, Pengguna panitia."),
        "{page}"
    );
}
