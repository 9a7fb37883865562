//! *Terbilang*: an amount written in Indonesian words, as official documents (berita acara,
//! SK) print it beside the figures — `Rp100.000.000` is "seratus juta rupiah".
//!
//! Rules, as taught in Indonesian school grammar and used in government letters:
//! - digits: nol, satu … sembilan; 10 is "sepuluh", 11 "sebelas", 12–19 "<digit> belas";
//! - tens: "<digit> puluh"; hundreds: "<digit> ratus", but 100–199 start with "seratus";
//! - groups of three digits take the scales ribu, juta, miliar, triliun, kuadriliun,
//!   kuintiliun; a lone 1 before "ribu" is "seribu" (1,000–1,999) — before the larger scales
//!   it stays "satu" ("satu juta");
//! - groups that are zero are skipped; words are lowercase, single-spaced.

use super::Rupiah;

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
const SCALES: [&str; 7] = [
    "",
    "ribu",
    "juta",
    "miliar",
    "triliun",
    "kuadriliun",
    "kuintiliun",
];

/// A whole number in Indonesian words: `1_250` → "seribu dua ratus lima puluh".
#[must_use]
pub fn terbilang(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<String> = Vec::new();
    for (scale, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        if scale == 1 && group == 1 {
            words.push("seribu".to_owned());
            continue;
        }
        words.push(below_thousand(group));
        if scale > 0 {
            words.push(SCALES[scale].to_owned());
        }
    }
    words.join(" ")
}

/// 1–999 in words.
fn below_thousand(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut words = Vec::new();
    match hundreds {
        0 => {}
        1 => words.push("seratus".to_owned()),
        h => words.push(format!("{} ratus", digit(h))),
    }
    match rest {
        0 => {}
        10 => words.push("sepuluh".to_owned()),
        11 => words.push("sebelas".to_owned()),
        12..=19 => words.push(format!("{} belas", digit(rest - 10))),
        1..=9 => words.push(digit(rest).to_owned()),
        _ => {
            words.push(format!("{} puluh", digit(rest / 10)));
            if rest % 10 > 0 {
                words.push(digit(rest % 10).to_owned());
            }
        }
    }
    words.join(" ")
}

fn digit(d: u64) -> &'static str {
    usize::try_from(d)
        .ok()
        .and_then(|i| DIGITS.get(i))
        .copied()
        .unwrap_or("")
}

impl Rupiah {
    /// The amount in words for documents: "seratus juta rupiah"; negative amounts start with
    /// "minus".
    #[must_use]
    pub fn in_words(self) -> String {
        let words = terbilang(self.amount().unsigned_abs());
        if self.amount() < 0 {
            format!("minus {words} rupiah")
        } else {
            format!("{words} rupiah")
        }
    }
}
