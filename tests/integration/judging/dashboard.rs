//! The judge's list of sheets, read on a phone: villages by name with their kecamatan and
//! kabupaten, the work still to do first, then what is submitted; each by stage and name.

use rocket::http::Status;
use sea_orm::{ActiveModelTrait, Set};

use super::Fixture;
use crate::common::body;

#[rocket::async_test]
async fn sheets_to_do_come_first_named_by_village() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_daftar", Some("64.72")).await;
    // Entries 0 Bakalankrapyak (submitted), 3 Garung Kidul (draft), 5 Demangan (untouched).
    for (entry, status) in [
        (0, entity::SheetStatus::Submitted),
        (3, entity::SheetStatus::Draft),
        (5, entity::SheetStatus::Assigned),
    ] {
        let sheet = f.assign(entry, judge.id).await;
        let mut a: entity::score_sheet::ActiveModel = sheet.into();
        a.status = Set(status);
        a.update(&f.app.db).await.unwrap();
    }
    let client = f.browser(&judge).await;
    let resp = client.get("/judge/sheets").dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    let html = body(resp).await;
    let at = |name: &str| html.find(name).unwrap_or_else(|| panic!("{name} listed"));
    assert!(at("Demangan") < at("Garung Kidul"), "to do, by name");
    assert!(at("Garung Kidul") < at("Bakalankrapyak"), "submitted last");
    assert!(html.contains("Kota Kudus, Kabupaten Kudus"));
    assert!(html.contains("Kaliwungu, Kabupaten Kudus"));
    assert!(
        !html.contains(">33.19.01.2001<"),
        "no bare village code as the link"
    );
}
