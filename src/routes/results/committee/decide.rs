//! The committee's decisions on a result: the plenary minutes, then the announcement that
//! freezes the result into its first snapshot (with the committee's go-ahead when the
//! pre-flight checks found problems).

use entity::competition;
use rocket::form::FromForm;
use rocket::{Route, post, routes};
use sea_orm::DatabaseConnection;

use super::{invalid, results_uri};
use crate::app::results::announce::{self, AnnounceError};
use crate::app::results::describe_refusal;
use crate::app::results::minutes::{self, MinutesInput};
use crate::app::results::preflight::GoAhead;
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct MinutesForm {
    held_on: Option<String>,
    held_time: Option<String>,
    place: Option<String>,
    members: Option<String>,
    decision: Option<String>,
}

#[post("/admin/competitions/<_>/results/minutes", data = "<form>")]
async fn record_minutes(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, MinutesForm>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    minutes::ensure_may_record(c, page.lang)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let text = |f: fn(&MinutesForm) -> &Option<String>| {
        form.0
            .value
            .as_ref()
            .and_then(|i| f(i).clone())
            .unwrap_or_default()
    };
    let input = MinutesInput {
        held_on: text(|f| &f.held_on),
        held_time: text(|f| &f.held_time),
        place: text(|f| &f.place),
        members: text(|f| &f.members),
        decision: text(|f| &f.decision),
    };
    let checked = match minutes::check(&input, crate::forms::plausible_date) {
        Ok(m) if state.is_ok() => m,
        Ok(_) => return invalid(db, page, c, state).await,
        Err(errors) => {
            for (field, key) in errors {
                state.add_key(field, page.lang, key);
            }
            return invalid(db, page, c, state).await;
        }
    };
    minutes::record(db, c, checked, a.who.0.id.into_uuid()).await?;
    Ok(FormReply::done(results_uri(c), page.t("res-flash-minutes")))
}

#[derive(FromForm)]
struct AnnounceForm {
    publish_comments: bool,
    /// "I understand …": announce although the result has problems.
    confirm_incomplete: bool,
    /// Why, when the result has problems.
    reason: Option<String>,
}

#[post("/admin/competitions/<_>/results/announce", data = "<form>")]
async fn announce_results(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, AnnounceForm>,
) -> Result<FormReply, AppError> {
    let input = form.0.value.as_ref();
    let publish_comments = input.is_some_and(|f| f.publish_comments);
    let go_ahead = GoAhead {
        understood: input.is_some_and(|f| f.confirm_incomplete),
        reason: input.and_then(|f| f.reason.clone()).unwrap_or_default(),
    };
    let db = a.db;
    let c = &a.c;
    let path = results_uri(c);
    let actor = a.who.0.id.into_uuid();
    match announce::announce(db, c.clone(), actor, publish_comments, &go_ahead).await {
        Ok(s) => {
            let msg = i18n::t_args(
                page.lang,
                "res-flash-announced",
                &[("version", s.version.to_string())],
            );
            Ok(FormReply::done(path, msg))
        }
        Err(e) => {
            let state = FormState::from_context(&form.0.context, page.lang);
            announce_failed(db, page, c, state, e).await
        }
    }
}

/// Renders the page with the reason an announcement failed, keeping what was typed.
async fn announce_failed(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    mut state: FormState,
    e: AnnounceError,
) -> Result<FormReply, AppError> {
    let lang = page.lang;
    match e {
        AnnounceError::Db(e) => return Err(e.into()),
        AnnounceError::MinutesMissing => state.form_errors.push(page.t("res-err-minutes-first")),
        AnnounceError::Unconfirmed(u) => {
            state.form_errors.push(i18n::t_args(
                lang,
                "res-err-pre-summary",
                &[("count", u.problems.len().to_string())],
            ));
            for (field, key) in u.missing {
                state.add_key(field, lang, key);
            }
        }
        AnnounceError::WrongStatus => state.form_errors.push(page.t("res-err-status")),
        AnnounceError::ReasonMissing => state.add_key("reason", lang, "res-err-reason"),
        AnnounceError::UnknownScore => state.form_errors.push(page.t("res-err-score")),
        AnnounceError::NothingChanged => state.form_errors.push(page.t("res-err-nothing")),
        AnnounceError::Refused(r) => state.form_errors = describe_refusal(&r, lang),
    }
    invalid(db, page, c, state).await
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![record_minutes, announce_results]
}
