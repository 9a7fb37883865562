//! Evidence on a draft: upload a file (PDF, JPEG, PNG — told by content, never by name), add
//! a link, remove a document. An upload that fails at any step leaves no file and no row:
//! the file is staged, the row inserted in a transaction, the file moved into place, then
//! the transaction committed; each guard removes its file if a later step fails.

use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::http::Status as HttpStatus;
use rocket::response::{Flash, Redirect};
use rocket::tokio::io::AsyncReadExt;
use rocket::{Route, State, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;

use super::edit::{load, refuse_if_locked, render};
use super::view::Forms;
use super::village_path;
use crate::AppConfig;
use crate::auth::{VillageUser, csrf, csrf::CsrfForm};
use crate::db::documents;
use crate::error::AppError;
use crate::evidence;
use crate::forms::FormState;
use crate::ids::{DocumentId, NominationId};
use crate::uploads;
use crate::views::Page;
use entity::competition;

type Answer = Result<Result<Flash<Redirect>, (HttpStatus, Template)>, AppError>;

#[derive(FromForm)]
struct UploadForm<'r> {
    target: &'r str,
    file: TempFile<'r>,
}

/// Reads at most `max + 1` bytes, enough to tell an oversized file without reading it all.
async fn read_capped(file: &TempFile<'_>, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.open()
        .await?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .await?;
    Ok(bytes)
}

#[post("/village/nominations/<id>/files", data = "<form>")]
async fn upload(
    page: Page,
    who: VillageUser,
    id: NominationId,
    form: CsrfForm<'_, UploadForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Answer {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load(db, id, &who).await?;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(Err(refused));
    }
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let Some(input) = form.0.value.as_ref() else {
        return invalid_upload(db, config, page, (&n, &c), state).await;
    };
    let bytes = read_capped(&input.file, config.max_upload_bytes)
        .await
        .map_err(|e| AppError::Internal(format!("reading upload: {e}")))?;
    let checked = uploads::check(&bytes, config.max_upload_bytes);
    if let Err(refusal) = &checked {
        let mb = config.max_upload_bytes.div_ceil(1024 * 1024).to_string();
        let message = crate::i18n::t_args(page.lang, refusal.message_key(), &[("mb", mb)]);
        state.add("file", message);
    }
    let target = match evidence::resolve_target(db, &c, input.target).await? {
        Some((_, kind)) if kind == "link" => {
            state.add_key("target", page.lang, "nom-err-target-link");
            None
        }
        None => {
            state.add_key("target", page.lang, "nom-err-target");
            None
        }
        Some((target, _)) => Some(target),
    };
    let (Some(target), Ok(checked)) = (target, checked) else {
        return invalid_upload(db, config, page, (&n, &c), state).await;
    };
    let raw_name = input
        .file
        .raw_name()
        .map(|name| name.dangerous_unsafe_unsanitized_raw().as_str())
        .unwrap_or_default();
    let dir = &config.upload_dir;
    evidence::store_file(
        db,
        dir,
        (&n, &c),
        target,
        checked,
        &bytes,
        raw_name,
        who.0.id,
    )
    .await?;
    Ok(Ok(Flash::success(
        Redirect::to(village_path(n.id)),
        page.t("nom-flash-uploaded"),
    )))
}

/// The page again with the upload form's errors (422).
async fn invalid_upload(
    db: &DatabaseConnection,
    config: &AppConfig,
    page: Page,
    nc: (&entity::nomination::Model, &competition::Model),
    upload: FormState,
) -> Answer {
    let forms = Forms {
        upload,
        ..Forms::default()
    };
    let status = HttpStatus::UnprocessableEntity;
    render(db, config, page, nc, forms, status).await.map(Err)
}

#[derive(FromForm)]
struct LinkForm<'r> {
    target: &'r str,
    label: &'r str,
    url: &'r str,
}

#[post("/village/nominations/<id>/links", data = "<form>")]
async fn add_link(
    page: Page,
    who: VillageUser,
    id: NominationId,
    form: CsrfForm<'_, LinkForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Answer {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load(db, id, &who).await?;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(Err(refused));
    }
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let target = match input {
        Some(f) => evidence::resolve_target(db, &c, f.target).await?,
        None => None,
    };
    let target = match target {
        Some((t, kind)) if kind != "file" => Some(t),
        Some(_) => {
            state.add_key("target", page.lang, "nom-err-target-file");
            None
        }
        None => {
            state.add_key("target", page.lang, "nom-err-target");
            None
        }
    };
    let url = input.map(|f| f.url.trim()).unwrap_or_default();
    if !evidence::link_ok(url) {
        state.add_key("url", page.lang, "nom-err-url");
    }
    let label = input.map(|f| f.label.trim()).unwrap_or_default();
    if label.chars().count() > 120 {
        state.add_key("label", page.lang, "nom-err-too-long-short");
    }
    let Some(target) = target.filter(|_| state.is_ok()) else {
        let forms = Forms {
            link: state,
            ..Forms::default()
        };
        let status = HttpStatus::UnprocessableEntity;
        return render(db, config, page, (&n, &c), forms, status)
            .await
            .map(Err);
    };
    evidence::add_link(db, &n, target, label, url, who.0.id).await?;
    Ok(Ok(Flash::success(
        Redirect::to(village_path(n.id)),
        page.t("nom-flash-link-added"),
    )))
}

#[post("/village/nominations/<id>/documents/<doc>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    who: VillageUser,
    id: NominationId,
    doc: DocumentId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Answer {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load(db, id, &who).await?;
    let d = documents::find_in_nomination(db, doc, n.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(Err(refused));
    }
    evidence::remove(db, &config.upload_dir, d).await?;
    Ok(Ok(Flash::success(
        Redirect::to(village_path(n.id)),
        page.t("nom-flash-removed"),
    )))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, add_link, delete]
}
