//! Downloads of a competition's results for the committee: CSV and XLSX of the version in
//! force (named by version and hash), or of a fresh preview before the announcement.

use entity::competition;
use rocket::http::{ContentType, Header};
use rocket::response::Responder;
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;

use super::committee::ensure_judging_started;
use super::{describe_refusal, load_admin, published_of};
use crate::auth::AdminUser;
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::results::{self, Published, export};
use crate::views::Page;

/// A file to download.
#[derive(Responder)]
pub(super) struct Download {
    body: Vec<u8>,
    content_type: ContentType,
    disposition: Header<'static>,
}

impl Download {
    pub(super) fn new(body: Vec<u8>, content_type: ContentType, file: String) -> Self {
        Download {
            body,
            content_type,
            disposition: Header::new(
                "Content-Disposition",
                format!("attachment; filename=\"{file}\""),
            ),
        }
    }

    /// An XLSX workbook.
    pub(super) fn xlsx(body: Vec<u8>, file: String) -> Self {
        let xlsx = ContentType::new(
            "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
        Download::new(body, xlsx, file)
    }
}

/// The published results and their snapshot if announced, else a fresh preview.
async fn current_or_preview(
    db: &DatabaseConnection,
    c: &competition::Model,
    page: &Page,
) -> Result<(Published, Option<entity::result_snapshot::Model>), AppError> {
    if let Some(s) = snapshots::current(db, c.id).await? {
        return Ok((published_of(&s)?, Some(s)));
    }
    ensure_judging_started(c, page)?;
    match results::compute(db, c).await? {
        Ok(computed) => Ok((computed.published, None)),
        Err(r) => Err(AppError::Conflict(
            describe_refusal(&r, page.lang).join("; "),
        )),
    }
}

#[get("/admin/competitions/<id>/results/export.csv")]
async fn export_csv(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Download, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let (p, snap) = current_or_preview(db, &c, &page).await?;
    let body = export::csv(&p).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Download::new(
        body,
        ContentType::CSV,
        export_name(&c, snap.as_ref(), "csv"),
    ))
}

#[get("/admin/competitions/<id>/results/export.xlsx")]
async fn export_xlsx(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Download, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let (p, snap) = current_or_preview(db, &c, &page).await?;
    let stamp = snap.as_ref().map(|s| export::Stamp {
        version: s.version,
        content_hash: &s.content_hash,
    });
    let body = export::xlsx(&p, stamp).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Download::xlsx(body, export_name(&c, snap.as_ref(), "xlsx")))
}

/// `hasil-<id>-v2-1a2b3c4d.csv` for an announced version, `hasil-<id>-pratinjau.csv` before.
fn export_name(
    c: &competition::Model,
    snap: Option<&entity::result_snapshot::Model>,
    ext: &str,
) -> String {
    match snap {
        Some(s) => format!(
            "hasil-{}-v{}-{}.{ext}",
            c.id,
            s.version,
            s.content_hash.get(..8).unwrap_or_default()
        ),
        None => format!("hasil-{}-pratinjau.{ext}", c.id),
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![export_csv, export_xlsx]
}
