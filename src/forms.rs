//! Form state for re-rendering: every submitted value kept, every error next to its field in
//! the page's language. Rocket's parse errors and our own validation errors meet here.

use std::collections::BTreeMap;

use rocket::form::error::ErrorKind;
use rocket::form::{Context, Error};
use serde::Serialize;

use crate::i18n;

/// Validation failures as (field name, message key) pairs; translated when shown.
pub type FieldErrors = Vec<(&'static str, &'static str)>;

/// Values and errors of a submitted form, keyed by field name.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FormState {
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, Vec<String>>,
    /// Errors about the form as a whole (e.g. wrong username or password).
    pub form_errors: Vec<String>,
}

impl FormState {
    /// The submitted values and Rocket's parse errors, translated. Secrets are not kept.
    #[must_use]
    pub fn from_context(ctx: &Context<'_>, lang: &str) -> Self {
        let mut state = FormState::default();
        for name in ctx.fields() {
            let key = name.to_string();
            if key == crate::auth::csrf::FIELD || key.contains("password") {
                continue;
            }
            if let Some(v) = ctx.field_value(name) {
                state.values.insert(key, v.to_owned());
            }
        }
        for err in ctx.errors() {
            let message = i18n::t(lang, message_key(err));
            match err.name.as_ref() {
                Some(name) => state.add(&name.to_string(), message),
                None => state.form_errors.push(message),
            }
        }
        state
    }

    /// Adds an error under `field`.
    pub fn add(&mut self, field: &str, message: String) {
        self.errors
            .entry(field.to_owned())
            .or_default()
            .push(message);
    }

    /// Adds the message `key` (in `lang`) under `field`.
    pub fn add_key(&mut self, field: &str, lang: &str, key: &str) {
        self.add(field, i18n::t(lang, key));
    }

    /// True when nothing is wrong.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty() && self.form_errors.is_empty()
    }
}

/// The locale key for one of Rocket's form errors.
fn message_key(err: &Error<'_>) -> &'static str {
    match &err.kind {
        ErrorKind::Missing => "err-required",
        ErrorKind::InvalidLength { .. } => "err-length",
        ErrorKind::InvalidChoice { .. } => "err-choice",
        ErrorKind::OutOfRange { .. } => "err-range",
        ErrorKind::Int(_) | ErrorKind::Float(_) => "err-number",
        ErrorKind::Bool(_) => "err-choice",
        ErrorKind::Duplicate | ErrorKind::Unexpected | ErrorKind::Unknown => "err-invalid",
        _ => "err-invalid",
    }
}
