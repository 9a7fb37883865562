//! Public results, no login: the announced competitions by year and region, and each
//! competition's winners page (current version, or any earlier one) with the snapshot hash.
//! Nothing is public before the announcement: an unannounced competition answers 404.

use entity::competition;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use std::collections::HashMap;

use super::exports::Download;
use super::public_cache::{CachedHtml, IfNoneMatch, PublicPages};
use super::{ResultsView, published_of};
use crate::app::regions::{self as region_input, title_of};
use crate::db::competitions;
use crate::db::results::{appeals, reads, snapshots};
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::views::Page;
use rocket::Either;

#[derive(Serialize)]
struct ListItem {
    id: String,
    name: String,
    year: i32,
    level: String,
    region_code: String,
    /// The region in words (`Kabupaten Kudus`).
    region_name: Option<String>,
}

#[derive(Serialize)]
struct ListView {
    page: Page,
    items: Vec<ListItem>,
    year: String,
    region: String,
}

/// True once results are public (the moment they are frozen).
pub(super) use crate::app::results::frozen::is_published as is_public;

#[get("/results?<year>&<region>")]
async fn list(
    page: Page,
    year: Option<i32>,
    region: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let region = region.map(str::trim).filter(|r| !r.is_empty());
    // A name or "code — name" from the region picker filters by its code.
    let code = match region {
        Some(text) => match region_input::resolve(db.inner(), text, &[]).await? {
            Ok(Some(r)) => Some(r.code),
            _ => Some(text.to_owned()),
        },
        None => None,
    };
    let mut items = Vec::new();
    for c in reads::public_competitions(db.inner(), year, code.as_deref()).await? {
        items.push(ListItem {
            region_name: title_of(db.inner(), c.region_code.as_deref(), page.lang).await?,
            id: c.id.to_string(),
            name: c.name,
            year: c.year,
            level: c.level,
            region_code: c.region_code.unwrap_or_default(),
        });
    }
    let view = ListView {
        page,
        items,
        year: year.map(|y| y.to_string()).unwrap_or_default(),
        region: region.unwrap_or("").to_owned(),
    };
    Ok(Template::render("results/list", &view))
}

#[derive(Serialize)]
struct VersionLink {
    version: i32,
    hash: String,
    current: bool,
    reason: String,
}

#[derive(Serialize)]
struct AppealOutcome {
    village: String,
    status: entity::AppealStatus,
    answer: String,
}

#[derive(Serialize)]
struct WinnersView {
    page: Page,
    competition_id: String,
    name: String,
    year: i32,
    version: i32,
    hash: String,
    reason: String,
    announced_at: String,
    /// The published rules version the results were computed under.
    rules_version: Option<i32>,
    /// The newer version that replaced this one, and its reason.
    superseded_by: Option<VersionLink>,
    results: ResultsView,
    versions: Vec<VersionLink>,
    appeals: Vec<AppealOutcome>,
}

/// Renders one snapshot version of `c` (public and committee pages).
pub(super) async fn render_version(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    version: i32,
) -> Result<Template, AppError> {
    let view = version_view(db, page, c, version).await?;
    Ok(Template::render("results/winners", &view))
}

/// What a snapshot version's page shows.
async fn version_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    version: i32,
) -> Result<WinnersView, AppError> {
    let all = snapshots::list(db, c.id).await?;
    let snap = all
        .iter()
        .find(|s| s.version == version)
        .ok_or(AppError::NotFound)?;
    let published = published_of(snap)?;
    let names: HashMap<uuid::Uuid, String> = published
        .lines
        .iter()
        .map(|l| (l.nomination_id, l.village.name.clone()))
        .collect();
    let appeals = appeals::list(db, c.id)
        .await?
        .into_iter()
        .filter(|a| a.status != appeals::OPEN)
        .map(|a| AppealOutcome {
            village: names.get(&a.nomination_id).cloned().unwrap_or_default(),
            status: a.status,
            answer: a.answer,
        })
        .collect();
    let superseded_by = all
        .iter()
        .find(|s| s.version == version + 1)
        .map(|s| VersionLink {
            version: s.version,
            hash: s.content_hash.clone(),
            current: s.status == snapshots::CURRENT,
            reason: s.reason.clone(),
        });
    let view = WinnersView {
        competition_id: c.id.to_string(),
        // The name as announced: a later rename does not rewrite a published result.
        name: published.competition_name.clone(),
        year: c.year,
        version: snap.version,
        hash: snap.content_hash.clone(),
        reason: snap.reason.clone(),
        announced_at: crate::views::format::competition_time(c, snap.announced_at, page.lang),
        rules_version: snap.rules_version,
        superseded_by,
        results: ResultsView::of(&published, page.lang),
        versions: all
            .iter()
            .map(|s| VersionLink {
                version: s.version,
                hash: s.content_hash.clone(),
                current: s.status == snapshots::CURRENT,
                reason: s.reason.clone(),
            })
            .collect(),
        appeals,
        page,
    };
    Ok(view)
}

async fn public_competition(
    db: &DatabaseConnection,
    id: CompetitionId,
) -> Result<competition::Model, AppError> {
    competitions::find_by_id(db, id)
        .await?
        .filter(is_public)
        .ok_or(AppError::NotFound)
}

#[get("/results/<id>")]
async fn winners(
    page: Page,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
    cache: Cached<'_>,
) -> Result<Either<Template, CachedHtml>, AppError> {
    let db = db.inner();
    let marks = cache
        .pages
        .marks(db, id.into_uuid(), page.user.is_none())
        .await?;
    let current = marks
        .versions
        .first()
        .map(|(v, _)| *v)
        .ok_or(AppError::NotFound)?;
    serve(db, page, id, (current, &marks), cache).await
}

#[get("/results/<id>/v/<version>")]
async fn winners_version(
    page: Page,
    id: CompetitionId,
    version: i32,
    db: &State<DatabaseConnection>,
    cache: Cached<'_>,
) -> Result<Either<Template, CachedHtml>, AppError> {
    let db = db.inner();
    let marks = cache
        .pages
        .marks(db, id.into_uuid(), page.user.is_none())
        .await?;
    if !marks.versions.iter().any(|(v, _)| *v == version) {
        return Err(AppError::NotFound);
    }
    serve(db, page, id, (version, &marks), cache).await
}

/// What a winners page needs to be served from memory (`public_cache`).
pub(super) struct Cached<'r> {
    pages: &'r PublicPages,
    rocket: &'r rocket::Rocket<rocket::Orbit>,
    if_none_match: IfNoneMatch,
}

#[rocket::async_trait]
impl<'r> rocket::request::FromRequest<'r> for Cached<'r> {
    type Error = ();

    async fn from_request(req: &'r rocket::Request<'_>) -> rocket::request::Outcome<Self, ()> {
        use rocket::outcome::try_outcome;
        let pages = try_outcome!(req.guard::<&State<PublicPages>>().await);
        let if_none_match = try_outcome!(
            req.guard::<IfNoneMatch>()
                .await
                .map_error(|_| (rocket::http::Status::InternalServerError, ()))
        );
        rocket::request::Outcome::Success(Cached {
            pages: pages.inner(),
            rocket: req.rocket(),
            if_none_match,
        })
    }
}

/// The page of `version`: from memory for anonymous visitors (rendered once per key), fresh
/// for a logged-in user or a page carrying a one-time message. Snapshots exist only once a
/// competition is announced (and it only moves on to archived), so a page found in memory
/// needs no further read; a page rendered anew checks the competition is public as ever.
async fn serve(
    db: &DatabaseConnection,
    page: Page,
    id: CompetitionId,
    (version, marks): (i32, &snapshots::PageMarks),
    cache: Cached<'_>,
) -> Result<Either<Template, CachedHtml>, AppError> {
    let shared = page.user.is_none() && page.flash.is_none();
    let key = shared.then(|| {
        let (versions, answered) = (&marks.versions, &marks.answered);
        format!("{}|{}|{versions:?}|{answered:?}", page.path, page.lang)
    });
    let kept = key.as_deref().and_then(|k| cache.pages.get(k));
    if let Some(kept) = kept {
        let not_modified = cache.if_none_match.holds(&kept.etag);
        return Ok(Either::Right(CachedHtml {
            page: kept,
            not_modified,
        }));
    }
    let c = public_competition(db, id).await?;
    let Some(key) = key else {
        let view = version_view(db, page, &c, version).await?;
        return Ok(Either::Left(Template::render("results/winners", &view)));
    };
    // Shared by every anonymous visitor: no visitor's own form token in it.
    let view = version_view(
        db,
        Page {
            csrf: String::new(),
            ..page
        },
        &c,
        version,
    )
    .await?;
    let html = Template::show(cache.rocket, "results/winners", &view)
        .ok_or_else(|| AppError::Internal("results/winners did not render".into()))?;
    let kept = cache.pages.put(&key, html);
    let not_modified = cache.if_none_match.holds(&kept.etag);
    Ok(Either::Right(CachedHtml {
        page: kept,
        not_modified,
    }))
}

/// The verification file of one announced version (inputs, outputs, version, reason, hash),
/// for `juara verify`. Judges appear as numbers, as in the protocols.
#[get("/results/<id>/v/<version>/verify.json")]
async fn verification_file(
    id: CompetitionId,
    version: i32,
    db: &State<DatabaseConnection>,
) -> Result<Download, AppError> {
    let db = db.inner();
    let c = public_competition(db, id).await?;
    let snap = snapshots::version(db, c.id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    let file = crate::app::results::snapshot::result_file(&snap).map_err(AppError::Internal)?;
    let body = serde_json::to_vec_pretty(&file).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Download::new(
        body,
        rocket::http::ContentType::JSON,
        format!("hasil-{}-v{}.json", c.year, snap.version),
    ))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, winners, winners_version, verification_file]
}
