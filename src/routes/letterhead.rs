//! `/admin/letterhead`: the office's letterhead (*kop surat*) for every document, one per
//! admin scope. The page shows the current one as it prints, the form refuses input field by
//! field (`app::letterhead`) with the summary at the top, and the logo is served back to the
//! page from storage.

use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::AppConfig;
use crate::app::letterhead::{self, Error, Input};
use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::{letterheads, regions};
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::identity::CurrentUser;
use crate::routes::reply::FormReply;
use crate::storage::Storage;
use crate::views::Page;

#[derive(Serialize)]
struct View {
    page: Page,
    /// The region the letterhead applies to, in words.
    scope: String,
    has_logo: bool,
    saved: bool,
    max_mb: String,
    form: FormState,
}

async fn view(
    db: &DatabaseConnection,
    config: &AppConfig,
    page: Page,
    who: &CurrentUser,
    form: Option<FormState>,
) -> Result<View, AppError> {
    let scope = match who.region_code.as_deref() {
        Some(code) => regions::find(db, code)
            .await?
            .map_or_else(|| code.to_owned(), |r| r.name),
        None => page.t("kop-scope-national"),
    };
    let row = letterheads::find(db, &letterheads::scope_of(who.region_code.as_deref())).await?;
    let form = form.unwrap_or_else(|| {
        let mut f = FormState::default();
        if let Some(r) = &row {
            for (k, v) in [
                ("government", &r.government),
                ("office", &r.office),
                ("address", &r.address),
                ("contact", &r.contact),
            ] {
                f.values.insert(k.to_owned(), v.clone());
            }
        }
        f
    });
    Ok(View {
        scope,
        has_logo: row.as_ref().is_some_and(|r| r.logo_stored.is_some()),
        saved: row.is_some(),
        max_mb: config.max_upload_bytes.div_ceil(1024 * 1024).to_string(),
        page,
        form,
    })
}

#[get("/admin/letterhead")]
async fn show(
    page: Page,
    who: AdminUser,
    config: &State<AppConfig>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let v = view(db.inner(), config.inner(), page, &who.0, None).await?;
    Ok(Template::render("letterhead/edit", &v))
}

#[derive(FromForm)]
struct LetterheadForm<'r> {
    government: Option<String>,
    office: Option<String>,
    address: Option<String>,
    contact: Option<String>,
    logo: Option<TempFile<'r>>,
}

#[post("/admin/letterhead", data = "<form>")]
async fn save(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, LetterheadForm<'_>>,
    config: &State<AppConfig>,
    db: &State<DatabaseConnection>,
    storage: &State<Storage>,
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let field = |v: Option<&Option<String>>| v.cloned().flatten().unwrap_or_default();
    let mut logo = None;
    if let Some(file) = input.and_then(|i| i.logo.as_ref()).filter(|f| f.len() > 0) {
        let max = config.max_upload_bytes;
        let upload = crate::routes::upload::read(file, max).await?;
        match crate::uploads::check(&upload.bytes, max) {
            Ok(checked) => logo = Some((checked, upload.bytes)),
            Err(refusal) => {
                let mb = max.div_ceil(1024 * 1024).to_string();
                state.add(
                    "logo",
                    i18n::t_args(page.lang, refusal.message_key(), &[("mb", mb)]),
                );
            }
        }
    }
    let input = Input {
        government: field(input.map(|i| &i.government)),
        office: field(input.map(|i| &i.office)),
        address: field(input.map(|i| &i.address)),
        contact: field(input.map(|i| &i.contact)),
        logo,
    };
    if state.is_ok() {
        match letterhead::save(db, storage, &who.0, input).await {
            Ok(()) => return Ok(FormReply::done("/admin/letterhead", page.t("kop-saved"))),
            Err(Error::Invalid(errors)) => {
                for (field, key) in errors {
                    state.add_key(field, page.lang, key);
                }
            }
            Err(Error::Db(e)) => return Err(e.into()),
            Err(Error::Io(e)) => return Err(AppError::Internal(format!("storing logo: {e}"))),
        }
    } else {
        // Report the typed fields' problems too, not only the file's.
        for (field, key) in letterhead::check(&input) {
            state.add_key(field, page.lang, key);
        }
    }
    let v = view(db, config, page, &who.0, Some(state)).await?;
    Ok(FormReply::invalid("letterhead/edit", &v))
}

#[get("/admin/letterhead/logo")]
async fn logo(
    who: AdminUser,
    storage: &State<Storage>,
    db: &State<DatabaseConnection>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let scope = letterheads::scope_of(who.0.region_code.as_deref());
    let row = letterheads::find(db.inner(), &scope)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = row.logo_stored.ok_or(AppError::NotFound)?;
    let body = crate::routes::upload::stored_bytes(storage, &stored).await?;
    Ok(crate::downloads::UploadedFile::new(
        body,
        row.logo_type.as_deref(),
        "logo",
    ))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, save, logo]
}
