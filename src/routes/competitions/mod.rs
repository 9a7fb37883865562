//! The committee's competition set-up pages under `/admin/competitions`: list, create (blank or
//! from a built-in template), clone, edit, lifecycle, and the editors for stages, criteria
//! trees, the document checklist and the prize table. Every handler reaches the competition
//! through `find_for_admin`, so a competition outside the admin's region answers 404.

mod criteria;
mod documents;
mod form;
mod index;
mod lifecycle;
mod prizes;
mod stages;
mod view;

use entity::competition;
use rocket::Route;
use rocket::http::Status;
use rocket::response::{Flash, Redirect, Responder};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;

use crate::auth::AdminUser;
use crate::competition_forms::FieldErrors;
use crate::db::competitions::{self as repo, Status as CompStatus};
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

/// A form handler's answer: a redirect after success, or the page again with its errors.
#[derive(Responder)]
enum Reply {
    Done(Flash<Redirect>),
    Page((Status, Template)),
}

impl Reply {
    fn done(to: String, message: String) -> Self {
        Reply::Done(Flash::success(Redirect::to(to), message))
    }

    fn invalid(name: &'static str, ctx: &impl serde::Serialize) -> Self {
        Reply::Page((Status::UnprocessableEntity, Template::render(name, ctx)))
    }
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

/// The stored status (an unknown name is treated as archived: read-only).
fn status_of(c: &competition::Model) -> CompStatus {
    c.status
}

/// Refuses set-up edits once judging has started (criteria, stages and checklist freeze).
fn require_criteria_editable(c: &competition::Model, page: &Page) -> Result<(), AppError> {
    crate::integrity::ensure_open(c, page.lang)?;
    if status_of(c).criteria_editable() {
        Ok(())
    } else {
        Err(AppError::Conflict(page.t("err-criteria-frozen")))
    }
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
