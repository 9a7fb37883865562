//! The score recap: every judge's value on every indicator for every entry, per stage, with
//! the stage score and the result — as a PDF (read back) and an XLSX (read back with calamine).

use calamine::{Data, Reader, Xlsx};
use juara::auth::Role;
use rocket::http::Status;
use std::io::Cursor;

use super::pdf_text::{assert_inside_pages, text};
use super::{SCORES, announce, contest};
use crate::common::TestApp;

#[rocket::async_test]
async fn the_recap_lists_every_judge_value_and_the_result() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let base = format!("/admin/competitions/{}/results", c.id);

    let resp = app.get(&format!("{base}/recap.pdf")).await;
    assert_eq!(resp.status(), Status::Ok);
    let disposition = resp.headers().get_one("Content-Disposition").unwrap();
    assert!(disposition.contains("rekap-nilai-lomba-desa-kab-kudus-2026-v1.pdf"));
    let pdf = resp.into_bytes().await.unwrap();
    assert_inside_pages(&pdf, 15.0);
    let t = text(&pdf);
    assert!(t.contains("REKAPITULASI NILAI"), "{t}");
    for label in ["Juri 1", "Juri 2", "Juri 3"] {
        assert!(t.contains(label), "{label}");
    }
    assert!(t.contains("Agregasi:"), "the aggregation is named");
    assert!(t.contains("Nilai tahap ADM"));
    assert!(t.contains("Hasil akhir"));
    assert!(
        t.contains("Karangampel"),
        "a village cut at ADM is listed too"
    );
    assert!(t.contains("Gugur di tahap ADM"));

    let resp = app
        .get(&format!("/admin/competitions/{}/results/recap.xlsx", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let bytes = resp.into_bytes().await.unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["ADM", "LAP", "Hasil"]);
    let adm = book.worksheet_range("ADM").unwrap();
    let head: Vec<String> = adm
        .rows()
        .nth(2)
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    let juri1 = head
        .iter()
        .position(|h| h == "Juri 1")
        .expect("Juri 1 column");
    // Village 33.19.01.2011 (index 10) got the same value from every judge who scored it.
    let row = adm
        .rows()
        .find(|r| r.first() == Some(&Data::String("33.19.01.2011".into())))
        .expect("the village's ADM rows");
    let expected = Data::Float(f64::from(u32::try_from(SCORES[10].0).unwrap()));
    assert!(
        row[juri1..juri1 + 3].contains(&expected),
        "a judge's value as a number: {row:?}"
    );
    let result = book.worksheet_range("Hasil").unwrap();
    assert_eq!(result.rows().count() - 1, 12, "every entry in the result");
}
