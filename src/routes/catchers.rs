//! Error pages: HTML under `/`, JSON under `/api`. Messages come from the locale files.

use rocket::Either;
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::Json;
use rocket::{Catcher, Request, catch, catchers};
use rocket_dyn_templates::Template;

use crate::auth::PasswordChangeRequired;
use crate::error::ApiError;
use crate::views::{ErrorPage, Page};

/// True when a guard refused because the account must replace its generated password.
fn password_change_required(status: Status, req: &Request<'_>) -> bool {
    status == Status::Forbidden && req.local_cache(|| PasswordChangeRequired(false)).0
}

#[catch(default)]
fn html_error(status: Status, req: &Request<'_>) -> Either<(Status, Template), Redirect> {
    if password_change_required(status, req) {
        return Either::Right(Redirect::to("/account/password"));
    }
    let page = Page::for_error(req);
    let message = page.t(crate::error::message_key(status));
    let view = ErrorPage::new(page, status, message);
    Either::Left((status, Template::render(view.template(), &view)))
}

#[catch(default)]
fn json_error(status: Status, req: &Request<'_>) -> (Status, Json<ApiError>) {
    let key = if password_change_required(status, req) {
        "error-password-change-required"
    } else {
        crate::error::message_key(status)
    };
    let message = crate::i18n::t(crate::error::lang_of(req), key);
    (status, Json(ApiError::new(status, &message)))
}

/// Catchers for HTML pages.
#[must_use]
pub fn html() -> Vec<Catcher> {
    catchers![html_error]
}

/// Catchers for the JSON API.
#[must_use]
pub fn json() -> Vec<Catcher> {
    catchers![json_error]
}
