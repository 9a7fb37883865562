//! The score recap (*rekap nilai*): per stage, every counted judge's value on every indicator
//! for every entry (judges labelled "Juri n" as in the protocol, values the aggregation
//! dropped marked `*`), the panel score, weight and contribution, the stage score, then the
//! result — as a landscape PDF to sign and as an XLSX workbook for the archive.

use juara_domain::Points;
use juara_domain::explanation::{StageExplanation, judge_label};
use juara_domain::sheet::ScoreValue;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::minutes::{competition_line, region_of, rows};
use super::report::{Report, Section};
use super::{Letterhead, Signatory, score, stamp};
use crate::db::results::inputs::entry_id;
use crate::results::Published;
use crate::results::published::{Line, StageInfo};

/// How each stage combined its judges, in words (`ADM`, `Rata-rata terpangkas (k = 1)`).
pub type Aggregations = Vec<(String, String)>;

/// A judge's value as typed: `85`, `3,5`, `TB` (not applicable).
fn value(v: &ScoreValue) -> String {
    match v {
        ScoreValue::Value(x) => {
            let full = crate::indonesian::decimal(x.units(), Points::SCALE, 4);
            full.trim_end_matches('0').trim_end_matches(',').to_owned()
        }
        ScoreValue::NotApplicable => "TB".into(),
    }
}

/// How many judges a stage counted ("Juri 1" … "Juri n").
fn judges_of(p: &Published, stage: &str) -> u32 {
    p.result
        .stages
        .iter()
        .find(|s| s.stage == stage)
        .map_or(0, |s| u32::try_from(s.judges.len()).unwrap_or(0))
}

/// One row per criterion of `st`: code, name, weight, each judge's value, panel, contribution.
fn criterion_rows(info: &StageInfo, st: &StageExplanation, judges: u32) -> Vec<Vec<String>> {
    st.criteria
        .iter()
        .filter_map(|line| {
            let node = info.criteria.get(usize::try_from(line.node).ok()?)?;
            let indent = "  ".repeat(usize::try_from(node.depth).unwrap_or(0));
            let mut row = vec![
                node.code.clone(),
                format!("{indent}{}", node.name),
                crate::indonesian::decimal(line.effective_weight.units(), Points::SCALE, 2),
            ];
            for label in 1..=judges {
                let v = st
                    .values
                    .iter()
                    .find(|v| v.node == line.node && v.label == label);
                row.push(v.map_or_else(String::new, |v| {
                    format!("{}{}", value(&v.value), if v.trimmed { "*" } else { "" })
                }));
            }
            row.push(
                line.panel_score
                    .map_or_else(|| "—".into(), |s| score(s.units())),
            );
            row.push(score(line.contribution.units()));
            Some(row)
        })
        .collect()
}

fn entry_heading(l: &Line, stage: &StageInfo) -> String {
    format!(
        "{} {} — {} ({})",
        stage.code,
        stage.name,
        l.village.name,
        region_of(l)
    )
}

/// The recap as a report (every stage, every entry that reached it, then the result).
#[must_use]
pub fn report(p: &Published, aggregations: &Aggregations, kop: Option<&Letterhead>) -> Report {
    let mut sections = Vec::new();
    for info in &p.stages {
        let judges = judges_of(p, &info.code);
        let how = aggregations
            .iter()
            .find(|(code, _)| *code == info.code)
            .map_or("", |(_, how)| how.as_str());
        for l in &p.lines {
            let Some(exp) = p.result.explanation(entry_id(l.nomination_id)) else {
                continue;
            };
            let Some(st) = exp.stages.iter().find(|s| s.stage == info.code) else {
                continue;
            };
            let mut widths = vec![1.6, 0.0, 1.4];
            let mut align = vec!["l", "l", "r"];
            let mut head = vec!["Kode".to_owned(), "Indikator".into(), "Bobot %".into()];
            for label in 1..=judges {
                widths.push(1.35);
                align.push("r");
                head.push(judge_label(label));
            }
            widths.extend([1.6, 1.7]);
            align.extend(["r", "r"]);
            head.extend(["Nilai panel".into(), "Kontribusi".into()]);
            let stage_score = st.score.map_or_else(|| "—".into(), |s| score(s.units()));
            let cells = usize::try_from(judges).unwrap_or(0) + 4;
            let mut foot = vec![format!("Nilai tahap {}", info.code)];
            foot.extend(std::iter::repeat_n(String::new(), cells.saturating_sub(1)));
            foot.push(stage_score);
            sections.push(Section {
                heading: entry_heading(l, info),
                widths,
                align,
                head,
                rows: criterion_rows(info, st, judges),
                foot: Some(foot),
                foot_span: cells,
                notes: vec![format!("Agregasi: {how}.")],
            });
        }
    }
    let result: Vec<Vec<String>> = rows(p)
        .into_iter()
        .map(|r| {
            let mut row = vec![r.rank, format!("{} ({})", r.village, r.region)];
            row.extend(r.stages);
            row.extend([r.final_score, r.note]);
            row
        })
        .collect();
    let mut head = vec!["No".to_owned(), "Desa/Kelurahan".into()];
    head.extend(
        p.stages
            .iter()
            .map(|s| format!("{} ({}%)", s.code, s.weight)),
    );
    head.extend(["Nilai akhir".into(), "Keterangan".into()]);
    let mut widths = vec![1.0, 0.0];
    widths.extend(p.stages.iter().map(|_| 2.2));
    widths.extend([2.0, 3.4]);
    let mut align = vec!["c", "l"];
    align.extend(p.stages.iter().map(|_| "r"));
    align.extend(["r", "l"]);
    sections.push(Section {
        heading: "Hasil akhir".into(),
        widths,
        align,
        head,
        rows: result,
        notes: vec!["* = nilai yang dibuang oleh rata-rata terpangkas; TB = tidak berlaku.".into()],
        ..Section::default()
    });
    Report {
        title: format!("Rekap Nilai {}", p.competition_name),
        kop: kop.cloned(),
        heading: vec!["REKAPITULASI NILAI".into(), competition_line(p)],
        subtitle: Vec::new(),
        flipped: true,
        table_size: 8.5,
        sections,
        signers: vec![Signatory {
            role: "Ketua Tim Penilai".into(),
            name: "(.................................)".into(),
            ..Signatory::default()
        }],
        footer: String::new(),
    }
}

/// The recap as a PDF (`version`/`hash`: the announced result it shows, none for a preview).
///
/// # Errors
/// A template error.
pub fn pdf(
    p: &Published,
    aggregations: &Aggregations,
    kop: Option<&Letterhead>,
    version: Option<i32>,
    hash: Option<&str>,
) -> Result<Vec<u8>, super::Error> {
    let mut r = report(p, aggregations, kop);
    r.footer = stamp(version, hash);
    r.pdf()
}

/// The recap as an XLSX workbook: one sheet per stage (one row per entry and indicator, the
/// judges' values as numbers) and a `Hasil` sheet.
///
/// # Errors
/// A workbook error.
pub fn xlsx(p: &Published, aggregations: &Aggregations) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let num = Format::new().set_num_format("0.00##");
    for info in &p.stages {
        let judges = judges_of(p, &info.code);
        let sheet = book.add_worksheet().set_name(&info.code)?;
        let how = aggregations
            .iter()
            .find(|(code, _)| *code == info.code)
            .map_or(String::new(), |(_, how)| how.clone());
        sheet.write_with_format(0, 0, format!("{} — agregasi: {how}", info.name), &bold)?;
        let mut head: Vec<String> = ["kode_desa", "desa", "kode_indikator", "indikator", "bobot"]
            .map(str::to_owned)
            .to_vec();
        head.extend((1..=judges).map(judge_label));
        head.extend([
            "nilai_panel".into(),
            "kontribusi".into(),
            "nilai_tahap".into(),
        ]);
        for (c, h) in head.iter().enumerate() {
            sheet.write_with_format(2, col(c), h, &bold)?;
        }
        let mut r: u32 = 3;
        for l in &p.lines {
            let Some(exp) = p.result.explanation(entry_id(l.nomination_id)) else {
                continue;
            };
            let Some(st) = exp.stages.iter().find(|s| s.stage == info.code) else {
                continue;
            };
            for line in &st.criteria {
                let Some(node) = usize::try_from(line.node)
                    .ok()
                    .and_then(|n| info.criteria.get(n))
                else {
                    continue;
                };
                sheet.write(r, 0, &l.village.code)?;
                sheet.write(r, 1, &l.village.name)?;
                sheet.write(r, 2, &node.code)?;
                sheet.write(r, 3, &node.name)?;
                sheet.write_with_format(r, 4, line.effective_weight.to_f64(), &num)?;
                for label in 1..=judges {
                    let v = st
                        .values
                        .iter()
                        .find(|v| v.node == line.node && v.label == label);
                    let c = col(usize::try_from(label + 4).unwrap_or(0));
                    match v.map(|v| &v.value) {
                        Some(ScoreValue::Value(x)) => {
                            sheet.write_with_format(r, c, x.to_f64(), &num)?
                        }
                        Some(ScoreValue::NotApplicable) => sheet.write(r, c, "TB")?,
                        None => sheet,
                    };
                }
                let c = col(usize::try_from(judges + 5).unwrap_or(0));
                if let Some(s) = line.panel_score {
                    sheet.write_with_format(r, c, s.to_f64(), &num)?;
                }
                sheet.write_with_format(r, c + 1, line.contribution.to_f64(), &num)?;
                if let Some(s) = st.score {
                    sheet.write_with_format(r, c + 2, s.to_f64(), &num)?;
                }
                r += 1;
            }
        }
    }
    let sheet = book.add_worksheet().set_name("Hasil")?;
    let mut head: Vec<String> = ["peringkat", "kode_desa", "desa"]
        .map(str::to_owned)
        .to_vec();
    head.extend(p.stages.iter().map(|s| format!("nilai_{}", s.code)));
    head.extend(["nilai_akhir".into(), "keterangan".into()]);
    for (c, h) in head.iter().enumerate() {
        sheet.write_with_format(0, col(c), h, &bold)?;
    }
    for (i, l) in p.lines.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if l.eliminated_at.is_none() {
            sheet.write(r, 0, l.rank)?;
        }
        sheet.write(r, 1, &l.village.code)?;
        sheet.write(r, 2, &l.village.name)?;
        for (j, s) in l.stage_scores.iter().enumerate() {
            if let Some(u) = s {
                sheet.write_with_format(r, col(j + 3), Points::from_units(*u).to_f64(), &num)?;
            }
        }
        let c = col(p.stages.len() + 3);
        let note = match &l.eliminated_at {
            Some(stage) => format!("Gugur di tahap {stage}"),
            None => {
                sheet.write_with_format(r, c, Points::from_units(l.final_score).to_f64(), &num)?;
                l.prize
                    .as_ref()
                    .map(|x| x.label.clone())
                    .unwrap_or_default()
            }
        };
        sheet.write(r, c + 1, note)?;
    }
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
