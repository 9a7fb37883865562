//! Tests of `crate::statistics`.

use super::*;
use proptest::prelude::*;

fn sheet(entry: u128, judge: u128, total: f64) -> SheetTotal {
    let (entry, judge) = (EntryId(entry), JudgeId(judge));
    SheetTotal {
        entry,
        judge,
        total,
    }
}

/// Sheets from a targets × judges matrix; entry ids 1.., judge ids 1...
fn sheets(rows: &[&[f64]]) -> Vec<SheetTotal> {
    let mut out = Vec::new();
    for (e, row) in (1u128..).zip(rows) {
        out.extend((1u128..).zip(row.iter()).map(|(j, x)| sheet(e, j, *x)));
    }
    out
}

/// 3 judges rank 4 entries: judge 1: 1 2 3 4, judge 2: 2 1 3 4, judge 3: 1 3 2 4.
const NO_TIES: [&[f64]; 4] = [
    &[10., 20., 10.],
    &[20., 10., 30.],
    &[30., 30., 20.],
    &[40.; 3],
];
/// The same, but judge 3 ties entries 2 and 3 (equal at the published precision of 1e-4).
const TIES: [&[f64]; 4] = [
    &[10., 20., 10.],
    &[20., 10., 25.],
    &[30., 30., 25.000_01],
    &[40.; 3],
];

fn scores(rows: &[&[f64]]) -> StageScores {
    StageScores::new(&sheets(rows)).unwrap()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges.
const SHROUT_FLEISS: [&[f64]; 6] = [
    &[9.0, 2.0, 5.0, 8.0],
    &[6.0, 1.0, 3.0, 2.0],
    &[8.0, 4.0, 6.0, 8.0],
    &[7.0, 1.0, 2.0, 6.0],
    &[10.0, 5.0, 6.0, 9.0],
    &[6.0, 2.0, 4.0, 7.0],
];

#[test]
fn icc_matches_shrout_and_fleiss_table_2() {
    let icc = scores(&SHROUT_FLEISS).icc().unwrap();
    // Exact mean squares (rational arithmetic): BMS 1349/120, JMS 2339/72, EMS 367/360,
    // WMS 451/72 — published as 11.24, 32.49, 1.02, 6.26.
    let ms = icc.mean_squares;
    assert!(close(ms.between_targets, 1349.0 / 120.0, 1e-9));
    assert!(close(ms.between_judges, 2339.0 / 72.0, 1e-9));
    assert!(close(ms.residual, 367.0 / 360.0, 1e-9));
    assert!(close(ms.within_targets, 451.0 / 72.0, 1e-9));
    let cases = [
        (icc.icc_1_1, 448.0 / 2703.0, 0.17),
        (icc.icc_2_1, 184.0 / 635.0, 0.29),
        (icc.icc_3_1, 920.0 / 1287.0, 0.71),
        (icc.icc_1_k, 1792.0 / 4047.0, 0.44),
        (icc.icc_2_k, 736.0 / 1187.0, 0.62),
        (icc.icc_3_k, 3680.0 / 4047.0, 0.91),
    ];
    for (value, exact, published) in cases {
        let v = value.unwrap();
        assert!(close(v, exact, 1e-9), "{v} vs {exact}");
        assert!(
            close((v * 100.0).round() / 100.0, published, 1e-12),
            "{v} vs {published}"
        );
    }
    assert_eq!((icc.targets, icc.judges, icc.excluded_entries), (6, 4, 0));
}

#[test]
fn kendall_w_worked_examples() {
    // NO_TIES: R = (4, 6, 8, 12), mean m(n+1)/2 = 7.5, S = 12.25+2.25+0.25+20.25 = 35,
    // W = 12·35 / (9·60) = 7/9, χ² = m(n−1)W = 3·3·7/9 = 7 with 3 df.
    let k = scores(&NO_TIES).kendall_w().unwrap();
    assert!(close(k.w, 7.0 / 9.0, 1e-9));
    assert!(close(k.chi_square, 7.0, 1e-9));
    assert_eq!((k.degrees_of_freedom, k.judges, k.entries), (3, 3, 4));
    // TIES: judge 3 ranks 1, 2.5, 2.5, 4, so T = 2³−2 = 6:
    // R = (4, 5.5, 8.5, 12), S = 12.25+4+1+20.25 = 37.5, W = 450 / (540 − 3·6) = 25/29.
    let k = scores(&TIES).kendall_w().unwrap();
    assert!(close(k.w, 25.0 / 29.0, 1e-9));
}

#[test]
fn incomplete_design_uses_entries_scored_by_every_judge() {
    let mut s = sheets(&NO_TIES);
    // Entry 5 is scored by judges 1 and 2 only: excluded from W and ICC, used elsewhere.
    s.extend([sheet(5, 1, 0.0), sheet(5, 2, 90.0)]);
    let stage = StageScores::new(&s).unwrap();
    let k = stage.kendall_w().unwrap();
    assert!(close(k.w, 7.0 / 9.0, 1e-9));
    assert_eq!(k.excluded_entries, 1);
    assert_eq!(stage.complete_block().excluded_entries, vec![EntryId(5)]);
    assert_eq!(stage.icc().unwrap().excluded_entries, 1);
    let spreads = stage.report(OutlierRule::AbsolutePoints(15.0)).spreads;
    assert_eq!(spreads[0].entry, EntryId(5));
    assert!(close(spreads[0].range, 90.0, 0.0));
}

#[test]
fn degenerate_cases_are_not_computable() {
    let one_judge = scores(&[&[80.0], &[70.0]]);
    assert_eq!(
        one_judge.kendall_w(),
        Err(NotComputable::TooFewJudges { judges: 1 })
    );
    assert_eq!(
        one_judge.icc(),
        Err(NotComputable::TooFewJudges { judges: 1 })
    );
    assert_eq!(one_judge.leniency()[0].leniency, None);
    assert_eq!(one_judge.spreads()[0].std_dev, None);
    let one_entry = scores(&[&[80.0, 70.0]]);
    assert_eq!(
        one_entry.kendall_w(),
        Err(NotComputable::TooFewEntries { entries: 1 })
    );
    let flat = scores(&[&[0.1, 0.1, 0.1], &[0.1, 0.1, 0.1]]);
    assert_eq!(flat.kendall_w(), Err(NotComputable::NoVariation));
    assert_eq!(flat.icc(), Err(NotComputable::NoVariation));
    // Row and column means equal but cells differ: the ICC(2,1) denominator is 0.
    let icc = scores(&[&[1.0, 0.0], &[0.0, 1.0]]).icc().unwrap();
    assert_eq!(icc.icc_2_1, None);
    assert_eq!(
        StageScores::new(&[]).unwrap().kendall_w(),
        Err(NotComputable::TooFewJudges { judges: 0 })
    );
}

#[test]
fn refuses_bad_input() {
    let mut s = sheets(&[&[1.0, 2.0]]);
    s.push(s[0]);
    let (entry, judge) = (EntryId(1), JudgeId(1));
    assert_eq!(
        StageScores::new(&s),
        Err(StatisticsError::DuplicateSheet { entry, judge })
    );
    let nan = [sheet(1, 1, f64::NAN)];
    assert_eq!(
        StageScores::new(&nan),
        Err(StatisticsError::NonFiniteTotal { entry, judge })
    );
}

#[test]
fn outliers_spread_and_disagreement_order() {
    let stage = scores(&[
        &[80.0, 82.0, 78.0, 50.0],
        &[70.0, 71.0, 69.0, 70.0],
        &[60.0, 60.0, 60.0, 62.0],
    ]);
    let flagged = stage.outlying_sheets(OutlierRule::AbsolutePoints(15.0));
    assert_eq!(flagged.len(), 1);
    let o = flagged[0];
    assert_eq!((o.judge, o.entry, o.others), (JudgeId(4), EntryId(1), 3));
    assert!(close(o.deviation, -30.0, 1e-12) && close(o.z_score.unwrap(), -15.0, 1e-12));
    // Entry 3's other judges agree exactly: no z-score, so the z rule skips judge 4 there.
    let z = stage.outlying_sheets(OutlierRule::ZScore(3.0));
    assert_eq!(
        z.iter().map(|o| (o.judge, o.entry)).collect::<Vec<_>>(),
        vec![(JudgeId(4), EntryId(1))]
    );
    let order: Vec<_> = stage
        .report(OutlierRule::ZScore(3.0))
        .spreads
        .iter()
        .map(|s| s.entry)
        .collect();
    assert_eq!(order, vec![EntryId(1), EntryId(3), EntryId(2)]);
    let s = stage.spreads()[1];
    assert!(close(s.range, 2.0, 0.0) && close(s.std_dev.unwrap(), (2.0_f64 / 3.0).sqrt(), 1e-12));
}

/// A panel of 2–5 judges on 2–8 entries, totals on a coarse grid so that ties happen.
fn panel() -> impl Strategy<Value = Vec<Vec<f64>>> {
    (2usize..=5, 2usize..=8).prop_flat_map(|(m, n)| {
        prop::collection::vec(
            prop::collection::vec((0u32..=40).prop_map(|x| f64::from(x) * 2.5), m),
            n,
        )
    })
}

fn as_rows(rows: &[Vec<f64>]) -> Vec<&[f64]> {
    rows.iter().map(Vec::as_slice).collect()
}

proptest! {
    #[test]
    fn order_of_sheets_changes_nothing(
        (original, shuffled) in panel().prop_flat_map(|rows| {
            let s = sheets(&as_rows(&rows));
            (Just(s.clone()), Just(s).prop_shuffle())
        }),
    ) {
        let rule = OutlierRule::AbsolutePoints(15.0);
        let a = StageScores::new(&original).unwrap().report(rule);
        prop_assert_eq!(a, StageScores::new(&shuffled).unwrap().report(rule));
    }

    #[test]
    fn w_is_between_zero_and_one(rows in panel()) {
        if let Ok(k) = scores(&as_rows(&rows)).kendall_w() {
            prop_assert!((0.0..=1.0).contains(&k.w));
        }
    }

    #[test]
    fn identical_judges_agree_perfectly(rows in panel()) {
        // Every judge copies judge 1's column.
        let copied: Vec<Vec<f64>> = rows.iter().map(|r| vec![r[0]; r.len()]).collect();
        let stage = scores(&as_rows(&copied));
        match stage.kendall_w() {
            Ok(k) => prop_assert!(close(k.w, 1.0, 1e-12)),
            Err(e) => prop_assert_eq!(e, NotComputable::NoVariation),
        }
        if let Ok(icc) = stage.icc() {
            prop_assert!(close(icc.icc_2_1.unwrap(), 1.0, 1e-9));
        }
    }

    #[test]
    fn a_judge_adding_c_is_lenient_by_c(rows in panel(), c in -20.0f64..20.0) {
        // All judges give judge 1's totals, except the last who adds c.
        let m = rows[0].len();
        let shifted: Vec<Vec<f64>> = rows
            .iter()
            .map(|r| (0..m).map(|j| if j + 1 == m { r[0] + c } else { r[0] }).collect())
            .collect();
        let leniency = scores(&as_rows(&shifted)).leniency();
        let others = -c / real(m - 1);
        for (j, l) in leniency.iter().enumerate() {
            let expected = if j + 1 == m { c } else { others };
            prop_assert!(close(l.leniency.unwrap(), expected, 1e-9));
            prop_assert_eq!(l.shared_entries, count(rows.len()));
        }
    }
}
