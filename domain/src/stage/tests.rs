//! Tests of `crate::stage`.

use super::*;
use crate::criteria::{CriterionSpec, Scale};

pub(crate) fn one_leaf_tree() -> CriteriaTree {
    CriteriaTree::new(vec![CriterionSpec {
        code: "A".into(),
        name: "A".into(),
        parent: None,
        weight: 100,
        scale: Some(Scale {
            min: Points::ZERO,
            max: Points::from_whole(100),
            step: None,
        }),
        optional: false,
        guidance: None,
    }])
    .unwrap()
}

fn stage(code: &str, weight: u32) -> StageSpec {
    StageSpec {
        code: code.into(),
        name: code.into(),
        weight,
        criteria: one_leaf_tree(),
        aggregation: Aggregation::Mean,
        quorum: 1,
        shortlist: None,
        pass_threshold: None,
        normalization: None,
    }
}

#[test]
fn normalize_weights_keeps_proportions_and_sums_to_100() {
    assert_eq!(normalize_weights(&[40, 40, 50]), Ok(vec![31, 31, 38]));
    assert_eq!(normalize_weights(&[1, 1, 1]), Ok(vec![34, 33, 33]));
    assert_eq!(
        normalize_weights(&[0, 0]),
        Err(WeightNormalizationError::ZeroTotal)
    );
}

#[test]
fn spec_refuses_every_problem_at_once() {
    let mut a = stage("A", 50);
    a.quorum = 0;
    let mut b = stage("A", 40);
    b.aggregation = Aggregation::TrimmedMean { k: 1 };
    b.quorum = 2;
    b.shortlist = Some(0);
    b.pass_threshold = Some(Points::from_whole(101));
    b.normalization = Some(NormalizationSpec {
        min_entries_per_judge: 1,
    });
    let errs = CompetitionSpec::new(
        vec![a, b],
        vec![
            TieBreak::StageScore { stage: "Z".into() },
            TieBreak::CriterionScore {
                stage: "A".into(),
                code: "Q".into(),
            },
        ],
    )
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            SpecError::QuorumZero { stage: "A".into() },
            SpecError::DuplicateStage { stage: "A".into() },
            SpecError::QuorumTooSmallForTrim {
                stage: "A".into(),
                k: 1,
                quorum: 2
            },
            SpecError::EmptyShortlist { stage: "A".into() },
            SpecError::ThresholdOutOfRange {
                stage: "A".into(),
                threshold: Points::from_whole(101)
            },
            SpecError::NormalizationNeedsTwoEntries { stage: "A".into() },
            SpecError::StageWeightsDoNotSumTo100 { actual: 90 },
            SpecError::UnknownTieBreakStage { stage: "Z".into() },
            SpecError::UnknownTieBreakCriterion {
                stage: "A".into(),
                code: "Q".into()
            },
        ]
    );
    assert_eq!(
        CompetitionSpec::new(vec![], vec![]).unwrap_err(),
        vec![SpecError::NoStages]
    );
}

#[test]
fn spec_accepts_gate_only_stage() {
    let spec = CompetitionSpec::new(vec![stage("A", 0), stage("B", 100)], vec![]).unwrap();
    assert_eq!(spec.stage_index("B"), Some(1));
}

#[test]
fn a_spec_reads_back_from_json_and_is_validated_again() {
    let spec = CompetitionSpec::new(vec![stage("ADM", 40), stage("LAP", 60)], vec![]).unwrap();
    let json = serde_json::to_string(&spec).unwrap();
    let back: CompetitionSpec = serde_json::from_str(&json).unwrap();
    assert_eq!(back, spec);
    // A tampered file whose stage weights no longer sum to 100 is refused, not trusted.
    let tampered = json.replacen("\"weight\":60", "\"weight\":70", 1);
    assert_ne!(tampered, json);
    let err = serde_json::from_str::<CompetitionSpec>(&tampered).unwrap_err();
    assert!(
        err.to_string().contains("StageWeightsDoNotSumTo100"),
        "{err}"
    );
}
