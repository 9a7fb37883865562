//! Reliability statistics per stage, from the judges' sheet totals the engine computed (the
//! explanation trail), so the statistics describe exactly the sheets that counted.

use juara_domain::JudgeId;
use juara_domain::engine::CompetitionResult;
use juara_domain::statistics::{OutlierRule, SheetTotal, StageReport, StageScores};
use serde::Serialize;
use uuid::Uuid;

use crate::db::results::inputs::nomination_of;

/// Sheets whose total is more than this many points from the rest of the panel are flagged.
pub const OUTLIER_POINTS: f64 = 15.0;

/// An outlying sheet, for the committee.
#[derive(Clone, Debug, Serialize)]
pub struct Outlier {
    pub nomination_id: Uuid,
    pub judge_id: Uuid,
    /// "Juri n" in this stage.
    pub label: u32,
    pub total: String,
    pub others_mean: String,
    pub deviation: String,
}

/// One stage's statistics, formatted for display (`None` = not computable for this panel).
#[derive(Clone, Debug, Serialize)]
pub struct StageStats {
    pub stage: String,
    pub judges: usize,
    pub kendall_w: Option<String>,
    pub icc_2_1: Option<String>,
    pub icc_2_k: Option<String>,
    pub outliers: Vec<Outlier>,
    /// Per judge label: mean deviation from the rest of the panel.
    pub leniency: Vec<(u32, String)>,
}

fn fmt(x: f64) -> String {
    format!("{x:.3}")
}

/// One stage's statistics at full precision, as the engine reports them (`report` is `None`
/// when the stage has no sheet totals to describe).
#[derive(Clone, Debug)]
pub struct StageReliability {
    pub stage: String,
    /// The counted judges in label order: "Juri n" is `judges[n-1]`.
    pub judges: Vec<JudgeId>,
    pub report: Option<StageReport>,
}

impl StageReliability {
    /// The "Juri n" label of a judge in this stage (0 when not counted).
    #[must_use]
    pub fn label_of(&self, j: JudgeId) -> u32 {
        self.judges
            .iter()
            .position(|x| *x == j)
            .and_then(|p| u32::try_from(p + 1).ok())
            .unwrap_or(0)
    }
}

/// The engine's statistics of every stage of `result`, from the sheet totals that counted.
#[must_use]
pub fn stage_reports(result: &CompetitionResult) -> Vec<StageReliability> {
    let explanations: Vec<_> = result.explanations().collect();
    result
        .stages
        .iter()
        .map(|report| {
            let judge_of = |label: u32| -> Option<JudgeId> {
                let i = usize::try_from(label).ok()?.checked_sub(1)?;
                report.judges.get(i).copied()
            };
            let totals: Vec<SheetTotal> = explanations
                .iter()
                .flat_map(|e| {
                    e.stages
                        .iter()
                        .filter(|s| s.stage == report.stage)
                        .flat_map(move |s| {
                            s.judges.iter().filter_map(move |t| {
                                Some(SheetTotal {
                                    entry: e.entry,
                                    judge: judge_of(t.label)?,
                                    total: t.total.to_f64(),
                                })
                            })
                        })
                })
                .collect();
            let scores = StageScores::new(&totals).ok();
            StageReliability {
                stage: report.stage.clone(),
                judges: report.judges.clone(),
                report: scores.map(|s| s.report(OutlierRule::AbsolutePoints(OUTLIER_POINTS))),
            }
        })
        .collect()
}

/// Statistics of every stage of `result`, formatted for the committee's page.
#[must_use]
pub fn stage_stats(result: &CompetitionResult) -> Vec<StageStats> {
    stage_reports(result)
        .into_iter()
        .map(|st| {
            let r = st.report.as_ref();
            let label_of = |j: JudgeId| st.label_of(j);
            StageStats {
                stage: st.stage.clone(),
                judges: st.judges.len(),
                kendall_w: r.and_then(|r| r.kendall.as_ref().ok()).map(|k| fmt(k.w)),
                icc_2_1: r
                    .and_then(|r| r.icc.as_ref().ok())
                    .and_then(|i| i.icc_2_1)
                    .map(fmt),
                icc_2_k: r
                    .and_then(|r| r.icc.as_ref().ok())
                    .and_then(|i| i.icc_2_k)
                    .map(fmt),
                outliers: r
                    .map(|r| {
                        r.outliers
                            .iter()
                            .map(|o| Outlier {
                                nomination_id: nomination_of(o.entry),
                                judge_id: Uuid::from_u128(o.judge.0),
                                label: label_of(o.judge),
                                total: fmt(o.total),
                                others_mean: fmt(o.others_mean),
                                deviation: fmt(o.deviation),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                leniency: r
                    .map(|r| {
                        r.leniency
                            .iter()
                            .filter_map(|l| Some((label_of(l.judge), fmt(l.leniency?))))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}
