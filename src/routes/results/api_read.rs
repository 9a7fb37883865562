//! Reading what the committee and a village see of a result, as JSON: the reliability
//! statistics of every stage (`GET /api/v1/competitions/<id>/results/reliability`: all six
//! intraclass correlations named both as Shrout & Fleiss and as McGraw & Wong, Kendall's W,
//! each judge's leniency and the outlying sheets, at full precision, from the engine's
//! `statistics`), and a village's score protocol (`GET /api/v1/results/<id>/protocol`: its
//! line, each stage's criteria with panel score, weight, contribution and every judge's
//! value, the published comments and its appeals).

use juara_domain::Points;
use juara_domain::explanation::EntryExplanation;
use juara_domain::sheet::ScoreValue;
use juara_domain::statistics::{Icc, NotComputable};
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::api_decide::AppealDto;
use super::api_dto::{LineDto, tagged};
use super::published_of;
use super::village::load as village_entry;
use crate::app::results::{appeal, current_or_preview};
use crate::auth::CurrentUser;
use crate::db::results::inputs::{entry_id, nomination_of};
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::json::Json;
use crate::results::Published;
use crate::results::stats::{StageReliability, stage_reports};
use crate::routes::api::support::{self, points_out, time_out};
use crate::routes::scope::ApiScope;

/// One intraclass correlation form.
#[derive(Serialize, utoipa::ToSchema)]
struct IccForm {
    /// `ICC(2,1)`.
    shrout_fleiss: &'static str,
    /// `ICC(A,1)`.
    mcgraw_wong: &'static str,
    /// `one_way_random`, `two_way_random` or `two_way_mixed`.
    model: &'static str,
    /// `absolute_agreement` or `consistency`.
    definition: &'static str,
    /// `single` (one judge) or `average` (the mean of the panel's `k` judges).
    unit: &'static str,
    /// `null` where a denominator vanishes.
    value: Option<f64>,
}

fn icc_forms(i: &Icc) -> Vec<IccForm> {
    let f = |sf, mw, model, definition, unit, value| IccForm {
        shrout_fleiss: sf,
        mcgraw_wong: mw,
        model,
        definition,
        unit,
        value,
    };
    let (one, two, mixed) = ("one_way_random", "two_way_random", "two_way_mixed");
    let (abs, cons) = ("absolute_agreement", "consistency");
    vec![
        f("ICC(1,1)", "ICC(1)", one, abs, "single", i.icc_1_1),
        f("ICC(2,1)", "ICC(A,1)", two, abs, "single", i.icc_2_1),
        f("ICC(3,1)", "ICC(C,1)", mixed, cons, "single", i.icc_3_1),
        f("ICC(1,k)", "ICC(k)", one, abs, "average", i.icc_1_k),
        f("ICC(2,k)", "ICC(A,k)", two, abs, "average", i.icc_2_k),
        f("ICC(3,k)", "ICC(C,k)", mixed, cons, "average", i.icc_3_k),
    ]
}

#[derive(Serialize, utoipa::ToSchema)]
struct IccDto {
    targets: u32,
    judges: u32,
    excluded_entries: u32,
    #[schema(value_type = Object)]
    mean_squares: juara_domain::statistics::MeanSquares,
    forms: Vec<IccForm>,
}

/// A statistic, or why it cannot be computed for this panel.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
enum Computed<T> {
    Value(T),
    NotComputable { not_computable: Value },
}

impl<T> Computed<T> {
    fn of<S>(r: &Result<S, NotComputable>, f: impl FnOnce(&S) -> T) -> Self {
        match r {
            Ok(s) => Computed::Value(f(s)),
            Err(e) => Computed::NotComputable {
                not_computable: tagged(e),
            },
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct LeniencyDto {
    judge_id: String,
    /// "Juri n" in this stage.
    label: u32,
    /// Mean deviation from the rest of the panel on shared entries (`null`: none shared).
    leniency: Option<f64>,
    shared_entries: u32,
}

#[derive(Serialize, utoipa::ToSchema)]
struct OutlierDto {
    nomination_id: String,
    judge_id: String,
    label: u32,
    total: f64,
    others_mean: f64,
    deviation: f64,
    others: u32,
    z_score: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct StageReliabilityDto {
    stage: String,
    judges: usize,
    #[schema(value_type = Option<Object>)]
    kendall_w: Option<Computed<juara_domain::statistics::KendallW>>,
    icc: Option<Computed<IccDto>>,
    leniency: Vec<LeniencyDto>,
    outliers: Vec<OutlierDto>,
}

impl StageReliabilityDto {
    fn of(st: &StageReliability) -> Self {
        let r = st.report.as_ref();
        let judge = |j: juara_domain::JudgeId| Uuid::from_u128(j.0).to_string();
        StageReliabilityDto {
            stage: st.stage.clone(),
            judges: st.judges.len(),
            kendall_w: r.map(|r| Computed::of(&r.kendall, |k| *k)),
            icc: r.map(|r| {
                Computed::of(&r.icc, |i| IccDto {
                    targets: i.targets,
                    judges: i.judges,
                    excluded_entries: i.excluded_entries,
                    mean_squares: i.mean_squares,
                    forms: icc_forms(i),
                })
            }),
            leniency: r
                .map(|r| {
                    r.leniency
                        .iter()
                        .map(|l| LeniencyDto {
                            judge_id: judge(l.judge),
                            label: st.label_of(l.judge),
                            leniency: l.leniency,
                            shared_entries: l.shared_entries,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            outliers: r
                .map(|r| {
                    r.outliers
                        .iter()
                        .map(|o| OutlierDto {
                            nomination_id: nomination_of(o.entry).to_string(),
                            judge_id: judge(o.judge),
                            label: st.label_of(o.judge),
                            total: o.total,
                            others_mean: o.others_mean,
                            deviation: o.deviation,
                            others: o.others,
                            z_score: o.z_score,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct Reliability {
    /// `true` while unannounced (computed now), else the version in force.
    preview: bool,
    version: Option<i32>,
    /// Sheets whose total is this many points or more from the rest of the panel are outlying.
    outlier_points: f64,
    stages: Vec<StageReliabilityDto>,
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/results/reliability", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = Reliability, description = "Inter-rater reliability per stage: six ICC forms, Kendall's W, leniency, outlying sheets")))]
#[get("/v1/competitions/<_>/results/reliability")]
async fn reliability(a: ApiScope<'_>) -> Result<Json<Reliability>, AppError> {
    let (p, s) = current_or_preview(a.db, &a.c, a.lang).await?;
    Ok(Json(Reliability {
        preview: s.is_none(),
        version: s.map(|s| s.version),
        outlier_points: crate::results::stats::OUTLIER_POINTS,
        stages: stage_reports(&p.result)
            .iter()
            .map(StageReliabilityDto::of)
            .collect(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
struct JudgeValueDto {
    /// "Juri n" in this stage.
    label: u32,
    /// As entered (`null` when not applicable).
    value: Option<String>,
    not_applicable: bool,
    /// Dropped by the trimmed mean.
    trimmed: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CriterionScoreDto {
    code: String,
    name: String,
    depth: u32,
    panel_score: Option<String>,
    /// Share of the stage score in percent after not-applicable weights moved.
    weight: String,
    contribution: String,
    not_applicable: bool,
    judges: Vec<JudgeValueDto>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CommentDto {
    criterion: String,
    label: u32,
    text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct StageScoreDto {
    code: String,
    name: String,
    score: Option<String>,
    criteria: Vec<CriterionScoreDto>,
    comments: Vec<CommentDto>,
}

fn decimal(p: Points) -> String {
    points_out(Some(p.units())).unwrap_or_default()
}

fn stages_of(p: &Published, e: &EntryExplanation) -> Vec<StageScoreDto> {
    let nomination = nomination_of(e.entry);
    e.stages
        .iter()
        .filter_map(|st| {
            let info = p.stages.iter().find(|s| s.code == st.stage)?;
            let criteria = st
                .criteria
                .iter()
                .filter_map(|line| {
                    let node = info.criteria.get(usize::try_from(line.node).ok()?)?;
                    Some(CriterionScoreDto {
                        code: node.code.clone(),
                        name: node.name.clone(),
                        depth: node.depth,
                        panel_score: line.panel_score.map(decimal),
                        weight: decimal(line.effective_weight),
                        contribution: decimal(line.contribution),
                        not_applicable: line.not_applicable,
                        judges: st
                            .values
                            .iter()
                            .filter(|v| v.node == line.node)
                            .map(|v| JudgeValueDto {
                                label: v.label,
                                value: match v.value {
                                    ScoreValue::Value(x) => Some(decimal(x)),
                                    ScoreValue::NotApplicable => None,
                                },
                                not_applicable: matches!(v.value, ScoreValue::NotApplicable),
                                trimmed: v.trimmed,
                            })
                            .collect(),
                    })
                })
                .collect();
            let comments = p
                .comments
                .iter()
                .filter(|c| c.nomination_id == nomination && c.stage == st.stage)
                .map(|c| CommentDto {
                    criterion: c.criterion.clone(),
                    label: c.label,
                    text: c.text.clone(),
                })
                .collect();
            Some(StageScoreDto {
                code: info.code.clone(),
                name: info.name.clone(),
                score: st.score.map(decimal),
                criteria,
                comments,
            })
        })
        .collect()
}

#[derive(Serialize, utoipa::ToSchema)]
struct Protocol {
    competition_id: String,
    competition_name: String,
    version: i32,
    content_hash: String,
    line: Option<LineDto>,
    stages: Vec<StageScoreDto>,
    appeals: Vec<AppealDto>,
    can_appeal: bool,
    appeal_closes_at: Option<String>,
    appeal_reopened: bool,
}

/// The calling village's protocol of an announced competition it entered (404 otherwise).
#[utoipa::path(get, path = "/api/v1/results/{id}/protocol", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = Protocol, description = "The village's own score protocol")))]
#[get("/v1/results/<id>/protocol")]
async fn protocol(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<Protocol>, AppError> {
    let db = db.inner();
    support::require_village(&who)?;
    let (c, n) = village_entry(db, id, &who).await?;
    let standing = appeal::standing(db, &c, &n).await?;
    let snap = &standing.current;
    let p = published_of(snap)?;
    let stages = p
        .result
        .explanation(entry_id(n.id))
        .map(|e| stages_of(&p, &e))
        .unwrap_or_default();
    Ok(Json(Protocol {
        competition_id: c.id.to_string(),
        competition_name: p.competition_name.clone(),
        version: snap.version,
        content_hash: snap.content_hash.clone(),
        line: p.line_of(n.id).map(LineDto::of),
        stages,
        appeals: standing.appeals.iter().map(AppealDto::of).collect(),
        can_appeal: standing.closed.is_none(),
        appeal_closes_at: time_out(standing.closes),
        appeal_reopened: standing.reopened,
    }))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(reliability, protocol))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![reliability, protocol]
}
