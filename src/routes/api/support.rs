//! Shared pieces of the JSON API: role checks that answer JSON 403s, field errors turned into
//! 422 bodies (`{"error", "fields": {field: [messages]}}`, messages in the language of the
//! client's `Accept-Language`: Bahasa Indonesia by default, English), and
//! the wire formats: times are RFC 3339 in UTC (any offset accepted on input), money whole
//! rupiah integers, scores decimal strings in one form (`"85.5"`, `"100"`). Inputs are read loosely (a number or a string) and handed to the same
//! `check` functions the pages use, as the text a form would have sent.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Deserializer};

use crate::auth::{CurrentUser, Role};
use crate::error::{AppError, FieldKey};
use crate::forms::{FieldErrors, FormState};

/// The default language of the API's messages, like the pages'.
pub const LANG: &str = "id";

/// The language an API client asked for (`Accept-Language`; Indonesian by default).
#[derive(Clone, Copy, Debug)]
pub struct ApiLang(pub &'static str);

#[rocket::async_trait]
impl<'r> rocket::request::FromRequest<'r> for ApiLang {
    type Error = std::convert::Infallible;

    async fn from_request(
        req: &'r rocket::Request<'_>,
    ) -> rocket::request::Outcome<Self, Self::Error> {
        rocket::request::Outcome::Success(ApiLang(crate::error::lang_of(req)))
    }
}

/// Largest page of a list.
pub const MAX_PER_PAGE: u64 = 200;

/// 403 unless the caller is a committee admin.
pub fn require_admin(who: &CurrentUser) -> Result<(), AppError> {
    if who.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The caller's village, or 403 for anyone but a village operator.
pub fn require_village(who: &CurrentUser) -> Result<&str, AppError> {
    match (who.role, who.village_code.as_deref()) {
        (Role::Village, Some(v)) => Ok(v),
        (Role::Village, None) => Err(AppError::NotFound),
        _ => Err(AppError::Forbidden),
    }
}

/// A 422 carrying checked-field problems, translated when answered (`Accept-Language`).
#[must_use]
pub fn invalid(errors: FieldErrors) -> AppError {
    AppError::Refused(
        errors
            .into_iter()
            .map(|(field, key)| FieldKey {
                field: field.to_owned(),
                key,
                args: Vec::new(),
            })
            .collect(),
    )
}

/// A 422 with one problem under one field, as a locale key with its arguments.
#[must_use]
pub fn invalid_key(field: &str, key: &'static str, args: Vec<(&'static str, String)>) -> AppError {
    AppError::Refused(vec![FieldKey {
        field: field.to_owned(),
        key,
        args,
    }])
}

/// The JSON answer to a refused competition action: field problems, an unready set-up (under
/// `setup`) and an unconfirmed early start of judging (under `confirm_early_start`) are 422s.
impl From<crate::app::competition::Error> for AppError {
    fn from(e: crate::app::competition::Error) -> Self {
        use crate::app::competition::Error;
        match e {
            Error::NotFound => AppError::NotFound,
            Error::Invalid(errors) => invalid(errors),
            Error::Conflict(message) => AppError::Conflict(message),
            Error::Rules(field, problems) => {
                AppError::Invalid(BTreeMap::from([(field.to_owned(), problems)]))
            }
            Error::NotReady(problems) => {
                AppError::Invalid(BTreeMap::from([("setup".to_owned(), problems)]))
            }
            Error::NominationsOpen(closes, zone) => {
                let closes = crate::views::format::when(closes, zone, LANG);
                invalid_key(
                    "confirm_early_start",
                    "comp-err-early-start",
                    vec![("closes", closes)],
                )
            }
            Error::Db(e) => e.into(),
        }
    }
}

/// A 422 with one problem under one field.
#[must_use]
pub fn invalid_one(field: &str, message: String) -> AppError {
    AppError::Invalid(BTreeMap::from([(field.to_owned(), vec![message])]))
}

/// A 422 from a form state (page-level errors go under `_form`).
#[must_use]
pub fn invalid_state(state: FormState) -> AppError {
    let mut fields = state.errors;
    if !state.form_errors.is_empty() {
        fields
            .entry("_form".to_owned())
            .or_default()
            .extend(state.form_errors);
    }
    AppError::Invalid(fields)
}

/// Reads a JSON string, number or boolean as the text a form field would carry.
pub fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Bool(b)) => Some(b.to_string()),
        // Arrays and objects are no field's value: keep something the checks refuse.
        Some(other) => Some(other.to_string()),
    })
}

/// A stored time in RFC 3339, in UTC (`2026-03-01T01:00:00Z`): PostgreSQL keeps instants,
/// not the offset they were entered with, so UTC is what both databases can answer alike.
#[must_use]
pub fn time_out(t: Option<DateTime<FixedOffset>>) -> Option<String> {
    t.map(|t| {
        t.with_timezone(&chrono::Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
}

/// Ten-thousandths of a point as the API's one decimal form (`"85.5"`, `"100"`): scores,
/// weights, scales and thresholds alike (see `Points::canonical`).
#[must_use]
pub fn points_out(units: Option<i64>) -> Option<String> {
    units.map(|u| juara_domain::Points::from_units(u).canonical())
}

/// A decimal as the pages show it (`"30.00"`) in the API's one form (`"30"`); anything that
/// is not a number (`"TB"`, not applicable) unchanged.
#[must_use]
pub fn decimal_out(text: &str) -> String {
    text.parse::<juara_domain::Points>()
        .map_or_else(|_| text.to_owned(), juara_domain::Points::canonical)
}

/// A page of a list (0-based) and its size, bounded.
#[must_use]
pub fn paging(page: Option<u64>, per_page: Option<u64>) -> (u64, u64) {
    // Capped so `page * per_page` stays a valid SQL offset (a page past the end is empty);
    // schemathesis found `?page=2^63` overflowing it into a 500.
    (
        page.unwrap_or(0).min(MAX_PAGE),
        per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE),
    )
}

/// The highest page number read (far past any list's end).
pub const MAX_PAGE: u64 = 1_000_000_000;

/// The JSON body, or a 422 under `_body` saying what could not be read (malformed JSON, a
/// wrong type, an unknown field: typos must not silently drop a rule), or under the field
/// whose text carries a forbidden control character.
pub fn body<T>(
    input: Result<crate::json::Json<T>, crate::json::Error<'_>>,
) -> Result<crate::json::Json<T>, AppError> {
    use rocket::serde::json::Error as Raw;
    input.map_err(|e| {
        let detail = match e {
            crate::json::Error::ControlChars(field) => {
                return invalid_key(&field, crate::forms::CONTROL_CHARS, Vec::new());
            }
            crate::json::Error::Json(Raw::Io(e)) => e.to_string(),
            crate::json::Error::Json(Raw::Parse(_, e)) => e.to_string(),
        };
        invalid_key("_body", "api-err-body", vec![("detail", detail)])
    })
}

/// The envelope of every list: one page of `items` (0-based `page` of `per_page`) and the
/// `total` across pages, with the same `page`/`per_page` query parameters everywhere.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    /// A page the query already cut.
    #[must_use]
    pub fn new(items: Vec<T>, total: u64, page: u64, per_page: u64) -> Self {
        Page {
            items,
            total,
            page,
            per_page,
        }
    }

    /// A page cut from the whole list in memory.
    #[must_use]
    pub fn cut(all: Vec<T>, page: u64, per_page: u64) -> Self {
        let total = u64::try_from(all.len()).unwrap_or(u64::MAX);
        let skip = usize::try_from(page.saturating_mul(per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(per_page).unwrap_or(usize::MAX);
        Page {
            items: all.into_iter().skip(skip).take(take).collect(),
            total,
            page,
            per_page,
        }
    }
}
