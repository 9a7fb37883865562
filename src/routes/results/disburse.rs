//! The prize allocation of the announced results in rupiah, with the transfers recorded
//! against it (recipient account, reference, date, proof) and what is still outstanding.
//! No transfer is recorded while an appeal of the competition is open.

use chrono::NaiveDate;
use entity::competition;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::http::Status;
use rocket::response::{Flash, Redirect, Responder};
use rocket::tokio::io::AsyncReadExt;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::Serialize;
use uuid::Uuid;

use super::{ResultsView, load_admin, published_of, rupiah};
use crate::AppConfig;
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::db::results::disbursements::{self, NewDisbursement};
use crate::db::results::{appeals, snapshots};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::CompetitionId;
use crate::results::Published;
use crate::uploads;
use crate::views::Page;

#[derive(Serialize)]
struct PrizeRow {
    nomination_id: String,
    village: String,
    rank: u32,
    label: String,
    cash: String,
    assistance: String,
    paid_cash: String,
    paid_assistance: String,
    outstanding: String,
}

#[derive(Serialize)]
struct PaymentView {
    village: String,
    kind: String,
    amount: String,
    account: String,
    reference: String,
    paid_on: String,
    has_proof: bool,
}

#[derive(Serialize)]
struct PrizesView {
    page: Page,
    competition_id: String,
    competition_name: String,
    results: ResultsView,
    rows: Vec<PrizeRow>,
    payments: Vec<PaymentView>,
    total_paid: String,
    total_outstanding: String,
    appeal_open: bool,
    form: FormState,
}

async fn prizes_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    form: FormState,
) -> Result<PrizesView, AppError> {
    let snap = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| AppError::Conflict(page.t("res-err-not-announced")))?;
    let p: Published = published_of(&snap)?;
    let paid = disbursements::list(db, c.id).await?;
    let paid_of = |n: Uuid, kind: &str| -> i64 {
        paid.iter()
            .filter(|d| d.nomination_id == n && d.kind == kind)
            .map(|d| d.amount)
            .sum()
    };
    let mut total_paid = 0;
    let mut total_outstanding = 0;
    let rows = p
        .winners()
        .filter_map(|l| {
            let prize = l.prize.as_ref()?;
            let (pc, pa) = (
                paid_of(l.nomination_id, "cash"),
                paid_of(l.nomination_id, "assistance"),
            );
            let outstanding = (prize.cash - pc).max(0) + (prize.assistance - pa).max(0);
            total_paid += pc + pa;
            total_outstanding += outstanding;
            Some(PrizeRow {
                nomination_id: l.nomination_id.to_string(),
                village: l.village.name.clone(),
                rank: l.rank,
                label: prize.label.clone(),
                cash: rupiah(prize.cash),
                assistance: rupiah(prize.assistance),
                paid_cash: rupiah(pc),
                paid_assistance: rupiah(pa),
                outstanding: rupiah(outstanding),
            })
        })
        .collect();
    let village_of = |n: Uuid| {
        p.line_of(n)
            .map(|l| l.village.name.clone())
            .unwrap_or_default()
    };
    let payments = paid
        .iter()
        .map(|d| PaymentView {
            village: village_of(d.nomination_id),
            kind: d.kind.clone(),
            amount: rupiah(d.amount),
            account: d.recipient_account.clone(),
            reference: d.reference.clone(),
            paid_on: d.paid_on.format("%d-%m-%Y").to_string(),
            has_proof: d.proof_stored.is_some(),
        })
        .collect();
    Ok(PrizesView {
        competition_id: c.id.to_string(),
        competition_name: c.name.clone(),
        results: ResultsView::of(&p, page.lang),
        rows,
        payments,
        total_paid: rupiah(total_paid),
        total_outstanding: rupiah(total_outstanding),
        appeal_open: appeals::any_open(db, c.id).await?,
        form,
        page,
    })
}

#[get("/admin/competitions/<id>/results/prizes")]
async fn show(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let view = prizes_view(db, page, &c, FormState::default()).await?;
    Ok(Template::render("results/prizes", &view))
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

#[derive(Responder)]
enum Reply {
    Done(Flash<Redirect>),
    Page((Status, Template)),
}

#[post("/admin/competitions/<id>/results/disbursements", data = "<form>")]
async fn record(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, PaymentForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Reply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let c = load_admin(db, id, &who.0).await?;
    let snap = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| AppError::Conflict(page.t("res-err-not-announced")))?;
    if appeals::any_open(db, c.id).await? {
        return Err(AppError::Conflict(page.t("res-err-appeal-open")));
    }
    let p = published_of(&snap)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let text =
        |v: Option<&Option<String>>| v.and_then(|s| s.as_deref()).unwrap_or("").trim().to_owned();
    let nomination = Uuid::parse_str(&text(input.map(|f| &f.nomination)))
        .ok()
        .filter(|n| p.line_of(*n).is_some_and(|l| l.prize.is_some()));
    if nomination.is_none() {
        state.add_key("nomination", page.lang, "res-err-winner");
    }
    let kind = text(input.map(|f| &f.kind));
    if kind != "cash" && kind != "assistance" {
        state.add_key("kind", page.lang, "res-err-kind");
    }
    let amount = text(input.map(|f| &f.amount))
        .replace(['.', ' '], "")
        .trim_start_matches("Rp")
        .parse::<i64>()
        .ok()
        .filter(|a| *a > 0);
    if amount.is_none() {
        state.add_key("amount", page.lang, "res-err-amount");
    }
    let account = text(input.map(|f| &f.account));
    if account.is_empty() {
        state.add_key("account", page.lang, "res-err-required");
    }
    let reference = text(input.map(|f| &f.reference));
    if reference.is_empty() {
        state.add_key("reference", page.lang, "res-err-required");
    }
    let paid_on = NaiveDate::parse_from_str(&text(input.map(|f| &f.paid_on)), "%Y-%m-%d")
        .ok()
        .filter(|d| crate::forms::plausible_date(*d));
    if paid_on.is_none() {
        state.add_key("paid_on", page.lang, "res-err-date");
    }
    let mut proof = None;
    if let Some(f) = input.and_then(|f| f.proof.as_ref()).filter(|f| f.len() > 0) {
        let mut bytes = Vec::new();
        let io = |e: std::io::Error| AppError::Internal(format!("reading upload: {e}"));
        f.open()
            .await
            .map_err(io)?
            .take(config.max_upload_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .await
            .map_err(io)?;
        match uploads::check(&bytes, config.max_upload_bytes) {
            Ok(checked) => proof = Some((checked, bytes)),
            Err(refusal) => {
                let mb = config.max_upload_bytes.div_ceil(1024 * 1024).to_string();
                let msg = crate::i18n::t_args(page.lang, refusal.message_key(), &[("mb", mb)]);
                state.add("proof", msg);
            }
        }
    }
    let (Some(nomination), Some(amount), Some(paid_on), true) =
        (nomination, amount, paid_on, state.is_ok())
    else {
        let view = prizes_view(db, page, &c, state).await?;
        return Ok(Reply::Page((
            Status::UnprocessableEntity,
            Template::render("results/prizes", &view),
        )));
    };
    let io = |e: std::io::Error| AppError::Internal(format!("storing upload: {e}"));
    let staged = match &proof {
        Some((checked, bytes)) => {
            Some(uploads::stage(&config.upload_dir, c.id, checked.kind, bytes).map_err(io)?)
        }
        None => None,
    };
    let proof_row = match (&proof, &staged) {
        (Some((checked, _)), Some(s)) => Some((
            s.stored_name.clone(),
            checked.kind.content_type().to_owned(),
            checked.sha256.clone(),
        )),
        _ => None,
    };
    let txn = db.begin().await?;
    let saved = disbursements::insert(
        &txn,
        c.id,
        NewDisbursement {
            nomination_id: nomination,
            kind,
            amount,
            recipient_account: account,
            reference,
            paid_on,
            proof: proof_row,
        },
        who.0.id.into_uuid(),
    )
    .await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(nomination),
            actor_id: Some(who.0.id.into_uuid()),
            action: "prize.disbursed".into(),
            details: format!("{} {} ref {}", saved.kind, saved.amount, saved.reference),
            ..Default::default()
        },
    )
    .await?;
    let placed = staged.map(|s| s.persist()).transpose().map_err(io)?;
    txn.commit().await?;
    if let Some(p) = placed {
        p.keep();
    }
    Ok(Reply::Done(Flash::success(
        Redirect::to(format!("/admin/competitions/{}/results/prizes", c.id)),
        page.t("res-flash-disbursed"),
    )))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, record]
}
