//! Nominations end to end: the village's home and drafts (`village`, `edit`, `documents`,
//! `submit`), serving evidence files to those allowed (`files`), the committee's
//! administrative check (`review`) and bringing winners in from the level below (`advance`).
//! Handlers stay short: guards and scoped queries decide access, `app::nomination` does the
//! work (the JSON API calls the same functions), `view` builds the page contexts.

mod advance;
pub(crate) use advance::describe_skips;
mod documents;
mod edit;
pub(crate) mod files;
pub(crate) mod profile;
mod review;
mod submit;
mod summary;
mod view;
mod village;

use chrono::{DateTime, FixedOffset, Utc};
use rocket::Route;

use crate::ids::NominationId;

/// Every route of this module.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        village::routes(),
        edit::routes(),
        documents::routes(),
        submit::routes(),
        files::routes(),
        review::routes(),
        advance::routes(),
    ]
    .concat()
}

/// The clock, in one place so the deadline rules all read the same instant per request.
fn now() -> DateTime<FixedOffset> {
    Utc::now().fixed_offset()
}

/// The path of a village's nomination page.
fn village_path(id: uuid::Uuid) -> String {
    rocket::uri!(edit::show(NominationId::from(id))).to_string()
}

impl From<crate::app::nomination::evidence::StoreError> for crate::error::AppError {
    fn from(e: crate::app::nomination::evidence::StoreError) -> Self {
        use crate::app::nomination::evidence::StoreError;
        match e {
            StoreError::Io(e) => crate::error::AppError::Internal(format!("storing upload: {e}")),
            StoreError::Db(e) => e.into(),
        }
    }
}
