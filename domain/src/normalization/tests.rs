//! Tests of `crate::normalization`.

use super::*;

#[test]
fn lenient_judge_is_mapped_onto_the_pooled_distribution() {
    let judges = [JudgeId(1), JudgeId(2)];
    let totals = vec![vec![60.0, 80.0], vec![70.0, 90.0]];
    let fits = fit(&judges, &totals, 2);
    // Pooled mean 75, pooled sd sqrt(125); judge 1: mean 70, sd 10.
    let a = 125f64.sqrt() / 10.0;
    assert_eq!(fits[0].status, CorrectionStatus::Applied);
    assert!((fits[0].a - a).abs() < 1e-12);
    assert!((fits[0].b - (75.0 - a * 70.0)).abs() < 1e-12);
    assert!((fits[0].apply(70.0).0 - 75.0).abs() < 1e-9);
    assert_eq!(fits[1].label, 2);
}

#[test]
fn judge_with_too_few_entries_or_no_spread_passes_unchanged() {
    let judges = [JudgeId(1), JudgeId(2)];
    let fits = fit(&judges, &[vec![50.0], vec![40.0, 40.0]], 2);
    assert_eq!(
        fits[0].status,
        CorrectionStatus::TooFewEntries {
            entries: 1,
            required: 2
        }
    );
    assert_eq!(fits[1].status, CorrectionStatus::ZeroSpread);
    assert_eq!(fits[1].apply(33.0), (33.0, false));
}

#[test]
fn corrected_value_is_clamped_and_reported() {
    let c = JudgeCorrection {
        judge: JudgeId(1),
        label: 1,
        entries: 3,
        mean: 50.0,
        sd: 5.0,
        a: 2.0,
        b: 10.0,
        status: CorrectionStatus::Applied,
        clamped_values: 0,
    };
    assert_eq!(c.apply(60.0), (100.0, true));
    assert_eq!(c.apply(20.0), (50.0, false));
}
