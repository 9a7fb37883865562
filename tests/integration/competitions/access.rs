//! Who may reach the set-up pages of a particular competition: judges and village operators
//! never, admins only inside their region (outside it looks missing), and never without the
//! form's CSRF token.

use rocket::http::Status;

use super::*;

/// Every page and action of one competition, as (method, path).
fn paths(id: uuid::Uuid, stage: uuid::Uuid) -> Vec<(&'static str, String)> {
    let b = format!("/admin/competitions/{id}");
    vec![
        ("GET", b.clone()),
        ("GET", format!("{b}/edit")),
        ("POST", b.clone()),
        ("POST", format!("{b}/status")),
        ("POST", format!("{b}/clone")),
        ("GET", format!("{b}/stages/new")),
        ("POST", format!("{b}/stages")),
        ("GET", format!("{b}/stages/{stage}")),
        ("GET", format!("{b}/stages/{stage}/edit")),
        ("POST", format!("{b}/stages/{stage}/criteria")),
        ("GET", format!("{b}/documents")),
        ("POST", format!("{b}/documents")),
        ("GET", format!("{b}/prizes")),
        ("POST", format!("{b}/prizes")),
    ]
}

async fn statuses(app: &TestApp, id: uuid::Uuid, stage: uuid::Uuid) -> Vec<(String, Status)> {
    let mut out = Vec::new();
    for (method, path) in paths(id, stage) {
        let status = match method {
            "GET" => app.get(&path).await.status(),
            _ => app
                .post_form(&path, &[("to", "open"), ("year", "2027")])
                .await
                .status(),
        };
        out.push((format!("{method} {path}"), status));
    }
    out
}

#[rocket::async_test]
async fn judges_village_operators_and_strangers_cannot_touch_a_competition() {
    let admin = admin_app().await;
    let id = from_template(&admin, "desa").await;
    let stage = stages(&admin, id).await[0].id;
    for (role, expected) in [
        (Some(Role::Judge), Status::Forbidden),
        (Some(Role::Village), Status::Forbidden),
        (None, Status::Unauthorized),
    ] {
        let browser = admin.new_browser().await;
        if let Some(role) = role {
            let username = format!("u{}", role.as_str());
            let region = (role == Role::Judge).then_some("64.72");
            let village = (role == Role::Village).then_some("33.19.01.2001");
            admin.create_user(role, &username, region, village).await;
            crate::common::log_in_ok(&browser, &username, crate::common::PASSWORD).await;
        }
        for (method, path) in paths(id, stage) {
            let token = crate::common::csrf_of(&browser).await;
            let status = match method {
                "GET" => browser.get(path.clone()).dispatch().await.status(),
                _ => browser
                    .post(path.clone())
                    .header(rocket::http::ContentType::Form)
                    .body(crate::common::encode_form(&[
                        ("_csrf", &token),
                        ("to", "open"),
                    ]))
                    .dispatch()
                    .await
                    .status(),
            };
            assert_eq!(status, expected, "{role:?} {method} {path}");
        }
    }
    assert_eq!(
        competition(&admin, id).await.status,
        entity::CompetitionStatus::Draft
    );
}

#[rocket::async_test]
async fn an_admin_outside_the_region_gets_not_found_everywhere() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let stage = stages(&app, id).await[0].id;
    let other = app.new_browser().await;
    drop(other);
    // Same database, a Jawa Tengah admin in this browser.
    login_regional_admin(&app, "panitia.jateng", "33").await;
    for (request, status) in statuses(&app, id, stage).await {
        assert_eq!(status, Status::NotFound, "{request}");
    }
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Draft
    );
    let html = crate::common::body(app.get("/admin/competitions").await).await;
    assert!(
        !html.contains("Lomba Desa Kaltim 2026"),
        "not listed either"
    );
    // A Kaltim admin sees it.
    login_regional_admin(&app, "panitia.kaltim", "64").await;
    assert_eq!(
        app.get(&format!("/admin/competitions/{id}")).await.status(),
        Status::Ok
    );
}

#[rocket::async_test]
async fn a_form_without_its_csrf_token_is_refused() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let resp = app
        .post_raw(
            &format!("/admin/competitions/{id}/status"),
            &[("to", "open")],
        )
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    let resp = app
        .post_raw(
            "/admin/competitions",
            &fields("Tanpa token", "desa", "desa"),
        )
        .await;
    assert_eq!(resp.status(), Status::Forbidden);
    assert_eq!(
        competition(&app, id).await.status,
        entity::CompetitionStatus::Draft
    );
    assert_eq!(
        competition::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );
}
