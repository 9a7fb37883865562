//! The committee's PDFs: plenary minutes (berita acara), the decree naming the winners (SK),
//! one certificate (piagam) per winner and the score recap (rekap nilai). The decree and the
//! certificates need the announced results and the signing official; a missing field shows
//! the results page again with the error next to it. `inline=true` serves the PDF to be
//! previewed in the page's frame instead of downloaded.

use rocket::Either;
use rocket::form::FromForm;
use rocket::http::ContentType;
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::exports::Download;
use super::published_of;
use crate::app::results::current_or_preview;
use crate::app::results::documents::{self as docs, OfficialInput};
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::forms::FormState;
use crate::results::documents::{certificate, decree, recap};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::storage::Storage;
use crate::views::Page;

/// A PDF, downloaded or (`inline`) shown in the page's preview frame.
pub(super) fn pdf(body: Vec<u8>, file: String, inline: bool) -> Download {
    if inline {
        Download::inline(body, ContentType::PDF, file)
    } else {
        Download::new(body, ContentType::PDF, file)
    }
}

fn laid_out(e: &crate::results::documents::Error) -> AppError {
    AppError::Internal(e.to_string())
}

#[get("/admin/competitions/<_>/results/minutes.pdf?<inline>")]
async fn minutes_pdf(
    page: Page,
    a: AdminScope<'_>,
    inline: bool,
    storage: &State<Storage>,
) -> Result<Download, AppError> {
    let (db, c) = (a.db, &a.c);
    if crate::db::results::minutes::latest(db, c.id)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    // Minutes are recorded once judging has started, so the preview's own check holds.
    let (published, snap) = current_or_preview(db, c, page.lang).await?;
    let body = docs::minutes_pdf(db, storage.inner(), c, &published, snap.as_ref()).await?;
    let file = docs::file_name(db, c, "berita-acara", snap.as_ref(), "pdf").await?;
    Ok(pdf(body, file, inline))
}

/// The official's fields as the results page sends them.
#[derive(FromForm, Default)]
struct OfficialQuery {
    name: Option<String>,
    title: Option<String>,
    nip: Option<String>,
    number: Option<String>,
    place: Option<String>,
    /// Certificates: print the final score.
    show_score: bool,
    inline: bool,
}

impl OfficialQuery {
    fn input(&self) -> OfficialInput {
        let f = |v: &Option<String>| v.clone().unwrap_or_default();
        OfficialInput {
            name: f(&self.name),
            title: f(&self.title),
            nip: f(&self.nip),
            number: f(&self.number),
            place: f(&self.place),
        }
    }
}

type Reply = Either<Download, FormReply>;

/// The results page again with the official's fields and their errors (422).
async fn refused(
    db: &DatabaseConnection,
    page: Page,
    c: &entity::competition::Model,
    q: &OfficialQuery,
    errors: Vec<(&'static str, &'static str)>,
) -> Result<Reply, AppError> {
    let mut form = FormState::default();
    let input = q.input();
    for (k, v) in [
        ("name", input.name),
        ("title", input.title),
        ("nip", input.nip),
        ("number", input.number),
        ("place", input.place),
    ] {
        form.values.insert(k.to_owned(), v);
    }
    for (field, key) in errors {
        form.add_key(field, page.lang, key);
    }
    Ok(Either::Right(
        super::committee::invalid(db, page, c, form).await?,
    ))
}

async fn announced(
    db: &DatabaseConnection,
    c: &entity::competition::Model,
    page: &Page,
) -> Result<(crate::results::Published, entity::result_snapshot::Model), AppError> {
    let s = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| AppError::Conflict(page.t("res-err-not-announced")))?;
    Ok((published_of(&s)?, s))
}

#[get("/admin/competitions/<_>/results/decree.pdf?<q..>")]
async fn decree_pdf(
    page: Page,
    a: AdminScope<'_>,
    q: OfficialQuery,
    storage: &State<Storage>,
) -> Result<Reply, AppError> {
    let (db, c) = (a.db, &a.c);
    let (p, s) = announced(db, c, &page).await?;
    let o = match docs::official(c, &s, &q.input()) {
        Ok(o) => o,
        Err(errors) => return refused(db, page, c, &q, errors).await,
    };
    let kop = docs::letterhead(db, storage.inner(), c).await?;
    let body =
        decree::pdf(&p, &o, kop.as_ref(), s.version, &s.content_hash).map_err(|e| laid_out(&e))?;
    let file = docs::file_name(db, c, "sk", Some(&s), "pdf").await?;
    Ok(Either::Left(pdf(body, file, q.inline)))
}

#[get("/admin/competitions/<_>/results/certificate.pdf?<nomination>&<q..>")]
async fn certificate_pdf(
    page: Page,
    a: AdminScope<'_>,
    nomination: Option<&str>,
    q: OfficialQuery,
    storage: &State<Storage>,
) -> Result<Reply, AppError> {
    let (db, c) = (a.db, &a.c);
    let (p, s) = announced(db, c, &page).await?;
    let n = nomination
        .and_then(|n| Uuid::parse_str(n.trim()).ok())
        .ok_or(AppError::NotFound)?;
    let line = p
        .line_of(n)
        .filter(|l| l.prize.is_some())
        .ok_or(AppError::NotFound)?;
    let o = match docs::official(c, &s, &q.input()) {
        Ok(o) => o,
        Err(errors) => return refused(db, page, c, &q, errors).await,
    };
    let kop = docs::letterhead(db, storage.inner(), c).await?;
    let body =
        certificate::pdf(&p, line, &o, kop.as_ref(), q.show_score).map_err(|e| laid_out(&e))?;
    let kind = format!(
        "piagam-{}",
        crate::app::results::documents::slug(&line.village.name)
    );
    let file = docs::file_name(db, c, &kind, Some(&s), "pdf").await?;
    Ok(Either::Left(pdf(body, file, q.inline)))
}

#[get("/admin/competitions/<_>/results/recap.pdf?<inline>")]
async fn recap_pdf(
    page: Page,
    a: AdminScope<'_>,
    inline: bool,
    storage: &State<Storage>,
) -> Result<Download, AppError> {
    let (db, c) = (a.db, &a.c);
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let how = docs::aggregations(db, c).await?;
    let kop = docs::letterhead(db, storage.inner(), c).await?;
    let (version, hash) = (
        snap.as_ref().map(|s| s.version),
        snap.as_ref().map(|s| s.content_hash.as_str()),
    );
    let body = recap::pdf(&p, &how, kop.as_ref(), version, hash).map_err(|e| laid_out(&e))?;
    let file = docs::file_name(db, c, "rekap-nilai", snap.as_ref(), "pdf").await?;
    Ok(pdf(body, file, inline))
}

#[get("/admin/competitions/<_>/results/recap.xlsx")]
async fn recap_xlsx(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let (db, c) = (a.db, &a.c);
    let (p, snap) = current_or_preview(db, c, page.lang).await?;
    let how = docs::aggregations(db, c).await?;
    let body = recap::xlsx(&p, &how).map_err(|e| AppError::Internal(e.to_string()))?;
    let file = docs::file_name(db, c, "rekap-nilai", snap.as_ref(), "xlsx").await?;
    Ok(Download::xlsx(body, file))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        minutes_pdf,
        decree_pdf,
        certificate_pdf,
        recap_pdf,
        recap_xlsx
    ]
}
