//! The prize ledger: a transfer never exceeds what remains of its prize component, Rp0
//! components cannot be paid, references are unique per competition, dates are neither in
//! the future nor before the announcement, amounts never wrap; transfers are voided by a
//! reversal entry (once); after a correction each entry shows due, paid and the difference
//! unclamped, the totals add up, and the auditor's XLSX/PDF summary lists it all.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, Utc};
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use super::advancement::today;
use super::{Contest, announce, contest};
use crate::common::{TestApp, body};

fn day(offset: i64) -> String {
    (Utc::now() + Duration::hours(7) + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

pub(super) async fn pay<'a>(
    app: &'a TestApp,
    c: &Contest,
    nomination: Uuid,
    kind: &str,
    amount: &str,
    reference: &str,
    paid_on: &str,
) -> rocket::local::asynchronous::LocalResponse<'a> {
    app.post_form(
        &format!("/admin/competitions/{}/results/disbursements", c.id),
        &[
            ("nomination", &nomination.to_string()),
            ("kind", kind),
            ("amount", amount),
            ("account", "BPD Jateng 123"),
            ("reference", reference),
            ("paid_on", paid_on),
        ],
    )
    .await
}

async fn count(app: &TestApp, c: &Contest) -> u64 {
    entity::disbursement::Entity::find()
        .filter(entity::disbursement::Column::CompetitionId.eq(c.id))
        .count(&app.db)
        .await
        .expect("count")
}

/// A refused transfer: 422, the message next to `field` and in the summary, nothing stored.
async fn refused(
    app: &TestApp,
    c: &Contest,
    resp: rocket::local::asynchronous::LocalResponse<'_>,
    field: &str,
    message: &str,
) {
    let before = count(app, c).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let page = body(resp).await;
    assert!(
        page.contains(&format!("id=\"err-{field}\">{message}")),
        "field error {message}: {page}"
    );
    assert!(page.contains("flash flash-error"), "summary at the top");
    assert_eq!(count(app, c).await, before);
}

pub async fn announced(app: &TestApp) -> Contest {
    let c = contest(app).await;
    app.login_as(Role::Admin).await;
    announce(app, &c).await;
    c
}

async fn prizes(app: &TestApp, c: &Contest) -> String {
    body(
        app.get(&format!("/admin/competitions/{}/results/prizes", c.id))
            .await,
    )
    .await
}

#[rocket::async_test]
async fn transfers_are_refused_when_they_overpay_repeat_or_are_misdated() {
    let app = TestApp::new().await;
    let c = announced(&app).await;
    let (first, second) = (c.noms[0], c.noms[1]);
    let r = pay(&app, &c, first, "cash", "Rp 999.999.999", "TRX-1", &today()).await;
    refused(
        &app,
        &c,
        r,
        "amount",
        "Melebihi sisa yang belum dibayar untuk komponen ini (Rp100.000.000).",
    )
    .await;
    // Juara II carries no bantuan keuangan.
    let r = pay(
        &app,
        &c,
        second,
        "assistance",
        "1.000.000",
        "TRX-1",
        &today(),
    )
    .await;
    refused(&app, &c, r, "amount", "Komponen hadiah ini bernilai Rp0").await;
    let r = pay(
        &app,
        &c,
        first,
        "cash",
        "9223372036854775807",
        "TRX-1",
        &today(),
    )
    .await;
    refused(&app, &c, r, "amount", "Melebihi sisa").await;
    let r = pay(
        &app,
        &c,
        first,
        "cash",
        "92233720368547758070",
        "TRX-1",
        &today(),
    )
    .await;
    refused(&app, &c, r, "amount", "Jumlah terlalu besar.").await;
    let r = pay(&app, &c, first, "cash", "15.000.000", "TRX-1", "2030-01-01").await;
    refused(
        &app,
        &c,
        r,
        "paid_on",
        "Tanggal penyaluran tidak boleh setelah hari ini",
    )
    .await;
    let r = pay(&app, &c, first, "cash", "15.000.000", "TRX-1", &day(1)).await;
    refused(
        &app,
        &c,
        r,
        "paid_on",
        "Tanggal penyaluran tidak boleh setelah hari ini",
    )
    .await;
    let r = pay(&app, &c, first, "cash", "15.000.000", "TRX-1", &day(-1)).await;
    refused(
        &app,
        &c,
        r,
        "paid_on",
        "Tanggal penyaluran tidak boleh sebelum pengumuman hasil",
    )
    .await;

    let r = pay(&app, &c, first, "cash", "15.000.000", "TRX-001", &today()).await;
    assert_eq!(r.status(), Status::SeeOther);
    assert_eq!(count(&app, &c).await, 1);
    let r = pay(&app, &c, first, "cash", "15.000.000", "TRX-001", &today()).await;
    refused(&app, &c, r, "reference", "Referensi TRX-001 sudah dipakai").await;
    let r = pay(&app, &c, second, "cash", "1.000", " trx-001 ", &today()).await;
    refused(&app, &c, r, "reference", "Referensi trx-001 sudah dipakai").await;
    // What remains is exactly payable, one rupiah more is not.
    let r = pay(&app, &c, first, "cash", "85.000.001", "TRX-002", &today()).await;
    refused(
        &app,
        &c,
        r,
        "amount",
        "Melebihi sisa yang belum dibayar untuk komponen ini (Rp85.000.000).",
    )
    .await;
    let r = pay(&app, &c, first, "cash", "85.000.000", "TRX-002", &today()).await;
    assert_eq!(r.status(), Status::SeeOther);
    let page = prizes(&app, &c).await;
    assert!(page.contains("id=\"total-paid\">Rp100.000.000<"), "{page}");
}

#[rocket::async_test]
async fn a_reversal_voids_a_transfer_once_and_keeps_it_on_record() {
    let app = TestApp::new().await;
    let c = announced(&app).await;
    let r = pay(
        &app,
        &c,
        c.noms[0],
        "assistance",
        "50.000.000",
        "TRX-9",
        &today(),
    )
    .await;
    assert_eq!(r.status(), Status::SeeOther);
    let d = entity::disbursement::Entity::find()
        .filter(entity::disbursement::Column::CompetitionId.eq(c.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("recorded");
    let path = format!(
        "/admin/competitions/{}/results/disbursements/{}/reverse",
        c.id, d.id
    );
    let no_reason = app.post_form(&path, &[("confirm", "yes")]).await;
    assert_eq!(no_reason.status(), Status::UnprocessableEntity);
    assert!(
        body(no_reason)
            .await
            .contains("Tuliskan alasan pembatalan.")
    );
    let unconfirmed = app.post_form(&path, &[("reason", "Salah rekening")]).await;
    assert_eq!(unconfirmed.status(), Status::UnprocessableEntity);
    let reversals = || async {
        entity::disbursement_reversal::Entity::find()
            .count(&app.db)
            .await
            .expect("count")
    };
    assert_eq!(reversals().await, 0);
    let ok = app
        .post_form(&path, &[("reason", "Salah rekening"), ("confirm", "yes")])
        .await;
    assert_eq!(ok.status(), Status::SeeOther);
    let again = app
        .post_form(&path, &[("reason", "Lagi"), ("confirm", "yes")])
        .await;
    assert_eq!(again.status(), Status::UnprocessableEntity);
    assert!(
        body(again)
            .await
            .contains("Penyaluran ini sudah dibatalkan.")
    );
    assert_eq!(reversals().await, 1);
    let page = prizes(&app, &c).await;
    assert!(
        page.contains("Dibatalkan</strong>: Salah rekening"),
        "{page}"
    );
    assert!(page.contains("id=\"total-paid\">Rp0<"));
    assert_eq!(count(&app, &c).await, 1, "the transfer stays on record");
    // The component is payable again, under a new reference.
    let r = pay(
        &app,
        &c,
        c.noms[0],
        "assistance",
        "50.000.000",
        "TRX-9",
        &today(),
    )
    .await;
    assert_eq!(
        r.status(),
        Status::UnprocessableEntity,
        "references stay unique"
    );
    let r = pay(
        &app,
        &c,
        c.noms[0],
        "assistance",
        "50.000.000",
        "TRX-10",
        &today(),
    )
    .await;
    assert_eq!(r.status(), Status::SeeOther);
}

#[rocket::async_test]
async fn after_a_correction_swapping_i_and_ii_balances_show_and_add_up() {
    let app = TestApp::new().await;
    let c = announced(&app).await;
    for (kind, amount, reference) in [
        ("cash", "100.000.000", "TRX-A"),
        ("assistance", "50.000.000", "TRX-B"),
    ] {
        let r = pay(&app, &c, c.noms[0], kind, amount, reference, &today()).await;
        assert_eq!(r.status(), Status::SeeOther);
    }
    // J1's field score on aspect A for 2002 was 80, is 90: 2002 becomes Juara I.
    let score = super::lap_a_score(&app, &c, 1).await;
    let resp = super::correct_confirmed(
        &app,
        &c,
        &[
            ("nomination", &c.noms[1].to_string()),
            (&format!("values[{}]", score), "90"),
            ("reason", "Koreksi salah input nilai"),
        ],
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let page = prizes(&app, &c).await;
    let row = |n: Uuid, kind: &str| {
        let start = page
            .find(&format!("id=\"row-{n}-{kind}\""))
            .unwrap_or_else(|| panic!("row {n} {kind}: {page}"));
        let end = page[start..]
            .find("</tr>")
            .map_or(page.len(), |e| start + e);
        page[start..end].to_owned()
    };
    // The former Juara I: now Juara II (Rp75.000.000, no assistance), overpaid.
    let cash = row(c.noms[0], "cash");
    assert!(cash.contains("<td>Rp75.000.000</td><td>Rp100.000.000</td><td class=\"to-pay\"></td><td class=\"to-recover\">Rp25.000.000</td>"), "{cash}");
    let assistance = row(c.noms[0], "assistance");
    assert!(assistance.contains("<td>Rp0</td><td>Rp50.000.000</td><td class=\"to-pay\"></td><td class=\"to-recover\">Rp50.000.000</td>"), "{assistance}");
    let cash = row(c.noms[1], "cash");
    assert!(
        cash.contains("<td>Rp100.000.000</td><td>Rp0</td><td class=\"to-pay\">Rp100.000.000</td>"),
        "{cash}"
    );
    // Totals: due 310.000.001, paid 150.000.000, to pay 235.000.001, to recover 75.000.000
    // (due − paid = to pay − to recover).
    assert!(page.contains("id=\"total-due\">Rp310.000.001<"), "{page}");
    assert!(page.contains("id=\"total-paid\">Rp150.000.000<"));
    assert!(page.contains("id=\"total-to-pay\">Rp235.000.001<"));
    assert!(page.contains("id=\"total-to-recover\">Rp75.000.000<"));
    // Nothing more can be paid to the overpaid component.
    let r = pay(&app, &c, c.noms[0], "cash", "1", "TRX-C", &today()).await;
    assert_eq!(r.status(), Status::UnprocessableEntity);

    // The auditor's workbook lists every entry and transfer with the same totals.
    let resp = app
        .get(&format!("/admin/competitions/{}/results/ledger.xlsx", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(resp.into_bytes().await.expect("bytes"))).expect("xlsx");
    let saldo = book.worksheet_range("Saldo").expect("Saldo");
    let rows: Vec<&[Data]> = saldo.rows().collect();
    let totals = rows
        .iter()
        .find(|r| r.first() == Some(&Data::String("JUMLAH".into())))
        .expect("totals row");
    let num = |d: &Data| match d {
        Data::Float(f) => format!("{f:.0}"),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(
        [7, 8, 9, 10].map(|i| num(&totals[i])),
        ["310000001", "150000000", "235000001", "75000000"].map(str::to_owned)
    );
    let trx = book.worksheet_range("Transaksi").expect("Transaksi");
    let text: Vec<String> = trx
        .rows()
        .map(|r| {
            r.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        text.iter().any(|r| r.contains("TRX-A")
            && r.contains("Bakalankrapyak")
            && r.contains("100000000")),
        "{text:?}"
    );
    assert!(text.iter().any(|r| r.contains("TRX-B")));
    let resp = app
        .get(&format!("/admin/competitions/{}/results/ledger.pdf", c.id))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    assert!(resp.into_bytes().await.expect("pdf").starts_with(b"%PDF"));
    assert!(
        page.contains("results/ledger.xlsx"),
        "linked from the prizes page"
    );
}
