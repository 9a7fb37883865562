//! Admins creating and managing accounts within their scope.

use juara::auth::Role;
use juara::db::users;
use rocket::http::Status;
use sea_orm::PaginatorTrait;

use crate::common::{PASSWORD, TestApp, body};

async fn user_count(app: &TestApp) -> u64 {
    use sea_orm::EntityTrait;
    entity::user::Entity::find().count(&app.db).await.unwrap()
}

#[rocket::async_test]
async fn admin_creates_a_village_operator_who_can_log_in() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let resp = app
        .post_form(
            "/admin/users",
            &[
                ("role", "village"),
                ("username", "op.bakalan"),
                ("display_name", "Operator Bakalankrapyak"),
                ("village_code", "33.19.01.2001"),
                ("region_code", ""),
                ("password", "sandi-operator-desa"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::Created);
    let stored = users::find_by_username(&app.db, "op.bakalan")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.role, entity::Role::Village);
    assert_eq!(stored.village_code.as_deref(), Some("33.19.01.2001"));
    assert_eq!(stored.region_code, None);
    assert_ne!(stored.password_hash, "sandi-operator-desa");

    let operator = app.new_browser().await;
    crate::common::log_in_ok(&operator, "op.bakalan", "sandi-operator-desa").await;
    let page = operator.get("/village").dispatch().await;
    assert_eq!(page.status(), Status::Ok);
    assert!(page.into_string().await.unwrap().contains("Bakalankrapyak"));
}

#[rocket::async_test]
async fn a_generated_password_is_shown_once_and_works() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let resp = app
        .post_form(
            "/admin/users",
            &[
                ("role", "judge"),
                ("username", "juri.kesehatan"),
                ("display_name", "Dinas Kesehatan"),
                ("village_code", ""),
                ("region_code", "33.19"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::Created);
    let html = body(resp).await;
    let marker = "id=\"generated-password\">";
    let start = html.find(marker).expect("password shown") + marker.len();
    let password: String = html[start..].chars().take_while(|c| *c != '<').collect();
    assert_eq!(password.len(), 20);
    app.post_form("/logout", &[]).await;
    assert_eq!(
        app.login("juri.kesehatan", &password).await,
        Status::SeeOther
    );
}

/// Field overrides, the field that must show the error, the message.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

#[rocket::async_test]
async fn bad_account_input_is_refused_next_to_the_field_and_nothing_is_stored() {
    let cases: &[Case<'_>] = &[
        (
            &[("username", "AB")],
            "username",
            "Nama pengguna harus 3–64 karakter",
        ),
        (
            &[("username", "ada spasi")],
            "username",
            "Nama pengguna harus 3–64 karakter",
        ),
        (
            &[("username", "panitia")],
            "username",
            "Nama pengguna sudah dipakai.",
        ),
        (&[("display_name", "  ")], "display_name", "Wajib diisi."),
        (&[("role", "superuser")], "role", "Pilih salah satu pilihan"),
        (&[("village_code", "")], "village_code", "Wajib diisi."),
        (
            &[("village_code", "33.19.01.9999")],
            "village_code",
            "Kode desa/kelurahan tidak ditemukan.",
        ),
        (
            &[("village_code", "33.19.01")],
            "village_code",
            "Kode desa/kelurahan tidak ditemukan.",
        ),
        (
            &[("password", "pendek")],
            "password",
            "Kata sandi minimal 10 karakter.",
        ),
        (
            &[("role", "judge"), ("region_code", "99")],
            "region_code",
            "Kode wilayah tidak ditemukan",
        ),
        (
            &[("role", "judge"), ("region_code", "33.19.01.2001")],
            "region_code",
            "Kode wilayah tidak ditemukan",
        ),
    ];
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let before = user_count(&app).await;
    for (overrides, field, message) in cases {
        let mut fields = vec![
            ("role", "village"),
            ("username", "op.baru"),
            ("display_name", "Operator Baru"),
            ("village_code", "33.19.01.2001"),
            ("region_code", ""),
            ("password", "sandi-yang-cukup"),
        ];
        for (k, v) in *overrides {
            for f in &mut fields {
                if f.0 == *k {
                    f.1 = v;
                }
            }
        }
        let resp = app.post_form("/admin/users", &fields).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{overrides:?}");
        let html = body(resp).await;
        assert!(
            html.contains(&format!("id=\"err-{field}\"")),
            "{overrides:?}: error under {field}"
        );
        assert!(html.contains(message), "{overrides:?}: {message}");
        assert!(
            html.contains("value=\"Operator Baru\"") || *field == "display_name",
            "values kept"
        );
        assert!(!html.contains("sandi-yang-cukup"), "password not echoed");
    }
    assert_eq!(user_count(&app).await, before, "nothing stored");
}

#[rocket::async_test]
async fn a_provincial_admin_cannot_create_accounts_outside_the_province() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    assert_eq!(
        app.login("panitia.kaltim", PASSWORD).await,
        Status::SeeOther
    );
    let cases: &[&[(&str, &str)]] = &[
        &[("role", "village"), ("village_code", "33.19.01.2001")],
        &[("role", "judge"), ("region_code", "33.19")],
        &[("role", "admin"), ("region_code", "")],
    ];
    for case in cases {
        let mut fields = vec![
            ("username", "orang.luar"),
            ("display_name", "Orang Luar"),
            ("password", "sandi-yang-cukup"),
        ];
        fields.extend_from_slice(case);
        for key in ["village_code", "region_code"] {
            if !fields.iter().any(|(k, _)| *k == key) {
                fields.push((key, ""));
            }
        }
        let resp = app.post_form("/admin/users", &fields).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{case:?}");
        assert!(
            body(resp).await.contains("di luar wilayah kerja Anda"),
            "{case:?}"
        );
    }
    let inside = app
        .post_form(
            "/admin/users",
            &[
                ("role", "village"),
                ("username", "op.samarinda"),
                ("display_name", "Operator Rawa Makmur"),
                ("village_code", "64.72.01.1001"),
                ("region_code", ""),
                ("password", "sandi-yang-cukup"),
            ],
        )
        .await;
    assert_eq!(inside.status(), Status::Created);
}

#[rocket::async_test]
async fn a_provincial_admin_lists_and_manages_only_accounts_in_the_province() {
    let app = TestApp::new().await;
    let outside = app
        .create_user(Role::Village, "op.kudus", None, Some("33.19.01.2001"))
        .await;
    let inside = app
        .create_user(Role::Village, "op.samarinda", None, Some("64.72.01.1001"))
        .await;
    app.create_user(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    assert_eq!(
        app.login("panitia.kaltim", PASSWORD).await,
        Status::SeeOther
    );
    let html = body(app.get("/admin/users").await).await;
    assert!(html.contains("op.samarinda"));
    assert!(
        !html.contains("op.kudus"),
        "accounts outside the province are not listed"
    );

    let path = format!("/admin/users/{}/active?on=false", outside.id);
    assert_eq!(app.post_form(&path, &[]).await.status(), Status::NotFound);
    let path = format!("/admin/users/{}/active?on=false", inside.id);
    assert_eq!(app.post_form(&path, &[]).await.status(), Status::SeeOther);
    let stored = users::find_by_username(&app.db, "op.samarinda")
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.active);
}

#[rocket::async_test]
async fn an_admin_cannot_deactivate_themselves() {
    let app = TestApp::new().await;
    let me = app.login_as(Role::Admin).await;
    let path = format!("/admin/users/{}/active?on=false", me.id);
    assert_eq!(app.post_form(&path, &[]).await.status(), Status::Forbidden);
    assert_eq!(app.get("/admin").await.status(), Status::Ok);
}
