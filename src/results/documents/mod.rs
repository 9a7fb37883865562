//! The committee's official documents — berita acara, SK, piagam, rekap nilai and the ledger
//! summary — laid out by Typst (embedded as a library) from the templates in
//! `assets/typst/` with the DejaVu fonts in `assets/fonts/` compiled into the binary. Rust
//! builds each document's data (every number already formatted the Indonesian way, amounts
//! with their *terbilang*) and hands it to the template as JSON; Typst wraps table cells,
//! repeats table headers on every page and keeps everything inside the margins.

pub mod certificate;
pub mod decree;
pub mod minutes;
pub mod recap;
pub mod report;

use std::sync::OnceLock;

use juara_domain::Rupiah;
use serde::Serialize;
use typst::foundations::{Bytes, Dict, IntoValue, Value};
use typst_as_lib::TypstEngine;
use typst_as_lib::TypstTemplateCollection;

/// The fonts every document is set in (DejaVu Serif Condensed; licence in `assets/fonts/`).
static FONTS: [&[u8]; 3] = [
    include_bytes!("../../../assets/fonts/DejaVuSerifCondensed.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSerifCondensed-Bold.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSerifCondensed-Italic.ttf"),
];

/// The templates, by the name they are compiled under.
static SOURCES: [(&str, &str); 7] = [
    (
        "common.typ",
        include_str!("../../../assets/typst/common.typ"),
    ),
    (
        "minutes.typ",
        include_str!("../../../assets/typst/minutes.typ"),
    ),
    (
        "decree.typ",
        include_str!("../../../assets/typst/decree.typ"),
    ),
    (
        "certificate.typ",
        include_str!("../../../assets/typst/certificate.typ"),
    ),
    (
        "report.typ",
        include_str!("../../../assets/typst/report.typ"),
    ),
    (
        "probe.typ",
        "#import \"common.typ\": *\n#show: page-setup\n#data.title",
    ),
    (
        "logo.typ",
        "#set page(width: 3cm, height: 3cm)\n#image(sys.inputs.logo, width: 2cm)",
    ),
];

fn engine() -> &'static TypstEngine<TypstTemplateCollection> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateCollection>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .fonts(FONTS)
            .with_static_source_file_resolver(SOURCES)
            .build()
    })
}

/// A document that could not be laid out (a template error: a bug, not bad input).
#[derive(Debug, thiserror::Error)]
#[error("laying out {template}: {message}")]
pub struct Error {
    template: &'static str,
    message: String,
}

/// The office's letterhead (*kop surat*) as documents print it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Letterhead {
    pub government: String,
    pub office: String,
    pub address: String,
    pub contact: String,
    /// The logo (PNG or JPEG bytes), if the office uploaded one.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
}

/// Who signs: the office title, the name (underlined) and the civil-servant number.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Signatory {
    /// `Kudus, 1 Desember 2026`; empty on the minutes' member blocks.
    pub place_date: String,
    pub role: String,
    pub name: String,
    pub nip: String,
}

/// An amount as documents print it: `Rp100.000.000` and `seratus juta rupiah`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Money {
    pub amount: String,
    pub words: String,
}

impl Money {
    #[must_use]
    pub fn of(amount: i64) -> Money {
        let r = Rupiah::new(amount);
        Money {
            amount: r.to_string(),
            words: r.in_words(),
        }
    }

    /// The amount, or `None` for zero (a prize without that component).
    #[must_use]
    pub fn nonzero(amount: i64) -> Option<Money> {
        (amount != 0).then(|| Money::of(amount))
    }
}

/// Lays out `template` with `data` (serialized to JSON) under `kop`'s logo; the PDF bytes.
///
/// # Errors
/// A template error (never the data's fault: every value is passed as text).
pub fn render(
    template: &'static str,
    data: &impl Serialize,
    kop: Option<&Letterhead>,
) -> Result<Vec<u8>, Error> {
    let fail = |message: String| Error { template, message };
    let json = serde_json::to_string(data).map_err(|e| fail(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), json.into_value());
    let logo = kop
        .and_then(|k| k.logo.clone())
        .map_or(Value::None, |b| Bytes::new(b).into_value());
    inputs.insert("logo".into(), logo);
    let doc: typst_layout::PagedDocument = engine()
        .compile_with_input(template, inputs)
        .output
        .map_err(|e| fail(format!("{e:?}")))?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|e| fail(format!("{e:?}")))
}

/// True when `bytes` are an image Typst can draw (a logo that only looks like a PNG or JPEG
/// would otherwise break every document later).
#[must_use]
pub fn logo_ok(bytes: &[u8]) -> bool {
    let kop = Letterhead {
        logo: Some(bytes.to_vec()),
        ..Letterhead::default()
    };
    render("logo.typ", &serde_json::Value::Null, Some(&kop)).is_ok()
}

/// `Juara I`-style rank words for a bare rank number: `I`, `II`, … (up to 3999).
#[must_use]
pub fn roman(n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A score in hundredths of a point as documents print it: `86,50`.
#[must_use]
pub fn score(units: i64) -> String {
    crate::indonesian::decimal(units, juara_domain::Points::SCALE, 2)
}

/// The footer naming the result a document was made from.
#[must_use]
pub fn stamp(version: Option<i32>, hash: Option<&str>) -> String {
    match (version, hash) {
        (Some(v), Some(h)) => format!("Hasil versi {v} · SHA-256 {h}"),
        (None, Some(h)) => format!("SHA-256 {h}"),
        _ => "Pratinjau: hasil belum diumumkan".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_roman_and_money_has_words() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(Money::of(100_000_000).words, "seratus juta rupiah");
        assert_eq!(Money::of(15_000_000).amount, "Rp15.000.000");
        assert_eq!(Money::nonzero(0), None);
        assert_eq!(score(865_000), "86,50");
    }

    #[test]
    fn a_document_lays_out_with_non_latin_text() {
        #[derive(Serialize)]
        struct Probe {
            title: &'static str,
        }
        let pdf = render(
            "probe.typ",
            &Probe {
                title: "Desa Ŋgalik — Čaŋ",
            },
            None,
        )
        .map_err(|e| e.to_string());
        assert!(pdf.is_ok_and(|b| b.starts_with(b"%PDF")));
    }
}
