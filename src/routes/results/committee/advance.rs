//! Advancing from a result: a stage's shortlist on to the next stage while judging, and an
//! announced result's winners up to a competition of the level above.

use rocket::form::FromForm;
use rocket::{Route, post, routes};
use uuid::Uuid;

use super::{invalid, results_uri};
use crate::app::results::advance as app_advance;
use crate::auth::csrf::CsrfForm;
use crate::db::competitions;
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::{CompetitionId, UserId};
use crate::routes::reply::FormReply;
use crate::routes::results::published_of;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct AdvanceForm {
    target: Option<String>,
    top: Option<u32>,
}

#[post("/admin/competitions/<_>/results/advance", data = "<form>")]
async fn advance(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, AdvanceForm>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    let input = form.0.value.as_ref();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let target_id = input
        .and_then(|f| f.target.as_deref())
        .and_then(|t| Uuid::parse_str(t.trim()).ok());
    let target = match target_id {
        Some(t) => competitions::find_for_admin(db, CompetitionId::from(t), &a.who.0).await?,
        None => None,
    };
    let top = input.and_then(|f| f.top).filter(|n| *n >= 1);
    if target.is_none() {
        state.add_key("target", page.lang, "res-err-target");
    }
    if top.is_none() {
        state.add_key("top", page.lang, "res-err-top");
    }
    let snapshot = snapshots::current(db, c.id).await?;
    if snapshot.is_none() {
        state.form_errors.push(page.t("res-err-not-announced"));
    }
    let (Some(target), Some(top), Some(snapshot)) = (target, top, snapshot) else {
        return invalid(db, page, c, state).await;
    };
    crate::app::results::frozen::ensure_open(&target, page.lang)?;
    let published = published_of(&snapshot)?;
    let winners = app_advance::winners(&published, top);
    let report = crate::app::nomination::advance_into(
        db,
        &target,
        &winners,
        UserId::from(a.who.0.id.into_uuid()),
    )
    .await?;
    if report.created.is_empty() {
        // A refusal, never "0 winners advanced" as a success: say why.
        state.form_errors.push(page.t("adv-err-none-advanced"));
        if winners.is_empty() {
            state.form_errors.push(page.t("adv-skip-not-winner"));
        }
        state
            .form_errors
            .extend(crate::routes::nominations::describe_skips(db, &report, page.lang).await?);
        return invalid(db, page, c, state).await;
    }
    let msg = i18n::t_args(
        page.lang,
        "res-flash-advanced",
        &[
            ("count", report.created.len().to_string()),
            ("target", target.name.clone()),
        ],
    );
    Ok(FormReply::done(results_uri(c), msg))
}

#[post(
    "/admin/competitions/<_>/results/stages/<stage>/advance",
    data = "<_form>"
)]
async fn advance_shortlist(
    page: Page,
    a: AdminScope<'_>,
    stage: &str,
    _form: CsrfForm<'_, crate::auth::csrf::Only<'_>>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    let done = app_advance::shortlist(db, c, stage, a.who.0.id.into_uuid(), page.lang).await?;
    let msg = i18n::t_args(
        page.lang,
        "res-flash-shortlist",
        &[
            ("count", done.entries.to_string()),
            ("sheets", done.sheets.to_string()),
        ],
    );
    Ok(FormReply::done(results_uri(c), msg))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![advance, advance_shortlist]
}
