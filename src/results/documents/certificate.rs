//! The certificate (*piagam penghargaan*) of one winner: landscape, centred, the village and
//! its region, the rank in words, the competition, the score with two decimals (or none, as
//! the committee chooses) and the signatory.

use serde::Serialize;

use super::decree::Official;
use super::minutes::region_of;
use super::{Letterhead, Signatory, score};
use crate::results::Published;
use crate::results::published::Line;

#[derive(Serialize)]
struct Data {
    title: String,
    kop: Option<Letterhead>,
    number: String,
    village: String,
    region: String,
    rank: String,
    competition: String,
    score: String,
    signatory: Signatory,
}

/// The certificate of `l` as a PDF; `show_score` prints the final score (`86,50`).
///
/// # Errors
/// A template error.
pub fn pdf(
    p: &Published,
    l: &Line,
    o: &Official,
    kop: Option<&Letterhead>,
    show_score: bool,
) -> Result<Vec<u8>, super::Error> {
    let kind = if p.category == "kelurahan" {
        "KELURAHAN"
    } else {
        "DESA"
    };
    let rank = l
        .prize
        .as_ref()
        .map_or_else(|| format!("Peringkat {}", l.rank), |x| x.label.clone());
    let data = Data {
        title: format!("Piagam {} {}", rank, l.village.name),
        kop: kop.cloned(),
        number: String::new(),
        village: format!("{kind} {}", l.village.name.to_uppercase()),
        region: region_of(l),
        rank: rank.to_uppercase(),
        competition: super::minutes::subject(p),
        score: if show_score {
            score(l.final_score)
        } else {
            String::new()
        },
        signatory: Signatory {
            place_date: format!("{}, {}", o.place, o.date),
            ..o.signatory()
        },
    };
    super::render("certificate.typ", &data, kop)
}
