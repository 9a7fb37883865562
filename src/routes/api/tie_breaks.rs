//! `/api/v1/competitions/<id>/tie-breaks`: the committee's tie-break chain, read and replaced
//! whole (`app::competition::tie_breaks::replace`, as the page does). Each rule is a tagged
//! object: `{"kind": "stage_score", "stage": "PAPARAN"}`, `{"kind": "draw", "seed": 2026}`,
//! `{"kind": "leave_shared"}`. Row problems come back as `items[2].seed`; the engine's under
//! `tie_breaks`.

use juara_domain::tie_break::TieBreak;
use rocket::{Route, get, put, routes};
use serde::{Deserialize, Serialize};

use super::support::{self, loose};
use crate::app::competition::tie_breaks as rules;
use crate::competition_forms::tie_break_form::{self as form, RuleForm};
use crate::error::AppError;
use crate::i18n;
use crate::json::{Error as JsonError, Json};
use crate::routes::scope::{ApiScope, ApiWriteScope};

/// One rule of the chain on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TieBreakDto {
    /// Higher score in the stage.
    StageScore { stage: String },
    /// Higher panel score on an aspect or indicator of the stage.
    CriterionScore { stage: String, code: String },
    /// Smaller spread between the judges' sheet totals in the stage.
    SmallerJudgeSpread { stage: String },
    /// Higher lowest judge sheet total in the stage.
    HigherMinimumJudgeTotal { stage: String },
    /// A documented draw from a recorded seed (SHA-256 of `"<seed>:<entry uuid hex>"`).
    Draw { seed: u64 },
    /// The rank stays shared.
    LeaveShared,
}

impl From<&TieBreak> for TieBreakDto {
    fn from(rule: &TieBreak) -> Self {
        match rule.clone() {
            TieBreak::StageScore { stage } => TieBreakDto::StageScore { stage },
            TieBreak::CriterionScore { stage, code } => TieBreakDto::CriterionScore { stage, code },
            TieBreak::SmallerJudgeSpread { stage } => TieBreakDto::SmallerJudgeSpread { stage },
            TieBreak::HigherMinimumJudgeTotal { stage } => {
                TieBreakDto::HigherMinimumJudgeTotal { stage }
            }
            TieBreak::Draw { seed } => TieBreakDto::Draw { seed },
            TieBreak::LeaveShared => TieBreakDto::LeaveShared,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct TieBreakList {
    items: Vec<TieBreakDto>,
    /// The chain may still change (until the results are announced).
    editable: bool,
    /// A change needs a `reason` (the rules are published).
    needs_reason: bool,
}

fn list_of(c: &entity::competition::Model) -> TieBreakList {
    TieBreakList {
        items: rules::chain_of(c).iter().map(TieBreakDto::from).collect(),
        editable: rules::editable(c),
        needs_reason: rules::needs_reason(c),
    }
}

/// One rule as sent: `kind` and the fields it needs (numbers may come as strings).
#[derive(Serialize, Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct RuleInput {
    /// `stage_score`, `criterion_score`, `smaller_judge_spread`,
    /// `higher_minimum_judge_total`, `draw` or `leave_shared`.
    #[serde(deserialize_with = "loose")]
    kind: Option<String>,
    #[serde(deserialize_with = "loose")]
    stage: Option<String>,
    #[serde(deserialize_with = "loose")]
    code: Option<String>,
    /// 0 to 9007199254740991.
    #[serde(deserialize_with = "loose")]
    #[schema(value_type = Option<u64>)]
    seed: Option<String>,
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct ChainInput {
    /// The whole chain, in order (an empty list removes every rule).
    items: Vec<RuleInput>,
    /// Why published rules change (required once the competition is open).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
}

/// The chain in force.
#[utoipa::path(get, path = "/api/v1/competitions/{id}/tie-breaks", tag = "competitions",
    params(("id" = crate::ids::CompetitionId, Path, description = "The competition")),
    responses((status = 200, body = TieBreakList)))]
#[get("/v1/competitions/<_>/tie-breaks")]
async fn show(a: ApiScope<'_>) -> Result<Json<TieBreakList>, AppError> {
    support::require_admin(&a.who)?;
    Ok(Json(list_of(&a.c)))
}

/// Replaces the whole chain once the engine accepts it; 409 after the announcement.
#[utoipa::path(put, path = "/api/v1/competitions/{id}/tie-breaks", tag = "competitions",
    params(("id" = crate::ids::CompetitionId, Path, description = "The competition")),
    request_body = ChainInput,
    responses((status = 200, body = TieBreakList)))]
#[put("/v1/competitions/<_>/tie-breaks", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    input: Result<Json<ChainInput>, JsonError<'_>>,
) -> Result<Json<TieBreakList>, AppError> {
    let input = support::body(input)?.into_inner();
    let rows: Vec<RuleForm> = input
        .items
        .into_iter()
        .map(|r| RuleForm {
            // A row without a kind is a mistake here, not a spare row of a form.
            kind: r
                .kind
                .filter(|k| !k.trim().is_empty())
                .unwrap_or_else(|| "?".into()),
            stage: r.stage.unwrap_or_default(),
            code: r.code.unwrap_or_default(),
            seed: r.seed.unwrap_or_default(),
        })
        .collect();
    let chain = form::check_chain(&rows).map_err(|errors| {
        let mut fields = std::collections::BTreeMap::<String, Vec<String>>::new();
        for (i, field, key) in errors {
            fields
                .entry(format!("items[{i}].{field}"))
                .or_default()
                .push(i18n::t(support::LANG, key));
        }
        AppError::Invalid(fields)
    })?;
    let reason = input.reason.unwrap_or_default();
    let saved = rules::replace(a.db, a.c.clone(), chain, &reason, a.who.0.id, a.lang).await?;
    Ok(Json(list_of(&saved)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(show, replace))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, replace]
}
