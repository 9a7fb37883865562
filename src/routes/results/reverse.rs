//! Voiding a recorded transfer: a reversal entry with its reason, confirmed by the admin.
//! The transfer itself is never edited or deleted, and a transfer is reversed at most once.

use rocket::form::FromForm;
use rocket::{Route, post, routes};

use super::{prizes_uri, refused};
use crate::app::results::disburse;
use crate::app::results::ledger::ReversalRefusal;
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::DisbursementId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct ReverseForm {
    reason: Option<String>,
    confirm: Option<String>,
}

#[post(
    "/admin/competitions/<_>/results/disbursements/<payment>/reverse",
    data = "<form>"
)]
async fn reverse(
    page: Page,
    a: AdminScope<'_>,
    payment: DisbursementId,
    form: CsrfForm<'_, ReverseForm>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    let payment = payment.into_uuid();
    let input = form.0.value.as_ref();
    let reason = input
        .and_then(|f| f.reason.as_deref())
        .unwrap_or("")
        .trim()
        .to_owned();
    let confirmed = input.and_then(|f| f.confirm.as_deref()).is_some();
    let mut state = FormState::default();
    let field = format!("reason-{payment}");
    if reason.is_empty() {
        state.add_key(&field, page.lang, "ldg-err-reason");
    }
    if !confirmed {
        state.add_key(&format!("confirm-{payment}"), page.lang, "ldg-err-confirm");
    }
    if !state.is_ok() {
        return refused(db, page, c, state, payment.to_string()).await;
    }
    let by = a.who.0.id.into_uuid();
    match disburse::void(db, c, payment, &reason, by).await? {
        Ok(_) => Ok(FormReply::done(prizes_uri(c), page.t("ldg-flash-reversed"))),
        Err(ReversalRefusal::NotFound) => Err(AppError::NotFound),
        Err(refusal) => {
            if refusal == ReversalRefusal::AlreadyReversed {
                state.add_key(&field, page.lang, "ldg-err-already-reversed");
            }
            if state.is_ok() {
                state.add_key(&field, page.lang, "ldg-err-reason");
            }
            refused(db, page, c, state, payment.to_string()).await
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![reverse]
}
