//! Form state for re-rendering: every submitted value kept, every error next to its field in
//! the page's language. Rocket's parse errors and our own validation errors meet here.

use std::collections::BTreeMap;

use rocket::form::error::ErrorKind;
use rocket::form::{Context, Contextual, Error};
use serde::Serialize;

use crate::i18n;

/// The hidden form field carrying the CSRF token (`auth::csrf` checks it).
pub const CSRF_FIELD: &str = "_csrf";

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
            if key == CSRF_FIELD || key.contains("password") {
                continue;
            }
            if let Some(v) = ctx.field_value(name) {
                // A refused control character is not echoed back into the page.
                let shown: String = v.chars().filter(|c| !forbidden_char(*c)).collect();
                state.values.insert(key, shown);
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

/// Years a date may have anywhere in the app: a typo like 0026 or 9999 is refused clearly
/// instead of being stored (and sorted, and printed on a certificate).
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// True when the date's year is in [`YEARS`].
#[must_use]
pub fn plausible_date(d: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    YEARS.contains(&d.year())
}

/// The largest amount of money any field accepts: Rp1 triliun, far above any provincial
/// competition's budget, far below what overflows a sum of them.
pub const MAX_RUPIAH: i64 = 1_000_000_000_000;

/// The message key, and the validation marker, of a refused control character.
pub const CONTROL_CHARS: &str = "err-control-char";

/// A control character no text field accepts: everything but newline, carriage return and
/// tab (multi-line text). PostgreSQL cannot store NUL at all; the others only hide text.
#[must_use]
pub fn forbidden_char(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// True when `s` contains a [`forbidden_char`].
#[must_use]
pub fn forbidden_control(s: &str) -> bool {
    s.chars().any(forbidden_char)
}

/// The one check of every submitted form (called by the form data guards): a field whose
/// value has a forbidden control character gets an error next to it, and the form then has no
/// value, so handlers answer 422 with the form again and store nothing.
pub fn refuse_control_chars<T>(form: &mut Contextual<'_, T>) {
    let ctx = &form.context;
    let bad: Vec<_> = ctx
        .fields()
        .filter(|name| ctx.field_values(*name).any(forbidden_control))
        .collect();
    if bad.is_empty() {
        return;
    }
    form.value = None;
    for name in bad {
        form.context
            .push_error(Error::validation(CONTROL_CHARS).with_name(name.as_str()));
    }
}

/// The locale key for one of Rocket's form errors.
fn message_key(err: &Error<'_>) -> &'static str {
    match &err.kind {
        ErrorKind::Validation(m) if m == CONTROL_CHARS => CONTROL_CHARS,
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
