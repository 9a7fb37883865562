//! The ledger summary an auditor reads (BPK, Inspektorat): every entry's due, paid and
//! difference per prize component under the version in force, every transfer and reversal
//! with its date, reference, recorder and proof file, and the totals; as XLSX and PDF.
//! Times are printed in the competition's zone, named.

use entity::competition;
use juara_domain::Rupiah;
use juara_domain::prizes::ledger::Balance;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::app::competition::zone;
use crate::app::results::ledger::{Entry, Ledger, Payment, PrizeComponent};
use crate::results::pdf::Writer;
use crate::views::format::numeric_in;

fn kind_name(kind: &str) -> &'static str {
    match PrizeComponent::parse(kind) {
        Some(PrizeComponent::Cash) => "Uang pembinaan",
        _ => "Bantuan keuangan",
    }
}

fn amount(r: Option<Rupiah>) -> i64 {
    r.map_or(0, Rupiah::amount)
}

/// (component, balance) pairs of an entry.
fn components(e: &Entry) -> [(&'static str, Balance); 2] {
    [
        (PrizeComponent::Cash.as_str(), e.cash),
        (PrizeComponent::Assistance.as_str(), e.assistance),
    ]
}

fn row(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

fn proof(p: &Payment) -> String {
    p.record
        .proof_name
        .clone()
        .or_else(|| p.record.proof_stored.clone())
        .unwrap_or_else(|| "-".into())
}

/// The summary as an XLSX workbook: sheet `Saldo` (one row per entry and component, then the
/// totals) and sheet `Transaksi` (every transfer and reversal).
///
/// # Errors
/// A workbook error.
pub fn xlsx(c: &competition::Model, l: &Ledger) -> Result<Vec<u8>, XlsxError> {
    let (name, z) = (&c.name, zone::of(c));
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let rp = Format::new().set_num_format("\"Rp\"#,##0;-\"Rp\"#,##0");
    let sheet = book.add_worksheet().set_name("Saldo")?;
    sheet.write_with_format(0, 0, format!("{name} - hasil versi {}", l.version), &bold)?;
    sheet.write(1, 0, format!("Hash: {}", l.content_hash))?;
    let heads = [
        "peringkat",
        "kode_desa",
        "desa",
        "kecamatan",
        "kabupaten",
        "hadiah",
        "komponen",
        "terutang",
        "dibayar",
        "kurang_bayar",
        "lebih_bayar",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_with_format(3, u16::try_from(c).unwrap_or(u16::MAX), *h, &bold)?;
    }
    let mut r = 4;
    for e in &l.entries {
        for (kind, b) in components(e) {
            let y = row(r);
            if let Some(rank) = e.rank {
                sheet.write(y, 0, rank)?;
            }
            sheet.write(y, 1, &e.village.code)?;
            sheet.write(y, 2, &e.village.name)?;
            sheet.write(y, 3, &e.village.district)?;
            sheet.write(y, 4, &e.village.regency)?;
            sheet.write(y, 5, e.label.as_deref().unwrap_or("-"))?;
            sheet.write(y, 6, kind_name(kind))?;
            sheet.write_with_format(y, 7, b.due.amount(), &rp)?;
            sheet.write_with_format(y, 8, b.paid.amount(), &rp)?;
            sheet.write_with_format(y, 9, amount(b.to_pay()), &rp)?;
            sheet.write_with_format(y, 10, amount(b.to_recover()), &rp)?;
            r += 1;
        }
    }
    let y = row(r);
    let t = &l.totals;
    sheet.write_with_format(y, 0, "JUMLAH", &bold)?;
    sheet.write_with_format(y, 7, t.due.amount(), &rp)?;
    sheet.write_with_format(y, 8, t.paid.amount(), &rp)?;
    sheet.write_with_format(y, 9, t.to_pay.amount(), &rp)?;
    sheet.write_with_format(y, 10, t.to_recover.amount(), &rp)?;

    let sheet = book.add_worksheet().set_name("Transaksi")?;
    let heads = [
        "jenis_catatan",
        "tanggal",
        "referensi",
        "kode_desa",
        "desa",
        "komponen",
        "jumlah",
        "rekening",
        "bukti",
        "dicatat_oleh",
        "dicatat_pada",
        "alasan_pembatalan",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_with_format(0, u16::try_from(c).unwrap_or(u16::MAX), *h, &bold)?;
    }
    let mut r = 1;
    for p in &l.payments {
        let d = &p.record;
        let y = row(r);
        sheet.write(y, 0, "Penyaluran")?;
        sheet.write(y, 1, d.paid_on.format("%Y-%m-%d").to_string())?;
        sheet.write(y, 2, &d.reference)?;
        sheet.write(y, 3, &p.village.code)?;
        sheet.write(y, 4, &p.village.name)?;
        sheet.write(y, 5, kind_name(&d.kind))?;
        sheet.write_with_format(y, 6, d.amount, &rp)?;
        sheet.write(y, 7, &d.recipient_account)?;
        sheet.write(y, 8, proof(p))?;
        sheet.write(y, 9, &p.recorded_by)?;
        sheet.write(y, 10, numeric_in(d.recorded_at, z))?;
        r += 1;
        if let Some((rev, by)) = &p.reversal {
            let y = row(r);
            sheet.write(y, 0, "Pembatalan")?;
            let day = zone::date_of(rev.recorded_at, z);
            sheet.write(y, 1, day.format("%Y-%m-%d").to_string())?;
            sheet.write(y, 2, &d.reference)?;
            sheet.write(y, 3, &p.village.code)?;
            sheet.write(y, 4, &p.village.name)?;
            sheet.write(y, 5, kind_name(&d.kind))?;
            sheet.write_with_format(y, 6, d.amount.saturating_neg(), &rp)?;
            sheet.write(y, 9, by)?;
            sheet.write(y, 10, numeric_in(rev.recorded_at, z))?;
            sheet.write(y, 11, &rev.reason)?;
            r += 1;
        }
    }
    book.save_to_buffer()
}

/// The summary as a landscape A4 PDF.
#[must_use]
pub fn pdf(c: &competition::Model, l: &Ledger) -> Vec<u8> {
    let (name, z) = (c.name.as_str(), zone::of(c));
    let mut w = Writer::new((297.0, 210.0));
    w.line(15.0, 14.0, true, "RINGKASAN BUKU BESAR PENYALURAN HADIAH");
    w.line(15.0, 11.0, false, name);
    w.line(
        15.0,
        9.0,
        false,
        &format!("Hasil versi {} - hash {}", l.version, l.content_hash),
    );
    w.rule();
    let cols = [15.0, 27.0, 90.0, 130.0, 165.0, 200.0, 235.0];
    let heads = [
        "Pkt",
        "Desa (kecamatan)",
        "Komponen",
        "Terutang",
        "Dibayar",
        "Kurang bayar",
        "Lebih bayar",
    ];
    w.break_if_needed(5.0);
    for (x, h) in cols.iter().zip(heads) {
        w.put(*x, 9.0, true, h);
    }
    w.gap(5.0);
    for e in &l.entries {
        for (kind, b) in components(e) {
            w.break_if_needed(5.0);
            let cells = [
                e.rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
                format!("{} ({})", e.village.name, e.village.district),
                kind_name(kind).to_owned(),
                b.due.to_string(),
                b.paid.to_string(),
                Rupiah::new(amount(b.to_pay())).to_string(),
                Rupiah::new(amount(b.to_recover())).to_string(),
            ];
            for (x, s) in cols.iter().zip(cells) {
                w.put(*x, 9.0, false, &s);
            }
            w.gap(4.5);
        }
    }
    let t = &l.totals;
    w.break_if_needed(5.0);
    for (x, s) in cols
        .iter()
        .skip(3)
        .zip([t.due, t.paid, t.to_pay, t.to_recover])
    {
        w.put(*x, 9.0, true, &s.to_string());
    }
    w.put(cols[0], 9.0, true, "JUMLAH");
    w.gap(6.0);
    w.rule();
    w.line(15.0, 11.0, true, "Penyaluran dan pembatalan");
    for p in &l.payments {
        let d = &p.record;
        w.paragraph(
            15.0,
            9.0,
            150,
            &format!(
                "{} | ref {} | {} ({}) | {} | {} | rek. {} | bukti: {} | dicatat oleh {}",
                d.paid_on.format("%d-%m-%Y"),
                d.reference,
                p.village.name,
                p.village.code,
                kind_name(&d.kind),
                Rupiah::new(d.amount),
                d.recipient_account,
                proof(p),
                p.recorded_by
            ),
        );
        if let Some((rev, by)) = &p.reversal {
            w.paragraph(
                25.0,
                9.0,
                140,
                &format!(
                    "DIBATALKAN {} oleh {}: {} ({})",
                    numeric_in(rev.recorded_at, z),
                    by,
                    rev.reason,
                    Rupiah::new(d.amount.saturating_neg())
                ),
            );
        }
    }
    w.finish(&format!("Buku besar hadiah - {name}"))
}
