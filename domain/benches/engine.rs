//! Scoring-engine benchmarks: a national-scale single stage (83,762 entries × 3 judges × 30
//! leaves ≈ 7.5 M scores) and a provincial two-stage funnel (500 entries, 5 judges, documents
//! shortlist 10 → presentation). Data comes from a tiny LCG so every run scores the same input.
//!
//! Each case has a `bare_pass` twin: one plain pass over the same `Sheet`s adding up each
//! entry's weighted sum (leaf weights by position, no validation, no aggregation, no trail) —
//! the floor any engine reading this input pays. BENCHMARKS.md reports the engine's ratio.

use criterion::{Criterion, criterion_group, criterion_main};
use juara_domain::criteria::{CriteriaTree, CriterionSpec, Scale};
use juara_domain::engine::compute;
use juara_domain::sheet::{ScoreValue, Sheet, SheetStatus};
use juara_domain::stage::{Aggregation, CompetitionSpec, StageSpec};
use juara_domain::tie_break::TieBreak;
use juara_domain::{EntryId, JudgeId, Points};
use std::hint::black_box;

/// Numerical Recipes LCG; plenty for synthetic scores.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: u64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        i64::try_from((self.0 >> 33) % bound).unwrap_or(0)
    }
}

const ASPECT_WEIGHTS: [u32; 5] = [30, 20, 20, 15, 15];
const LEAF_WEIGHTS: [u32; 6] = [20, 20, 15, 15, 15, 15];

/// Each leaf's overall weight (aspect × leaf, in hundredths of a percent), in tree order.
fn leaf_weights() -> Vec<i64> {
    ASPECT_WEIGHTS
        .iter()
        .flat_map(|&a| LEAF_WEIGHTS.iter().map(move |&l| i64::from(a * l)))
        .collect()
}

/// The baseline: every entry's weighted sum over all its sheets' values, in one pass.
fn bare_pass(weights: &[i64], entries: usize, input: &[Sheet]) -> Vec<i64> {
    let mut totals = vec![0_i64; entries + 1];
    for sheet in input {
        let mut sum = 0;
        for ((_, value), w) in sheet.values.iter().zip(weights) {
            if let ScoreValue::Value(p) = value {
                sum += w * p.units();
            }
        }
        let slot = usize::try_from(sheet.entry.0).unwrap_or(0);
        if let Some(t) = totals.get_mut(slot) {
            *t += sum;
        }
    }
    totals
}

/// 5 aspects × 6 leaves, scale 1–5 step 1.
fn tree() -> (CriteriaTree, Vec<String>) {
    let mut specs = Vec::new();
    let mut leaves = Vec::new();
    for (a, &aw) in ASPECT_WEIGHTS.iter().enumerate() {
        let aspect = char::from(b'A' + u8::try_from(a).unwrap_or(0)).to_string();
        specs.push(CriterionSpec {
            code: aspect.clone(),
            name: aspect.clone(),
            parent: None,
            weight: aw,
            scale: None,
            optional: false,
            guidance: None,
        });
        for (l, &lw) in LEAF_WEIGHTS.iter().enumerate() {
            let code = format!("{aspect}.{}", l + 1);
            leaves.push(code.clone());
            specs.push(CriterionSpec {
                code: code.clone(),
                name: code,
                parent: Some(aspect.clone()),
                weight: lw,
                scale: Some(Scale {
                    min: Points::from_whole(1),
                    max: Points::from_whole(5),
                    step: Some(Points::from_whole(1)),
                }),
                optional: false,
                guidance: None,
            });
        }
    }
    (
        CriteriaTree::new(specs).unwrap_or_else(|_| unreachable!()),
        leaves,
    )
}

fn stage(
    code: &str,
    weight: u32,
    shortlist: Option<u32>,
    aggregation: Aggregation,
    quorum: u32,
) -> StageSpec {
    StageSpec {
        code: code.into(),
        name: code.into(),
        weight,
        criteria: tree().0,
        aggregation,
        quorum,
        shortlist,
        pass_threshold: None,
        normalization: None,
    }
}

fn sheets(stage: &str, entries: u128, judges: u128, rng: &mut Lcg) -> Vec<Sheet> {
    let leaves = tree().1;
    let mut out = Vec::with_capacity(usize::try_from(entries * judges).unwrap_or(0));
    for e in 1..=entries {
        let quality = rng.next(3);
        for j in 1..=judges {
            let values = leaves
                .iter()
                .map(|c| {
                    (
                        c.clone(),
                        ScoreValue::Value(Points::from_whole(1 + (quality + rng.next(3)).min(4))),
                    )
                })
                .collect();
            out.push(Sheet {
                judge: JudgeId(j),
                entry: EntryId(e),
                stage: stage.into(),
                status: SheetStatus::Submitted,
                values,
            });
        }
    }
    out
}

fn national(c: &mut Criterion) {
    let spec = CompetitionSpec::new(
        vec![stage("NAS", 100, None, Aggregation::Mean, 3)],
        vec![TieBreak::SmallerJudgeSpread {
            stage: "NAS".into(),
        }],
    )
    .unwrap_or_else(|_| unreachable!());
    let entries: Vec<EntryId> = (1..=83_762).map(EntryId).collect();
    let input = sheets("NAS", 83_762, 3, &mut Lcg(7));
    let mut group = c.benchmark_group("engine");
    group.sample_size(10);
    group.bench_function("national_83762x3x30", |b| {
        b.iter(|| compute(black_box(&spec), &entries, black_box(&input), &[]))
    });
    let weights = leaf_weights();
    group.bench_function("national_83762x3x30_bare_pass", |b| {
        b.iter(|| bare_pass(&weights, entries.len(), black_box(&input)))
    });
    group.finish();
}

fn provincial(c: &mut Criterion) {
    let spec = CompetitionSpec::new(
        vec![
            stage("DOC", 40, Some(10), Aggregation::TrimmedMean { k: 1 }, 5),
            stage("TALK", 60, None, Aggregation::Median, 5),
        ],
        vec![
            TieBreak::StageScore {
                stage: "TALK".into(),
            },
            TieBreak::CriterionScore {
                stage: "DOC".into(),
                code: "A".into(),
            },
        ],
    )
    .unwrap_or_else(|_| unreachable!());
    let entries: Vec<EntryId> = (1..=500).map(EntryId).collect();
    let mut rng = Lcg(11);
    let mut input = sheets("DOC", 500, 5, &mut rng);
    input.extend(sheets("TALK", 500, 5, &mut rng));
    c.bench_function("provincial_500x5_two_stage", |b| {
        b.iter(|| compute(black_box(&spec), &entries, black_box(&input), &[]))
    });
    let weights = leaf_weights();
    c.bench_function("provincial_500x5_two_stage_bare_pass", |b| {
        b.iter(|| bare_pass(&weights, entries.len(), black_box(&input)))
    });
}

criterion_group!(benches, national, provincial);
criterion_main!(benches);
