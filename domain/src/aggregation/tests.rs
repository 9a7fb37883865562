//! Tests of `crate::aggregation`.

use super::*;
use crate::criteria::{CriterionSpec, Scale};

fn vals(xs: &[f64]) -> Vec<PanelValue> {
    xs.iter()
        .enumerate()
        .map(|(i, &x)| PanelValue {
            judge: u32::try_from(i).unwrap(),
            raw: x / 10.0,
            scored: x,
        })
        .collect()
}

#[test]
fn trimmed_mean_drops_highest_and_lowest() {
    let mut v = vals(&[90.0, 10.0, 50.0, 60.0, 70.0]);
    let agg = aggregate_leaf(Aggregation::TrimmedMean { k: 1 }, &mut v).unwrap();
    assert_eq!(agg.scored, 60.0);
    assert_eq!(agg.raw, 6.0);
    assert_eq!(agg.kept, 1..4);
    assert_eq!((v[0].judge, v[4].judge), (1, 0));
    assert_eq!(
        aggregate_leaf(Aggregation::TrimmedMean { k: 1 }, &mut vals(&[1.0, 2.0])),
        None
    );
}

#[test]
fn trimmed_mean_breaks_equal_values_by_judge_order() {
    let mut v = vals(&[50.0, 50.0, 50.0]);
    let agg = aggregate_leaf(Aggregation::TrimmedMean { k: 1 }, &mut v).unwrap();
    assert_eq!(v[agg.kept.start].judge, 1);
    assert_eq!((v[0].judge, v[2].judge), (0, 2));
}

#[test]
fn median_takes_middle_or_mean_of_two_middles() {
    let agg = aggregate_leaf(Aggregation::Median, &mut vals(&[30.0, 10.0, 20.0])).unwrap();
    assert_eq!(agg.scored, 20.0);
    let agg = aggregate_leaf(Aggregation::Median, &mut vals(&[40.0, 10.0, 20.0, 30.0])).unwrap();
    assert_eq!(agg.scored, 25.0);
    assert_eq!(
        aggregate_leaf(Aggregation::Mean, &mut vals(&[10.0, 20.0]))
            .unwrap()
            .scored,
        15.0
    );
    assert_eq!(aggregate_leaf(Aggregation::Mean, &mut []), None);
}

#[test]
fn na_needs_a_strict_majority() {
    assert!(leaf_is_not_applicable(1, 2));
    assert!(!leaf_is_not_applicable(1, 1));
}

#[test]
fn na_leaf_renormalises_its_siblings() {
    let spec = |code: &str, parent: Option<&str>, weight, leaf: bool| CriterionSpec {
        code: code.into(),
        name: code.into(),
        parent: parent.map(Into::into),
        weight,
        scale: leaf.then_some(Scale {
            min: Points::ZERO,
            max: Points::from_whole(100),
            step: None,
        }),
        optional: true,
        guidance: None,
    };
    let tree = CriteriaTree::new(vec![
        spec("A", None, 50, false),
        spec("A.1", Some("A"), 50, true),
        spec("A.2", Some("A"), 25, true),
        spec("A.3", Some("A"), 25, true),
        spec("B", None, 50, true),
    ])
    .unwrap();
    let mut w = Weigher::new(&tree);
    let leaves = [Some(80.0), None, Some(20.0), Some(50.0)];
    let total = w.total(|l| leaves[l]).unwrap();
    assert!((total - 55.0).abs() < 1e-9); // A = (50·80 + 25·20)/75 = 60; (60 + 50) / 2
    let sum = w.breakdown();
    assert!((sum - total).abs() < 1e-9);
    assert!((w.effective[1] - 0.5 * 50.0 / 75.0).abs() < 1e-12);
    assert_eq!(w.effective[2], 0.0);
    assert!(w.total(|_| None).is_none());
}

#[test]
fn largest_remainder_contributions_sum_to_rounded_total() {
    let mut out = Vec::new();
    let total = round_preserving_sum(&[33.333_33, 33.333_33, 33.333_34], &mut out);
    assert_eq!(total, Points::from_whole(100));
    assert_eq!(out, vec![333_333, 333_333, 333_334]);
    let total = round_preserving_sum(&[0.000_06, 0.000_06, 0.000_06], &mut out);
    assert_eq!(total.units(), 2);
    assert_eq!(out, vec![1, 1, 0]);
}
