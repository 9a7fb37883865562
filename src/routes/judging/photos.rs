//! Field-verification photos on a sheet: the assigned judge uploads JPEG or PNG (told by
//! content) while the sheet is writable; the judge and the committee view them. Loading goes
//! through `sheets::find_for_judge` (404 for anyone else) or the admin's competition scope.

use chrono::Utc;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::{Route, State, get, post, routes, uri};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::judge::{load, rocket_uri_macro_show as rocket_uri_macro_sheet};
use crate::AppConfig;
use crate::app::judging::sheets::ensure_editable;
use crate::auth::{AdminUser, JudgeUser, csrf::CsrfForm};
use crate::db::documents::StoredFile;
use crate::db::judging::{photos, sheets};
use crate::error::AppError;
use crate::ids::{CompetitionId, PhotoId, SheetId, StageId};
use crate::routes::reply::FormReply;

use crate::uploads;
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
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let ctx = load(db, &who.0, id).await?;
    crate::integrity::ensure_open(&ctx.competition, page.lang)?;
    let back = uri!(sheet(id = id)).to_string();
    if let Err(no) = ensure_editable(&ctx, Utc::now().fixed_offset()) {
        return Ok(FormReply::refused(back, page.t(no.message_key())));
    }
    let Some(input) = form.0.value.as_ref() else {
        return Ok(FormReply::refused(back, page.t("jdg-err-photo")));
    };
    let file = crate::routes::upload::read(&input.file, config.max_upload_bytes).await?;
    let checked = match uploads::check(&file.bytes, config.max_upload_bytes) {
        Ok(c) if c.kind.content_type().starts_with("image/") => c,
        _ => return Ok(FormReply::refused(back, page.t("jdg-err-photo"))),
    };
    let io = |e: std::io::Error| AppError::Internal(format!("storing upload: {e}"));
    let staged = uploads::stage(
        &config.upload_dir,
        ctx.competition.id,
        checked.kind,
        &file.bytes,
    )
    .map_err(io)?;
    let txn = db.begin().await?;
    let stored = StoredFile {
        stored_name: staged.stored_name.clone(),
        content_type: checked.kind.content_type().to_owned(),
        size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
        sha256: checked.sha256,
    };
    let label = uploads::sanitize_name(&file.raw_name);
    // A failure below drops the transaction and the staged/placed file: nothing is left.
    photos::insert(&txn, ctx.sheet.id, &label, stored).await?;
    let placed = staged.persist().map_err(io)?;
    txn.commit().await?;
    placed.keep();
    Ok(FormReply::done(back, page.t("jdg-flash-photo")))
}

/// A stored photo with its safety headers (`crate::downloads`).
type Photo = crate::downloads::UploadedFile;

async fn serve(config: &AppConfig, photo: &entity::sheet_photo::Model) -> Result<Photo, AppError> {
    let path =
        uploads::path_of(&config.upload_dir, &photo.stored_name).ok_or(AppError::NotFound)?;
    let body = rocket::tokio::fs::read(&path)
        .await
        .map_err(|_| AppError::NotFound)?;
    Ok(Photo::new(body, Some(&photo.content_type), &photo.label))
}

#[get("/judge/sheets/<id>/photos/<photo>")]
async fn show(
    who: JudgeUser,
    id: SheetId,
    photo: PhotoId,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Photo, AppError> {
    let ctx = load(db.inner(), &who.0, id).await?;
    let p = photos::find(db.inner(), ctx.sheet.id, photo.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    serve(config, &p).await
}

#[get("/admin/competitions/<cid>/judging/<sid>/sheets/<id>/photos/<photo>")]
async fn admin_show(
    who: AdminUser,
    cid: CompetitionId,
    sid: StageId,
    id: SheetId,
    photo: PhotoId,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Photo, AppError> {
    let db = db.inner();
    let c = crate::db::competitions::find_for_admin(db, cid, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = sheets::find_in_stage(db, sid.into_uuid(), id.into_uuid())
        .await?
        .filter(|ctx| ctx.competition.id == c.id)
        .ok_or(AppError::NotFound)?;
    let p = photos::find(db, ctx.sheet.id, photo.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    serve(config, &p).await
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, show, admin_show]
}
