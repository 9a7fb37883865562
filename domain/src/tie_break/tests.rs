//! Tests of `crate::tie_break`.

use super::*;

#[test]
fn chain_reports_the_first_rule_that_differs() {
    let p = |u| Some(Points::from_units(u));
    assert_eq!(
        compare_chain(&[p(5), p(9)], &[p(5), p(7)]),
        (Ordering::Less, Some(1))
    );
    assert_eq!(compare_chain(&[p(5)], &[p(5)]), (Ordering::Equal, None));
    assert_eq!(
        compare_chain(&[None], &[p(0)]),
        (Ordering::Greater, Some(0))
    );
}

#[test]
fn smaller_spread_is_the_better_key() {
    let tb = TieBreak::SmallerJudgeSpread { stage: "S".into() };
    assert!(tb.key(Points::from_whole(1)) > tb.key(Points::from_whole(2)));
    assert_eq!(tb.stage(), Some("S"));
}

#[test]
fn population_sd_divides_by_n() {
    assert_eq!(
        population_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]),
        Some(2.0)
    );
    assert_eq!(population_sd(&[]), None);
}
