//! Announcement day: the public winners page is rendered once per version and served from
//! memory to anonymous visitors, with an `ETag` that a revalidating browser gets a `304` for;
//! a correction changes the page and its validator at once; a logged-in visitor still gets
//! their own page.

use juara::auth::Role;
use rocket::http::{Header, Status};

use super::{announce, contest, correct_confirmed, lap_a_score};
use crate::common::{TestApp, body};

#[rocket::async_test]
async fn anonymous_visitors_share_one_rendering_until_a_correction() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let public = app.new_browser().await;
    let path = format!("/results/{}", c.id);

    let first = public.get(path.clone()).dispatch().await;
    assert_eq!(first.status(), Status::Ok);
    let etag = first.headers().get_one("ETag").expect("an ETag").to_owned();
    assert_eq!(
        first.headers().get_one("Cache-Control"),
        Some("public, no-cache")
    );
    let html = body(first).await;
    assert!(html.contains("Juara I"));
    assert!(
        html.contains(r#"<meta name="csrf-token" content="">"#),
        "no visitor's form token in a shared page"
    );

    // Another visitor gets the same bytes; a browser holding them gets 304 and no body.
    let other = app.new_browser().await;
    let again = other.get(path.clone()).dispatch().await;
    assert_eq!(again.headers().get_one("ETag"), Some(etag.as_str()));
    assert_eq!(body(again).await, html);
    let revalidated = public
        .get(path.clone())
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(revalidated.status(), Status::NotModified);
    assert!(body(revalidated).await.is_empty());

    // A correction publishes v2: the old validator no longer matches, the new page says v2.
    let score = lap_a_score(&app, &c, 1).await;
    let field = format!("values[{score}]");
    let nomination = c.noms[1].to_string();
    let fields = [
        ("nomination", nomination.as_str()),
        (field.as_str(), "90"),
        ("reason", "Salah input nilai lapangan"),
    ];
    assert_eq!(
        correct_confirmed(&app, &c, &fields).await.status(),
        Status::SeeOther
    );
    let after = public
        .get(path.clone())
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(
        after.status(),
        Status::Ok,
        "the corrected page is sent in full"
    );
    let new_etag = after.headers().get_one("ETag").expect("an ETag").to_owned();
    assert_ne!(new_etag, etag);
    let corrected = body(after).await;
    assert_ne!(corrected, html);
    assert!(
        corrected.contains("Salah input nilai lapangan"),
        "the reason of v2 is shown"
    );
    // v1 stays readable at its own address, and says it was replaced.
    let v1 = body(public.get(format!("{path}/v/1")).dispatch().await).await;
    assert!(v1.contains("Salah input nilai lapangan"));

    // Both versions and, once answered, an appeal make the key, read in one query.
    let marks = juara::db::results::snapshots::page_marks(&app.db, c.id)
        .await
        .unwrap();
    let versions: Vec<i32> = marks.versions.iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, vec![2, 1]);
    assert!(marks.versions.iter().all(|(_, hash)| hash.len() == 64));
    assert!(marks.answered.is_empty());
    let by = app
        .create_user(Role::Village, "op-banding", None, Some(&super::village(3)))
        .await;
    let appeal = juara::db::results::appeals::insert(
        &app.db,
        c.id,
        c.noms[3],
        2,
        "Nilai kami keliru".into(),
        None,
        by.id,
    )
    .await
    .unwrap();
    let open_etag = public.get(path.clone()).dispatch().await;
    assert_eq!(
        open_etag.headers().get_one("ETag"),
        Some(new_etag.as_str()),
        "an open appeal is not shown"
    );
    let mut answered: entity::appeal::ActiveModel = appeal.into();
    answered.status = sea_orm::Set(entity::AppealStatus::Rejected);
    answered.answer = sea_orm::Set("Nilai sudah sesuai berita acara".into());
    answered.answered_at = sea_orm::Set(Some(chrono::Utc::now().fixed_offset()));
    sea_orm::ActiveModelTrait::update(answered, &app.db)
        .await
        .unwrap();
    let marks = juara::db::results::snapshots::page_marks(&app.db, c.id)
        .await
        .unwrap();
    assert_eq!(marks.answered.len(), 1);
    let after_answer = public.get(path.clone()).dispatch().await;
    assert_ne!(
        after_answer.headers().get_one("ETag"),
        Some(new_etag.as_str())
    );
    assert!(
        body(after_answer)
            .await
            .contains("Nilai sudah sesuai berita acara")
    );

    // The committee's own browser is logged in: its page is not the shared one.
    let own = app.get(&path).await;
    assert!(own.headers().get_one("ETag").is_none());
    assert!(body(own).await.contains("/logout"));
}

#[rocket::async_test]
async fn an_instance_trusts_the_key_for_anonymous_visitors_within_its_window() {
    // A window no test outlasts: within it anonymous visitors keep the page they were given.
    let app = TestApp::with_config(|c| c.public_page_trust_ms = 600_000).await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let public = app.new_browser().await;
    let path = format!("/results/{}", c.id);
    let before = public.get(path.clone()).dispatch().await;
    let etag = before
        .headers()
        .get_one("ETag")
        .expect("an ETag")
        .to_owned();

    let score = lap_a_score(&app, &c, 1).await;
    let field = format!("values[{score}]");
    let nomination = c.noms[1].to_string();
    let fields = [
        ("nomination", nomination.as_str()),
        (field.as_str(), "90"),
        ("reason", "Salah input nilai lapangan"),
    ];
    assert_eq!(
        correct_confirmed(&app, &c, &fields).await.status(),
        Status::SeeOther
    );
    let trusted = public.get(path.clone()).dispatch().await;
    assert_eq!(
        trusted.headers().get_one("ETag"),
        Some(etag.as_str()),
        "inside the window the instance still serves v1 to anonymous visitors"
    );
    // A logged-in visitor reads the key every time and sees v2 at once.
    assert!(
        body(app.get(&path).await)
            .await
            .contains("Salah input nilai lapangan")
    );
    // Another instance (its own memory) has trusted nothing yet: it serves v2 to anyone.
    let other_instance = app.new_browser().await;
    let fresh = other_instance.get(path.clone()).dispatch().await;
    assert_ne!(fresh.headers().get_one("ETag"), Some(etag.as_str()));
    assert!(body(fresh).await.contains("Salah input nilai lapangan"));
}
