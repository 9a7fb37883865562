//! Issue 10 §4: login throttling keyed on the real peer address (forwarded headers only
//! behind a configured proxy), per account and address with growing waits, a per-account
//! ceiling that slows an attacker without locking the owner out, and lockouts in the audit
//! trail for the committee.

use chrono::Duration;
use entity::login_attempt;
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::login_from;
use crate::common::{PASSWORD, TestApp, body};

const WRONG: &str = "salah-sekali-123";

/// Moves every recorded attempt `seconds` into the past, as if that much time had gone by.
async fn time_passes(app: &TestApp, seconds: i64) {
    for a in login_attempt::Entity::find().all(&app.db).await.unwrap() {
        let at = a.attempted_at - Duration::seconds(seconds);
        let mut row: login_attempt::ActiveModel = a.into();
        row.attempted_at = Set(at);
        row.update(&app.db).await.unwrap();
    }
}

async fn lock_events(app: &TestApp, action: &str) -> Vec<serde_json::Value> {
    entity::audit_event::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| serde_json::from_str(&e.details).unwrap())
        .collect()
}

#[rocket::async_test]
async fn a_new_x_real_ip_per_attempt_does_not_bypass_the_limit() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "admin", None, None).await;
    for i in 0..5 {
        let spoofed = vec![("X-Real-IP", format!("203.0.113.{i}"))];
        let (status, _) = login_from(&app.client, "admin", WRONG, "10.0.0.66", &spoofed).await;
        assert_eq!(status, Status::UnprocessableEntity, "failure {i}");
    }
    let spoofed = vec![("X-Real-IP", "203.0.113.99".to_owned())];
    let (status, html) = login_from(&app.client, "admin", PASSWORD, "10.0.0.66", &spoofed).await;
    assert_eq!(status, Status::TooManyRequests, "the header is not trusted");
    assert!(html.contains("Coba lagi dalam 1 menit"), "{html}");
}

#[rocket::async_test]
async fn the_proxy_header_is_trusted_only_when_configured() {
    let app = TestApp::with_config(|c| c.behind_proxy = true).await;
    app.create_user(Role::Admin, "admin", None, None).await;
    let attacker = vec![("X-Real-IP", "203.0.113.7".to_owned())];
    for _ in 0..5 {
        login_from(&app.client, "admin", WRONG, "10.0.0.1", &attacker).await;
    }
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.1", &attacker).await;
    assert_eq!(status, Status::TooManyRequests);
    // The same proxy forwards the owner from another address: not locked.
    let owner = vec![("X-Real-IP", "198.51.100.20".to_owned())];
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.1", &owner).await;
    assert_eq!(status, Status::SeeOther);
}

#[rocket::async_test]
async fn anonymous_failures_do_not_lock_the_owner_out() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "admin", None, None).await;
    for _ in 0..5 {
        login_from(&app.client, "admin", WRONG, "10.0.0.66", &[]).await;
    }
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.66", &[]).await;
    assert_eq!(
        status,
        Status::TooManyRequests,
        "the attacker's address waits"
    );
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.7", &[]).await;
    assert_eq!(status, Status::SeeOther, "the owner gets in from elsewhere");
}

#[rocket::async_test]
async fn the_wait_doubles_with_every_further_failure() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "admin", None, None).await;
    for _ in 0..5 {
        login_from(&app.client, "admin", WRONG, "10.0.0.66", &[]).await;
    }
    let (status, html) = login_from(&app.client, "admin", WRONG, "10.0.0.66", &[]).await;
    assert_eq!(status, Status::TooManyRequests);
    assert!(html.contains("dalam 1 menit"), "{html}");
    time_passes(&app, 61).await;
    let (status, _) = login_from(&app.client, "admin", WRONG, "10.0.0.66", &[]).await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "one more try after a minute"
    );
    let (status, html) = login_from(&app.client, "admin", PASSWORD, "10.0.0.66", &[]).await;
    assert_eq!(status, Status::TooManyRequests);
    assert!(html.contains("dalam 2 menit"), "{html}");
    time_passes(&app, 61).await;
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.66", &[]).await;
    assert_eq!(status, Status::TooManyRequests, "two minutes, not one");
    time_passes(&app, 60).await;
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.0.0.66", &[]).await;
    assert_eq!(status, Status::SeeOther);
}

#[rocket::async_test]
async fn a_distributed_attack_slows_the_account_but_the_owner_still_gets_in() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "admin", None, None).await;
    // 20 failures (4 × 5), one from each of 20 addresses: no address reaches its own limit.
    for i in 0..20 {
        let (status, _) =
            login_from(&app.client, "admin", WRONG, &format!("10.1.0.{i}"), &[]).await;
        assert_eq!(status, Status::UnprocessableEntity, "attempt {i}");
    }
    assert_eq!(lock_events(&app, "auth.login_slowed").await.len(), 1);
    // An address that failed before now waits after a single failure.
    let (status, _) = login_from(&app.client, "admin", WRONG, "10.1.0.3", &[]).await;
    assert_eq!(status, Status::TooManyRequests);
    // A fresh attacker address gets one slowed try, then waits.
    let started = std::time::Instant::now();
    let (status, _) = login_from(&app.client, "admin", WRONG, "10.2.0.1", &[]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "slowed"
    );
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "10.2.0.1", &[]).await;
    assert_eq!(status, Status::TooManyRequests);
    // The owner, from an address with no failures, gets in with the right password.
    let (status, _) = login_from(&app.client, "admin", PASSWORD, "192.168.1.10", &[]).await;
    assert_eq!(status, Status::SeeOther);
}

#[rocket::async_test]
async fn lockouts_are_shown_to_the_committee_within_its_scope() {
    let app = TestApp::new().await;
    app.create_user(Role::Village, "operator", None, Some("33.19.01.2001"))
        .await;
    for _ in 0..5 {
        login_from(&app.client, "operator", WRONG, "10.0.0.66", &[]).await;
    }
    let events = lock_events(&app, "auth.login_locked").await;
    assert_eq!(events.len(), 1, "one event when the address locks");
    assert_eq!(events[0]["username"], "operator");
    assert_eq!(events[0]["ip"], "10.0.0.66");

    let far = app
        .browser_as(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    let page = far.get("/admin/security/lockouts").dispatch().await;
    assert_eq!(page.status(), Status::Ok);
    let html = body(page).await;
    assert!(html.contains("id=\"no-lockouts\""), "out of scope: {html}");

    let near = app
        .browser_as(Role::Admin, "panitia.jateng", Some("33"), None)
        .await;
    let html = body(near.get("/admin/security/lockouts").dispatch().await).await;
    assert!(
        html.contains("operator") && html.contains("10.0.0.66"),
        "{html}"
    );
    assert!(html.contains("Alamat dikunci sementara"), "{html}");
    let users_page = body(near.get("/admin/users").dispatch().await).await;
    assert!(users_page.contains("href=\"/admin/security/lockouts\""));

    let village = app
        .browser_as(Role::Village, "operator2", None, Some("33.19.01.2002"))
        .await;
    let status = village
        .get("/admin/security/lockouts")
        .dispatch()
        .await
        .status();
    assert_eq!(status, Status::Forbidden);
}
