//! The committee's competition set-up pages under `/admin/competitions`: list, create (blank or
//! from a built-in template), clone, edit, lifecycle, and the editors for stages, criteria
//! trees, the document checklist and the prize table. Every handler reaches the competition
//! through `find_for_admin`, so a competition outside the admin's region answers 404.

mod criteria;
mod documents;
mod form;
mod index;
mod lifecycle;
mod overview;
mod prizes;
mod stages;
mod view;

use entity::competition;
use rocket::Route;
use sea_orm::DatabaseConnection;

use crate::app::competition::{self as app, FieldErrors, rules};
use crate::auth::AdminUser;
use crate::db::competitions as repo;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::CompetitionId;
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
    ]
    .concat()
}

/// The competition if it lies in the admin's scope, else 404.
async fn load(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: &AdminUser,
) -> Result<competition::Model, AppError> {
    repo::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)
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
