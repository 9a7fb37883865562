//! Lifecycle transitions (draft → open → judging → review → announced → archived, and the
//! two ways back). Opening needs a complete set-up that the engine accepts; back to draft only
//! while nobody has nominated. Each transition is recorded in the audit log in the same
//! transaction as the change.

use rocket::form::FromForm;
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;

use super::view::show_view;
use super::{load, show_path};
use crate::app::competition::{self as app, lifecycle};
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::competitions::Status;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(FromForm)]
struct TransitionForm {
    to: Option<String>,
    reason: Option<String>,
}

#[post("/admin/competitions/<id>/status", data = "<form>")]
async fn transition(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, TransitionForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let input = form.0.value.as_ref();
    let Some(to) = input.and_then(|f| f.to.as_deref()).and_then(Status::parse) else {
        return Err(AppError::Conflict(page.t("err-unknown-status")));
    };
    let reason = input.and_then(|f| f.reason.as_deref()).unwrap_or("");
    match lifecycle::transition(db, c.clone(), to, reason, who.0.id, page.lang).await {
        Ok(saved) => {
            let to = ("to", lifecycle::status_name(to, page.lang));
            let msg = i18n::t_args(page.lang, "flash-status-changed", &[to]);
            Ok(FormReply::done(show_path(&saved), msg))
        }
        Err(app::Error::NotReady(problems)) => {
            let mut view = show_view(db, page, &c, FormState::default()).await?;
            view.problems = problems;
            view.page.flash = Some(crate::views::Flash {
                kind: "error".into(),
                message: view.page.t("err-cannot-open"),
            });
            Ok(FormReply::invalid("competitions/show", &view))
        }
        Err(e) => Err(e.into()),
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![transition]
}
