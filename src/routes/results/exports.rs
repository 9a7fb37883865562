//! Downloads of a competition's results for the committee: CSV and XLSX of the version in
//! force (named by version and hash), or of a fresh preview before the announcement.

use entity::competition;
use rocket::http::{ContentType, Header};
use rocket::response::Responder;
use rocket::{Route, get, routes};

use crate::app::results::current_or_preview;
use crate::error::AppError;
use crate::results::export;
use crate::routes::scope::AdminScope;
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

#[get("/admin/competitions/<_>/results/export.csv")]
async fn export_csv(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let body = export::csv(&p).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Download::new(
        body,
        ContentType::CSV,
        export_name(c, snap.as_ref(), "csv"),
    ))
}

#[get("/admin/competitions/<_>/results/export.xlsx")]
async fn export_xlsx(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let stamp = snap.as_ref().map(|s| export::Stamp {
        version: s.version,
        content_hash: &s.content_hash,
    });
    let body = export::xlsx(&p, stamp).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Download::xlsx(body, export_name(c, snap.as_ref(), "xlsx")))
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
