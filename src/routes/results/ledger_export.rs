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
use crate::results::documents::Letterhead;
use crate::results::documents::report::{Report, Section};
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

/// The summary as a landscape A4 PDF under the office's letterhead.
///
/// # Errors
/// A template error.
pub fn pdf(
    c: &competition::Model,
    l: &Ledger,
    kop: Option<Letterhead>,
) -> Result<Vec<u8>, crate::results::documents::Error> {
    let z = zone::of(c);
    let mut balances = Section {
        heading: "I. Saldo per penerima".into(),
        widths: vec![1.0, 0.0, 3.2, 3.2, 3.2, 3.2, 3.2],
        align: vec!["c", "l", "l", "r", "r", "r", "r"],
        head: [
            "Pkt",
            "Desa (kecamatan)",
            "Komponen",
            "Terutang",
            "Dibayar",
            "Kurang bayar",
            "Lebih bayar",
        ]
        .map(str::to_owned)
        .to_vec(),
        ..Section::default()
    };
    for e in &l.entries {
        for (kind, b) in components(e) {
            balances.rows.push(vec![
                e.rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
                format!("{} ({})", e.village.name, e.village.district),
                kind_name(kind).to_owned(),
                b.due.to_string(),
                b.paid.to_string(),
                Rupiah::new(amount(b.to_pay())).to_string(),
                Rupiah::new(amount(b.to_recover())).to_string(),
            ]);
        }
    }
    let t = &l.totals;
    balances.foot = Some(
        ["JUMLAH", "", ""]
            .map(str::to_owned)
            .into_iter()
            .chain([t.due, t.paid, t.to_pay, t.to_recover].map(|r| r.to_string()))
            .collect(),
    );
    balances.foot_span = 3;
    let mut payments = Section {
        heading: "II. Penyaluran dan pembatalan".into(),
        widths: vec![2.0, 2.6, 0.0, 2.7, 2.8, 3.2, 3.6, 3.0],
        align: vec!["l", "l", "l", "l", "r", "l", "l", "l"],
        head: [
            "Tanggal",
            "Referensi",
            "Desa",
            "Komponen",
            "Jumlah",
            "Rekening",
            "Bukti",
            "Dicatat oleh",
        ]
        .map(str::to_owned)
        .to_vec(),
        ..Section::default()
    };
    for p in &l.payments {
        let d = &p.record;
        payments.rows.push(vec![
            d.paid_on.format("%d-%m-%Y").to_string(),
            d.reference.clone(),
            format!("{} ({})", p.village.name, p.village.code),
            kind_name(&d.kind).to_owned(),
            Rupiah::new(d.amount).to_string(),
            d.recipient_account.clone(),
            proof(p),
            p.recorded_by.clone(),
        ]);
        if let Some((rev, by)) = &p.reversal {
            payments.rows.push(vec![
                numeric_in(rev.recorded_at, z),
                format!("DIBATALKAN {}", d.reference),
                rev.reason.clone(),
                kind_name(&d.kind).to_owned(),
                Rupiah::new(d.amount.saturating_neg()).to_string(),
                String::new(),
                String::new(),
                by.clone(),
            ]);
        }
    }
    Report {
        title: format!("Buku besar hadiah - {}", c.name),
        kop,
        heading: vec![
            "RINGKASAN BUKU BESAR PENYALURAN HADIAH".into(),
            c.name.to_uppercase(),
        ],
        subtitle: vec![format!(
            "Hasil versi {} · hash {}",
            l.version, l.content_hash
        )],
        flipped: true,
        table_size: 8.5,
        sections: vec![balances, payments],
        signers: Vec::new(),
        footer: crate::results::documents::stamp(Some(l.version), Some(&l.content_hash)),
    }
    .pdf()
}
