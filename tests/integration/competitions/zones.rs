//! Times in the competition's own zone: a Kalimantan Timur committee types 23:59 WITA, which
//! is stored as 15:59 UTC and read back as 23:59 WITA by the committee and the villages; a
//! Papua competition is in WIT, a national one in WIB; the form's labels name the zone, and
//! a region changed in the same submission decides the zone of the times typed with it.

use chrono::{DateTime, Utc};
use juara::auth::Role;
use rocket::http::Status;

use super::*;
use crate::common::body;

/// The schedule far ahead, so the nomination window is open whenever the tests run.
const SCHEDULE: [(&str, &str); 4] = [
    ("nomination_opens_at", "2020-01-01T08:00"),
    ("nomination_closes_at", "2099-12-20T23:59"),
    ("judging_closes_at", "2099-12-30T16:00"),
    ("announcement_at", "2099-12-31T09:00"),
];

/// The create form for `level` in `region` with [`SCHEDULE`].
fn form<'a>(level: &'a str, region: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut f = fields("Lomba Desa 2026", "desa", "desa");
    f.retain(|(k, _)| !["level", "region_code"].contains(k) && !k.ends_with("_at"));
    f.extend([("level", level), ("region_code", region)]);
    f.extend(SCHEDULE);
    f
}

/// The stored closing time, in UTC.
async fn closes_utc(app: &TestApp, id: uuid::Uuid) -> String {
    let c = competition(app, id).await;
    c.nomination_closes_at
        .expect("a deadline")
        .with_timezone(&Utc)
        .to_rfc3339()
}

fn utc(s: &str) -> String {
    s.parse::<DateTime<Utc>>().expect("a time").to_rfc3339()
}

#[rocket::async_test]
async fn a_kaltim_deadline_typed_at_2359_is_stored_and_shown_in_wita() {
    let app = admin_app().await;
    let form_page = body(app.get("/admin/competitions/new").await).await;
    assert!(
        form_page.contains("Pendaftaran ditutup (WIB)"),
        "a national admin's blank form starts in WIB"
    );
    let id = create(&app, &form("provinsi", "64")).await;
    assert_eq!(
        closes_utc(&app, id).await,
        utc("2099-12-20T15:59:00Z"),
        "23:59 WITA is 15:59 UTC"
    );
    // The form gives back what was typed, and names the zone.
    let edit = body(app.get(&format!("/admin/competitions/{id}/edit")).await).await;
    assert!(edit.contains(r#"value="2099-12-20T23:59""#), "{edit}");
    assert!(edit.contains("Pendaftaran ditutup (WITA)"));
    assert!(edit.contains("Jam diketik dan ditampilkan dalam WITA"));
    // The committee's overview.
    let page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(page.contains("20 Desember 2099 pukul 23.59 WITA"), "{page}");
    assert!(page.contains("1 Januari 2020 pukul 08.00 WITA"));
    // A village in Kutai Kartanegara reads the same deadline on its page.
    assert_eq!(transition(&app, id, "open").await, Status::SeeOther);
    let village = app
        .browser_as(Role::Village, "op_perian", None, Some("64.02.01.2001"))
        .await;
    let home = body(village.get("/village").dispatch().await).await;
    assert!(
        home.contains("Batas pengusulan: 20 Desember 2099 pukul 23.59 WITA"),
        "{home}"
    );
    // In English too.
    village.get("/lang/en?next=/village").dispatch().await;
    let home = body(village.get("/village").dispatch().await).await;
    assert!(home.contains("20 December 2099, 23:59 WITA"), "{home}");
}

#[rocket::async_test]
async fn a_papua_competition_is_in_wit_even_when_the_region_changes_in_the_same_form() {
    let app = admin_app().await;
    let id = create(&app, &form("provinsi", "64")).await;
    // A refused edit that moves the region to Papua Tengah: the labels follow the new region.
    let mut moved = form("provinsi", "94");
    moved.retain(|(k, _)| *k != "template" && *k != "name");
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &moved)
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(page.contains("Pendaftaran ditutup (WIT)"), "{page}");
    // Saved: the same 23:59, now read in WIT (14:59 UTC).
    moved.push(("name", "Lomba Desa Papua Tengah 2026"));
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &moved)
        .await;
    assert_eq!(resp.status(), Status::SeeOther, "{}", body(resp).await);
    assert_eq!(closes_utc(&app, id).await, utc("2099-12-20T14:59:00Z"));
    let page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(page.contains("20 Desember 2099 pukul 23.59 WIT"), "{page}");
    let edit = body(app.get(&format!("/admin/competitions/{id}/edit")).await).await;
    assert!(edit.contains(r#"value="2099-12-20T23:59""#));
    assert!(edit.contains("Pendaftaran ditutup (WIT)"));
    // A kampung in Nabire reads it in WIT (the window is open only once the competition is).
    assert_eq!(transition(&app, id, "open").await, Status::SeeOther);
    let village = app
        .browser_as(Role::Village, "op_kalisusu", None, Some("94.01.01.2010"))
        .await;
    let home = body(village.get("/village").dispatch().await).await;
    assert!(
        home.contains("Batas pengusulan: 20 Desember 2099 pukul 23.59 WIT"),
        "{home}"
    );
    // The JSON API names the zone and answers in UTC.
    let api = body(app.get(&format!("/api/v1/competitions/{id}")).await).await;
    assert!(api.contains(r#""time_zone":"WIT""#), "{api}");
    assert!(api.contains(r#""nomination_closes_at":"2099-12-20T14:59:00Z""#));
}

#[rocket::async_test]
async fn a_national_competition_is_in_wib() {
    let app = admin_app().await;
    let id = create(&app, &form("nasional", "")).await;
    assert_eq!(closes_utc(&app, id).await, utc("2099-12-20T16:59:00Z"));
    let page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(page.contains("20 Desember 2099 pukul 23.59 WIB"), "{page}");
    let edit = body(app.get(&format!("/admin/competitions/{id}/edit")).await).await;
    assert!(edit.contains("Pendaftaran ditutup (WIB)"));
    // A Kalimantan Timur committee's blank form is in its own zone.
    login_regional_admin(&app, "panitia_kaltim", "64").await;
    let blank = body(app.get("/admin/competitions/new").await).await;
    assert!(blank.contains("Pendaftaran ditutup (WITA)"));
}
