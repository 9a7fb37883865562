//! The paper fallback of a score sheet: a printable page (the browser's print stylesheet, "Save
//! as PDF" on a phone) with every indicator, its scale and guidance, boxes for the score, N/A
//! and a comment, the values already saved, and a QR code that opens the sheet for entering
//! the paper's values later. Loaded through `judge::load` like the sheet itself.

use std::collections::BTreeMap;

use chrono::Utc;
use qrcode::QrCode;
use qrcode::render::svg;
use rocket::http::uri::Host;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::judge::load;
use super::sheet_view::{self, SheetView};
use crate::AppConfig;
use crate::auth::JudgeUser;
use crate::error::AppError;
use crate::ids::SheetId;
use crate::views::Page;

#[derive(Serialize)]
struct PrintPage {
    page: Page,
    sheet: SheetView,
    judge: String,
    url: String,
    /// The QR code of `url` as an SVG element (generated here, no user text in it).
    qr: String,
    printed_at: chrono::DateTime<chrono::FixedOffset>,
}

/// The QR code of `text` as an SVG, or nothing when it does not fit a QR code.
fn qr_svg(text: &str) -> String {
    QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<svg::Color<'_>>()
                .min_dimensions(140, 140)
                .quiet_zone(true)
                .build()
        })
        .map(|s| {
            // Only the <svg> element: the XML declaration does not belong inside HTML.
            s.find("<svg").map_or(String::new(), |i| s[i..].to_owned())
        })
        .unwrap_or_default()
}

#[get("/judge/sheets/<id>/print")]
async fn show(
    page: Page,
    who: JudgeUser,
    id: SheetId,
    host: Option<&Host<'_>>,
    config: &State<AppConfig>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let ctx = load(db, &who.0, id).await?;
    let now = Utc::now().fixed_offset();
    let sheet = sheet_view::build(db, &ctx, None, &BTreeMap::new(), page.lang, now).await?;
    let scheme = if config.secure_cookies {
        "https"
    } else {
        "http"
    };
    let host = host.map_or_else(|| "localhost".to_owned(), ToString::to_string);
    let url = format!("{scheme}://{host}/judge/sheets/{}", ctx.sheet.id);
    let view = PrintPage {
        qr: qr_svg(&url),
        judge: who.0.display_name.clone(),
        url,
        page,
        sheet,
        printed_at: now,
    };
    Ok(Template::render("judging/print", &view))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![show]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_qr_code_is_an_svg_element() {
        let svg = super::qr_svg("https://juara.example/judge/sheets/0b7e0c1e");
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
