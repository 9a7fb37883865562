//! `/api/v1/results/…`: results, snapshots, prize allocation and appeals. Announced results are
//! public; before the announcement only an admin whose region holds the competition sees a
//! preview (everyone else gets 404, as for a missing competition). Appeals: the committee
//! sees all, a village its own.

use crate::json::Json;
use entity::competition;
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::api_decide::AppealDto;
use super::api_dto::LineDto;
use super::public::is_public;
use super::published_of;
use crate::app::results::read;
use crate::auth::CurrentUser;
use crate::db::competitions;
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::results::Published;
use crate::results::published::Totals;
use crate::routes::api::support::{self, Page, time_out};

#[derive(Serialize, utoipa::ToSchema)]
struct ResultsBody {
    competition_id: String,
    name: String,
    year: i32,
    /// `true` for an admin's unannounced preview.
    preview: bool,
    version: Option<i32>,
    content_hash: Option<String>,
    stages: Vec<String>,
    lines: Vec<LineDto>,
    totals: Totals,
}

/// The competition and what `who` may read of its results.
async fn results_for(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: Option<&CurrentUser>,
) -> Result<
    (
        competition::Model,
        Published,
        Option<entity::result_snapshot::Model>,
    ),
    AppError,
> {
    let c = competitions::find_by_id(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (p, s) = read::results_for(db, &c, who, "id").await?;
    Ok((c, p, s))
}

#[utoipa::path(get, path = "/api/v1/results/{id}", tag = "results", security((), ("token" = [])), params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = ResultsBody, description = "Announced results (public); an admin in scope sees a preview before")))]
#[get("/v1/results/<id>")]
async fn get_results(
    id: CompetitionId,
    who: Option<CurrentUser>,
    db: &State<DatabaseConnection>,
) -> Result<Json<ResultsBody>, AppError> {
    let (c, p, s) = results_for(db.inner(), id, who.as_ref()).await?;
    Ok(Json(ResultsBody {
        competition_id: c.id.to_string(),
        // The name frozen in the snapshot once announced.
        name: if s.is_some() {
            p.competition_name.clone()
        } else {
            c.name
        },
        year: c.year,
        preview: s.is_none(),
        version: s.as_ref().map(|s| s.version),
        content_hash: s.map(|s| s.content_hash),
        stages: p.stages.iter().map(|s| s.code.clone()).collect(),
        lines: LineDto::all(&p.lines),
        totals: p.totals,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
struct SnapshotItem {
    version: i32,
    status: entity::SnapshotStatus,
    content_hash: String,
    reason: String,
    announced_at: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/results/{id}/snapshots", tag = "results", security(()), params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = Page<SnapshotItem>)))]
#[get("/v1/results/<id>/snapshots?<page>&<per_page>")]
async fn list_snapshots(
    id: CompetitionId,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<Page<SnapshotItem>>, AppError> {
    let db = db.inner();
    let c = competitions::find_by_id(db, id)
        .await?
        .filter(is_public)
        .ok_or(AppError::NotFound)?;
    let (page, per_page) = support::paging(page, per_page);
    let all = snapshots::list(db, c.id)
        .await?
        .into_iter()
        .map(|s| SnapshotItem {
            version: s.version,
            status: s.status,
            content_hash: s.content_hash,
            reason: s.reason,
            announced_at: time_out(Some(s.announced_at)),
        })
        .collect();
    Ok(Json(Page::cut(all, page, per_page)))
}

#[derive(Serialize, utoipa::ToSchema)]
struct SnapshotBody {
    version: i32,
    content_hash: String,
    reason: String,
    lines: Vec<LineDto>,
    totals: Totals,
}

#[utoipa::path(get, path = "/api/v1/results/{id}/snapshots/{version}", tag = "results", security(()), params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("version" = i32, Path, description = "1 for the announcement, then one per correction")), responses((status = 200, body = SnapshotBody)))]
#[get("/v1/results/<id>/snapshots/<version>")]
async fn get_snapshot(
    id: CompetitionId,
    version: i32,
    db: &State<DatabaseConnection>,
) -> Result<Json<SnapshotBody>, AppError> {
    let db = db.inner();
    let c = competitions::find_by_id(db, id)
        .await?
        .filter(is_public)
        .ok_or(AppError::NotFound)?;
    let s = snapshots::version(db, c.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = published_of(&s)?;
    Ok(Json(SnapshotBody {
        version: s.version,
        content_hash: s.content_hash,
        reason: s.reason,
        lines: LineDto::all(&p.lines),
        totals: p.totals,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
struct PrizeBody {
    preview: bool,
    awards: Vec<LineDto>,
    totals: Totals,
}

#[utoipa::path(get, path = "/api/v1/results/{id}/prizes", tag = "results", security((), ("token" = [])), params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = PrizeBody)))]
#[get("/v1/results/<id>/prizes")]
async fn prizes(
    id: CompetitionId,
    who: Option<CurrentUser>,
    db: &State<DatabaseConnection>,
) -> Result<Json<PrizeBody>, AppError> {
    let (_, p, s) = results_for(db.inner(), id, who.as_ref()).await?;
    Ok(Json(PrizeBody {
        preview: s.is_none(),
        awards: LineDto::all(p.winners()),
        totals: p.totals,
    }))
}

#[utoipa::path(get, path = "/api/v1/results/{id}/appeals", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = Page<AppealDto>)))]
#[get("/v1/results/<id>/appeals?<page>&<per_page>")]
async fn list_appeals(
    id: CompetitionId,
    page: Option<u64>,
    per_page: Option<u64>,
    who: CurrentUser,
    db: &State<DatabaseConnection>,
) -> Result<Json<Page<AppealDto>>, AppError> {
    let db = db.inner();
    let c = competitions::find_by_id(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let visible = read::appeals_for(db, &c, &who).await?;
    let (page, per_page) = support::paging(page, per_page);
    let all = visible.iter().map(AppealDto::of).collect();
    Ok(Json(Page::cut(all, page, per_page)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(get_results, list_snapshots, get_snapshot, prizes, list_appeals))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        get_results,
        list_snapshots,
        get_snapshot,
        prizes,
        list_appeals
    ]
}
