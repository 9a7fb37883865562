//! Conflicts of interest through the API, as on `/judge/conflicts` and `/admin/conflicts`:
//! `GET /api/v1/conflicts` (a judge's own; the committee's inside its region), `POST` to
//! declare one (a judge for themselves; an admin for any judge, inside their region) and
//! `DELETE /api/v1/judges/<judge>/conflicts/<id>` (the committee). Declaring excludes the
//! judge's sheets inside the region from results, removing counts them again; both are
//! audited (`app::judging::conflicts`). A region outside an admin's scope answers 404.

use rocket::http::Status as HttpStatus;
use rocket::{Route, State, delete, get, post, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::support;
use crate::app::judging::conflicts as rules;
use crate::auth::api::ApiWrite;
use crate::auth::{CurrentUser, Role};
use crate::db::is_unique_violation;
use crate::db::judging::{conflicts, panels};
use crate::error::AppError;
use crate::ids::{ConflictId, UserId};
use crate::json::{Error as JsonError, Json};

/// A declared conflict on the wire.
#[derive(Serialize, utoipa::ToSchema)]
struct ConflictDto {
    id: String,
    judge_id: String,
    region_code: String,
    reason: String,
    created_at: Option<String>,
}

impl ConflictDto {
    fn of(c: &entity::judge_conflict::Model) -> Self {
        ConflictDto {
            id: c.id.to_string(),
            judge_id: c.judge_id.to_string(),
            region_code: c.region_code.clone(),
            reason: c.reason.clone(),
            created_at: support::time_out(Some(c.created_at)),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/conflicts", tag = "scoring", params(("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = support::Page<ConflictDto>, description = "Conflicts of interest: a judge's own, or those of judges in the admin's region")))]
#[get("/v1/conflicts?<page>&<per_page>")]
async fn list(
    who: CurrentUser,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<support::Page<ConflictDto>>, AppError> {
    let db = db.inner();
    let rows = match who.role {
        Role::Judge => conflicts::list_for_judge(db, who.id.into_uuid()).await?,
        Role::Admin => {
            conflicts::within(who.region_code.as_deref(), conflicts::list_all(db).await?)
        }
        Role::Village => return Err(AppError::Forbidden),
    };
    let (page, per_page) = support::paging(page, per_page);
    let all = rows.iter().map(ConflictDto::of).collect();
    Ok(Json(support::Page::cut(all, page, per_page)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct DeclareInput {
    /// The judge (the committee only; a judge declares for themselves).
    judge_id: Option<String>,
    /// A region code (village, kecamatan, kabupaten or province) or its name.
    region_code: String,
    reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Declared {
    conflict: ConflictDto,
    /// Sheets of the judge excluded from results by this declaration.
    withdrawn: usize,
}

#[utoipa::path(post, path = "/api/v1/conflicts", tag = "scoring", request_body = DeclareInput, responses((status = 201, body = Declared)))]
#[post("/v1/conflicts", data = "<input>")]
async fn declare(
    who: ApiWrite,
    input: Result<Json<DeclareInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<Declared>), AppError> {
    let (db, who) = (db.inner(), who.0);
    let (judge, scope) = match who.role {
        Role::Judge => (None, None),
        Role::Admin => (Some(()), who.region_code.as_deref()),
        Role::Village => return Err(AppError::Forbidden),
    };
    let input = support::body(input)?.into_inner();
    let mut errors = Vec::new();
    let judge_id = if judge.is_some() {
        let judges = panels::judges(db).await?;
        let id = input
            .judge_id
            .as_deref()
            .and_then(|j| Uuid::parse_str(j.trim()).ok())
            .filter(|j| judges.iter().any(|x| x.id == *j));
        if id.is_none() {
            errors.push(("judge_id", "err-choice"));
        }
        id
    } else {
        if input.judge_id.is_some() {
            errors.push(("judge_id", "err-choice"));
        }
        Some(who.id.into_uuid())
    };
    let code = match rules::region_named(db, &input.region_code).await? {
        Ok(code) => Some(code),
        Err(key) => {
            errors.push(("region_code", key));
            None
        }
    };
    let (Some(judge_id), Some(code), true) = (judge_id, code, errors.is_empty()) else {
        return Err(support::invalid(errors));
    };
    let actor = who.id.into_uuid();
    match rules::declare(db, (judge_id, &code), input.reason.trim(), actor, scope).await {
        Ok(Ok(d)) => Ok((
            HttpStatus::Created,
            Json(Declared {
                conflict: ConflictDto::of(&d.conflict),
                withdrawn: d.withdrawn,
            }),
        )),
        Ok(Err(rules::Refusal::OutOfScope)) => Err(AppError::NotFound),
        Err(e) if is_unique_violation(&e) => Err(support::invalid(vec![(
            "region_code",
            "jdg-err-conflict-exists",
        )])),
        Err(e) => Err(e.into()),
    }
}

#[utoipa::path(delete, path = "/api/v1/judges/{judge_id}/conflicts/{id}", tag = "scoring", params(("judge_id" = crate::ids::UserId, Path, description = "The judge"), ("id" = crate::ids::ConflictId, Path, description = "The conflict")), responses((status = 204, description = "Removed")))]
#[delete("/v1/judges/<judge>/conflicts/<id>")]
async fn remove(
    who: ApiWrite,
    judge: UserId,
    id: ConflictId,
    db: &State<DatabaseConnection>,
) -> Result<HttpStatus, AppError> {
    let who = who.0;
    support::require_admin(&who)?;
    let scope = who.region_code.as_deref();
    let ids = (judge.into_uuid(), id.into_uuid());
    match rules::remove(db.inner(), ids, who.id.into_uuid(), scope).await? {
        Ok(true) => Ok(HttpStatus::NoContent),
        // Outside the admin's region looks the same as missing.
        Ok(false) | Err(rules::Refusal::OutOfScope) => Err(AppError::NotFound),
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, declare, remove))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, declare, remove]
}
