//! The one error type handlers return, mapped to a status once. Under `/api` it answers JSON,
//! elsewhere an HTML error page. Internals (database errors) are logged, never shown.

use rocket::http::Status;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{Request, Response};
use rocket_dyn_templates::Template;
use serde::Serialize;

/// What went wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("too many requests")]
    TooManyRequests,
    /// Input refused field by field (API): field name → messages, already translated.
    #[error("invalid input")]
    Invalid(std::collections::BTreeMap<String, Vec<String>>),
    /// Input refused field by field (API), as locale keys translated when answered, in the
    /// language the client asked for (`Accept-Language`).
    #[error("invalid input")]
    Refused(Vec<FieldKey>),
    #[error(transparent)]
    Db(sea_orm::DbErr),
    #[error("internal error: {0}")]
    Internal(String),
}

/// A refused field's message as a locale key and its arguments.
#[derive(Debug, Clone)]
pub struct FieldKey {
    pub field: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// The language of an answer under `/api`: the client's `Accept-Language` (Indonesian by
/// default); elsewhere the page's.
#[must_use]
pub fn lang_of(req: &Request<'_>) -> &'static str {
    if req.uri().path().starts_with("/api") {
        crate::i18n::from_accept_language(req.headers().get_one("Accept-Language"))
    } else {
        crate::i18n::from_cookies(req.cookies())
    }
}

/// The message of a write refused because the result is published (see `integrity`).
pub const RESULT_LOCKED_KEY: &str = crate::app::results::frozen::LOCKED_KEY;

impl From<sea_orm::DbErr> for AppError {
    /// A result-lock trigger refusing a write is a conflict the user can understand, not an
    /// internal error (the handler should have refused first; this is the safety net).
    fn from(e: sea_orm::DbErr) -> Self {
        if crate::db::is_lock_violation(&e) {
            log::warn!("result lock trigger refused a write: {e}");
            AppError::Conflict(crate::i18n::t("id", RESULT_LOCKED_KEY))
        } else {
            AppError::Db(e)
        }
    }
}

impl AppError {
    /// The HTTP status this error maps to.
    #[must_use]
    pub fn status(&self) -> Status {
        match self {
            AppError::NotFound => Status::NotFound,
            AppError::Forbidden => Status::Forbidden,
            AppError::Conflict(_) => Status::Conflict,
            AppError::TooManyRequests => Status::TooManyRequests,
            AppError::Invalid(_) | AppError::Refused(_) => Status::UnprocessableEntity,
            // An unreachable database is an outage to report as such, not a server bug.
            AppError::Db(e) if crate::db::is_unavailable(e) => Status::ServiceUnavailable,
            AppError::Db(_) | AppError::Internal(_) => Status::InternalServerError,
        }
    }
}

/// Body of every JSON error under `/api`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiError {
    pub status: u16,
    pub error: String,
    pub message: String,
    /// Per-field messages when input was refused.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: std::collections::BTreeMap<String, Vec<String>>,
}

impl ApiError {
    /// A JSON error body for a status, with a human message (already translated).
    #[must_use]
    pub fn new(status: Status, message: &str) -> Self {
        ApiError {
            status: status.code,
            error: status.reason().unwrap_or("Error").to_owned(),
            message: message.to_owned(),
            fields: std::collections::BTreeMap::new(),
        }
    }
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let status = self.status();
        if status.code >= 500 {
            log::error!("{} {}: {self}", req.method(), req.uri());
        }
        let lang = lang_of(req);
        let message = match &self {
            AppError::Conflict(m) => m.clone(),
            _ => crate::i18n::t(lang, message_key(status)),
        };
        if req.uri().path().starts_with("/api") {
            let mut error = ApiError::new(status, &message);
            match self {
                AppError::Invalid(fields) => error.fields = fields,
                AppError::Refused(keys) => {
                    for k in keys {
                        let message = crate::i18n::t_args(lang, k.key, &k.args);
                        error.fields.entry(k.field).or_default().push(message);
                    }
                }
                _ => {}
            }
            let body = Json(error).respond_to(req)?;
            return Response::build_from(body).status(status).ok();
        }
        let page = crate::views::Page::for_error(req);
        let ctx = crate::views::ErrorPage::new(page, status, message);
        let body = Template::render(ctx.template(), &ctx).respond_to(req)?;
        Response::build_from(body).status(status).ok()
    }
}

/// Why the app could not start. Printed and the process exits non-zero.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot connect to the database {url}: {source}")]
    Connect { url: String, source: sea_orm::DbErr },
    #[error("database migration failed: {0}")]
    Migrate(sea_orm::DbErr),
    #[error("loading the region registry failed: {0}")]
    Registry(#[from] crate::registry::RegistryError),
    #[error("creating the first admin failed: {0}")]
    Bootstrap(String),
    #[error("secret key file {path}: {reason}")]
    SecretKey { path: String, reason: String },
}

/// The locale key of the message for a status.
#[must_use]
pub fn message_key(status: Status) -> &'static str {
    match status.code {
        400 => "error-400",
        401 => "error-401",
        403 => "error-403",
        404 => "error-404",
        413 => "error-413",
        422 => "error-422",
        429 => "error-429",
        503 => "error-503",
        _ => "error-500",
    }
}
