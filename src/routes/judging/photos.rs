//! Field-verification photos on a sheet: the assigned judge uploads JPEG or PNG (told by
//! content) while the sheet is writable; the judge and the committee view them. Loading goes
//! through `sheets::find_for_judge` (404 for anyone else) or the admin's competition scope.

use chrono::Utc;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::{Route, State, get, post, routes, uri};
use sea_orm::DatabaseConnection;

use super::judge::{load, rocket_uri_macro_show as rocket_uri_macro_sheet};
use crate::AppConfig;
use crate::app::judging::photos as photo_rules;
use crate::auth::{JudgeUser, csrf::CsrfForm};
use crate::db::judging::{photos, sheets};
use crate::error::AppError;
use crate::ids::{PhotoId, SheetId, StageId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::storage::Storage;
use crate::views::Page;

#[derive(FromForm)]
struct PhotoForm<'r> {
    file: TempFile<'r>,
}

#[post("/judge/sheets/<id>/photos", data = "<form>")]
async fn upload(
    page: Page,
    who: JudgeUser,
    id: SheetId,
    form: CsrfForm<'_, PhotoForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
    storage: &State<Storage>,
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let ctx = load(db, &who.0, id).await?;
    crate::integrity::ensure_open(&ctx.competition, page.lang)?;
    let back = uri!(sheet(id = id)).to_string();
    let max = config.max_upload_bytes;
    let file = match form.0.value.as_ref() {
        Some(input) => Some(crate::routes::upload::read(&input.file, max).await?),
        None => None,
    };
    let upload = file
        .as_ref()
        .map(|f| (f.bytes.as_slice(), f.raw_name.as_str()));
    let now = Utc::now().fixed_offset();
    let place = (storage.inner(), max);
    Ok(
        match photo_rules::add(db, place, &ctx, upload, now).await? {
            Ok(_) => FormReply::done(back, page.t("jdg-flash-photo")),
            Err(no) => FormReply::refused(back, page.t(no.message_key())),
        },
    )
}

/// A stored photo with its safety headers (`crate::downloads`).
type Photo = crate::downloads::UploadedFile;

async fn serve(storage: &Storage, photo: &entity::sheet_photo::Model) -> Result<Photo, AppError> {
    let body = crate::routes::upload::stored_bytes(storage, &photo.stored_name).await?;
    Ok(Photo::new(body, Some(&photo.content_type), &photo.label))
}

#[get("/judge/sheets/<id>/photos/<photo>")]
async fn show(
    who: JudgeUser,
    id: SheetId,
    photo: PhotoId,
    db: &State<DatabaseConnection>,
    storage: &State<Storage>,
) -> Result<Photo, AppError> {
    let ctx = load(db.inner(), &who.0, id).await?;
    let p = photos::find(db.inner(), ctx.sheet.id, photo.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    serve(storage, &p).await
}

#[get("/admin/competitions/<_>/judging/<sid>/sheets/<id>/photos/<photo>")]
async fn admin_show(
    a: AdminScope<'_>,
    sid: StageId,
    id: SheetId,
    photo: PhotoId,
    storage: &State<Storage>,
) -> Result<Photo, AppError> {
    let (db, c) = (a.db, &a.c);
    let ctx = sheets::find_in_stage(db, sid.into_uuid(), id.into_uuid())
        .await?
        .filter(|ctx| ctx.competition.id == c.id)
        .ok_or(AppError::NotFound)?;
    let p = photos::find(db, ctx.sheet.id, photo.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    serve(storage, &p).await
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, show, admin_show]
}
