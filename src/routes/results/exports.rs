//! Downloads of a competition's results for the committee: CSV and XLSX of the version in
//! force, or of a fresh preview before the announcement, named by competition, level, region,
//! year and version (`hasil-lomba-desa-prov-jatim-2026-v2.xlsx`).

use rocket::http::{ContentType, Header};
use rocket::response::Responder;
use rocket::{Route, get, routes};

use crate::app::results::current_or_preview;
use crate::app::results::documents::file_name;
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
    frame: Header<'static>,
    csp: Header<'static>,
}

impl Download {
    pub(super) fn new(body: Vec<u8>, content_type: ContentType, file: String) -> Self {
        Download {
            body,
            content_type,
            disposition: Header::new(
                "Content-Disposition",
                crate::downloads::disposition("attachment", &file, "bin"),
            ),
            frame: Header::new("X-Frame-Options", "DENY"),
            csp: Header::new(
                "Content-Security-Policy",
                crate::security_headers::CONTENT_SECURITY_POLICY,
            ),
        }
    }

    /// A file shown in the browser (the document preview frame on the results page): only
    /// this app's own pages may frame it.
    pub(super) fn inline(body: Vec<u8>, content_type: ContentType, file: String) -> Self {
        Download {
            body,
            content_type,
            disposition: Header::new(
                "Content-Disposition",
                crate::downloads::disposition("inline", &file, "pdf"),
            ),
            frame: Header::new("X-Frame-Options", "SAMEORIGIN"),
            csp: Header::new(
                "Content-Security-Policy",
                // The browser's own PDF viewer must run in the frame: no sandbox here (the
                // bytes are our generated document, never an upload).
                "frame-ancestors 'self'",
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
    let (db, c) = (a.db, &a.c);
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let body = export::csv(&p).map_err(|e| AppError::Internal(e.to_string()))?;
    let file = file_name(db, c, "hasil", snap.as_ref(), "csv").await?;
    Ok(Download::new(body, ContentType::CSV, file))
}

#[get("/admin/competitions/<_>/results/export.xlsx")]
async fn export_xlsx(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let (db, c) = (a.db, &a.c);
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let stamp = snap.as_ref().map(|s| export::Stamp {
        version: s.version,
        content_hash: &s.content_hash,
    });
    let body = export::xlsx(&p, stamp).map_err(|e| AppError::Internal(e.to_string()))?;
    let file = file_name(db, c, "hasil", snap.as_ref(), "xlsx").await?;
    Ok(Download::xlsx(body, file))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![export_csv, export_xlsx]
}
