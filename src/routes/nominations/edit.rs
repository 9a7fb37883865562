//! The village's nomination page and saving the draft's profile. Saves carry the version the
//! form was rendered from; a stale save (another tab saved first) is refused with 409 and the
//! form re-rendered, never silently overwriting.

use rocket::http::Status as HttpStatus;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;

use super::profile::{self, ProfileForm};
use super::view::{self, Forms};
use super::village_path;
use crate::AppConfig;
use crate::app::nomination::draft;
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::routes::reply::FormReply;
use crate::routes::scope::OwnNomination;
use crate::views::Page;
use entity::{competition, nomination};

/// The nomination page with `forms`, answered with `status`.
pub(super) async fn render(
    db: &DatabaseConnection,
    config: &AppConfig,
    page: Page,
    (n, c): (&nomination::Model, &competition::Model),
    forms: Forms,
    status: HttpStatus,
) -> Result<(HttpStatus, Template), AppError> {
    let ctx = view::edit_view(db, page, n, c, forms, config.max_upload_bytes).await?;
    Ok((status, Template::render("nominations/edit", &ctx)))
}

/// Refuses changes to anything but a draft inside the window: 409 with the reason.
pub(super) async fn refuse_if_locked(
    db: &DatabaseConnection,
    config: &AppConfig,
    page: &Page,
    (n, c): (&nomination::Model, &competition::Model),
) -> Result<Option<(HttpStatus, Template)>, AppError> {
    let Some(refused) = draft::lock(n, c, super::now()) else {
        return Ok(None);
    };
    let forms = Forms {
        problems: vec![page.t(refused.message_key())],
        ..Forms::default()
    };
    let page = page.clone();
    let refused = render(db, config, page, (n, c), forms, HttpStatus::Conflict).await?;
    Ok(Some(refused))
}

#[get("/village/nominations/<_>")]
pub(super) async fn show(
    page: Page,
    own: OwnNomination<'_>,
) -> Result<(HttpStatus, Template), AppError> {
    let OwnNomination {
        db, n, c, config, ..
    } = own;
    render(db, config, page, (&n, &c), Forms::default(), HttpStatus::Ok).await
}

#[post("/village/nominations/<_>", data = "<form>")]
async fn update(
    page: Page,
    own: OwnNomination<'_>,
    form: CsrfForm<'_, ProfileForm<'_>>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        db, n, c, config, ..
    } = own;
    if let Some(refused) = refuse_if_locked(db, config, &page, (&n, &c)).await? {
        return Ok(refused.into());
    }
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let checked = form
        .0
        .value
        .as_ref()
        .and_then(|f| profile::check(f, &mut state, page.lang));
    let Some((profile, version)) = checked.filter(|_| state.is_ok()) else {
        let forms = Forms {
            profile: Some(state),
            ..Forms::default()
        };
        let status = HttpStatus::UnprocessableEntity;
        return Ok(render(db, config, page, (&n, &c), forms, status)
            .await?
            .into());
    };
    match draft::save(db, (&n, &c), version, &profile, super::now()).await? {
        Ok(saved) => Ok(FormReply::done(
            village_path(saved.id),
            page.t("nom-flash-saved"),
        )),
        Err(_) => {
            // Someone saved first: show their version's number so the next save is a
            // deliberate overwrite, and keep everything this tab typed.
            state.form_errors.push(page.t("nom-err-stale"));
            state.values.insert("version".into(), n.version.to_string());
            let forms = Forms {
                profile: Some(state),
                ..Forms::default()
            };
            let status = HttpStatus::Conflict;
            Ok(render(db, config, page, (&n, &c), forms, status)
                .await?
                .into())
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![show, update]
}
