//! Exports of published results for the committee's spreadsheets: CSV (one row per ranked
//! entry, written for Excel in an Indonesian locale: UTF-8 with a byte-order mark, `;` between
//! fields, decimal comma, rupiah as plain whole numbers) and XLSX (one sheet per category with numbers as numbers and rupiah formatted, plus
//! a breakdown sheet: every entry × stage × criterion with panel score, weight, contribution).

use juara_domain::Points;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::Published;
use super::published::Line;
use crate::db::results::inputs::entry_id;

/// Column headings shared by CSV and XLSX (before the per-stage columns).
const HEAD: [&str; 7] = [
    "peringkat",
    "kode_desa",
    "desa",
    "kecamatan",
    "kabupaten",
    "nilai_akhir",
    "poin_mentah",
];
/// After the per-stage columns.
const TAIL: [&str; 3] = ["hadiah", "uang_pembinaan", "bantuan_keuangan"];

fn decimal(units: i64) -> f64 {
    Points::from_units(units).to_f64()
}

fn headings(p: &Published) -> Vec<String> {
    HEAD.iter()
        .map(|h| (*h).to_owned())
        .chain(p.stages.iter().map(|s| format!("nilai_{}", s.code)))
        .chain(TAIL.iter().map(|h| (*h).to_owned()))
        .collect()
}

/// A score with a decimal comma and as many of its four stored decimals as it needs (`86,50`,
/// `92,1288`); no thousands separator, so Excel reads it as a number.
fn comma(units: i64) -> String {
    Points::from_units(units).to_string().replace('.', ",")
}

fn csv_row(l: &Line) -> Vec<String> {
    let mut row = vec![
        l.rank.to_string(),
        l.village.code.clone(),
        l.village.name.clone(),
        l.village.district.clone(),
        l.village.regency.clone(),
        comma(l.final_score),
        comma(l.raw_points),
    ];
    row.extend(
        l.stage_scores
            .iter()
            .map(|s| s.map(comma).unwrap_or_default()),
    );
    let prize = l.prize.as_ref();
    row.push(prize.map(|p| p.label.clone()).unwrap_or_default());
    row.push(prize.map(|p| p.cash.to_string()).unwrap_or_default());
    row.push(prize.map(|p| p.assistance.to_string()).unwrap_or_default());
    row
}

/// The UTF-8 byte-order mark Excel needs to read a CSV as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The ranking as CSV for Excel in an Indonesian locale (see the module comment).
pub fn csv(p: &Published) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(BOM.to_vec());
    w.write_record(headings(p))?;
    for l in &p.lines {
        w.write_record(csv_row(l))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Which announced version an export shows, so a spreadsheet passed around names its source.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    pub version: i32,
    pub content_hash: &'a str,
}

/// The ranking and the breakdown as an XLSX workbook; an announced result adds a sheet naming
/// its version and hash (a preview has none).
pub fn xlsx(p: &Published, stamp: Option<Stamp<'_>>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let score = Format::new().set_num_format("0.00##");
    let rupiah = Format::new().set_num_format("\"Rp\"#,##0");
    let name = if p.category == "kelurahan" {
        "Kelurahan"
    } else {
        "Desa"
    };
    let sheet = book.add_worksheet().set_name(name)?;
    for (c, h) in headings(p).iter().enumerate() {
        sheet.write_with_format(0, col(c), h, &bold)?;
    }
    for (r, l) in p.lines.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        sheet.write(row, 0, l.rank)?;
        sheet.write(row, 1, &l.village.code)?;
        sheet.write(row, 2, &l.village.name)?;
        sheet.write(row, 3, &l.village.district)?;
        sheet.write(row, 4, &l.village.regency)?;
        sheet.write_with_format(row, 5, decimal(l.final_score), &score)?;
        sheet.write_with_format(row, 6, decimal(l.raw_points), &score)?;
        let mut c = 7;
        for s in &l.stage_scores {
            if let Some(u) = s {
                sheet.write_with_format(row, c, decimal(*u), &score)?;
            }
            c += 1;
        }
        if let Some(prize) = &l.prize {
            sheet.write(row, c, &prize.label)?;
            sheet.write_with_format(row, c + 1, prize.cash, &rupiah)?;
            sheet.write_with_format(row, c + 2, prize.assistance, &rupiah)?;
        }
    }
    breakdown(&mut book, p, &bold, &score)?;
    let about = book.add_worksheet().set_name("Versi")?;
    about.write_with_format(0, 0, "lomba", &bold)?;
    about.write(0, 1, &p.competition_name)?;
    about.write_with_format(1, 0, "versi_hasil", &bold)?;
    about.write_with_format(2, 0, "hash_sha256", &bold)?;
    match stamp {
        Some(s) => {
            about.write(1, 1, s.version)?;
            about.write(2, 1, s.content_hash)?;
        }
        None => {
            about.write(1, 1, "pratinjau (belum diumumkan)")?;
        }
    }
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn breakdown(
    book: &mut Workbook,
    p: &Published,
    bold: &Format,
    score: &Format,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name("Rincian")?;
    let heads = [
        "peringkat",
        "kode_desa",
        "desa",
        "tahap",
        "kode_kriteria",
        "kriteria",
        "nilai_panel",
        "bobot_efektif",
        "kontribusi",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_with_format(0, col(c), *h, bold)?;
    }
    let mut row: u32 = 1;
    for l in &p.lines {
        let Some(exp) = p.result.explanation(entry_id(l.nomination_id)) else {
            continue;
        };
        for st in &exp.stages {
            let Some(info) = p.stages.iter().find(|s| s.code == st.stage) else {
                continue;
            };
            for line in &st.criteria {
                let node = usize::try_from(line.node)
                    .ok()
                    .and_then(|n| info.criteria.get(n));
                let Some(node) = node else { continue };
                sheet.write(row, 0, l.rank)?;
                sheet.write(row, 1, &l.village.code)?;
                sheet.write(row, 2, &l.village.name)?;
                sheet.write(row, 3, &st.stage)?;
                sheet.write(row, 4, &node.code)?;
                sheet.write(row, 5, &node.name)?;
                if let Some(s) = line.panel_score {
                    sheet.write_with_format(row, 6, s.to_f64(), score)?;
                }
                sheet.write_with_format(row, 7, line.effective_weight.to_f64(), score)?;
                sheet.write_with_format(row, 8, line.contribution.to_f64(), score)?;
                row += 1;
            }
        }
    }
    Ok(())
}
