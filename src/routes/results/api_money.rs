//! The prize ledger through the API, as on the prize page: `GET
//! /api/v1/competitions/<id>/results/ledger` (per entry and component what the version in
//! force awards, what was paid net of reversals and what remains; the transfers), recording a
//! transfer (`POST …/results/disbursements`, refused while an appeal is open) and voiding one
//! with a reason (`POST …/disbursements/<id>/reverse`). Money is whole rupiah; the proof of
//! transfer comes with the transfer as `multipart/form-data` (part `proof`). The rules are `app::results::{disburse, ledger}`.

use juara_domain::prizes::ledger::Balance;
use rocket::form::{Contextual, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::results::disburse;
use crate::app::results::ledger::{Payment, PaymentInput, ReversalRefusal};
use crate::db::results::appeals;
use crate::error::AppError;
use crate::ids::DisbursementId;
use crate::json::{Error as JsonError, Json};
use crate::routes::api::support::{self, time_out};
use crate::routes::scope::{ApiScope, ApiWriteScope};

/// One prize component's account, rupiah.
#[derive(Serialize, utoipa::ToSchema)]
struct BalanceDto {
    due: i64,
    paid: i64,
    /// Still to pay (0 when none).
    to_pay: i64,
    /// Paid too much after a correction (0 when none).
    to_recover: i64,
}

impl BalanceDto {
    fn of(b: Balance) -> Self {
        BalanceDto {
            due: b.due.amount(),
            paid: b.paid.amount(),
            to_pay: b.to_pay().map_or(0, |r| r.amount()),
            to_recover: b.to_recover().map_or(0, |r| r.amount()),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct EntryDto {
    nomination_id: String,
    village: crate::results::VillageInfo,
    rank: Option<u32>,
    prize: Option<String>,
    cash: BalanceDto,
    assistance: BalanceDto,
}

#[derive(Serialize, utoipa::ToSchema)]
struct ReversalDto {
    reason: String,
    reversed_by: String,
    reversed_at: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct PaymentDto {
    id: String,
    nomination_id: String,
    /// `cash` or `assistance`.
    kind: String,
    amount: i64,
    account: String,
    reference: String,
    /// `YYYY-MM-DD` on the competition's calendar.
    paid_on: String,
    has_proof: bool,
    recorded_by: String,
    reversal: Option<ReversalDto>,
}

impl PaymentDto {
    fn of(p: &Payment) -> Self {
        let r = &p.record;
        PaymentDto {
            id: r.id.to_string(),
            nomination_id: r.nomination_id.to_string(),
            kind: r.kind.clone(),
            amount: r.amount,
            account: r.recipient_account.clone(),
            reference: r.reference.clone(),
            paid_on: r.paid_on.format("%Y-%m-%d").to_string(),
            has_proof: r.proof_stored.is_some(),
            recorded_by: p.recorded_by.clone(),
            reversal: p.reversal.as_ref().map(|(rev, by)| ReversalDto {
                reason: rev.reason.clone(),
                reversed_by: by.clone(),
                reversed_at: time_out(Some(rev.recorded_at)),
            }),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct LedgerDto {
    version: i32,
    content_hash: String,
    entries: Vec<EntryDto>,
    payments: Vec<PaymentDto>,
    total_due: i64,
    total_paid: i64,
    total_to_pay: i64,
    total_to_recover: i64,
    /// Transfers are refused while an appeal is open.
    appeal_open: bool,
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/results/ledger", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = LedgerDto)))]
#[get("/v1/competitions/<_>/results/ledger")]
async fn ledger(a: ApiScope<'_>) -> Result<Json<LedgerDto>, AppError> {
    let l = disburse::announced_ledger(a.db, &a.c, a.lang).await?;
    Ok(Json(LedgerDto {
        version: l.version,
        content_hash: l.content_hash.clone(),
        entries: l
            .entries
            .iter()
            .map(|e| EntryDto {
                nomination_id: e.nomination_id.to_string(),
                village: e.village.clone(),
                rank: e.rank,
                prize: e.label.clone(),
                cash: BalanceDto::of(e.cash),
                assistance: BalanceDto::of(e.assistance),
            })
            .collect(),
        payments: l.payments.iter().map(PaymentDto::of).collect(),
        total_due: l.totals.due.amount(),
        total_paid: l.totals.paid.amount(),
        total_to_pay: l.totals.to_pay.amount(),
        total_to_recover: l.totals.to_recover.amount(),
        appeal_open: appeals::any_open(a.db, a.c.id).await?,
    }))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct PaymentBody {
    nomination_id: String,
    /// `cash` or `assistance`.
    kind: String,
    /// Whole rupiah.
    #[serde(deserialize_with = "support::loose")]
    amount: Option<String>,
    account: String,
    reference: String,
    /// `YYYY-MM-DD`.
    paid_on: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Recorded {
    id: String,
    nomination_id: String,
    kind: String,
    amount: i64,
    paid_on: String,
    has_proof: bool,
}

impl Recorded {
    fn of(d: &entity::disbursement::Model) -> Self {
        Recorded {
            id: d.id.to_string(),
            nomination_id: d.nomination_id.to_string(),
            kind: d.kind.clone(),
            amount: d.amount,
            paid_on: d.paid_on.format("%Y-%m-%d").to_string(),
            has_proof: d.proof_stored.is_some(),
        }
    }
}

/// A transfer of a prize component (201), refused while an appeal is open. With its proof of
/// transfer (a PDF, JPEG or PNG, told by content) the same fields come as
/// `multipart/form-data` with a `proof` part.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/disbursements", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")),
    request_body(content((PaymentBody = "application/json"), (Vec<u8> = "multipart/form-data"))),
    responses((status = 201, body = Recorded)))]
#[post(
    "/v1/competitions/<_>/results/disbursements",
    data = "<input>",
    rank = 2
)]
async fn record(
    a: ApiWriteScope<'_>,
    input: Result<Json<PaymentBody>, JsonError<'_>>,
    storage: &State<crate::storage::Storage>,
) -> Result<(Status, Json<Recorded>), AppError> {
    disburse::ensure_may_pay(a.db, &a.c, a.lang).await?;
    let b = support::body(input)?.into_inner();
    recorded(&a, storage.inner(), b, None).await
}

#[derive(FromForm)]
struct PaymentUpload<'r> {
    nomination_id: String,
    kind: String,
    amount: String,
    account: String,
    reference: String,
    paid_on: String,
    proof: Option<TempFile<'r>>,
}

#[post(
    "/v1/competitions/<_>/results/disbursements",
    format = "multipart/form-data",
    data = "<form>"
)]
async fn record_with_proof(
    a: ApiWriteScope<'_>,
    form: Form<Contextual<'_, PaymentUpload<'_>>>,
    storage: &State<crate::storage::Storage>,
    config: &State<crate::AppConfig>,
) -> Result<(Status, Json<Recorded>), AppError> {
    disburse::ensure_may_pay(a.db, &a.c, a.lang).await?;
    let mut form = form.into_inner();
    crate::forms::refuse_control_chars(&mut form);
    let Some(f) = form.value.as_ref() else {
        let state = crate::forms::FormState::from_context(&form.context, a.lang);
        return Err(support::invalid_state(state));
    };
    let proof = super::api_upload(f.proof.as_ref(), config, a.lang, "proof").await?;
    let b = PaymentBody {
        nomination_id: f.nomination_id.clone(),
        kind: f.kind.clone(),
        amount: Some(f.amount.clone()),
        account: f.account.clone(),
        reference: f.reference.clone(),
        paid_on: f.paid_on.clone(),
    };
    recorded(&a, storage.inner(), b, proof).await
}

/// Records the transfer (with its proof, if any): its row, or the refusals field by field.
async fn recorded(
    a: &ApiWriteScope<'_>,
    storage: &crate::storage::Storage,
    b: PaymentBody,
    proof: Option<crate::app::results::files::NewFile>,
) -> Result<(Status, Json<Recorded>), AppError> {
    let (db, c) = (a.db, &a.c);
    let payment = PaymentInput {
        nomination: Uuid::parse_str(b.nomination_id.trim()).ok(),
        kind: b.kind.trim().to_owned(),
        amount: b.amount.unwrap_or_default().trim().to_owned(),
        account: b.account.trim().to_owned(),
        reference: b.reference.trim().to_owned(),
        paid_on: b.paid_on.trim().to_owned(),
        proof: None,
    };
    let by = a.who.0.id.into_uuid();
    match disburse::pay(db, storage, c, payment, proof, false, by).await? {
        Ok(d) => Ok((Status::Created, Json(Recorded::of(&d)))),
        Err(problems) => {
            let mut fields: std::collections::BTreeMap<String, Vec<String>> = Default::default();
            for p in problems {
                let field = if p.field == "nomination" {
                    "nomination_id"
                } else {
                    p.field
                };
                fields
                    .entry(field.to_owned())
                    .or_default()
                    .push(crate::i18n::t_args(a.lang, p.key, &p.args));
            }
            Err(AppError::Invalid(fields))
        }
    }
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct ReverseBody {
    reason: String,
    /// The page's confirmation box: `true` to void.
    confirm: bool,
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/results/disbursements/{payment}/reverse", tag = "results", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("payment" = crate::ids::DisbursementId, Path, description = "The transfer")), request_body = ReverseBody, responses((status = 200, body = Recorded)))]
#[post(
    "/v1/competitions/<_>/results/disbursements/<payment>/reverse",
    data = "<input>"
)]
async fn reverse(
    a: ApiWriteScope<'_>,
    payment: DisbursementId,
    input: Result<Json<ReverseBody>, JsonError<'_>>,
) -> Result<Json<Recorded>, AppError> {
    let b = support::body(input)?.into_inner();
    let reason = b.reason.trim();
    let mut errors = Vec::new();
    if reason.is_empty() {
        errors.push(("reason", "ldg-err-reason"));
    }
    if !b.confirm {
        errors.push(("confirm", "ldg-err-confirm"));
    }
    if !errors.is_empty() {
        return Err(support::invalid(errors));
    }
    let by = a.who.0.id.into_uuid();
    match disburse::void(a.db, &a.c, payment.into_uuid(), reason, by).await? {
        Ok(d) => Ok(Json(Recorded::of(&d))),
        Err(ReversalRefusal::NotFound) => Err(AppError::NotFound),
        Err(ReversalRefusal::AlreadyReversed) => Err(AppError::Conflict(crate::i18n::t(
            a.lang,
            "ldg-err-already-reversed",
        ))),
        Err(ReversalRefusal::ReasonMissing) => {
            Err(support::invalid(vec![("reason", "ldg-err-reason")]))
        }
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(ledger, record, reverse))]
pub struct Doc;

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![ledger, record, record_with_proof, reverse]
}
