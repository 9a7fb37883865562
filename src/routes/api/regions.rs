//! `GET /api/v1/regions` (search), `GET /api/v1/regions/suggest` (the type-ahead of region
//! fields: a few matches with their path) and `GET /api/v1/regions/<code>` (one region, its
//! ancestors and children). Public, read-only: the registry is public data.

use crate::json::Json;
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::app::regions::{self as regions_input, Suggestion};
use crate::db::region_index::RegionSearch;
use crate::db::regions::{self, Region, RegionQuery};
use crate::error::AppError;
use crate::registry::Level;
use crate::routes::api::support::Page;

const MAX_PER_PAGE: u64 = 500;

/// Searches the registry: by name or code (`q`), level, and within a region.
#[utoipa::path(get, path = "/api/v1/regions", tag = "regions", security(()),
    params(
        ("q" = Option<String>, Query, description = "Part of a name or a code prefix"),
        ("level" = Option<String>, Query, description = "`province`, `regency`, `district` or `village`"),
        ("within" = Option<String>, Query, description = "A region code the results lie in"),
        ("page" = Option<u64>, Query, description = "From 0"),
        ("per_page" = Option<u64>, Query, description = "1–500, default 50"),
    ),
    responses((status = 200, body = Page<Region>)))]
#[get("/v1/regions?<q>&<level>&<within>&<page>&<per_page>")]
async fn list_regions(
    q: Option<&str>,
    level: Option<&str>,
    within: Option<&str>,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
    index: &State<RegionSearch>,
) -> Result<Json<Page<Region>>, AppError> {
    let level = match level {
        Some(l) => Some(Level::parse(l).ok_or(AppError::NotFound)?),
        None => None,
    };
    let within = match within {
        Some(w) if Level::of_code(w).is_none() => return Err(AppError::NotFound),
        other => other.map(str::to_owned),
    };
    let query = RegionQuery {
        text: q.map(str::to_owned),
        level,
        within,
    };
    let page = page.unwrap_or(0);
    let per_page = per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE);
    let (items, total) = index.search(db.inner(), &query, page, per_page).await?;
    Ok(Json(Page::new(items, total, page, per_page)))
}

#[derive(Serialize, utoipa::ToSchema)]
struct Suggestions {
    items: Vec<Suggestion>,
}

/// The type-ahead of region fields: a few matches with the regions around them.
#[utoipa::path(get, path = "/api/v1/regions/suggest", tag = "regions", security(()),
    params(
        ("q" = Option<String>, Query, description = "What was typed"),
        ("levels" = Option<String>, Query, description = "Comma-separated levels (`province,regency`); all when absent"),
    ),
    responses((status = 200, body = Suggestions)))]
#[get("/v1/regions/suggest?<q>&<levels>")]
async fn suggest(
    q: Option<&str>,
    levels: Option<&str>,
    db: &State<DatabaseConnection>,
    index: &State<RegionSearch>,
) -> Result<Json<Suggestions>, AppError> {
    let mut wanted = Vec::new();
    for name in levels.unwrap_or("").split(',').filter(|l| !l.is_empty()) {
        wanted.push(Level::parse(name.trim()).ok_or(AppError::NotFound)?);
    }
    let items = regions_input::suggest(db.inner(), index.inner(), q.unwrap_or(""), &wanted).await?;
    Ok(Json(Suggestions { items }))
}

/// One region as the list shows it, with its ancestors (province first) and its children
/// paged like every list (`page`, `per_page`).
#[derive(Serialize, utoipa::ToSchema)]
struct RegionDetail {
    #[serde(flatten)]
    region: Region,
    ancestors: Vec<Region>,
    children: Page<Region>,
}

#[utoipa::path(get, path = "/api/v1/regions/{code}", tag = "regions", security(()),
    params(("code" = String, Path, description = "A region code such as `64.02`"),
        ("page" = Option<u64>, Query, description = "Children: from 0"),
        ("per_page" = Option<u64>, Query, description = "Children per page")),
    responses((status = 200, body = RegionDetail)))]
#[get("/v1/regions/<code>?<page>&<per_page>")]
async fn find_region(
    code: &str,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<RegionDetail>, AppError> {
    let db = db.inner();
    let region = regions::find(db, code).await?.ok_or(AppError::NotFound)?;
    let (page, per_page) = (
        page.unwrap_or(0),
        per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE),
    );
    let children = regions::children(db, Some(code)).await?;
    Ok(Json(RegionDetail {
        ancestors: regions::ancestors(db, code).await?,
        children: Page::cut(children, page, per_page),
        region,
    }))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list_regions, suggest, find_region))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list_regions, suggest, find_region]
}
