//! Evidence on a draft: upload a file (PDF, JPEG, PNG — told by content, never by name), add
//! a link, remove a document. An upload that fails at any step leaves no file and no row:
//! the file is staged, the row inserted in a transaction, the file moved into place, then
//! the transaction committed; each guard removes its file if a later step fails.

use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;

use super::edit::{refuse_if_locked, render};
use super::view::Forms;
use super::village_path;
use crate::AppConfig;
use crate::app::nomination::evidence;
use crate::auth::{csrf, csrf::CsrfForm};
use crate::db::documents;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::DocumentId;
use crate::routes::reply::FormReply;
use crate::routes::scope::OwnNomination;
use crate::routes::upload::read as read_upload;
use crate::storage::Storage;
use crate::uploads;
use crate::views::Page;
use entity::competition;

#[derive(FromForm)]
struct UploadForm<'r> {
    target: &'r str,
    file: TempFile<'r>,
}

#[post("/village/nominations/<_>/files", data = "<form>")]
async fn upload(
    page: Page,
    own: OwnNomination<'_>,
    form: CsrfForm<'_, UploadForm<'_>>,
    storage: &State<Storage>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        who,
        db,
        n,
        c,
        config,
    } = own;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(refused.into());
    }
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let Some(input) = form.0.value.as_ref() else {
        return invalid_upload(db, config, page, (&n, &c), state).await;
    };
    let max = config.max_upload_bytes;
    let file = read_upload(&input.file, max).await?;
    let checked = uploads::check(&file.bytes, max);
    if let Err(refusal) = &checked {
        state.add("file", evidence::refusal_message(refusal, max, page.lang));
    }
    let target = evidence::file_target(db, &c, input.target).await?;
    if let Err(key) = target {
        state.add_key("target", page.lang, key);
    }
    let (Ok(target), Ok(checked)) = (target, checked) else {
        return invalid_upload(db, config, page, (&n, &c), state).await;
    };
    let (nc, name) = ((&n, &c), file.raw_name.as_str());
    evidence::store_file(
        db,
        storage,
        nc,
        target,
        checked,
        &file.bytes,
        name,
        who.0.id,
    )
    .await?;
    Ok(FormReply::done(
        village_path(n.id),
        page.t("nom-flash-uploaded"),
    ))
}

/// The page again with the upload form's errors (422).
async fn invalid_upload(
    db: &DatabaseConnection,
    config: &AppConfig,
    page: Page,
    nc: (&entity::nomination::Model, &competition::Model),
    upload: FormState,
) -> Result<FormReply, AppError> {
    let forms = Forms {
        upload,
        ..Forms::default()
    };
    let status = HttpStatus::UnprocessableEntity;
    Ok(render(db, config, page, nc, forms, status).await?.into())
}

#[derive(FromForm)]
struct LinkForm<'r> {
    target: &'r str,
    label: &'r str,
    url: &'r str,
}

#[post("/village/nominations/<_>/links", data = "<form>")]
async fn add_link(
    page: Page,
    own: OwnNomination<'_>,
    form: CsrfForm<'_, LinkForm<'_>>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        who,
        db,
        n,
        c,
        config,
    } = own;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(refused.into());
    }
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let url = input.map(|f| f.url.trim()).unwrap_or_default();
    let label = input.map(|f| f.label.trim()).unwrap_or_default();
    let target = input.map(|f| f.target).unwrap_or_default();
    let target = match evidence::link_target(db, &c, target, label, url).await? {
        Ok(t) => Some(t),
        Err(errors) => {
            for (field, key) in errors {
                state.add_key(field, page.lang, key);
            }
            None
        }
    };
    let Some(target) = target.filter(|_| state.is_ok()) else {
        let forms = Forms {
            link: state,
            ..Forms::default()
        };
        let status = HttpStatus::UnprocessableEntity;
        return Ok(render(db, config, page, (&n, &c), forms, status)
            .await?
            .into());
    };
    evidence::add_link(db, &n, target, label, url, who.0.id).await?;
    Ok(FormReply::done(
        village_path(n.id),
        page.t("nom-flash-link-added"),
    ))
}

#[post("/village/nominations/<_>/documents/<doc>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    own: OwnNomination<'_>,
    doc: DocumentId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    storage: &State<Storage>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        db, n, c, config, ..
    } = own;
    let d = documents::find_in_nomination(db, doc, n.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(refused.into());
    }
    evidence::remove(db, storage, d).await?;
    Ok(FormReply::done(
        village_path(n.id),
        page.t("nom-flash-removed"),
    ))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, add_link, delete]
}
