//! CSV and XLSX exports read back with the same numbers as the JSON API.

use calamine::{Data, Reader, Xlsx};
use juara::auth::Role;
use rocket::http::Status;
use std::io::Cursor;

use super::{announce, contest, json};
use crate::common::TestApp;

#[rocket::async_test]
async fn csv_and_xlsx_carry_the_published_numbers() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let (_, published) = json(&app.client, &format!("/api/v1/results/{}", c.id)).await;
    let lines = published["lines"].as_array().unwrap().clone();

    let resp = app
        .get(&format!("/admin/competitions/{}/results/export.csv", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    // The file name says which competition and announced version it is.
    let hash = published["content_hash"].as_str().unwrap().to_owned();
    let disposition = resp.headers().get_one("Content-Disposition").unwrap();
    assert!(
        disposition.contains("filename=\"hasil-lomba-desa-kab-kudus-2026-v1.csv\""),
        "{disposition}"
    );
    // For Excel in an Indonesian locale: a byte-order mark, `;` and decimal commas.
    let bytes = resp.into_bytes().await.unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("UTF-8 BOM");
    assert!(bytes.starts_with("peringkat;kode_desa;desa".as_bytes()));
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), lines.len());
    for (row, line) in rows.iter().zip(&lines) {
        assert_eq!(
            row[col("kode_desa")],
            *line["village"]["code"].as_str().unwrap()
        );
        assert_eq!(
            row[col("peringkat")].parse::<u64>().unwrap(),
            line["rank"].as_u64().unwrap()
        );
        let shown = &row[col("nilai_akhir")];
        assert!(shown.contains(',') && !shown.contains('.'), "{shown}");
        let score: f64 = shown.replace(',', ".").parse().unwrap();
        assert!(
            (score * 10_000.0
                - line["final_score"]
                    .as_str()
                    .unwrap()
                    .parse::<f64>()
                    .unwrap()
                    * 10_000.0)
                .abs()
                < 0.5
        );
        let cash = line["prize"]["cash"]
            .as_i64()
            .map(|c| c.to_string())
            .unwrap_or_default();
        assert_eq!(row[col("uang_pembinaan")], cash);
    }

    let resp = app
        .get(&format!("/admin/competitions/{}/results/export.xlsx", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let disposition = resp.headers().get_one("Content-Disposition").unwrap();
    assert!(disposition.contains("hasil-lomba-desa-kab-kudus-2026-v1.xlsx"));
    let bytes = resp.into_bytes().await.unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["Desa".to_owned(), "Rincian".to_owned(), "Versi".to_owned()]
    );
    let about = book.worksheet_range("Versi").unwrap();
    assert_eq!(about.get_value((1, 1)), Some(&Data::Float(1.0)));
    assert_eq!(about.get_value((2, 1)), Some(&Data::String(hash.clone())));
    let sheet = book.worksheet_range("Desa").unwrap();
    let data: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(data.len(), lines.len());
    for (row, line) in data.iter().zip(&lines) {
        assert_eq!(
            row[0],
            Data::Float(line["rank"].as_f64().unwrap()),
            "rank is a number"
        );
        let Data::Float(score) = row[5] else {
            panic!("final score is a number: {:?}", row[5])
        };
        assert!(
            (score * 10_000.0
                - line["final_score"]
                    .as_str()
                    .unwrap()
                    .parse::<f64>()
                    .unwrap()
                    * 10_000.0)
                .abs()
                < 0.5
        );
        // Columns: 7 fixed, 2 stages, then label, cash, assistance.
        match line["prize"]["cash"].as_i64() {
            Some(cash) => {
                let Data::Float(f) = row[10] else {
                    panic!("cash is a number: {:?}", row[10])
                };
                assert_eq!(format!("{f:.0}"), cash.to_string());
            }
            None => assert!(matches!(row.get(10), None | Some(Data::Empty))),
        }
    }
    let breakdown = book.worksheet_range("Rincian").unwrap();
    // Finalists: 6 × (ADM 2 + LAP 2) criteria; eliminated: 6 × ADM 2.
    assert_eq!(breakdown.rows().count() - 1, 6 * 4 + 6 * 2);
}
