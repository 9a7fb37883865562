//! The committee's official documents as PDF, in the usual Indonesian layout, drawn with the
//! built-in PDF fonts (no font files, no layout engine): the plenary minutes (*berita acara*)
//! with the results table attached, the decree (*surat keputusan*) naming winners and prizes,
//! and a certificate (*piagam penghargaan*) per winner. Text is kept to the fonts' Latin-1
//! range; anything else is replaced, never dropped silently.

use printpdf::{
    BuiltinFont, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, TextItem,
};

use super::Published;
use super::published::Line as ResultLine;
use juara_domain::{Points, Rupiah};

/// The signing official named on the decree and certificates.
#[derive(Clone, Debug)]
pub struct Official {
    pub name: String,
    pub title: String,
    /// The decree number, e.g. `412.2/123/DPMPD`.
    pub number: String,
    /// Place and date line, e.g. `Semarang, 25 November 2026`.
    pub place_date: String,
}

/// What the minutes record.
#[derive(Clone, Debug)]
pub struct MinutesText {
    pub held_on: String,
    pub place: String,
    pub members: Vec<String>,
    pub decision: String,
}

const A4: (f32, f32) = (210.0, 297.0);

/// Keeps text within what the built-in fonts can show.
fn latin(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' => '-',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{b7}' | '\u{2022}' => '-',
            c if u32::from(c) < 0x100 => c,
            _ => '?',
        })
        .collect()
}

/// A page-flowing writer: text lines top to bottom, a new page when the bottom is reached.
pub(crate) struct Writer {
    size: (f32, f32),
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Current baseline, millimetres from the bottom.
    y: f32,
}

impl Writer {
    pub(crate) fn new(size: (f32, f32)) -> Self {
        Writer {
            size,
            pages: Vec::new(),
            ops: Vec::new(),
            y: size.1 - 25.0,
        }
    }

    pub(crate) fn break_if_needed(&mut self, needed: f32) {
        if self.y - needed < 20.0 {
            self.pages.push(std::mem::take(&mut self.ops));
            self.y = self.size.1 - 25.0;
        }
    }

    /// Writes `s` at `x` mm on the current line.
    pub(crate) fn put(&mut self, x: f32, size: f32, bold: bool, s: &str) {
        let font = if bold {
            BuiltinFont::TimesBold
        } else {
            BuiltinFont::TimesRoman
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(self.y)),
            },
            Op::SetFont {
                font: PdfFontHandle::Builtin(font),
                size: Pt(size),
            },
            Op::ShowText {
                items: vec![TextItem::Text(latin(s))],
            },
            Op::EndTextSection,
        ]);
    }

    /// A whole line at `x`, then down by the line height.
    pub(crate) fn line(&mut self, x: f32, size: f32, bold: bool, s: &str) {
        self.break_if_needed(size * 0.5);
        self.put(x, size, bold, s);
        self.y -= size * 0.5;
    }

    /// A line centred on the page (approximate width: half an em per character).
    pub(crate) fn centred(&mut self, size: f32, bold: bool, s: &str) {
        let chars = f32::from(u16::try_from(s.chars().count()).unwrap_or(u16::MAX));
        let width = chars * size * 0.18;
        let x = ((self.size.0 - width) / 2.0).max(15.0);
        self.line(x, size, bold, s);
    }

    /// Wraps a paragraph at about `width` characters.
    pub(crate) fn paragraph(&mut self, x: f32, size: f32, width: usize, s: &str) {
        let mut current = String::new();
        for word in s.split_whitespace() {
            if !current.is_empty() && current.len() + word.len() + 1 > width {
                self.line(x, size, false, &current);
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            self.line(x, size, false, &current);
        }
    }

    pub(crate) fn rule(&mut self) {
        let y = self.y + 2.0;
        let point = |x: f32| LinePoint {
            p: Point::new(Mm(x), Mm(y)),
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(20.0), point(self.size.0 - 20.0)],
                is_closed: false,
            },
        });
        self.y -= 4.0;
    }

    pub(crate) fn gap(&mut self, mm: f32) {
        self.y -= mm;
    }

    pub(crate) fn finish(mut self, title: &str) -> Vec<u8> {
        self.pages.push(std::mem::take(&mut self.ops));
        let pages = self
            .pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm(self.size.0), Mm(self.size.1), ops))
            .collect();
        PdfDocument::new(&latin(title))
            .with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

fn score(units: i64) -> String {
    Points::from_units(units).to_string()
}

fn prize_text(l: &ResultLine) -> String {
    match &l.prize {
        Some(p) => {
            let mut s = p.label.clone();
            if p.cash > 0 {
                s.push_str(&format!(" {}", Rupiah::new(p.cash)));
            }
            if p.assistance > 0 {
                s.push_str(&format!(" + BK {}", Rupiah::new(p.assistance)));
            }
            s
        }
        None => "-".into(),
    }
}

/// The results table (rank, village, kecamatan, kabupaten, score, prize).
fn results_table(w: &mut Writer, p: &Published, winners_only: bool) {
    let cols = [20.0, 32.0, 80.0, 115.0, 150.0, 168.0];
    let heads = ["No", "Desa", "Kecamatan", "Kabupaten", "Nilai", "Hadiah"];
    w.break_if_needed(10.0);
    for (x, h) in cols.iter().zip(heads) {
        w.put(*x, 9.0, true, h);
    }
    w.gap(5.0);
    for l in p
        .lines
        .iter()
        .filter(|l| !winners_only || l.prize.is_some())
    {
        w.break_if_needed(5.0);
        let cells = [
            l.rank.to_string(),
            l.village.name.clone(),
            l.village.district.clone(),
            l.village.regency.clone(),
            score(l.final_score),
            prize_text(l),
        ];
        for (x, c) in cols.iter().zip(cells) {
            w.put(*x, 9.0, false, &c);
        }
        w.gap(4.5);
    }
}

fn heading(w: &mut Writer, p: &Published, title: &str) {
    w.centred(14.0, true, title);
    w.centred(12.0, true, &p.competition_name.to_uppercase());
    w.centred(12.0, false, &format!("TAHUN {}", p.year));
    w.rule();
    w.gap(2.0);
}

/// The plenary minutes with the results attached.
#[must_use]
pub fn minutes(p: &Published, m: &MinutesText, hash: Option<&str>) -> Vec<u8> {
    let mut w = Writer::new(A4);
    heading(&mut w, p, "BERITA ACARA RAPAT PLENO TIM PENILAI");
    w.paragraph(
        20.0,
        11.0,
        95,
        &format!(
            "Pada tanggal {}, bertempat di {}, Tim Penilai {} telah melaksanakan rapat pleno \
             untuk menetapkan hasil penilaian, dihadiri oleh:",
            m.held_on, m.place, p.competition_name
        ),
    );
    w.gap(2.0);
    for (i, member) in m.members.iter().enumerate() {
        w.line(25.0, 11.0, false, &format!("{}. {}", i + 1, member));
    }
    w.gap(2.0);
    w.line(20.0, 11.0, true, "Keputusan rapat:");
    w.paragraph(20.0, 11.0, 95, &m.decision);
    w.gap(2.0);
    w.paragraph(
        20.0,
        11.0,
        95,
        "Hasil penilaian sebagaimana tercantum dalam lampiran berita acara ini. Demikian berita \
         acara ini dibuat untuk dipergunakan sebagaimana mestinya.",
    );
    w.gap(8.0);
    w.line(120.0, 11.0, false, "Tim Penilai,");
    w.gap(14.0);
    for member in &m.members {
        w.line(120.0, 11.0, false, &format!("{member}  ( ............ )"));
        w.gap(6.0);
    }
    w.gap(6.0);
    w.line(20.0, 12.0, true, "LAMPIRAN: HASIL PENILAIAN");
    w.gap(2.0);
    results_table(&mut w, p, false);
    if let Some(h) = hash {
        w.gap(4.0);
        w.line(20.0, 8.0, false, &format!("SHA-256: {h}"));
    }
    w.finish(&format!("Berita Acara {}", p.competition_name))
}

/// The decree naming the winners and their prizes.
#[must_use]
pub fn decree(p: &Published, o: &Official, version: i32, hash: &str) -> Vec<u8> {
    let mut w = Writer::new(A4);
    w.centred(13.0, true, &format!("KEPUTUSAN {}", o.title.to_uppercase()));
    w.centred(11.0, false, &format!("NOMOR {}", o.number));
    w.gap(3.0);
    w.centred(12.0, true, "TENTANG");
    w.centred(
        12.0,
        true,
        &format!("PENETAPAN PEMENANG {}", p.competition_name.to_uppercase()),
    );
    w.centred(12.0, true, &format!("TAHUN {}", p.year));
    w.rule();
    w.line(20.0, 11.0, true, "Menimbang:");
    w.paragraph(
        25.0,
        11.0,
        90,
        "bahwa berdasarkan hasil penilaian dan rapat pleno Tim Penilai, perlu menetapkan \
         pemenang lomba dengan keputusan.",
    );
    w.gap(2.0);
    w.centred(12.0, true, "MEMUTUSKAN:");
    w.line(20.0, 11.0, true, "Menetapkan:");
    w.paragraph(
        25.0,
        11.0,
        90,
        &format!(
            "KESATU: Pemenang {} tahun {} beserta hadiahnya sebagaimana tercantum di bawah ini.",
            p.competition_name, p.year
        ),
    );
    w.gap(2.0);
    results_table(&mut w, p, true);
    w.gap(2.0);
    w.paragraph(
        25.0,
        11.0,
        90,
        &format!(
            "KEDUA: Jumlah uang pembinaan {} dan bantuan keuangan {}.",
            Rupiah::new(p.totals.cash),
            Rupiah::new(p.totals.assistance)
        ),
    );
    w.paragraph(
        25.0,
        11.0,
        90,
        "KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    );
    w.gap(8.0);
    w.line(120.0, 11.0, false, &o.place_date);
    w.line(120.0, 11.0, false, &o.title);
    w.gap(18.0);
    w.line(120.0, 11.0, true, &o.name);
    w.gap(6.0);
    w.line(
        20.0,
        8.0,
        false,
        &format!("Hasil versi {version}, SHA-256: {hash}"),
    );
    w.finish(&format!("Keputusan {}", p.competition_name))
}

/// A certificate for one winner (landscape A4).
#[must_use]
pub fn certificate(p: &Published, l: &ResultLine, o: &Official) -> Vec<u8> {
    let mut w = Writer::new((A4.1, A4.0));
    w.gap(10.0);
    w.centred(28.0, true, "PIAGAM PENGHARGAAN");
    w.gap(6.0);
    w.centred(13.0, false, "diberikan kepada");
    w.gap(2.0);
    w.centred(
        22.0,
        true,
        &format!("DESA {}", l.village.name.to_uppercase()),
    );
    w.centred(
        13.0,
        false,
        &format!("Kecamatan {}, {}", l.village.district, l.village.regency),
    );
    w.gap(4.0);
    let label = l.prize.as_ref().map_or("Peserta", |x| x.label.as_str());
    w.centred(13.0, false, "sebagai");
    w.centred(20.0, true, &label.to_uppercase());
    w.centred(
        13.0,
        false,
        &format!(
            "{} Tahun {} dengan nilai {}",
            p.competition_name,
            p.year,
            score(l.final_score)
        ),
    );
    w.gap(10.0);
    w.line(180.0, 12.0, false, &o.place_date);
    w.line(180.0, 12.0, false, &o.title);
    w.gap(16.0);
    w.line(180.0, 12.0, true, &o.name);
    w.finish(&format!("Piagam {}", l.village.name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_outside_latin1_is_replaced() {
        assert_eq!(super::latin("Juara I — Rp1 · ✓"), "Juara I - Rp1 - ?");
    }
}
