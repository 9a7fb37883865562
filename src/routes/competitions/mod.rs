//! The committee's competition set-up pages under `/admin/competitions`: list, create (blank or
//! from a built-in template), clone, edit, lifecycle, and the editors for stages, criteria
//! trees, the document checklist and the prize table. Every handler reaches the competition
//! through the `AdminScope` guard, so a competition outside the admin's region answers 404.

mod criteria;
mod documents;
mod form;
mod index;
mod lifecycle;
mod lists;
mod overview;
mod prizes;
mod stages;
mod tie_breaks;
mod view;

use entity::competition;
use rocket::Route;

use crate::app::competition::{self as app, FieldErrors, rules};
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::views::Page;

/// Every route of the set-up pages.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        index::routes(),
        form::routes(),
        lifecycle::routes(),
        stages::routes(),
        criteria::routes(),
        documents::routes(),
        prizes::routes(),
        lists::routes(),
        tie_breaks::routes(),
    ]
    .concat()
}

/// Refuses set-up edits once judging has started (criteria, stages and checklist freeze).
fn require_criteria_editable(c: &competition::Model, page: &Page) -> Result<(), AppError> {
    Ok(rules::ensure_criteria_editable(c, page.lang)?)
}

/// Refused input goes into the form state (the caller shows the form again); every other
/// refusal is the handler's error.
fn refused(e: app::Error, state: &mut FormState, lang: &str) -> Result<(), AppError> {
    match e {
        app::Error::Invalid(errors) => {
            add_errors(state, errors, lang);
            Ok(())
        }
        e => Err(e.into()),
    }
}

/// Checked form input; a form that did not parse has its problems in the form state already.
fn checked<T, F>(
    value: Option<&T>,
    check: impl FnOnce(&T) -> Result<F, FieldErrors>,
) -> Result<F, FieldErrors> {
    value.map_or_else(|| Err(Vec::new()), check)
}

/// A submitted form as its state (to show it again) and its checked input.
fn read<T, F>(
    form: &CsrfForm<'_, T>,
    lang: &str,
    check: impl FnOnce(&T) -> Result<F, FieldErrors>,
) -> (FormState, Result<F, FieldErrors>) {
    let state = FormState::from_context(&form.0.context, lang);
    (state, checked(form.0.value.as_ref(), check))
}

/// Adds checked-field problems to a form state.
fn add_errors(state: &mut FormState, errors: FieldErrors, lang: &str) {
    for (field, key) in errors {
        state.add_key(field, lang, key);
    }
}

/// `/admin/competitions/<id>`.
fn show_path(c: &competition::Model) -> String {
    format!("/admin/competitions/{}", c.id)
}
