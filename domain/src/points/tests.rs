//! Tests of `crate::points`.

use super::*;
use proptest::prelude::*;

#[test]
fn displays_published_precision() {
    assert_eq!(Points::from_units(852_300).to_string(), "85.23");
    assert_eq!(Points::from_units(852_345).to_string(), "85.2345");
    assert_eq!(Points::from_whole(100).to_string(), "100.00");
    assert_eq!(Points::from_units(-5).to_string(), "-0.0005");
}

#[test]
fn parses_decimal_comma_and_point() {
    assert_eq!("85,5".parse::<Points>(), Ok(Points::from_units(855_000)));
    assert_eq!("85.5".parse::<Points>(), Ok(Points::from_units(855_000)));
    assert_eq!("4".parse::<Points>(), Ok(Points::from_whole(4)));
    assert_eq!("0.0001".parse::<Points>(), Ok(Points::from_units(1)));
}

#[test]
fn refuses_malformed_scores() {
    for bad in ["", "abc", "1.2.3", "1.", "1e3", "--1", "85.12345"] {
        assert!(bad.parse::<Points>().is_err(), "{bad:?} should be refused");
    }
}

#[test]
fn rounds_half_away_from_zero() {
    assert_eq!(Points::from_f64(85.123_45), Points::from_units(851_235));
    assert_eq!(Points::from_f64(f64::NAN), Points::ZERO);
}

proptest! {
    #[test]
    fn display_then_parse_round_trips(units in -9_000_000_000_000i64..9_000_000_000_000i64) {
        let p = Points::from_units(units);
        prop_assert_eq!(p.to_string().parse::<Points>(), Ok(p));
    }
}
