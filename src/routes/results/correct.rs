//! Corrections after the announcement, the only way a published result changes. The committee
//! names what it changes (a village's individual scores, typically after an appeal), gives a
//! reason, sees the ranking and prize difference, and confirms; the result is the next
//! snapshot version with the changes recorded old → new. A correction that changes nothing
//! is refused. An appeal may be accepted through the correction that answers it.

use std::collections::BTreeMap;

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use uuid::Uuid;

use super::correct_form::{self as cf, DiffView, PreviewView};
use super::describe_refusal;
use crate::app::results::announce::{self, AnnounceError};
use crate::app::results::appeal as app_appeal;
use crate::app::results::correction;
use crate::auth::csrf::CsrfForm;
use crate::db::results::snapshots;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::AppealId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

/// A typed id from a query or form field (surrounding blanks ignored); `None` when absent or
/// not an id.
fn parse_id<T: From<Uuid>>(s: Option<&str>) -> Option<T> {
    s.and_then(|s| Uuid::parse_str(s.trim()).ok()).map(T::from)
}

#[get("/admin/competitions/<_>/results/correct?<nomination>&<appeal>")]
async fn form(
    page: Page,
    a: AdminScope<'_>,
    nomination: Option<&str>,
    appeal: Option<&str>,
) -> Result<Template, AppError> {
    let db = a.db;
    let c = &a.c;
    let chosen = (parse_id(nomination), parse_id(appeal));
    let v = cf::view(db, page, c, chosen, None, FormState::default()).await?;
    Ok(Template::render("results/correct", &v))
}

#[derive(FromForm)]
struct CorrectForm {
    reason: Option<String>,
    nomination: Option<String>,
    appeal: Option<String>,
    /// The preview's token: present when the committee confirms what it saw.
    confirm: Option<String>,
    values: BTreeMap<String, String>,
}

/// The message of a refused correction, next to its field or at the top.
fn refusal_into(e: AnnounceError, state: &mut FormState, lang: &str) {
    match e {
        AnnounceError::WrongStatus => state.form_errors.push(i18n::t(lang, "res-err-status")),
        AnnounceError::ReasonMissing => state.add_key("reason", lang, "res-err-reason"),
        AnnounceError::UnknownScore => state.form_errors.push(i18n::t(lang, "res-err-score")),
        AnnounceError::NothingChanged => state.add_key("values", lang, "res-err-nothing"),
        AnnounceError::Refused(r) => state.form_errors.extend(describe_refusal(&r, lang)),
        // The database error is answered by the caller; the other two refuse announcements.
        AnnounceError::Db(_) | AnnounceError::MinutesMissing | AnnounceError::Unconfirmed(_) => {}
    }
}

#[post("/admin/competitions/<_>/results/correct", data = "<form>")]
async fn submit(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, CorrectForm>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let nomination = parse_id(input.and_then(|f| f.nomination.as_deref()));
    let appeal_id: Option<AppealId> = parse_id(input.and_then(|f| f.appeal.as_deref()));
    let chosen = (nomination, appeal_id);
    let confirm = input.and_then(|f| f.confirm.as_deref()).map(str::trim);
    let reason = input
        .and_then(|f| f.reason.as_deref())
        .unwrap_or("")
        .trim()
        .to_owned();
    let appeal = match appeal_id {
        Some(a) => Some(app_appeal::open_to_answer(db, c, a.into_uuid(), page.lang).await?),
        None => None,
    };
    // Only values that differ from what is stored become changes.
    let (changes, described) = match (nomination, input) {
        (Some(n), Some(f)) => {
            let rows = cf::scores_of(db, c, n).await?;
            let village = cf::village_of(db, c, n).await?;
            cf::changes_of(&rows, &f.values, &village, &mut state, page.lang)
        }
        _ => (Vec::new(), Vec::new()),
    };
    if nomination.is_none() {
        state.add_key("nomination", page.lang, "res-err-nomination");
    }
    if reason.is_empty() {
        state.add_key("reason", page.lang, "res-err-reason");
    }
    if state.is_ok() && changes.is_empty() {
        state.add_key("values", page.lang, "res-err-nothing");
    }
    let refuse =
        |v: cf::CorrectView, status: Status| Ok(FormReply::page(status, "results/correct", &v));
    if !state.is_ok() {
        let v = cf::view(db, page, c, chosen, None, state).await?;
        return refuse(v, Status::UnprocessableEntity);
    }
    let (old, new) = match announce::preview(db, c, &changes).await {
        Ok(p) => p,
        Err(AnnounceError::Db(e)) => return Err(e.into()),
        Err(e) => {
            refusal_into(e, &mut state, page.lang);
            let v = cf::view(db, page, c, chosen, None, state).await?;
            return refuse(v, Status::UnprocessableEntity);
        }
    };
    let version = snapshots::current(db, c.id).await?.map_or(0, |s| s.version);
    let token = correction::token(version, &changes, &reason);
    if confirm != Some(token.as_str()) {
        // First the preview; a stale confirmation (results or input changed since) shows the
        // fresh preview again instead of publishing something the committee did not see.
        let stale = confirm.is_some_and(|t| !t.is_empty());
        if stale {
            state.form_errors.push(page.t("res-err-preview-stale"));
        }
        let preview = PreviewView {
            rows: correction::diff(&old, &new)
                .iter()
                .map(|r| DiffView::of(r, page.lang))
                .collect(),
            changes: described,
            token,
        };
        let v = cf::view(db, page, c, chosen, Some(preview), state).await?;
        let status = if stale { Status::Conflict } else { Status::Ok };
        return refuse(v, status);
    }
    let actor = a.who.0.id.into_uuid();
    match announce::correct(db, c, actor, &reason, &changes, appeal).await {
        Ok(s) => {
            let msg = i18n::t_args(
                page.lang,
                "res-flash-corrected",
                &[("version", s.version.to_string())],
            );
            Ok(FormReply::done(super::committee::results_uri(c), msg))
        }
        Err(AnnounceError::Db(e)) => Err(e.into()),
        Err(e) => {
            refusal_into(e, &mut state, page.lang);
            let v = cf::view(db, page, c, chosen, None, state).await?;
            refuse(v, Status::UnprocessableEntity)
        }
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![form, submit]
}
