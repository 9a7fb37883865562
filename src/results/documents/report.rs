//! Reports made of tables — the score recap (*rekap nilai*) and the ledger summary — laid out
//! by one template: title lines, then sections of one table each (header repeated on every
//! page, an optional total row, notes).

use serde::Serialize;

use super::{Letterhead, Signatory};

/// One table of a report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    pub heading: String,
    /// Column widths in centimetres; 0 shares the remaining width.
    pub widths: Vec<f32>,
    /// `l`, `c` or `r` per column.
    pub align: Vec<&'static str>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub foot: Option<Vec<String>>,
    /// How many columns the foot's first cell spans (its label, e.g. `JUMLAH`).
    pub foot_span: usize,
    pub notes: Vec<String>,
}

/// A whole report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub title: String,
    pub kop: Option<Letterhead>,
    pub heading: Vec<String>,
    pub subtitle: Vec<String>,
    /// Landscape.
    pub flipped: bool,
    /// The table text size in points.
    pub table_size: f32,
    pub sections: Vec<Section>,
    /// Signature blocks under the last table (two columns).
    pub signers: Vec<Signatory>,
    pub footer: String,
}

impl Report {
    /// The report as a PDF.
    ///
    /// # Errors
    /// A template error.
    pub fn pdf(&self) -> Result<Vec<u8>, super::Error> {
        super::render("report.typ", self, self.kop.as_ref())
    }
}
