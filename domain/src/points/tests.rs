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

#[test]
fn mean_truncates_to_a_ten_thousandth_and_is_none_for_nothing() {
    assert_eq!(Points::mean([]), None);
    let three = [1, 2, 2].map(Points::from_units);
    assert_eq!(Points::mean(three), Some(Points::from_units(1)));
    let marks = ["80", "85.5", "90"].map(|s| s.parse::<Points>().unwrap_or(Points::ZERO));
    assert_eq!(Points::mean(marks), Some(Points::from_units(851_666)));
    let negative = [-1, -2].map(Points::from_units);
    assert_eq!(Points::mean(negative), Some(Points::from_units(-1)));
}

proptest! {
    #[test]
    fn the_mean_lies_between_the_lowest_and_the_highest(
        units in proptest::collection::vec(-1_000_000_000i64..1_000_000_000, 1..40)
    ) {
        let scores: Vec<Points> = units.iter().copied().map(Points::from_units).collect();
        let mean = Points::mean(scores.iter().copied());
        let lo = scores.iter().copied().min();
        let hi = scores.iter().copied().max();
        prop_assert!(mean.is_some());
        prop_assert!(mean >= lo && mean <= hi);
    }

    #[test]
    fn the_mean_of_equal_scores_is_that_score(unit in -1_000_000_000i64..1_000_000_000, n in 1usize..20) {
        let scores = vec![Points::from_units(unit); n];
        prop_assert_eq!(Points::mean(scores), Some(Points::from_units(unit)));
    }
}

#[test]
fn the_canonical_form_is_the_shortest_exact_decimal() {
    let p = |s: &str| s.parse::<Points>().unwrap_or_default().canonical();
    assert_eq!(p("85"), "85");
    assert_eq!(p("85.50"), "85.5");
    assert_eq!(p("83.25"), "83.25");
    assert_eq!(p("0.0001"), "0.0001");
    assert_eq!(p("100.00"), "100");
    assert_eq!(Points::from_units(-5_000).canonical(), "-0.5");
    assert_eq!(Points::from_units(0).canonical(), "0");
}
