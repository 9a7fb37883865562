//! The berita acara of the plenary meeting: date, time and place in the competition's zone,
//! the members one per line as they were entered, the decision, the ranking with every stage
//! score (an entry cut at a shortlist is named with the stage where it stopped, not given a
//! zero), the prizes with their amounts in words, and a signature block per member.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;

use super::{Letterhead, Money, Signatory, score, stamp};
use crate::registry::TimeZone;
use crate::results::Published;
use crate::results::published::Line;

/// What the committee recorded about its meeting.
#[derive(Clone, Debug)]
pub struct Meeting<'a> {
    pub held_on: NaiveDate,
    /// `HH:MM` in the competition's zone, when recorded.
    pub held_time: Option<&'a str>,
    pub zone: TimeZone,
    pub place: &'a str,
    /// One member per line, as typed.
    pub members: &'a str,
    pub decision: &'a str,
}

#[derive(Serialize)]
pub(super) struct StageHead {
    pub code: String,
    pub weight: String,
}

#[derive(Serialize)]
pub(super) struct Row {
    pub rank: String,
    pub village: String,
    pub region: String,
    pub stages: Vec<String>,
    #[serde(rename = "final")]
    pub final_score: String,
    pub note: String,
}

#[derive(Serialize)]
pub(super) struct PrizeRow {
    pub label: String,
    pub village: String,
    pub region: String,
    pub cash: Option<Money>,
    pub assistance: Option<Money>,
}

#[derive(Serialize)]
pub(super) struct Totals {
    pub cash: Money,
    pub assistance: Money,
}

#[derive(Serialize)]
struct Data {
    title: String,
    kop: Option<Letterhead>,
    heading: Vec<String>,
    number: String,
    opening: String,
    attendees: Vec<String>,
    deliberation: String,
    decision: String,
    stages: Vec<StageHead>,
    stage_legend: String,
    rows: Vec<Row>,
    prizes: Vec<PrizeRow>,
    totals: Totals,
    closing: String,
    signers: Vec<Signatory>,
    footer: String,
}

const DAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// `Kecamatan Kaliwungu, Kabupaten Kudus` (the registry names kecamatan without the word).
pub(super) fn region_of(l: &Line) -> String {
    let district =
        (!l.village.district.is_empty()).then(|| format!("Kecamatan {}", l.village.district));
    district
        .into_iter()
        .chain((!l.village.regency.is_empty()).then(|| l.village.regency.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The members as typed, one per line (commas inside a line stay).
#[must_use]
pub fn members(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A member line's signature block: `Name (Role)` becomes the role above the name.
fn signer(line: &str) -> Signatory {
    let (name, role) = match line.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, role)) => (name.trim(), role.trim()),
        None => (line, ""),
    };
    Signatory {
        role: role.to_owned(),
        name: name.to_owned(),
        ..Signatory::default()
    }
}

pub(super) fn stage_heads(p: &Published) -> (Vec<StageHead>, String) {
    let heads = p
        .stages
        .iter()
        .map(|s| StageHead {
            code: s.code.clone(),
            weight: format!("{}%", s.weight),
        })
        .collect();
    let legend = p
        .stages
        .iter()
        .map(|s| format!("{} = {}", s.code, s.name))
        .collect::<Vec<_>>()
        .join("; ");
    (heads, legend)
}

/// Every ranked and eliminated entry as a table row.
pub(super) fn rows(p: &Published) -> Vec<Row> {
    p.lines
        .iter()
        .map(|l| {
            let (final_score, note) = match &l.eliminated_at {
                // The legend under the table names the stage.
                Some(stage) => ("—".to_owned(), format!("Gugur di tahap {stage}")),
                None => (
                    score(l.final_score),
                    l.prize
                        .as_ref()
                        .map(|x| x.label.clone())
                        .unwrap_or_default(),
                ),
            };
            Row {
                rank: if l.eliminated_at.is_some() {
                    "—".into()
                } else {
                    l.rank.to_string()
                },
                village: l.village.name.clone(),
                region: region_of(l),
                stages: l
                    .stage_scores
                    .iter()
                    .map(|s| s.map(score).unwrap_or_else(|| "—".into()))
                    .collect(),
                final_score,
                note,
            }
        })
        .collect()
}

/// The winners with their prizes.
pub(super) fn prizes(p: &Published) -> Vec<PrizeRow> {
    p.winners()
        .filter_map(|l| {
            let x = l.prize.as_ref()?;
            Some(PrizeRow {
                label: x.label.clone(),
                village: l.village.name.clone(),
                region: region_of(l),
                cash: Money::nonzero(x.cash),
                assistance: Money::nonzero(x.assistance),
            })
        })
        .collect()
}

/// `LOMBA DESA TINGKAT PROVINSI TAHUN 2026` (the year once, when the name has none).
pub(super) fn competition_line(p: &Published) -> String {
    subject(p).to_uppercase()
}

/// `Lomba Desa Tingkat Provinsi Tahun 2026`, or the name alone when it carries the year.
pub(super) fn subject(p: &Published) -> String {
    if p.competition_name.contains(&p.year.to_string()) {
        p.competition_name.clone()
    } else {
        format!("{} Tahun {}", p.competition_name, p.year)
    }
}

/// The berita acara as a PDF.
///
/// # Errors
/// A template error.
pub fn pdf(
    p: &Published,
    m: &Meeting<'_>,
    kop: Option<&Letterhead>,
    version: Option<i32>,
    hash: Option<&str>,
) -> Result<Vec<u8>, super::Error> {
    let day = usize::try_from(m.held_on.weekday().num_days_from_monday())
        .ok()
        .and_then(|d| DAYS.get(d))
        .copied()
        .unwrap_or_default();
    let time = m
        .held_time
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
        .map(|t| format!(", pukul {} {}", t.format("%H.%M"), m.zone.label()))
        .unwrap_or_default();
    let attendees = members(m.members);
    let (stages, stage_legend) = stage_heads(p);
    let data = Data {
        title: format!("Berita Acara Rapat Pleno {}", p.competition_name),
        kop: kop.cloned(),
        heading: vec![
            "BERITA ACARA".into(),
            "RAPAT PLENO TIM PENILAI".into(),
            competition_line(p),
        ],
        number: String::new(),
        opening: format!(
            "Pada hari ini {day}, tanggal {}{time}, bertempat di {}, Tim Penilai {} telah \
             melaksanakan rapat pleno penetapan hasil penilaian, yang dihadiri oleh:",
            crate::indonesian::tanggal(m.held_on),
            m.place,
            subject(p),
        ),
        signers: attendees.iter().map(|a| signer(a)).collect(),
        attendees,
        deliberation: "Setelah membahas hasil penilaian seluruh tahap, rapat memutuskan:".into(),
        decision: m.decision.to_owned(),
        stages,
        stage_legend,
        rows: rows(p),
        prizes: prizes(p),
        totals: Totals {
            cash: Money::of(p.totals.cash),
            assistance: Money::of(p.totals.assistance),
        },
        closing: "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan \
                  sebagaimana mestinya."
            .into(),
        footer: stamp(version, hash),
    };
    super::render("minutes.typ", &data, kop)
}

#[cfg(test)]
mod tests {
    #[test]
    fn members_are_lines_and_a_role_in_brackets_signs_above_the_name() {
        let m = super::members("Dr. Hadi (Ketua)\n\n Anggota dari Bappeda, Dinkes, Disdik \n");
        assert_eq!(
            m,
            ["Dr. Hadi (Ketua)", "Anggota dari Bappeda, Dinkes, Disdik"]
        );
        let s = super::signer(&m[0]);
        assert_eq!((s.name.as_str(), s.role.as_str()), ("Dr. Hadi", "Ketua"));
        assert_eq!(super::signer(&m[1]).role, "");
    }
}
