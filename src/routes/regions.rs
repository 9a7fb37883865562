//! Browsing and searching the region registry (public).

use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::db::region_index::RegionSearch;
use crate::db::regions::{self, Region, RegionQuery};
use crate::error::AppError;
use crate::registry::Level;
use crate::views::{Page, Pagination};

const PER_PAGE: u64 = 50;

#[derive(Serialize)]
struct IndexView {
    page: Page,
    q: String,
    level: String,
    results: Vec<Region>,
    pagination: Pagination,
    searching: bool,
}

#[get("/regions?<q>&<level>&<p>")]
async fn index(
    page: Page,
    q: Option<&str>,
    level: Option<&str>,
    p: Option<u64>,
    db: &State<DatabaseConnection>,
    index: &State<RegionSearch>,
) -> Result<Template, AppError> {
    let text = q.map(str::trim).filter(|t| !t.is_empty());
    let level_filter = level.and_then(Level::parse);
    let page_no = p.unwrap_or(0);
    let (results, total) = if text.is_some() || level_filter.is_some() {
        let query = RegionQuery {
            text: text.map(str::to_owned),
            level: level_filter,
            within: None,
        };
        index.search(db.inner(), &query, page_no, PER_PAGE).await?
    } else {
        let provinces = regions::children(db.inner(), None).await?;
        let n = u64::try_from(provinces.len()).unwrap_or(0);
        (provinces, n)
    };
    let view = IndexView {
        page,
        q: text.unwrap_or("").to_owned(),
        level: level_filter.map(Level::as_str).unwrap_or("").to_owned(),
        results,
        pagination: Pagination::new(page_no, PER_PAGE, total),
        searching: text.is_some() || level_filter.is_some(),
    };
    Ok(Template::render("regions/index", &view))
}

#[derive(Serialize)]
struct ShowView {
    page: Page,
    region: Region,
    ancestors: Vec<Region>,
    children: Vec<Region>,
}

#[get("/regions/<code>")]
async fn show(
    page: Page,
    code: &str,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let region = regions::find(db, code).await?.ok_or(AppError::NotFound)?;
    let view = ShowView {
        ancestors: regions::ancestors(db, code).await?,
        children: regions::children(db, Some(code)).await?,
        region,
        page,
    };
    Ok(Template::render("regions/show", &view))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, show]
}
