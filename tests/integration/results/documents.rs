//! The PDFs read back (poppler's `pdftotext`) say what they should, inside the page: the berita
//! acara with its members one per line, the time in the competition's zone, stage scores and
//! entries cut at a stage; the decree with its parts, the signatory's NIP and the amounts in
//! words; a certificate per winner; names outside Latin-1 survive.

use entity::village;
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::pdf_text::{assert_inside_pages, pages, text};
use super::{contest, village as village_code};
use crate::common::{TestApp, body};

/// A winner's name outside Latin-1 (Latin Extended and a combining mark).
const NAME: &str = "Bakalanŋkrapyak Čaŋ";

#[rocket::async_test]
async fn minutes_decree_and_certificates_are_pdfs_with_the_results() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    let row = village::Entity::find_by_id(village_code(0))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: village::ActiveModel = row.into();
    row.name = Set(NAME.into());
    row.update(&app.db).await.unwrap();
    app.login_as(Role::Admin).await;
    let base = format!("/admin/competitions/{}/results", c.id);
    assert_eq!(
        app.get(&format!("{base}/minutes.pdf")).await.status(),
        Status::NotFound
    );
    let members = "Dr. Hadi Santoso (Ketua)\nAnggota dari Bappeda, Dinkes, Disdik";
    let resp = app
        .post_form(
            &format!("{base}/minutes"),
            &[
                ("held_on", "2026-11-20"),
                ("held_time", "09:30"),
                ("place", "Aula DPMPD Kudus"),
                ("members", members),
                ("decision", "Menetapkan hasil penilaian"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let resp = app.post_form(&format!("{base}/announce"), &[]).await;
    assert_eq!(resp.status(), Status::SeeOther);

    let resp = app.get(&format!("{base}/minutes.pdf")).await;
    assert_eq!(resp.status(), Status::Ok);
    let disposition = resp.headers().get_one("Content-Disposition").unwrap();
    assert!(
        disposition.contains("berita-acara-lomba-desa-kab-kudus-2026-v1.pdf"),
        "{disposition}"
    );
    let pdf = resp.into_bytes().await.unwrap();
    assert_inside_pages(&pdf, 20.0);
    let t = text(&pdf);
    assert!(t.contains("BERITA ACARA"), "{t}");
    assert!(
        t.contains("Jumat, tanggal 20 November 2026, pukul 09.30 WIB"),
        "{t}"
    );
    assert!(t.contains("Aula DPMPD Kudus"));
    assert!(t.contains("1. Dr. Hadi Santoso (Ketua)"), "{t}");
    assert!(
        t.contains("2. Anggota dari Bappeda, Dinkes, Disdik"),
        "one member per line, commas kept: {t}"
    );
    assert!(!t.contains("3. "), "two members, not split on commas: {t}");
    assert!(t.contains(NAME), "non-Latin-1 name round-trips: {t}");
    assert!(t.contains("Juara I"));
    assert!(t.contains("Rp100.000.000"));
    assert!(t.contains("seratus juta rupiah"), "{t}");
    assert!(
        t.contains("Gugur di tahap ADM"),
        "a village cut at ADM: {t}"
    );
    assert!(!t.contains(" 0,00"), "no zero score for a cut village: {t}");

    // The decree needs every field of the official: the page again, errors by the fields.
    let resp = app.get(&format!("{base}/decree.pdf?name=Budi")).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains("error-summary"), "summary at the top");
    assert!(html.contains("href=\"#f-nip\""), "the summary links to NIP");
    assert!(html.contains("value=\"Budi\""), "typed values kept");
    let official = "name=Drs.+Budi+Santoso&title=Kepala+Dinas+PMD+Kabupaten+Kudus\
                    &nip=19700101+199003+1+001&number=412.2%2F77%2FDPMPD&place=Kudus";
    let resp = app.get(&format!("{base}/decree.pdf?{official}")).await;
    assert_eq!(resp.status(), Status::Ok);
    let pdf = resp.into_bytes().await.unwrap();
    assert_inside_pages(&pdf, 20.0);
    let t = text(&pdf);
    for part in [
        "NOMOR: 412.2/77/DPMPD",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN:",
        "Menetapkan",
        "LAMPIRAN",
        "Drs. Budi Santoso",
        "NIP. 19700101 199003 1 001",
        "Ditetapkan di Kudus",
        "Prambatan Kidul",
        "Jumlah seluruhnya Rp310.000.001 (tiga ratus sepuluh juta satu rupiah)",
        "uang pembinaan Rp260.000.001 (dua ratus enam puluh juta satu rupiah)",
    ] {
        assert!(t.contains(part), "{part} in the decree: {t}");
    }
    assert!(t.contains(NAME));
    assert!(!t.contains("Karangampel"), "not a winner (rank 12)");

    let winner = c.noms[0];
    let resp = app
        .get(&format!(
            "{base}/certificate.pdf?nomination={winner}&{official}&show_score=true"
        ))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let pdf = resp.into_bytes().await.unwrap();
    assert_eq!(pages(&pdf), 1);
    assert_inside_pages(&pdf, 20.0);
    let t = text(&pdf);
    assert!(t.contains("PIAGAM PENGHARGAAN"));
    assert!(t.contains(&format!("DESA {}", NAME.to_uppercase())), "{t}");
    assert!(t.contains("JUARA I"));
    assert!(t.contains("86,00"), "score with a decimal comma: {t}");
    let resp = app
        .get(&format!(
            "{base}/certificate.pdf?nomination={winner}&{official}"
        ))
        .await;
    let t = text(&resp.into_bytes().await.unwrap());
    assert!(!t.contains("nilai akhir"), "the score only when asked: {t}");
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
