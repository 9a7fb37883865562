//! Lifecycle transitions (draft → open → judging → review → announced → archived, and the
//! two ways back). Opening needs a complete set-up that the engine accepts; back to draft only
//! while nobody has nominated; judging starts before the nomination window closes only once
//! the committee confirms the warning. Each transition is recorded in the audit log in the
//! same transaction as the change.

use chrono::{DateTime, FixedOffset};
use entity::competition;
use rocket::form::FromForm;
use rocket::{Route, post, routes};
use serde::Serialize;

use super::overview::show_view;
use super::show_path;
use crate::app::competition::rules::{can_become, nominations_still_open, status_of};
use crate::app::competition::{self as app, lifecycle};
use crate::auth::csrf::CsrfForm;
use crate::db::competitions::Status;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::{Flash, Page};

/// A lifecycle button.
#[derive(Serialize)]
pub(super) struct Transition {
    pub to: String,
    /// False: shown disabled with a note.
    pub enabled: bool,
    /// Starting judging now cuts the nomination window short: when it would have closed.
    pub nominations_open_until: Option<DateTime<FixedOffset>>,
    /// The refusal shown next to the confirmation box.
    pub error: Option<String>,
    /// The competition's zone, for the closing time.
    pub zone: &'static str,
}

/// The buttons of `c`'s legal next steps at `now`.
pub(super) fn transitions(c: &competition::Model, now: DateTime<FixedOffset>) -> Vec<Transition> {
    let status = status_of(c);
    Status::ALL
        .into_iter()
        .filter(|to| can_become(status, *to))
        .map(|to| Transition {
            to: to.as_str().to_owned(),
            // Announcing belongs to the results pages.
            enabled: to != Status::Announced,
            nominations_open_until: (to == Status::Judging)
                .then(|| nominations_still_open(c, now))
                .flatten(),
            error: None,
            zone: crate::app::competition::zone::of(c).label(),
        })
        .collect()
}

#[derive(FromForm)]
struct TransitionForm {
    to: Option<String>,
    reason: Option<String>,
    confirm_early_start: bool,
}

#[post("/admin/competitions/<_>/status", data = "<form>")]
async fn transition(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, TransitionForm>,
) -> Result<FormReply, AppError> {
    let (db, c) = (a.db, &a.c);
    let input = form.0.value.as_ref();
    let Some(to) = input.and_then(|f| f.to.as_deref()).and_then(Status::parse) else {
        return Err(AppError::Conflict(page.t("err-unknown-status")));
    };
    let reason = input.and_then(|f| f.reason.as_deref()).unwrap_or("");
    let confirmed = input.is_some_and(|f| f.confirm_early_start);
    let (lang, actor) = (page.lang, a.who.0.id);
    match lifecycle::transition(db, c.clone(), to, reason, confirmed, actor, lang).await {
        Ok(saved) => {
            let to = ("to", lifecycle::status_name(to, page.lang));
            let msg = i18n::t_args(page.lang, "flash-status-changed", &[to]);
            Ok(FormReply::done(show_path(&saved), msg))
        }
        Err(app::Error::NotReady(problems)) => {
            let mut view = show_view(db, page, c, FormState::default()).await?;
            view.problems = problems;
            view.page.flash = Some(Flash {
                kind: "error".into(),
                message: view.page.t("err-cannot-open"),
            });
            Ok(FormReply::invalid("competitions/show", &view))
        }
        Err(app::Error::NominationsOpen(closes, zone)) => {
            let mut view = show_view(db, page, c, FormState::default()).await?;
            let message = early_start_message(lang, closes, zone);
            for tr in &mut view.transitions {
                if tr.nominations_open_until.is_some() {
                    tr.error = Some(i18n::t(lang, "comp-err-early-start-confirm"));
                }
            }
            view.page.flash = Some(Flash {
                kind: "error".into(),
                message,
            });
            Ok(FormReply::invalid("competitions/show", &view))
        }
        Err(e) => Err(e.into()),
    }
}

/// Why judging did not start: the nominations are still open until `closes`.
fn early_start_message(
    lang: &str,
    closes: DateTime<FixedOffset>,
    zone: crate::registry::TimeZone,
) -> String {
    let closes = crate::views::format::when(closes, zone, lang);
    i18n::t_args(lang, "comp-err-early-start", &[("closes", closes)])
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![transition]
}
