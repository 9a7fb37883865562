//! The prize ledger page: per entry and prize component what the version in force awards,
//! what was paid net of reversals and the difference (to pay, or to recover after a
//! correction), the transfers and their reversals, the form to record a transfer and the
//! auditor's summary (XLSX/PDF). The rules live in `crate::app::results::ledger`; this module only
//! reads the forms, authorizes and renders. No transfer is recorded while an appeal is open.

use entity::competition;
use juara_domain::prizes::ledger::Balance;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::http::ContentType;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::exports::Download;
use super::ledger_export;
use crate::AppConfig;
use crate::app::results::disburse;
use crate::app::results::documents::file_name;
use crate::app::results::ledger::PaymentInput;
use crate::app::results::ledger::PrizeComponent;
use crate::auth::csrf::CsrfForm;
use crate::db::results::appeals;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[path = "reverse.rs"]
mod reverse;

#[derive(Serialize)]
struct ComponentView {
    due: String,
    paid: String,
    /// "Kurang bayar" amount, empty when nothing remains.
    to_pay: String,
    /// "Lebih bayar" amount, empty unless overpaid.
    to_recover: String,
}

impl ComponentView {
    fn of(b: Balance) -> Self {
        let nonzero = |r: Option<juara_domain::Rupiah>| {
            r.filter(|x| x.amount() != 0)
                .map(|x| x.to_string())
                .unwrap_or_default()
        };
        ComponentView {
            due: b.due.to_string(),
            paid: b.paid.to_string(),
            to_pay: nonzero(b.to_pay()),
            to_recover: nonzero(b.to_recover()),
        }
    }
}

#[derive(Serialize)]
struct EntryView {
    nomination_id: String,
    village: String,
    region: String,
    rank: String,
    label: String,
    cash: ComponentView,
    assistance: ComponentView,
}

#[derive(Serialize)]
struct PaymentView {
    id: String,
    village: String,
    kind: String,
    amount: String,
    account: String,
    reference: String,
    paid_on: String,
    proof: String,
    recorded_by: String,
    reversed: bool,
    reversal_reason: String,
    reversed_by: String,
}

#[derive(Serialize)]
pub(super) struct PrizesView {
    page: Page,
    competition_id: String,
    competition_name: String,
    version: i32,
    rows: Vec<EntryView>,
    payments: Vec<PaymentView>,
    total_due: String,
    total_paid: String,
    total_to_pay: String,
    total_to_recover: String,
    appeal_open: bool,
    form: FormState,
    /// The payment whose reversal form was refused, with its errors.
    reverse_id: String,
}

pub(super) async fn prizes_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    form: FormState,
    reverse_id: String,
) -> Result<PrizesView, AppError> {
    let l = disburse::announced_ledger(db, c, page.lang).await?;
    let kind = |k: &str| {
        page.t(match PrizeComponent::parse(k) {
            Some(PrizeComponent::Cash) => "res-col-cash",
            _ => "res-col-assistance",
        })
    };
    let rows = l
        .entries
        .iter()
        .map(|e| EntryView {
            nomination_id: e.nomination_id.to_string(),
            village: e.village.name.clone(),
            region: format!("{}, {}", e.village.district, e.village.regency),
            rank: e.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
            label: e.label.clone().unwrap_or_else(|| page.t("ldg-no-prize")),
            cash: ComponentView::of(e.cash),
            assistance: ComponentView::of(e.assistance),
        })
        .collect();
    let payments = l
        .payments
        .iter()
        .map(|p| PaymentView {
            id: p.record.id.to_string(),
            village: p.village.name.clone(),
            kind: kind(&p.record.kind),
            amount: super::rupiah(p.record.amount),
            account: p.record.recipient_account.clone(),
            reference: p.record.reference.clone(),
            paid_on: p.record.paid_on.format("%d-%m-%Y").to_string(),
            proof: p.record.proof_name.clone().unwrap_or_default(),
            recorded_by: p.recorded_by.clone(),
            reversed: p.reversal.is_some(),
            reversal_reason: p
                .reversal
                .as_ref()
                .map(|(r, _)| r.reason.clone())
                .unwrap_or_default(),
            reversed_by: p
                .reversal
                .as_ref()
                .map(|(_, by)| by.clone())
                .unwrap_or_default(),
        })
        .collect();
    Ok(PrizesView {
        competition_id: c.id.to_string(),
        competition_name: c.name.clone(),
        version: l.version,
        rows,
        payments,
        total_due: l.totals.due.to_string(),
        total_paid: l.totals.paid.to_string(),
        total_to_pay: l.totals.to_pay.to_string(),
        total_to_recover: l.totals.to_recover.to_string(),
        appeal_open: appeals::any_open(db, c.id).await?,
        form,
        reverse_id,
        page,
    })
}

#[get("/admin/competitions/<_>/results/prizes")]
async fn show(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let db = a.db;
    let c = &a.c;
    let view = prizes_view(db, page, c, FormState::default(), String::new()).await?;
    Ok(Template::render("results/prizes", &view))
}

#[get("/admin/competitions/<_>/results/ledger.xlsx")]
async fn ledger_xlsx(page: Page, a: AdminScope<'_>) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let l = disburse::announced_ledger(db, c, page.lang).await?;
    let body = ledger_export::xlsx(c, &l)
        .map_err(|e| AppError::Internal(format!("ledger workbook: {e}")))?;
    let snap = crate::db::results::snapshots::current(db, c.id).await?;
    let file = file_name(db, c, "buku-besar", snap.as_ref(), "xlsx").await?;
    Ok(Download::xlsx(body, file))
}

#[get("/admin/competitions/<_>/results/ledger.pdf")]
async fn ledger_pdf(
    page: Page,
    a: AdminScope<'_>,
    storage: &State<crate::storage::Storage>,
) -> Result<Download, AppError> {
    let db = a.db;
    let c = &a.c;
    let l = disburse::announced_ledger(db, c, page.lang).await?;
    let kop = crate::app::results::documents::letterhead(db, storage.inner(), c).await?;
    let body = ledger_export::pdf(c, &l, kop).map_err(|e| AppError::Internal(e.to_string()))?;
    let snap = crate::db::results::snapshots::current(db, c.id).await?;
    let file = file_name(db, c, "buku-besar", snap.as_ref(), "pdf").await?;
    Ok(Download::new(body, ContentType::PDF, file))
}

#[derive(FromForm)]
struct PaymentForm<'r> {
    nomination: Option<String>,
    kind: Option<String>,
    amount: Option<String>,
    account: Option<String>,
    reference: Option<String>,
    paid_on: Option<String>,
    proof: Option<TempFile<'r>>,
}

/// The page again with the refusals: 422, field errors and a summary at the top.
pub(super) async fn refused(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    mut state: FormState,
    reverse_id: String,
) -> Result<FormReply, AppError> {
    if state.form_errors.is_empty() {
        state.form_errors = state.errors.values().flatten().cloned().collect();
    }
    let view = prizes_view(db, page, c, state, reverse_id).await?;
    Ok(FormReply::invalid("results/prizes", &view))
}

#[post("/admin/competitions/<_>/results/disbursements", data = "<form>")]
async fn record(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, PaymentForm<'_>>,
    config: &State<AppConfig>,
    storage: &State<crate::storage::Storage>,
) -> Result<FormReply, AppError> {
    let (db, config) = (a.db, config.inner());
    let c = &a.c;
    disburse::ensure_may_pay(db, c, page.lang).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let text =
        |v: Option<&Option<String>>| v.and_then(|s| s.as_deref()).unwrap_or("").trim().to_owned();
    let file = input.and_then(|f| f.proof.as_ref());
    let proof = super::checked_upload(file, config, page.lang, &mut state, "proof").await?;
    let payment = PaymentInput {
        nomination: Uuid::parse_str(&text(input.map(|f| &f.nomination))).ok(),
        kind: text(input.map(|f| &f.kind)),
        amount: text(input.map(|f| &f.amount)),
        account: text(input.map(|f| &f.account)),
        reference: text(input.map(|f| &f.reference)),
        paid_on: text(input.map(|f| &f.paid_on)),
        proof: None,
    };
    let by = a.who.0.id.into_uuid();
    let refused_now = !state.is_ok();
    match disburse::pay(db, storage.inner(), c, payment, proof, refused_now, by).await? {
        Ok(_) => Ok(FormReply::done(
            prizes_uri(c),
            page.t("res-flash-disbursed"),
        )),
        Err(problems) => {
            for p in problems {
                state.add(p.field, i18n::t_args(page.lang, p.key, &p.args));
            }
            refused(db, page, c, state, String::new()).await
        }
    }
}

/// The prize ledger page of `c`.
pub(super) fn prizes_uri(c: &competition::Model) -> String {
    uri!(show(CompetitionId::from(c.id))).to_string()
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    let mut r = routes![show, record, ledger_xlsx, ledger_pdf];
    r.extend(reverse::routes());
    r
}
