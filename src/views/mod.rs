//! Typed template contexts and the layout data every page carries (`Page`): language, the
//! logged-in user for the navigation, the CSRF token for forms, and a flash message.
//! No queries here.

pub mod chart;
pub mod format;
pub mod judging_grid;

use rocket::http::Status;
use rocket::request::{FlashMessage, FromRequest, Outcome, Request};
use serde::Serialize;

use crate::auth::{AuthError, CurrentUser, Lookup, PasswordChangeRequired, csrf};

/// A one-time message shown after a redirect.
#[derive(Clone, Debug, Serialize)]
pub struct Flash {
    /// `success` or `error`.
    pub kind: String,
    pub message: String,
}

/// What the base layout needs on every page.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    pub lang: &'static str,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    pub flash: Option<Flash>,
    /// The current path, so the language switch can come back here.
    pub path: String,
}

impl Page {
    /// The layout data available without awaiting guards (used by error responses).
    #[must_use]
    pub fn for_error(req: &Request<'_>) -> Page {
        // Whatever the guards already found; never a new database read on an error path.
        let user = match req.local_cache(|| Lookup::Anonymous) {
            Lookup::User {
                user,
                must_change_password: false,
            } => Some(user.clone()),
            _ => None,
        };
        Page {
            lang: crate::i18n::from_cookies(req.cookies()),
            user,
            csrf: csrf::token(req.cookies()),
            flash: None,
            path: req.uri().path().to_string(),
        }
    }

    /// A message in this page's language.
    #[must_use]
    pub fn t(&self, key: &str) -> String {
        crate::i18n::t(self.lang, key)
    }

    /// The message `key` in the page's language with named arguments.
    #[must_use]
    pub fn t_args(&self, key: &str, args: &[(&str, String)]) -> String {
        crate::i18n::t_args(self.lang, key, args)
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Page {
    type Error = AuthError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        // Even a public page refuses to pretend a signed-in user is anonymous when the
        // database is down, and sends an account with a generated password to the form.
        let lookup = Lookup::of(req).await;
        if lookup.blocked_by_password_change(req) {
            req.local_cache(|| PasswordChangeRequired(true));
            return Outcome::Error((Status::Forbidden, AuthError::MustChangePassword));
        }
        let user = match lookup {
            Lookup::User { user, .. } => Some(user.clone()),
            Lookup::Anonymous => None,
            Lookup::Unavailable => {
                return Outcome::Error((Status::ServiceUnavailable, AuthError::Unavailable));
            }
        };
        let flash = req
            .guard::<Option<FlashMessage<'_>>>()
            .await
            .succeeded()
            .flatten()
            .map(|f| Flash {
                kind: f.kind().to_owned(),
                message: f.message().to_owned(),
            });
        Outcome::Success(Page {
            lang: crate::i18n::from_cookies(req.cookies()),
            user,
            csrf: csrf::token(req.cookies()),
            flash,
            path: req.uri().path().to_string(),
        })
    }
}

/// An error page.
#[derive(Serialize)]
pub struct ErrorPage {
    pub page: Page,
    pub status: u16,
    pub title: String,
    pub message: String,
}

impl ErrorPage {
    /// An error page for `status` with a message already in the page's language.
    #[must_use]
    pub fn new(page: Page, status: Status, message: String) -> Self {
        let title = page.t(&format!("error-{}-title", title_code(status)));
        ErrorPage {
            page,
            status: status.code,
            title,
            message,
        }
    }

    /// The template that renders it.
    #[must_use]
    pub fn template(&self) -> &'static str {
        "errors/error"
    }
}

/// The status codes that have their own wording; others share the generic one.
fn title_code(status: Status) -> u16 {
    match status.code {
        400 | 401 | 403 | 404 | 413 | 422 | 429 | 503 => status.code,
        _ => 500,
    }
}

/// Page numbers for a list: 0-based `page`, `per_page`, `total` rows.
#[derive(Clone, Debug, Serialize)]
pub struct Pagination {
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    pub prev: Option<u64>,
    pub next: Option<u64>,
}

impl Pagination {
    /// Builds the navigation for a list page.
    #[must_use]
    pub fn new(page: u64, per_page: u64, total: u64) -> Self {
        let pages = total.div_ceil(per_page.max(1)).max(1);
        Pagination {
            page,
            pages,
            total,
            prev: page.checked_sub(1),
            next: (page + 1 < pages).then_some(page + 1),
        }
    }
}

/// Registers everything templates call: `t(…)` translations and the formatting filters
/// (`waktu` for times in a competition's zone, `angka` for numbers).
pub fn register_tera(tera: &mut rocket_dyn_templates::tera::Tera) {
    crate::i18n::register(tera);
    tera.register_filter("waktu", format::waktu_filter);
    tera.register_filter("angka", format::angka_filter);
    tera.register_filter("tahun", format::tahun_filter);
}
