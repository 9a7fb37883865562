//! Tests of `crate::sheet`.

use super::*;
use crate::criteria::{CriterionSpec, Scale};

fn tree() -> CriteriaTree {
    let leaf = |code: &str, parent: &str, optional: bool| CriterionSpec {
        code: code.into(),
        name: code.into(),
        parent: Some(parent.into()),
        weight: 50,
        scale: Some(Scale {
            min: Points::from_whole(1),
            max: Points::from_whole(5),
            step: Some(Points::from_whole(1)),
        }),
        optional,
        guidance: None,
    };
    let aspect = |code: &str| CriterionSpec {
        code: code.into(),
        name: code.into(),
        parent: None,
        weight: 50,
        scale: None,
        optional: false,
        guidance: None,
    };
    CriteriaTree::new(vec![
        aspect("A"),
        aspect("B"),
        leaf("A.1", "A", false),
        leaf("A.2", "A", true),
        leaf("B.1", "B", false),
        leaf("B.2", "B", false),
    ])
    .unwrap()
}

fn sheet(values: &[(&str, ScoreValue)]) -> Sheet {
    Sheet {
        judge: JudgeId(1),
        entry: EntryId(2),
        stage: "S".into(),
        status: SheetStatus::Submitted,
        values: values.iter().map(|(c, v)| ((*c).to_owned(), *v)).collect(),
    }
}
fn v(x: i64) -> ScoreValue {
    ScoreValue::Value(Points::from_whole(x))
}

#[test]
fn sheet_refuses_each_bad_value_with_its_data() {
    let s = sheet(&[
        ("Z", v(1)),
        ("A", v(1)),
        ("A.1", v(6)),
        ("A.1", v(2)),
        ("B.1", ScoreValue::NotApplicable),
        ("B.2", ScoreValue::Value(Points::from_units(25_000))),
    ]);
    let problems: Vec<_> = s
        .validate(&tree(), None)
        .unwrap_err()
        .into_iter()
        .map(|e| e.problem)
        .collect();
    assert_eq!(
        problems,
        vec![
            SheetProblem::UnknownCriterion { code: "Z".into() },
            SheetProblem::NotALeaf { code: "A".into() },
            SheetProblem::OutOfScale {
                code: "A.1".into(),
                value: Points::from_whole(6),
                min: Points::from_whole(1),
                max: Points::from_whole(5)
            },
            SheetProblem::NotApplicableOnRequired { code: "B.1".into() },
            SheetProblem::OffStep {
                code: "B.2".into(),
                value: Points::from_units(25_000),
                step: Points::from_whole(1)
            },
        ]
    );
    let dup = sheet(&[("A.1", v(2)), ("A.1", v(3))]);
    assert_eq!(
        dup.validate(&tree(), None).unwrap_err()[0].problem,
        SheetProblem::DuplicateCriterion { code: "A.1".into() }
    );
}

#[test]
fn partial_sheet_is_complete_for_its_scope_and_refuses_values_outside_it() {
    let scope = Scope::Criteria(vec!["A".into()]);
    let s = sheet(&[("A.2", ScoreValue::NotApplicable), ("A.1", v(3))]);
    assert_eq!(s.validate(&tree(), Some(&scope)), Ok(vec![]));
    assert_eq!(
        s.validate(&tree(), None),
        Ok(vec!["B.1".to_owned(), "B.2".to_owned()])
    );
    let outside = sheet(&[("B.1", v(3))]);
    assert_eq!(
        outside.validate(&tree(), Some(&scope)).unwrap_err()[0].problem,
        SheetProblem::OutsideScope { code: "B.1".into() }
    );
    let bad_scope = Scope::Criteria(vec!["Q".into()]);
    assert_eq!(
        s.validate(&tree(), Some(&bad_scope)).unwrap_err()[0].problem,
        SheetProblem::UnknownCriterion { code: "Q".into() }
    );
}
