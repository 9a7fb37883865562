//! Tests of `crate::criteria`.

use super::*;

fn leaf(code: &str, parent: Option<&str>, weight: u32) -> CriterionSpec {
    CriterionSpec {
        code: code.into(),
        name: code.into(),
        parent: parent.map(Into::into),
        weight,
        scale: Some(Scale {
            min: Points::from_whole(1),
            max: Points::from_whole(5),
            step: Some(Points::from_whole(1)),
        }),
        optional: false,
        guidance: None,
    }
}
fn inner(code: &str, parent: Option<&str>, weight: u32) -> CriterionSpec {
    CriterionSpec {
        scale: None,
        ..leaf(code, parent, weight)
    }
}

#[test]
fn tree_order_is_natural_and_independent_of_input_order() {
    let specs = vec![
        leaf("A.10", Some("A"), 50),
        inner("B", None, 40),
        leaf("A.2", Some("A"), 50),
        inner("A", None, 60),
        leaf("B.1", Some("B"), 100),
    ];
    let t = CriteriaTree::new(specs).unwrap();
    let codes: Vec<_> = t.nodes().iter().map(|n| n.spec.code.as_str()).collect();
    assert_eq!(codes, ["A", "A.2", "A.10", "B", "B.1"]);
    assert_eq!(t.leaves(), &[1, 2, 4]);
    assert!((t.nodes()[2].effective_weight - 0.3).abs() < 1e-12);
    assert_eq!(t.leaves_under(0), vec![0, 1]);
    assert_eq!(t.leaves_under(3), vec![2]);
    assert_eq!(t.index_of("B.1"), Some(4));
}

#[test]
fn tree_refused_naming_every_parent_with_bad_sum() {
    let specs = vec![
        inner("A", None, 50),
        inner("B", None, 40),
        leaf("A.1", Some("A"), 30),
        leaf("A.2", Some("A"), 30),
        leaf("B.1", Some("B"), 90),
    ];
    let errs = CriteriaTree::new(specs).unwrap_err();
    assert_eq!(
        errs,
        vec![
            CriteriaError::WeightsDoNotSumTo100 {
                parent: None,
                actual: 90
            },
            CriteriaError::WeightsDoNotSumTo100 {
                parent: Some("A".into()),
                actual: 60
            },
            CriteriaError::WeightsDoNotSumTo100 {
                parent: Some("B".into()),
                actual: 90
            },
        ]
    );
}

#[test]
fn tree_refuses_empty_duplicates_unknown_parent_and_cycles() {
    assert_eq!(
        CriteriaTree::new(vec![]).unwrap_err(),
        vec![CriteriaError::Empty]
    );
    let errs = CriteriaTree::new(vec![
        leaf("A", None, 100),
        leaf("A", None, 100),
        leaf("X.1", Some("X"), 100),
        inner("C1", Some("C2"), 100),
        inner("C2", Some("C1"), 100),
    ])
    .unwrap_err();
    assert!(errs.contains(&CriteriaError::DuplicateCode { code: "A".into() }));
    assert!(errs.contains(&CriteriaError::UnknownParent {
        code: "X.1".into(),
        parent: "X".into()
    }));
    assert!(errs.contains(&CriteriaError::Cycle {
        codes: vec!["C1".into(), "C2".into()]
    }));
}

#[test]
fn tree_refuses_scale_misplacement_and_bad_scales() {
    let mut bad_step = leaf("A.2", Some("A"), 25);
    bad_step.scale = Some(Scale {
        min: Points::from_whole(0),
        max: Points::from_whole(10),
        step: Some(Points::from_whole(3)),
    });
    let mut zero_step = leaf("A.3", Some("A"), 25);
    zero_step.scale = Some(Scale {
        min: Points::from_whole(0),
        max: Points::from_whole(10),
        step: Some(Points::ZERO),
    });
    let mut inverted = leaf("A.4", Some("A"), 25);
    inverted.scale = Some(Scale {
        min: Points::from_whole(5),
        max: Points::from_whole(5),
        step: None,
    });
    let errs = CriteriaTree::new(vec![
        leaf("A", None, 100),
        inner("A.1", Some("A"), 25),
        bad_step,
        zero_step,
        inverted,
    ])
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            CriteriaError::InnerNodeWithScale { code: "A".into() },
            CriteriaError::LeafWithoutScale { code: "A.1".into() },
            CriteriaError::BadScale {
                code: "A.2".into(),
                problem: ScaleProblem::StepDoesNotDivideRange
            },
            CriteriaError::BadScale {
                code: "A.3".into(),
                problem: ScaleProblem::StepNotPositive
            },
            CriteriaError::BadScale {
                code: "A.4".into(),
                problem: ScaleProblem::MinNotBelowMax
            },
        ]
    );
}

#[test]
fn scale_checks_range_step_and_maps_to_percent() {
    let s = Scale {
        min: Points::from_whole(60),
        max: Points::from_whole(100),
        step: Some(Points::from_whole(5)),
    };
    assert!(s.contains(Points::from_whole(60)) && !s.contains(Points::from_whole(59)));
    assert!(s.on_step(Points::from_whole(85)) && !s.on_step(Points::from_whole(84)));
    assert_eq!(s.to_percent(80.0), 50.0);
}
