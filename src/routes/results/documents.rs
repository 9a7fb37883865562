//! The committee's PDFs: plenary minutes (with the results attached), the decree naming the
//! winners, and one certificate per winner. The decree and certificates need the announced
//! results and the signing official's name, title, decree number and place.

use entity::competition;
use rocket::http::ContentType;
use rocket::{Route, get, routes};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::exports::Download;
use super::published_of;
use crate::app::competition::zone;
use crate::app::results::current_or_preview;
use crate::db::results::{minutes, snapshots};
use crate::error::AppError;
use crate::results::Published;
use crate::results::pdf::{self, MinutesText, Official};
use crate::routes::scope::AdminScope;
use crate::views::Page;
use crate::views::format::tanggal;

fn pdf(body: Vec<u8>, file: String) -> Download {
    Download::new(body, ContentType::PDF, file)
}

#[get("/admin/competitions/<_>/results/minutes.pdf")]
async fn minutes_pdf(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let m = minutes::latest(db, c.id).await?.ok_or(AppError::NotFound)?;
    // Minutes are recorded once judging has started, so the preview's own check holds.
    let (published, snap) = current_or_preview(db, c, page.lang).await?;
    let text = MinutesText {
        held_on: tanggal(m.held_on),
        place: m.place,
        members: m
            .members
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        decision: m.decision,
    };
    let body = pdf::minutes(
        &published,
        &text,
        snap.as_ref().map(|s| s.content_hash.as_str()),
    );
    Ok(pdf(body, format!("berita-acara-{}.pdf", c.id)))
}

/// The official's fields, all required.
fn official(
    page: &Page,
    name: Option<&str>,
    title: Option<&str>,
    number: Option<&str>,
    place: Option<&str>,
    announced: chrono::NaiveDate,
) -> Result<Official, AppError> {
    let get = |v: Option<&str>| {
        v.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    match (get(name), get(title), get(number), get(place)) {
        (Some(name), Some(title), Some(number), Some(place)) => Ok(Official {
            name,
            title,
            number,
            place_date: format!("{place}, {}", tanggal(announced)),
        }),
        _ => Err(AppError::Conflict(page.t("res-err-official"))),
    }
}

async fn announced(
    db: &DatabaseConnection,
    c: &competition::Model,
    page: &Page,
) -> Result<(Published, entity::result_snapshot::Model), AppError> {
    let s = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| AppError::Conflict(page.t("res-err-not-announced")))?;
    Ok((published_of(&s)?, s))
}

#[allow(clippy::too_many_arguments)] // Rocket hands each query field over separately.
#[get("/admin/competitions/<_>/results/decree.pdf?<name>&<title>&<number>&<place>")]
async fn decree_pdf(
    page: Page,
    a: AdminScope<'_>,
    name: Option<&str>,
    title: Option<&str>,
    number: Option<&str>,
    place: Option<&str>,
) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let (p, s) = announced(db, c, &page).await?;
    let o = official(
        &page,
        name,
        title,
        number,
        place,
        zone::date_of(s.announced_at, zone::of(c)),
    )?;
    let body = pdf::decree(&p, &o, s.version, &s.content_hash);
    Ok(pdf(body, format!("sk-{}.pdf", c.id)))
}

#[allow(clippy::too_many_arguments)] // Rocket hands each query field over separately.
#[get(
    "/admin/competitions/<_>/results/certificate.pdf?<nomination>&<name>&<title>&<number>&<place>"
)]
async fn certificate_pdf(
    page: Page,
    a: AdminScope<'_>,
    nomination: Option<&str>,
    name: Option<&str>,
    title: Option<&str>,
    number: Option<&str>,
    place: Option<&str>,
) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let (p, s) = announced(db, c, &page).await?;
    let n = nomination
        .and_then(|n| Uuid::parse_str(n.trim()).ok())
        .ok_or(AppError::NotFound)?;
    let line = p
        .line_of(n)
        .filter(|l| l.prize.is_some())
        .ok_or(AppError::NotFound)?;
    let o = official(
        &page,
        name,
        title,
        number,
        place,
        zone::date_of(s.announced_at, zone::of(c)),
    )?;
    let body = pdf::certificate(&p, line, &o);
    Ok(pdf(body, format!("piagam-{n}.pdf")))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![minutes_pdf, decree_pdf, certificate_pdf]
}
