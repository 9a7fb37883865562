//! Lifecycle transitions (draft → open → judging → review → announced → archived, and the
//! two ways back). Opening needs a complete set-up that the engine accepts; back to draft only
//! while nobody has nominated. Each transition is recorded in the audit log in the same
//! transaction as the change.

use rocket::form::FromForm;
use rocket::{Route, State, post, routes};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::view::show_view;
use super::{Reply, load, show_path, status_of};
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self as repo, Status};
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::scoring;
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
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let input = form.0.value.as_ref();
    let from = status_of(&c);
    let Some(to) = input.and_then(|f| f.to.as_deref()).and_then(Status::parse) else {
        return Err(AppError::Conflict(page.t("err-unknown-status")));
    };
    let name = |s: Status| page.t(&format!("comp-status-{}", s.as_str()));
    if !from.can_become(to) {
        let msg = i18n::t_args(
            page.lang,
            "err-transition",
            &[("from", name(from)), ("to", name(to))],
        );
        return Err(AppError::Conflict(msg));
    }
    match (from, to) {
        (Status::Draft, Status::Open) => {
            let problems = scoring::opening_problems(db, &c).await?;
            if !problems.is_empty() {
                let mut view = show_view(db, page, &c, FormState::default()).await?;
                view.problems = problems
                    .iter()
                    .map(|p| p.describe(view.page.lang))
                    .collect();
                view.page.flash = Some(crate::views::Flash {
                    kind: "error".into(),
                    message: view.page.t("err-cannot-open"),
                });
                return Ok(Reply::invalid("competitions/show", &view));
            }
        }
        (Status::Open, Status::Draft) if repo::count_nominations(db, id).await? > 0 => {
            return Err(AppError::Conflict(page.t("err-has-nominations")));
        }
        // Publishing results is the results pages' job, with the computed ranking.
        (Status::Review, Status::Announced) => {
            return Err(AppError::Conflict(page.t("err-announce-later")));
        }
        _ => {}
    }
    let reason = input
        .and_then(|f| f.reason.as_deref())
        .map(str::trim)
        .unwrap_or("")
        .to_owned();
    let txn = db.begin().await?;
    let saved = repo::set_status(&txn, c, to).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(saved.id),
            actor_id: Some(who.0.id.into_uuid()),
            action: "competition.status".into(),
            reason,
            details: format!("{} → {}", from.as_str(), to.as_str()),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    let msg = i18n::t_args(page.lang, "flash-status-changed", &[("to", name(to))]);
    Ok(Reply::done(show_path(&saved), msg))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![transition]
}
