//! Corrections through the API, as on the correction page: `GET
//! /api/v1/competitions/<id>/results/scores/<nomination>` lists an entry's stored scores
//! (their ids are what a correction names), and `POST …/results/corrections` with
//! `{"nomination_id", "reason", "values": {score_id: "85.5" | "TB"}, "appeal_id"?}` answers the
//! preview (200: ranking and prize differences and a `confirm` token); the same body with
//! `"confirm": token` publishes the next version (201). A confirmation that no longer matches
//! (results or input changed since) is a 409 with the fresh preview's token. The checks are
//! the page's (`correct_form`), the publishing `app::results::announce::correct`.

use std::collections::BTreeMap;

use rocket::http::Status;
use rocket::{Route, get, post, routes};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::correct_form as cf;
use crate::app::results::announce::{self, AnnounceError};
use crate::app::results::appeal as app_appeal;
use crate::app::results::correction::{self, DiffRow};
use crate::app::results::describe_refusal;
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::NominationId;
use crate::json::{Error as JsonError, Json};
use crate::routes::api::support;
use crate::routes::scope::{ApiScope, ApiWriteScope};

/// A stored score an entry got, as a correction names it.
#[derive(Serialize, utoipa::ToSchema)]
struct ScoreDto {
    id: String,
    stage: String,
    criterion: String,
    judge: String,
    /// A decimal string, or `"TB"` (not applicable).
    value: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct ScoreList {
    items: Vec<ScoreDto>,
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/results/scores/{nomination}", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("nomination" = crate::ids::NominationId, Path, description = "The entry")), responses((status = 200, body = ScoreList)))]
#[get("/v1/competitions/<_>/results/scores/<nomination>")]
async fn scores(a: ApiScope<'_>, nomination: NominationId) -> Result<Json<ScoreList>, AppError> {
    let rows = cf::scores_of(a.db, &a.c, nomination).await?;
    Ok(Json(ScoreList {
        items: rows
            .into_iter()
            .map(|(_, r)| ScoreDto {
                id: r.id,
                stage: r.stage,
                criterion: r.criterion,
                judge: r.judge,
                value: support::decimal_out(&r.stored),
            })
            .collect(),
    }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct CorrectionInput {
    nomination_id: String,
    reason: String,
    appeal_id: Option<String>,
    #[serde(deserialize_with = "loose_map")]
    values: BTreeMap<String, String>,
    confirm: Option<String>,
}

/// A map whose values may be numbers or strings, read as the text a form would carry.
fn loose_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let raw = BTreeMap::<String, serde_json::Value>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, text)
        })
        .collect())
}

/// One village's difference between the version in force and the corrected one.
#[derive(Serialize, utoipa::ToSchema)]
struct DiffDto {
    nomination_id: String,
    village: String,
    old_rank: Option<u32>,
    new_rank: Option<u32>,
    old_score: Option<String>,
    new_score: Option<String>,
    old_prize: Option<String>,
    new_prize: Option<String>,
    changed: bool,
}

impl DiffDto {
    fn of(r: &DiffRow) -> Self {
        DiffDto {
            nomination_id: r.nomination_id.to_string(),
            village: r.village.clone(),
            old_rank: r.old_rank,
            new_rank: r.new_rank,
            old_score: support::points_out(r.old_score.filter(|_| r.old_out.is_none())),
            new_score: support::points_out(r.new_score.filter(|_| r.new_out.is_none())),
            old_prize: r.old_prize.as_ref().map(|p| p.label.clone()),
            new_prize: r.new_prize.as_ref().map(|p| p.label.clone()),
            changed: r.changed,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct CorrectionPreview {
    /// Send it back as `confirm` to publish exactly this.
    confirm: String,
    changes: Vec<String>,
    rows: Vec<DiffDto>,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
enum Answer {
    Preview(CorrectionPreview),
    Published { version: i32, content_hash: String },
}

/// A refused correction as a 422 or 409.
fn refused(e: AnnounceError, lang: &str) -> AppError {
    match e {
        AnnounceError::Db(e) => e.into(),
        AnnounceError::ReasonMissing => support::invalid(vec![("reason", "res-err-reason")]),
        AnnounceError::NothingChanged => support::invalid(vec![("values", "res-err-nothing")]),
        AnnounceError::UnknownScore => support::invalid(vec![("values", "res-err-score")]),
        AnnounceError::Refused(r) => AppError::Conflict(describe_refusal(&r, lang).join("; ")),
        AnnounceError::WrongStatus
        | AnnounceError::MinutesMissing
        | AnnounceError::Unconfirmed(_) => AppError::Conflict(i18n::t(lang, "res-err-status")),
    }
}

/// Field errors of the form, with the form's `values[<id>]` spelled as a JSON path.
fn form_errors(state: FormState) -> AppError {
    let mut state = state;
    state.errors = std::mem::take(&mut state.errors)
        .into_iter()
        .map(|(k, v)| {
            let k = match k.strip_prefix("values[").and_then(|r| r.strip_suffix(']')) {
                Some(id) => format!("values.{id}"),
                None => k,
            };
            (k, v)
        })
        .collect();
    support::invalid_state(state)
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/corrections", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = CorrectionInput, responses((status = 200, body = Answer, description = "A preview with a `confirm` token; sent back, the correction is published (201)")))]
#[post("/v1/competitions/<_>/results/corrections", data = "<input>")]
async fn correct(
    a: ApiWriteScope<'_>,
    input: Result<Json<CorrectionInput>, JsonError<'_>>,
) -> Result<(Status, Json<Answer>), AppError> {
    let (db, c, lang) = (a.db, &a.c, a.lang);
    let input = support::body(input)?.into_inner();
    let mut state = FormState::default();
    let nomination = Uuid::parse_str(input.nomination_id.trim())
        .ok()
        .map(NominationId::from);
    let appeal = match input.appeal_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => match Uuid::parse_str(text) {
            Ok(id) => Some(app_appeal::open_to_answer(db, c, id, lang).await?),
            Err(_) => return Err(support::invalid(vec![("appeal_id", "err-invalid")])),
        },
    };
    let reason = input.reason.trim().to_owned();
    let (changes, described) = match nomination {
        Some(n) => {
            let rows = cf::scores_of(db, c, n).await?;
            let village = cf::village_of(db, c, n).await?;
            cf::changes_of(&rows, &input.values, &village, &mut state, lang)
        }
        None => {
            state.add_key("nomination_id", lang, "res-err-nomination");
            (Vec::new(), Vec::new())
        }
    };
    if reason.is_empty() {
        state.add_key("reason", lang, "res-err-reason");
    }
    if state.is_ok() && changes.is_empty() {
        state.add_key("values", lang, "res-err-nothing");
    }
    if !state.is_ok() {
        return Err(form_errors(state));
    }
    let (old, new) = announce::preview(db, c, &changes)
        .await
        .map_err(|e| refused(e, lang))?;
    let version = snapshots::current(db, c.id).await?.map_or(0, |s| s.version);
    let token = correction::token(version, &changes, &reason);
    let confirm = input.confirm.as_deref().map(str::trim);
    if confirm != Some(token.as_str()) {
        let stale = confirm.is_some_and(|t| !t.is_empty());
        let preview = CorrectionPreview {
            confirm: token,
            changes: described,
            rows: correction::diff(&old, &new)
                .iter()
                .map(DiffDto::of)
                .collect(),
        };
        let status = if stale { Status::Conflict } else { Status::Ok };
        return Ok((status, Json(Answer::Preview(preview))));
    }
    let actor = a.who.0.id.into_uuid();
    let s = announce::correct(db, c, actor, &reason, &changes, appeal)
        .await
        .map_err(|e| refused(e, lang))?;
    Ok((
        Status::Created,
        Json(Answer::Published {
            version: s.version,
            content_hash: s.content_hash,
        }),
    ))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(scores, correct))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![scores, correct]
}
