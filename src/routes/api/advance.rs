//! Bringing winners in from the level below: `GET /api/v1/competitions/<id>/advance` lists
//! prize winners of final results of the level directly below, inside this one's region;
//! `POST /api/v1/competitions/<id>/advance` with `{"nominations": [ids]}` enters them in one
//! transaction (`app::nomination::advance_into`, as the page does) and reports what was
//! created and what was skipped and why. Admins in scope only.

use crate::json::{Error as JsonError, Json};
use crate::routes::scope::{ApiScope, ApiWriteScope};
use rocket::{Route, get, post, routes};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::competitions::CompetitionDto;
use super::nominations::NominationDto;
use super::support;
use crate::app::nomination::{self as nominations, SkipReason};
use crate::error::AppError;
use crate::ids::NominationId;

#[derive(Serialize, utoipa::ToSchema)]
struct Candidate {
    nomination: NominationDto,
    /// The lower-level competition it comes from.
    source: CompetitionDto,
    /// The source's result version in force.
    version: i32,
    /// Its prize there ("Juara I", …).
    prize: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CandidateList {
    items: Vec<Candidate>,
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/advance", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = CandidateList, description = "Prize winners of the level below, inside this region")))]
#[get("/v1/competitions/<_>/advance")]
async fn candidates(a: ApiScope<'_>) -> Result<Json<CandidateList>, AppError> {
    let db = a.db;
    let target = &a.c;
    let rows = nominations::list_advance_candidates(db, target, &a.who).await?;
    Ok(Json(CandidateList {
        items: rows
            .iter()
            .map(|c| Candidate {
                nomination: NominationDto::of(&c.nomination, &c.source),
                source: CompetitionDto::of(&c.source),
                version: c.version,
                prize: c.prize.clone(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AdvanceInput {
    nominations: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Skipped {
    id: String,
    reason: SkipReason,
}

/// What advancing entered and what it skipped and why.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AdvanceResult {
    created: Vec<String>,
    skipped: Vec<Skipped>,
}

impl AdvanceResult {
    /// The wire form of an advancement's report.
    pub(crate) fn of(report: &nominations::AdvanceReport) -> Self {
        AdvanceResult {
            created: report.created.iter().map(ToString::to_string).collect(),
            skipped: report
                .skipped
                .iter()
                .map(|(id, reason)| Skipped {
                    id: id.to_string(),
                    reason: *reason,
                })
                .collect(),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/advance", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = AdvanceInput, responses((status = 200, body = AdvanceResult)))]
#[post("/v1/competitions/<_>/advance", data = "<input>")]
async fn advance(
    a: ApiWriteScope<'_>,
    input: Result<Json<AdvanceInput>, JsonError<'_>>,
) -> Result<Json<AdvanceResult>, AppError> {
    let db = a.db;
    let target = &a.c;
    crate::integrity::ensure_open(target, a.lang)?;
    let input = support::body(input)?;
    let mut picked = Vec::new();
    for text in &input.nominations {
        match Uuid::parse_str(text.trim()) {
            Ok(u) => picked.push(NominationId::from(u)),
            Err(_) => return Err(support::invalid(vec![("nominations", "err-invalid")])),
        }
    }
    if picked.is_empty() {
        return Err(support::invalid(vec![("nominations", "err-required")]));
    }
    // Only prize winners of final results of the level directly below, inside the target
    // (which is in this admin's scope), are taken, so a forged id cannot reach outside it.
    let report = nominations::advance_into(db, target, &picked, a.who.0.id).await?;
    Ok(Json(AdvanceResult::of(&report)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(candidates, advance))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![candidates, advance]
}
