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
