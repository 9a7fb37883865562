//! The ledger's calendar is the competition's: in a Papua competition (WIT, UTC+9) a transfer
//! dated "today" is accepted from 00:00 WIT, while it is still yesterday in WIB and UTC; the
//! day after is refused, and the refusal names the zone.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use juara::app::competition::zone;
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::ledger::pay;
use super::{announce, contest};
use crate::common::{TestApp, body};

/// A date `days` after today on the WIT calendar, as the transfer form takes it.
fn wit_day(days: i64) -> String {
    (Utc::now() + Duration::hours(9) + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

#[rocket::async_test]
async fn a_papua_ledger_dates_transfers_on_the_wit_calendar() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    // The same contest, run by a Papua Tengah committee.
    let row = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut moved: entity::competition::ActiveModel = row.into();
    moved.region_code = Set(Some("94.01".into()));
    let papua = moved.update(&app.db).await.expect("moved to Papua");
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;

    // Which day is "today" turns over at midnight WIT: at 15:30 UTC it is already tomorrow in
    // Papua but not yet in Kudus (WIB).
    let at = "2026-12-01T15:30:00Z".parse::<DateTime<Utc>>().unwrap();
    let next = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    assert_eq!(zone::today(&papua, at), next);
    let mut kudus = papua.clone();
    kudus.region_code = Some("33.19".into());
    assert_eq!(zone::today(&kudus, at), next.pred_opt().unwrap());

    // Through the page, with the real clock: today in WIT is accepted, tomorrow is not.
    let r = pay(
        &app,
        &c,
        c.noms[0],
        "cash",
        "1.000.000",
        "TRX-WIT-1",
        &wit_day(0),
    )
    .await;
    assert_eq!(r.status(), Status::SeeOther, "{}", body(r).await);
    let r = pay(
        &app,
        &c,
        c.noms[0],
        "cash",
        "1.000.000",
        "TRX-WIT-2",
        &wit_day(1),
    )
    .await;
    assert_eq!(r.status(), Status::UnprocessableEntity);
    let page = body(r).await;
    let today = (Utc::now() + Duration::hours(9)).format("%d-%m-%Y");
    assert!(
        page.contains(&format!(
            "Tanggal penyaluran tidak boleh setelah hari ini ({today} WIT)"
        )),
        "{page}"
    );
}
