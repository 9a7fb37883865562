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
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::edit::{load, refuse_if_locked, render};
use super::view::Forms;
use super::village_path;
use crate::AppConfig;
use crate::auth::{VillageUser, csrf, csrf::CsrfForm};
use crate::db::documents::{self, NewDocument, StoredFile, Target};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{DocumentId, NominationId};
use crate::uploads;
use crate::views::Page;
use entity::competition;

type Answer = Result<Result<Flash<Redirect>, (HttpStatus, Template)>, AppError>;

/// The upload target if it names this competition's checklist item or evidence criterion,
/// with the kind of document it takes (`file`, `link` or `any`).
async fn resolve_target(
    db: &DatabaseConnection,
    c: &competition::Model,
    value: &str,
) -> Result<Option<(Target, String)>, AppError> {
    let parse = |prefix: &str| {
        value
            .strip_prefix(prefix)
            .and_then(|id| Uuid::parse_str(id).ok())
    };
    if let Some(id) = parse("req:") {
        let found = documents::requirements_for(db, c.id).await?;
        return Ok(found
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| (Target::Requirement(id), r.kind)));
    }
    if let Some(id) = parse("crit:") {
        let found = documents::evidence_criteria(db, c.id).await?;
        return Ok(found
            .iter()
            .any(|k| k.id == id)
            .then(|| (Target::Criterion(id), "any".to_owned())));
    }
    Ok(None)
}

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
    let target = match resolve_target(db, &c, input.target).await? {
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
    let io = |e: std::io::Error| AppError::Internal(format!("storing upload: {e}"));
    let staged = uploads::stage(&config.upload_dir, c.id, checked.kind, &bytes).map_err(io)?;
    let txn = db.begin().await?;
    let new = NewDocument {
        nomination_id: n.id,
        target,
        label: uploads::sanitize_name(raw_name),
        url: None,
        file: Some(StoredFile {
            stored_name: staged.stored_name.clone(),
            content_type: checked.kind.content_type().to_owned(),
            size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
            sha256: checked.sha256,
        }),
        uploaded_by: who.0.id,
    };
    // Each `?` below drops the transaction (rolled back) and the staged or placed file
    // (removed), so a failure at any step leaves nothing behind.
    documents::insert(&txn, new).await?;
    let placed = staged.persist().map_err(io)?;
    txn.commit().await?;
    placed.keep();
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

/// True for an absolute http(s) address with a host and no spaces.
fn link_ok(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && host.contains('.') && !url.chars().any(char::is_whitespace)
    }) && url.len() <= 2000
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
        Some(f) => resolve_target(db, &c, f.target).await?,
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
    if !link_ok(url) {
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
    let new = NewDocument {
        nomination_id: n.id,
        target,
        label: if label.is_empty() {
            url.chars().take(120).collect()
        } else {
            label.to_owned()
        },
        url: Some(url.to_owned()),
        file: None,
        uploaded_by: who.0.id,
    };
    documents::insert(db, new).await?;
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
    let stored = d.stored_name.clone();
    documents::delete(db, d).await?;
    // The row is gone first: a file left behind by a failed removal is harmless and
    // invisible, while a row pointing at a missing file would not be.
    if let Some(name) = stored
        && !documents::is_referenced(db, &name).await?
        && let Err(e) = uploads::remove(&config.upload_dir, &name)
    {
        log::warn!("could not remove {name}: {e}");
    }
    Ok(Ok(Flash::success(
        Redirect::to(village_path(n.id)),
        page.t("nom-flash-removed"),
    )))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![upload, add_link, delete]
}
