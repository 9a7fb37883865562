//! Who sees results: the preview is the committee's (in its region) until the announcement.

use juara::auth::Role;
use rocket::http::Status;

use super::{browser_as, contest, json};
use crate::common::TestApp;

#[rocket::async_test]
async fn the_preview_is_hidden_from_everyone_but_the_committee_in_scope() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    let preview = format!("/admin/competitions/{}/results", c.id);
    let api = format!("/api/v1/results/{}", c.id);
    let prizes = format!("/api/v1/results/{}/prizes", c.id);
    let public = format!("/results/{}", c.id);

    let anon = app.new_browser().await;
    assert_eq!(
        anon.get(preview.clone()).dispatch().await.status(),
        Status::Unauthorized
    );
    assert_eq!(
        anon.get(public.clone()).dispatch().await.status(),
        Status::NotFound
    );
    assert_eq!(json(&anon, &api).await.0, Status::NotFound);
    assert_eq!(json(&anon, &prizes).await.0, Status::NotFound);

    let judge = browser_as(&app, Role::Judge, "juri-lain", Some("33.19"), None).await;
    assert_eq!(
        judge.get(preview.clone()).dispatch().await.status(),
        Status::Forbidden
    );
    assert_eq!(json(&judge, &api).await.0, Status::NotFound);

    let village = browser_as(&app, Role::Village, "op", None, Some("33.19.01.2001")).await;
    assert_eq!(
        village.get(preview.clone()).dispatch().await.status(),
        Status::Forbidden
    );
    assert_eq!(json(&village, &api).await.0, Status::NotFound);
    assert_eq!(
        village
            .get(format!("/village/results/{}", c.id))
            .dispatch()
            .await
            .status(),
        Status::NotFound,
        "no protocol before the announcement"
    );

    // An admin of another province does not see it either.
    let other = browser_as(&app, Role::Admin, "panitia-kaltim", Some("64"), None).await;
    assert_eq!(
        other.get(preview.clone()).dispatch().await.status(),
        Status::NotFound
    );
    assert_eq!(json(&other, &api).await.0, Status::NotFound);
    assert_eq!(
        other
            .get(format!("{preview}/export.csv"))
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );

    let admin = browser_as(&app, Role::Admin, "panitia-kudus", Some("33.19"), None).await;
    assert_eq!(
        admin.get(preview.clone()).dispatch().await.status(),
        Status::Ok
    );
    assert_eq!(json(&admin, &api).await.0, Status::Ok);

    // Another village cannot read someone else's appeals through the API.
    assert_eq!(
        json(&judge, &format!("/api/v1/results/{}/appeals", c.id))
            .await
            .0,
        Status::NotFound
    );
}
