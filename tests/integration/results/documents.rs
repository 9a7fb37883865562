//! The PDFs parse back and say what they should: minutes with the results attached, the
//! decree with the winners and the signing official, a certificate per winner.

use juara::auth::Role;
use printpdf::{Op, PdfDocument, PdfParseOptions, TextItem};
use rocket::http::Status;

use super::{announce, contest};
use crate::common::TestApp;

/// Every text shown in the PDF, page by page, joined.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).unwrap();
    let mut text = String::new();
    for page in &doc.pages {
        for op in &page.ops {
            if let Op::ShowText { items } = op {
                for item in items {
                    if let TextItem::Text(t) = item {
                        text.push_str(t);
                        text.push('\n');
                    }
                }
            }
        }
    }
    (doc.pages.len(), text)
}

#[rocket::async_test]
async fn minutes_decree_and_certificates_are_pdfs_with_the_results() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    let base = format!("/admin/competitions/{}/results", c.id);
    assert_eq!(
        app.get(&format!("{base}/minutes.pdf")).await.status(),
        Status::NotFound
    );
    announce(&app, &c).await;

    let resp = app.get(&format!("{base}/minutes.pdf")).await;
    assert_eq!(resp.status(), Status::Ok);
    let (_, text) = pdf_text(&resp.into_bytes().await.unwrap());
    assert!(text.contains("BERITA ACARA RAPAT PLENO TIM PENILAI"));
    assert!(text.contains("Aula DPMPD Kudus"));
    assert!(
        text.contains("Bakalankrapyak"),
        "the results table is attached"
    );
    assert!(text.contains("Juara I Rp100.000.000 + BK Rp50.000.000"));

    // The decree needs the official.
    let resp = app.get(&format!("{base}/decree.pdf?name=Budi")).await;
    assert_eq!(resp.status(), Status::Conflict);
    let official =
        "name=Drs.+Budi+Santoso&title=Kepala+Dinas+PMD&number=412.2%2F77%2FDPMPD&place=Kudus";
    let resp = app.get(&format!("{base}/decree.pdf?{official}")).await;
    assert_eq!(resp.status(), Status::Ok);
    let (_, text) = pdf_text(&resp.into_bytes().await.unwrap());
    assert!(text.contains("NOMOR 412.2/77/DPMPD"));
    assert!(text.contains("Drs. Budi Santoso"));
    assert!(text.contains("Prambatan Kidul"), "a winner");
    assert!(!text.contains("Karangampel"), "not a winner (rank 12)");

    let winner = c.noms[0];
    let resp = app
        .get(&format!(
            "{base}/certificate.pdf?nomination={winner}&{official}"
        ))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let (pages, text) = pdf_text(&resp.into_bytes().await.unwrap());
    assert_eq!(pages, 1);
    assert!(text.contains("PIAGAM PENGHARGAAN"));
    assert!(text.contains("DESA BAKALANKRAPYAK"));
    assert!(text.contains("JUARA I"));
    let loser = c.noms[11];
    let resp = app
        .get(&format!(
            "{base}/certificate.pdf?nomination={loser}&{official}"
        ))
        .await;
    assert_eq!(
        resp.status(),
        Status::NotFound,
        "no certificate without a prize"
    );
}
