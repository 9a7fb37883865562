//! Tests of `crate::money`.

use super::*;
use proptest::prelude::*;

#[test]
fn formats_with_dot_thousands_separators() {
    assert_eq!(Rupiah::new(100_000_000).to_string(), "Rp100.000.000");
    assert_eq!(Rupiah::new(15_000_000).to_string(), "Rp15.000.000");
    assert_eq!(Rupiah::new(999).to_string(), "Rp999");
    assert_eq!(Rupiah::new(0).to_string(), "Rp0");
    assert_eq!(Rupiah::new(-5_000).to_string(), "-Rp5.000");
}

#[test]
fn parses_what_people_type() {
    assert_eq!("100000000".parse::<Rupiah>(), Ok(Rupiah::new(100_000_000)));
    assert_eq!(
        "Rp 100.000.000".parse::<Rupiah>(),
        Ok(Rupiah::new(100_000_000))
    );
    assert_eq!(
        "Rp15.000.000".parse::<Rupiah>(),
        Ok(Rupiah::new(15_000_000))
    );
}

#[test]
fn refuses_bad_amounts() {
    assert_eq!("".parse::<Rupiah>(), Err(RupiahParseError::Empty));
    assert_eq!("Rp".parse::<Rupiah>(), Err(RupiahParseError::Empty));
    assert_eq!("-5".parse::<Rupiah>(), Err(RupiahParseError::Negative));
    assert_eq!(
        "12,5".parse::<Rupiah>(),
        Err(RupiahParseError::InvalidCharacter(','))
    );
    assert_eq!(
        "1e9".parse::<Rupiah>(),
        Err(RupiahParseError::InvalidCharacter('e'))
    );
    assert_eq!(
        "99999999999999999999".parse::<Rupiah>(),
        Err(RupiahParseError::TooLarge)
    );
}

#[test]
fn checked_arithmetic_reports_overflow() {
    assert_eq!(Rupiah::new(i64::MAX).checked_add(Rupiah::new(1)), None);
    assert_eq!(Rupiah::new(2).checked_mul(3), Some(Rupiah::new(6)));
    assert_eq!(
        Rupiah::checked_sum([Rupiah::new(1), Rupiah::new(2)]),
        Some(Rupiah::new(3))
    );
}

proptest! {
    #[test]
    fn display_then_parse_round_trips(amount in 0i64..=i64::MAX) {
        let r = Rupiah::new(amount);
        prop_assert_eq!(r.to_string().parse::<Rupiah>(), Ok(r));
    }
}

#[test]
fn terbilang_follows_the_school_grammar() {
    let cases = [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (115, "seratus lima belas"),
        (250, "dua ratus lima puluh"),
        (1_000, "seribu"),
        (1_250, "seribu dua ratus lima puluh"),
        (2_000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (15_000_000, "lima belas juta"),
        (100_000_000, "seratus juta"),
        (1_001_000, "satu juta seribu"),
        (2_500_000_000, "dua miliar lima ratus juta"),
        (1_000_000_000_000, "satu triliun"),
    ];
    for (n, words) in cases {
        assert_eq!(terbilang(n), words, "{n}");
    }
    assert_eq!(Rupiah::new(100_000_000).in_words(), "seratus juta rupiah");
    assert_eq!(Rupiah::new(-5_000).in_words(), "minus lima ribu rupiah");
}

/// An independent reader of Indonesian number words, to check `terbilang` round-trips.
fn read_words(words: &str) -> u64 {
    let digit = |w: &str| -> Option<u64> {
        [
            "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        ]
        .iter()
        .position(|d| *d == w)
        .and_then(|p| u64::try_from(p).ok())
    };
    let scale = |w: &str| -> Option<u64> {
        match w {
            "ribu" => Some(1_000),
            "juta" => Some(1_000_000),
            "miliar" => Some(1_000_000_000),
            "triliun" => Some(1_000_000_000_000),
            "kuadriliun" => Some(1_000_000_000_000_000),
            "kuintiliun" => Some(1_000_000_000_000_000_000),
            _ => None,
        }
    };
    let (mut total, mut group, mut pending) = (0u64, 0u64, 0u64);
    for w in words.split(' ') {
        match w {
            "sepuluh" => group += 10,
            "sebelas" => group += 11,
            "seratus" => group += 100,
            "seribu" => total += 1_000,
            "belas" => {
                group += 10 + pending;
                pending = 0;
            }
            "puluh" => {
                group += 10 * pending;
                pending = 0;
            }
            "ratus" => {
                group += 100 * pending;
                pending = 0;
            }
            _ => {
                if let Some(d) = digit(w) {
                    pending = d;
                } else if let Some(s) = scale(w) {
                    total += (group + pending) * s;
                    group = 0;
                    pending = 0;
                } else {
                    panic!("unknown word {w:?} in {words:?}");
                }
            }
        }
    }
    total + group + pending
}

proptest! {
    #[test]
    fn terbilang_reads_back_to_the_same_number(n in 0u64..=u64::MAX) {
        let words = terbilang(n);
        prop_assert_eq!(read_words(&words), n, "{}", words);
        prop_assert!(!words.contains("  ") && !words.starts_with(' ') && !words.ends_with(' '));
        // A lone 1 before ribu or ratus is written "se-": never "satu ratus", and "satu ribu"
        // only inside a larger group ("dua puluh satu ribu").
        prop_assert!(!words.contains("satu ratus"));
        let lone_satu_ribu = words.starts_with("satu ribu")
            || ["juta", "miliar", "triliun", "kuadriliun", "kuintiliun"]
                .iter()
                .any(|s| words.contains(&format!("{s} satu ribu")));
        prop_assert!(!lone_satu_ribu, "{}", words);
    }
}
