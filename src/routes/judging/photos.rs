//! Field-verification photos on a sheet: the assigned judge uploads JPEG or PNG (told by
//! content) while the sheet is writable; the judge and the committee view them. Loading goes
//! through `sheets::find_for_judge` (404 for anyone else) or the admin's competition scope.

use chrono::Utc;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::response::{Flash, Redirect};
use rocket::tokio::io::AsyncReadExt;
use rocket::{Route, State, get, post, routes};
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::judge::load;
use crate::AppConfig;
use crate::auth::{AdminUser, JudgeUser, csrf::CsrfForm};
use crate::db::documents::StoredFile;
use crate::db::judging::{photos, sheets, writable};
use crate::error::AppError;
use crate::ids::CompetitionId;
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
    id: Uuid,
    form: CsrfForm<'_, PhotoForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Flash<Redirect>, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let ctx = load(db, &who, id).await?;
    crate::integrity::ensure_open(&ctx.competition, page.lang)?;
    let back = Redirect::to(format!("/judge/sheets/{id}"));
    if let Err(closed) = writable(&ctx.competition, &ctx.stage, Utc::now().fixed_offset()) {
        return Ok(Flash::error(back, page.t(closed.message_key())));
    }
    if ctx.sheet.status == entity::SheetStatus::Submitted {
        return Ok(Flash::error(back, page.t("jdg-err-locked")));
    }
    let Some(input) = form.0.value.as_ref() else {
        return Ok(Flash::error(back, page.t("jdg-err-photo")));
    };
    let mut bytes = Vec::new();
    input
        .file
        .open()
        .await
        .map_err(|e| AppError::Internal(format!("reading upload: {e}")))?
        .take(config.max_upload_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| AppError::Internal(format!("reading upload: {e}")))?;
    let checked = match uploads::check(&bytes, config.max_upload_bytes) {
        Ok(c) if c.kind.content_type().starts_with("image/") => c,
        _ => return Ok(Flash::error(back, page.t("jdg-err-photo"))),
    };
    let raw_name = input
        .file
        .raw_name()
        .map(|name| name.dangerous_unsafe_unsanitized_raw().as_str())
        .unwrap_or_default();
    let io = |e: std::io::Error| AppError::Internal(format!("storing upload: {e}"));
    let staged =
        uploads::stage(&config.upload_dir, ctx.competition.id, checked.kind, &bytes).map_err(io)?;
    let txn = db.begin().await?;
    let file = StoredFile {
        stored_name: staged.stored_name.clone(),
        content_type: checked.kind.content_type().to_owned(),
        size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
        sha256: checked.sha256,
    };
    // A failure below drops the transaction and the staged/placed file: nothing is left.
    photos::insert(&txn, ctx.sheet.id, &uploads::sanitize_name(raw_name), file).await?;
    let placed = staged.persist().map_err(io)?;
    txn.commit().await?;
    placed.keep();
    Ok(Flash::success(back, page.t("jdg-flash-photo")))
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
    id: Uuid,
    photo: Uuid,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Photo, AppError> {
    let ctx = load(db.inner(), &who, id).await?;
    let p = photos::find(db.inner(), ctx.sheet.id, photo)
        .await?
        .ok_or(AppError::NotFound)?;
    serve(config, &p).await
}

#[get("/admin/competitions/<cid>/judging/<sid>/sheets/<id>/photos/<photo>")]
async fn admin_show(
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    id: Uuid,
    photo: Uuid,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Photo, AppError> {
    let db = db.inner();
    let c = crate::db::competitions::find_for_admin(db, CompetitionId::from(cid), &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = sheets::find_in_stage(db, sid, id)
        .await?
        .filter(|ctx| ctx.competition.id == c.id)
        .ok_or(AppError::NotFound)?;
    let p = photos::find(db, ctx.sheet.id, photo)
        .await?
        .ok_or(AppError::NotFound)?;
    serve(config, &p).await
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, show, admin_show]
}
