//! `POST /api/v1/results/<id>/announce`: the committee's announcement through the API, under
//! the same rule as the results page (`app::results::announce`): the plenary minutes first,
//! and a result with problems only with `confirm_incomplete` and a `reason`.

use std::collections::BTreeMap;

use rocket::http::Status;
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use crate::app::results::announce::{self, AnnounceError};
use crate::app::results::describe_refusal;
use crate::app::results::preflight::GoAhead;
use crate::auth::api::ApiWrite;
use crate::db::competitions;
use crate::error::AppError;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::json::{Error as JsonError, Json};
use crate::routes::api::support;

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct AnnounceInput {
    publish_comments: bool,
    /// "I understand the result is incomplete": needed when the pre-flight checks find problems.
    confirm_incomplete: bool,
    reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Announced {
    version: i32,
    content_hash: String,
}

/// Announces a result under review as version 1 (201). Refused: 409 without the plenary
/// minutes or outside review; 422 for a result with problems that is not confirmed, listing
/// them under `problems` and what is missing under `confirm_incomplete` and `reason`.
#[utoipa::path(post, path = "/api/v1/results/{id}/announce", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = AnnounceInput, responses((status = 201, body = Announced)))]
#[post("/v1/results/<id>/announce", data = "<input>")]
async fn announce_results(
    who: ApiWrite,
    id: CompetitionId,
    lang: support::ApiLang,
    input: Result<Json<AnnounceInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(Status, Json<Announced>), AppError> {
    let (db, who) = (db.inner(), who.0);
    support::require_admin(&who)?;
    let c = competitions::find_for_admin(db, id, &who)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = support::body(input)?.into_inner();
    let go_ahead = GoAhead {
        understood: input.confirm_incomplete,
        reason: input.reason,
    };
    let actor = who.id.into_uuid();
    match announce::announce(db, c, actor, input.publish_comments, &go_ahead).await {
        Ok(s) => Ok((
            Status::Created,
            Json(Announced {
                version: s.version,
                content_hash: s.content_hash,
            }),
        )),
        Err(e) => Err(refused(e, lang.0)),
    }
}

/// The JSON answer to a refused announcement, in `lang`.
pub(crate) fn refused(e: AnnounceError, lang: &str) -> AppError {
    match e {
        AnnounceError::Db(e) => e.into(),
        AnnounceError::Unconfirmed(u) => {
            let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let problems = u.problems.iter().map(|p| p.describe(lang)).collect();
            fields.insert("problems".to_owned(), problems);
            for (field, key) in u.missing {
                fields
                    .entry(field.to_owned())
                    .or_default()
                    .push(i18n::t(lang, key));
            }
            AppError::Invalid(fields)
        }
        AnnounceError::MinutesMissing => AppError::Conflict(i18n::t(lang, "res-err-minutes-first")),
        AnnounceError::Refused(r) => AppError::Conflict(describe_refusal(&r, lang).join("; ")),
        AnnounceError::WrongStatus
        | AnnounceError::ReasonMissing
        | AnnounceError::UnknownScore
        | AnnounceError::NothingChanged => AppError::Conflict(i18n::t(lang, "res-err-status")),
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(announce_results))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![announce_results]
}
