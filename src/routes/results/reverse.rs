//! Voiding a recorded transfer: a reversal entry with its reason, confirmed by the admin.
//! The transfer itself is never edited or deleted, and a transfer is reversed at most once.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, post, routes};
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::{Reply, refused};
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::CompetitionId;
use crate::app::results::ledger::{self, ReversalRefusal};
use crate::routes::results::load_admin;
use crate::views::Page;

#[derive(FromForm)]
struct ReverseForm {
    reason: Option<String>,
    confirm: Option<String>,
}

#[post(
    "/admin/competitions/<id>/results/disbursements/<payment>/reverse",
    data = "<form>"
)]
async fn reverse(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    payment: &str,
    form: CsrfForm<'_, ReverseForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let payment = Uuid::parse_str(payment).map_err(|_| AppError::NotFound)?;
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
    let by = who.0.id.into_uuid();
    let txn = db.begin().await?;
    let outcome = if state.is_ok() {
        ledger::reverse(&txn, &c, payment, &reason, by).await?
    } else {
        Err(ReversalRefusal::ReasonMissing)
    };
    let (d, _) = match outcome {
        Ok(done) => done,
        Err(ReversalRefusal::NotFound) => return Err(AppError::NotFound),
        Err(refusal) => {
            drop(txn);
            if refusal == ReversalRefusal::AlreadyReversed {
                state.add_key(&field, page.lang, "ldg-err-already-reversed");
            }
            if state.is_ok() {
                state.add_key(&field, page.lang, "ldg-err-reason");
            }
            return refused(db, page, &c, state, payment.to_string()).await;
        }
    };
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(d.nomination_id),
            actor_id: Some(by),
            action: "prize.disbursement_reversed".into(),
            details: format!("{} {} ref {}: {}", d.kind, d.amount, d.reference, reason),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Reply::Done(Flash::success(
        Redirect::to(format!("/admin/competitions/{}/results/prizes", c.id)),
        page.t("ldg-flash-reversed"),
    )))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![reverse]
}
