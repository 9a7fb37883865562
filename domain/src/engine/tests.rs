//! Tests of `crate::engine`.

use super::*;
use crate::criteria::{CriteriaTree, CriterionSpec, Scale};
use crate::explanation::{EntryExplanation, IncompleteReason, JudgeTotal};
use crate::ids::JudgeId;
use crate::sheet::Scope;
use crate::sheet::{ExclusionReason, ScopeError, ScoreValue, SheetProblem};
use crate::stage::NormalizationSpec;
use crate::stage::{Aggregation, StageSpec};
use crate::tie_break::TieBreak;
use proptest::prelude::*;

fn crit(
    code: &str,
    parent: Option<&str>,
    weight: u32,
    scale: Option<(i64, i64)>,
    optional: bool,
) -> CriterionSpec {
    CriterionSpec {
        code: code.into(),
        name: code.into(),
        parent: parent.map(Into::into),
        weight,
        scale: scale.map(|(min, max)| Scale {
            min: Points::from_whole(min),
            max: Points::from_whole(max),
            step: Some(Points::from_whole(1)),
        }),
        optional,
        guidance: None,
    }
}

/// A (60%): A.1 (50%, 1–5), A.2 (50%, 1–5, optional); B (40%): B.1 (0–100).
fn tree_specs() -> Vec<CriterionSpec> {
    vec![
        crit("A", None, 60, None, false),
        crit("A.1", Some("A"), 50, Some((1, 5)), false),
        crit("A.2", Some("A"), 50, Some((1, 5)), true),
        crit("B", None, 40, None, false),
        crit("B.1", Some("B"), 100, Some((0, 100)), false),
    ]
}

fn stage(code: &str, weight: u32, aggregation: Aggregation, quorum: u32) -> StageSpec {
    StageSpec {
        code: code.into(),
        name: code.into(),
        weight,
        criteria: CriteriaTree::new(tree_specs()).unwrap(),
        aggregation,
        quorum,
        shortlist: None,
        pass_threshold: None,
        normalization: None,
    }
}

fn single(aggregation: Aggregation, quorum: u32) -> CompetitionSpec {
    CompetitionSpec::new(vec![stage("S", 100, aggregation, quorum)], vec![]).unwrap()
}

fn v(x: i64) -> ScoreValue {
    ScoreValue::Value(Points::from_whole(x))
}

fn sheet(judge: u128, entry: u128, stage: &str, a1: ScoreValue, a2: ScoreValue, b1: i64) -> Sheet {
    Sheet {
        judge: JudgeId(judge),
        entry: EntryId(entry),
        stage: stage.into(),
        status: SheetStatus::Submitted,
        values: vec![
            ("A.1".into(), a1),
            ("A.2".into(), a2),
            ("B.1".into(), v(b1)),
        ],
    }
}

fn ids(n: u128) -> Vec<EntryId> {
    (1..=n).map(EntryId).collect()
}

#[test]
fn mean_scores_add_up_to_published_total_and_raw_points() {
    let sheets = vec![
        sheet(1, 1, "S", v(5), v(3), 80),
        sheet(2, 1, "S", v(3), v(3), 60),
    ];
    let r = compute(&single(Aggregation::Mean, 2), &ids(1), &sheets, &[]).unwrap();
    // A.1 mean 4 → 75; A.2 3 → 50; A = 62.5; B = 70; stage = 0.6·62.5 + 0.4·70 = 65.5.
    let e = &r.ranking[0];
    assert_eq!((e.rank, e.final_score), (1, Points::from_units(655_000)));
    assert_eq!(e.raw_points, Points::from_whole(4 + 3 + 70));
    let first = r.explanations().next().unwrap();
    let ex = &first.stages[0];
    let c: Vec<i64> = ex.criteria.iter().map(|c| c.contribution.units()).collect();
    assert_eq!(c, vec![375_000, 225_000, 150_000, 280_000, 280_000]);
    assert_eq!(ex.criteria[1].effective_weight, Points::from_whole(30));
    assert_eq!(
        ex.judges,
        vec![
            JudgeTotal {
                label: 1,
                total: Points::from_whole(77)
            },
            JudgeTotal {
                label: 2,
                total: Points::from_whole(54)
            }
        ]
    );
    assert_eq!(r.stages[0].judges, vec![JudgeId(1), JudgeId(2)]);
}

#[test]
fn trimmed_values_are_flagged_in_the_explanation() {
    let sheets = vec![
        sheet(1, 1, "S", v(5), v(3), 90),
        sheet(2, 1, "S", v(1), v(3), 10),
        sheet(3, 1, "S", v(3), v(3), 50),
    ];
    let r = compute(
        &single(Aggregation::TrimmedMean { k: 1 }, 3),
        &ids(1),
        &sheets,
        &[],
    )
    .unwrap();
    let first = r.explanations().next().unwrap();
    let ex = &first.stages[0];
    let trimmed: Vec<(u32, u32)> = ex
        .values
        .iter()
        .filter(|x| x.trimmed)
        .map(|x| (x.node, x.label))
        .collect();
    // A.1: Juri 2 (low) and Juri 1 (high); A.2 all equal: Juri 1 low, Juri 3 high; B.1 as A.1.
    assert_eq!(
        trimmed,
        vec![(1, 1), (1, 2), (2, 1), (2, 3), (4, 1), (4, 2)]
    );
    assert_eq!(r.ranking[0].final_score, Points::from_whole(50));
}

#[test]
fn majority_na_leaf_gives_its_weight_to_siblings() {
    let na = ScoreValue::NotApplicable;
    let sheets = vec![
        sheet(1, 1, "S", v(5), na, 50),
        sheet(2, 1, "S", v(5), na, 50),
        sheet(3, 1, "S", v(5), v(1), 50),
    ];
    let r = compute(&single(Aggregation::Mean, 3), &ids(1), &sheets, &[]).unwrap();
    let first = r.explanations().next().unwrap();
    let ex = &first.stages[0];
    assert!(ex.criteria[2].not_applicable);
    assert_eq!(ex.criteria[1].effective_weight, Points::from_whole(60));
    assert_eq!(r.ranking[0].final_score, Points::from_whole(80)); // 0.6·100 + 0.4·50
}

#[test]
fn entry_below_quorum_or_without_sheets_is_incomplete_not_ranked() {
    let sheets = vec![sheet(1, 1, "S", v(5), v(5), 50)];
    let r = compute(&single(Aggregation::Mean, 2), &ids(2), &sheets, &[]).unwrap();
    assert!(r.ranking.is_empty());
    assert_eq!(
        r.incomplete[0].reasons[0],
        IncompleteReason::BelowQuorum {
            criterion: "A.1".into(),
            judges: 1,
            quorum: 2
        }
    );
    assert_eq!(r.incomplete[1].reasons, vec![IncompleteReason::NoSheets]);
}

#[test]
fn drafts_incomplete_sheets_and_unregistered_entries_are_excluded_and_reported() {
    let mut draft = sheet(1, 1, "S", v(5), v(5), 50);
    draft.status = SheetStatus::Draft;
    let mut partial = sheet(2, 1, "S", v(5), v(5), 50);
    partial.values.pop();
    let stray = sheet(3, 9, "S", v(5), v(5), 50);
    let good = sheet(4, 1, "S", v(5), v(5), 50);
    let r = compute(
        &single(Aggregation::Mean, 1),
        &ids(1),
        &[draft, partial, stray, good],
        &[],
    )
    .unwrap();
    let reasons: Vec<_> = r
        .excluded_sheets
        .iter()
        .map(|x| (x.sheet.judge.0, x.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (1, ExclusionReason::Draft),
            (
                2,
                ExclusionReason::Incomplete {
                    missing: vec!["B.1".into()]
                }
            ),
            (3, ExclusionReason::EntryNotInStage),
        ]
    );
    assert_eq!(r.ranking[0].final_score, Points::from_whole(80));
}

#[test]
fn partial_scopes_combine_into_a_complete_panel() {
    let scopes = vec![
        JudgeScope {
            judge: JudgeId(1),
            stage: "S".into(),
            scope: Scope::Criteria(vec!["A".into()]),
        },
        JudgeScope {
            judge: JudgeId(2),
            stage: "S".into(),
            scope: Scope::Criteria(vec!["B.1".into()]),
        },
    ];
    let mut a = sheet(1, 1, "S", v(5), v(1), 0);
    a.values.pop();
    let b = Sheet {
        values: vec![("B.1".into(), v(25))],
        ..sheet(2, 1, "S", v(1), v(1), 0)
    };
    let r = compute(&single(Aggregation::Mean, 1), &ids(1), &[a, b], &scopes).unwrap();
    assert_eq!(r.ranking[0].final_score, Points::from_whole(40)); // 0.6·50 + 0.4·25
}

#[test]
fn invalid_sheets_and_scopes_are_refused_with_data() {
    let spec = single(Aggregation::Mean, 1);
    let bad_stage = sheet(1, 1, "X", v(5), v(5), 5);
    let dup = [
        sheet(1, 1, "S", v(5), v(5), 5),
        sheet(1, 1, "S", v(5), v(5), 5),
    ];
    let err = compute(
        &spec,
        &ids(1),
        &[
            bad_stage,
            dup[0].clone(),
            dup[1].clone(),
            sheet(2, 1, "S", v(9), v(5), 5),
        ],
        &[],
    )
    .unwrap_err();
    let EngineError::InvalidSheets(errs) = err else {
        panic!("expected sheet errors")
    };
    let problems: Vec<_> = errs.iter().map(|e| e.problem.clone()).collect();
    assert_eq!(
        problems,
        vec![
            SheetProblem::UnknownStage,
            SheetProblem::DuplicateSheet,
            SheetProblem::OutOfScale {
                code: "A.1".into(),
                value: Points::from_whole(9),
                min: Points::from_whole(1),
                max: Points::from_whole(5)
            },
        ]
    );
    let scope = |stage: &str, codes: &[&str]| JudgeScope {
        judge: JudgeId(1),
        stage: stage.into(),
        scope: Scope::Criteria(codes.iter().map(|c| (*c).to_owned()).collect()),
    };
    let err = compute(
        &spec,
        &ids(1),
        &[],
        &[
            scope("X", &[]),
            scope("S", &["Q"]),
            scope("S", &["A"]),
            scope("S", &["B"]),
        ],
    )
    .unwrap_err();
    assert_eq!(
        err,
        EngineError::InvalidScopes(vec![
            ScopeError::UnknownStage {
                judge: JudgeId(1),
                stage: "X".into()
            },
            ScopeError::UnknownCriterion {
                judge: JudgeId(1),
                stage: "S".into(),
                code: "Q".into()
            },
            ScopeError::DuplicateScope {
                judge: JudgeId(1),
                stage: "S".into()
            },
        ])
    );
    assert_eq!(
        preview_stage(&spec, "Q", &[], &[], &[]).unwrap_err(),
        EngineError::UnknownStage("Q".into())
    );
}

fn funnel() -> CompetitionSpec {
    let mut docs = stage("DOC", 0, Aggregation::Mean, 1);
    docs.shortlist = Some(2);
    let talk = stage("TALK", 100, Aggregation::Mean, 1);
    CompetitionSpec::new(
        vec![docs, talk],
        vec![TieBreak::CriterionScore {
            stage: "TALK".into(),
            code: "B".into(),
        }],
    )
    .unwrap()
}

#[test]
fn funnel_ranks_finalists_above_eliminated_by_stage_reached() {
    let sheets = vec![
        sheet(1, 1, "DOC", v(5), v(5), 90),
        sheet(1, 2, "DOC", v(5), v(5), 80),
        sheet(1, 3, "DOC", v(5), v(5), 70),
        sheet(1, 4, "DOC", v(5), v(5), 70),
        sheet(1, 3, "TALK", v(5), v(5), 100), // eliminated entry: excluded
        sheet(1, 1, "TALK", v(1), v(5), 0),
        sheet(1, 2, "TALK", v(5), v(1), 0),
    ];
    let r = compute(&funnel(), &ids(4), &sheets, &[]).unwrap();
    let got: Vec<_> = r
        .ranking
        .iter()
        .map(|x| {
            (
                x.entry.0,
                x.rank,
                x.final_score.units(),
                x.status.clone(),
                x.decided_by.clone(),
            )
        })
        .collect();
    let elim = EntryStatus::Eliminated {
        stage: "DOC".into(),
    };
    assert_eq!(
        got,
        vec![
            (1, 1, 300_000, EntryStatus::Ranked, None),
            (2, 1, 300_000, EntryStatus::Ranked, None),
            (3, 3, 0, elim.clone(), None),
            (4, 3, 0, elim, None),
        ]
    );
    assert_eq!(r.stages[0].advanced, vec![EntryId(1), EntryId(2)]);
    assert_eq!(
        r.excluded_sheets[0].reason,
        ExclusionReason::EntryNotInStage
    );
    let preview = preview_stage(&funnel(), "DOC", &ids(4), &sheets[..4], &[]).unwrap();
    assert_eq!(
        preview.standings.iter().map(|s| s.rank).collect::<Vec<_>>(),
        vec![1, 2, 3, 3]
    );
}

#[test]
fn tie_break_on_criterion_decides_and_is_named() {
    let sheets = vec![
        sheet(1, 1, "DOC", v(5), v(5), 90),
        sheet(1, 2, "DOC", v(5), v(5), 80),
        sheet(1, 3, "DOC", v(1), v(1), 10),
        sheet(1, 1, "TALK", v(5), v(5), 0), // 0.6·100 + 0.4·0 = 60
        sheet(1, 2, "TALK", v(3), v(3), 75), // 0.6·50 + 0.4·75 = 60, higher B
    ];
    let r = compute(&funnel(), &ids(3), &sheets, &[]).unwrap();
    let got: Vec<_> = r
        .ranking
        .iter()
        .map(|x| (x.entry.0, x.rank, x.decided_by.clone()))
        .collect();
    let by_b = TieBreak::CriterionScore {
        stage: "TALK".into(),
        code: "B".into(),
    };
    assert_eq!(got, vec![(2, 1, None), (1, 2, Some(by_b)), (3, 3, None)]);
    assert_eq!(r.ranking[0].final_score, Points::from_whole(60));
}

#[test]
fn eliminated_entries_tied_on_partial_score_are_split_by_their_stage_score() {
    let sheets = vec![
        sheet(1, 1, "DOC", v(5), v(5), 90),
        sheet(1, 2, "DOC", v(5), v(5), 80),
        sheet(1, 3, "DOC", v(1), v(1), 10),
        sheet(1, 4, "DOC", v(1), v(1), 20),
    ];
    let r = compute(&funnel(), &ids(4), &sheets, &[]).unwrap();
    let got: Vec<_> = r
        .ranking
        .iter()
        .map(|x| (x.entry.0, x.rank, x.decided_by.clone()))
        .collect();
    let by_doc = TieBreak::StageScore {
        stage: "DOC".into(),
    };
    assert_eq!(got, vec![(4, 1, None), (3, 2, Some(by_doc))]);
    assert_eq!(
        r.incomplete
            .iter()
            .map(|x| (x.entry.0, x.stage.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "TALK"), (2, "TALK")]
    );
}

#[test]
fn normalization_reports_each_judge_correction() {
    let mut spec_stage = stage("S", 100, Aggregation::Mean, 2);
    spec_stage.normalization = Some(NormalizationSpec {
        min_entries_per_judge: 3,
    });
    let spec = CompetitionSpec::new(vec![spec_stage], vec![]).unwrap();
    let sheets = vec![
        sheet(1, 1, "S", v(5), v(5), 90),
        sheet(1, 2, "S", v(3), v(3), 50),
        sheet(2, 1, "S", v(3), v(3), 60),
        sheet(2, 2, "S", v(2), v(2), 40),
    ];
    let r = compute(&spec, &ids(2), &sheets, &[]).unwrap();
    let statuses: Vec<_> = r.stages[0].corrections.iter().map(|c| c.status).collect();
    let few = crate::normalization::CorrectionStatus::TooFewEntries {
        entries: 2,
        required: 3,
    };
    assert_eq!(statuses, vec![few, few]);
}

#[test]
fn explanation_is_materialized_per_entry_and_matches_the_published_result() {
    let sheets = vec![
        sheet(1, 1, "DOC", v(5), v(5), 90),
        sheet(2, 1, "DOC", v(4), ScoreValue::NotApplicable, 70),
        sheet(1, 2, "DOC", v(5), v(5), 80),
        sheet(1, 3, "DOC", v(1), v(1), 10),
        sheet(1, 1, "TALK", v(5), v(5), 0),
    ];
    let r = compute(&funnel(), &ids(4), &sheets, &[]).unwrap();
    assert_eq!(r.explanation(EntryId(9)), None);
    let all: Vec<EntryExplanation> = r.explanations().collect();
    assert_eq!(
        all.iter().map(|x| x.entry.0).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    for x in &all {
        assert_eq!(r.explanation(x.entry).as_ref(), Some(x));
    }
    // Entry 1 reached both stages; its DOC trail has both judges' answers, by leaf then judge.
    let one = &all[0];
    assert_eq!(
        one.stages
            .iter()
            .map(|s| s.stage.as_str())
            .collect::<Vec<_>>(),
        vec!["DOC", "TALK"]
    );
    let doc = &one.stages[0];
    assert_eq!(
        doc.values
            .iter()
            .map(|x| (x.node, x.label))
            .collect::<Vec<_>>(),
        vec![(1, 1), (1, 2), (2, 1), (2, 2), (4, 1), (4, 2)]
    );
    assert_eq!(doc.values[3].value, ScoreValue::NotApplicable);
    assert_eq!(doc.values[3].scored, None);
    assert_eq!(doc.values[1].scored, Some(Points::from_whole(75)));
    let ranked = r.ranking.iter().find(|x| x.entry == EntryId(1)).unwrap();
    assert_eq!(doc.score, Some(ranked.stage_scores[0].score));
    assert_eq!(doc.raw_points, Some(ranked.stage_scores[0].raw_points));
    // Entry 4 had no sheet at all: its one stage says so; entry 2 was not scored in TALK.
    assert_eq!(all[3].stages.len(), 1);
    assert_eq!(
        all[3].stages[0].incomplete,
        vec![IncompleteReason::NoSheets]
    );
    let two_talk = &all[1].stages[1];
    assert_eq!(two_talk.incomplete, vec![IncompleteReason::NoSheets]);
    assert_eq!(
        r.incomplete
            .iter()
            .map(|x| (x.entry.0, x.reasons.clone()))
            .collect::<Vec<_>>(),
        vec![
            (2, vec![IncompleteReason::NoSheets]),
            (4, vec![IncompleteReason::NoSheets])
        ]
    );
    let trail = &r.trail.stages()[0];
    assert_eq!(trail.stage(), "DOC");
    assert_eq!(trail.cells(), 4 * 3);
    assert_eq!(trail.explain(EntryId(3)), Some(all[2].stages[0].clone()));
}

fn random_sheets(values: &[(u8, u8, u8)], judges: u128) -> Vec<Sheet> {
    values
        .iter()
        .enumerate()
        .map(|(i, &(a, b, c))| {
            let i = u128::try_from(i).unwrap();
            sheet(
                i % judges + 1,
                i / judges + 1,
                "S",
                v(i64::from(a % 5) + 1),
                v(i64::from(b % 5) + 1),
                i64::from(c % 101),
            )
        })
        .collect()
}

fn chain_spec(normalize: bool) -> CompetitionSpec {
    let mut s = stage("S", 100, Aggregation::Median, 3);
    if normalize {
        s.normalization = Some(NormalizationSpec {
            min_entries_per_judge: 2,
        });
    }
    CompetitionSpec::new(
        vec![s],
        vec![
            TieBreak::CriterionScore {
                stage: "S".into(),
                code: "A".into(),
            },
            TieBreak::SmallerJudgeSpread { stage: "S".into() },
        ],
    )
    .unwrap()
}

proptest! {
    #[test]
    fn any_input_order_gives_identical_result(values in prop::collection::vec((0u8..5, 0u8..5, 0u8..101), 3..60), seed in any::<u64>(), normalize in any::<bool>()) {
        let mut sheets = random_sheets(&values, 3);
        let entries = ids(20);
        let first = compute(&chain_spec(normalize), &entries, &sheets, &[]).unwrap();
        let mut specs = tree_specs();
        let mut x = seed;
        let mut next = || { x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1); usize::try_from(x >> 33).unwrap() };
        for i in (1..sheets.len()).rev() { let j = next() % (i + 1); sheets.swap(i, j); }
        for s in &mut sheets { s.values.reverse(); }
        for i in (1..specs.len()).rev() { let j = next() % (i + 1); specs.swap(i, j); }
        let mut st = stage("S", 100, Aggregation::Median, 3);
        st.criteria = CriteriaTree::new(specs).unwrap();
        st.normalization = chain_spec(normalize).stages()[0].normalization;
        let spec = CompetitionSpec::new(vec![st], chain_spec(false).tie_breaks().to_vec()).unwrap();
        let mut shuffled_entries = entries.clone();
        shuffled_entries.reverse();
        let second = compute(&spec, &shuffled_entries, &sheets, &[]).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn breakdown_and_stage_shares_add_up_exactly(values in prop::collection::vec((0u8..5, 0u8..5, 0u8..101), 3..60), normalize in any::<bool>()) {
        let r = compute(&chain_spec(normalize), &ids(20), &random_sheets(&values, 3), &[]).unwrap();
        for ex in r.explanations() {
            for st in ex.stages.iter().filter(|s| s.score.is_some()) {
                let spec = chain_spec(false);
                let tree = &spec.stages()[0].criteria;
                let leaves: i64 = st.criteria.iter().filter(|c| tree.node(usize::try_from(c.node).unwrap()).unwrap().leaf_index.is_some()).map(|c| c.contribution.units()).sum();
                let aspects: i64 = st.criteria.iter().filter(|c| tree.node(usize::try_from(c.node).unwrap()).unwrap().depth == 0).map(|c| c.contribution.units()).sum();
                prop_assert_eq!(Some(leaves), st.score.map(Points::units));
                prop_assert_eq!(Some(aspects), st.score.map(Points::units));
            }
        }
        for e in &r.ranking {
            let shares: i64 = e.stage_scores.iter().map(|s| s.weighted.units()).sum();
            prop_assert_eq!(shares, e.final_score.units());
        }
    }

    #[test]
    fn ranks_agree_with_scores_and_tie_breaks(values in prop::collection::vec((0u8..2, 0u8..2, 0u8..3), 3..90)) {
        let r = compute(&chain_spec(false), &ids(30), &random_sheets(&values, 3), &[]).unwrap();
        let keys = |e: EntryId| {
            let ex = r.explanation(e).unwrap();
            let st = &ex.stages[0];
            (st.criteria[0].panel_score, st.judges.iter().map(|j| j.total).collect::<Vec<_>>())
        };
        for w in r.ranking.windows(2) {
            prop_assert!(w[0].final_score >= w[1].final_score);
            prop_assert!(w[0].rank <= w[1].rank);
            if w[0].rank == w[1].rank {
                prop_assert_eq!(w[0].final_score, w[1].final_score);
                prop_assert_eq!(keys(w[0].entry).0, keys(w[1].entry).0);
            }
            if w[0].final_score > w[1].final_score {
                prop_assert!(w[0].rank < w[1].rank);
                prop_assert_eq!(w[1].decided_by.clone(), None);
            }
        }
    }

    #[test]
    fn improving_one_entry_never_lowers_its_rank(values in prop::collection::vec((0u8..5, 0u8..5, 0u8..101), 30..60), pick in 0usize..30) {
        let mut sheets = random_sheets(&values, 3);
        let spec = CompetitionSpec::new(vec![stage("S", 100, Aggregation::Mean, 3)], vec![]).unwrap();
        let before = compute(&spec, &ids(20), &sheets, &[]).unwrap();
        let target = sheets[pick % sheets.len()].entry;
        let rank_of = |r: &CompetitionResult| r.ranking.iter().find(|x| x.entry == target).map(|x| x.rank);
        for s in sheets.iter_mut().filter(|s| s.entry == target) {
            s.values[2].1 = v(100);
            s.values[0].1 = v(5);
        }
        let after = compute(&spec, &ids(20), &sheets, &[]).unwrap();
        if let (Some(b), Some(a)) = (rank_of(&before), rank_of(&after)) {
            prop_assert!(a <= b, "rank went from {} to {}", b, a);
        }
    }
}
