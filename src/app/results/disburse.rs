//! Paying out prizes: recording a transfer (with its proof file) and voiding one, each in one
//! transaction with its audit event. No transfer is recorded while an appeal is open; the
//! checks of a transfer itself are in `ledger`.

use crate::storage::Storage;

use entity::{competition, disbursement};
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::Error;
use super::files::{self, NewFile};
use super::ledger::{self, Ledger, PaymentInput, Problem, ReversalRefusal};
use crate::db::audit::{self, NewEvent};
use crate::db::results::appeals;
use crate::i18n;

/// The ledger under the version in force; refused (409) before the announcement.
///
/// # Errors
/// `Conflict` before the announcement; a database error.
pub async fn announced_ledger(
    db: &DatabaseConnection,
    c: &competition::Model,
    lang: &str,
) -> Result<Ledger, Error> {
    ledger::load(db, c)
        .await?
        .ok_or_else(|| Error::Conflict(i18n::t(lang, "res-err-not-announced")))
}

/// Refuses (409) a transfer before the announcement or while an appeal is open.
///
/// # Errors
/// `Conflict`; a database error.
pub async fn ensure_may_pay(
    db: &DatabaseConnection,
    c: &competition::Model,
    lang: &str,
) -> Result<(), Error> {
    announced_ledger(db, c, lang).await?;
    if appeals::any_open(db, c.id).await? {
        return Err(Error::Conflict(i18n::t(lang, "res-err-appeal-open")));
    }
    Ok(())
}

/// Checks and records a transfer with its proof. When `form_refused` (the form already has
/// errors) the transfer is still checked, so every problem is reported at once, but nothing
/// is written or stored.
///
/// # Errors
/// A database or storage error; refusals are the inner `Err`.
#[allow(clippy::too_many_arguments)]
pub async fn pay(
    db: &DatabaseConnection,
    storage: &Storage,
    c: &competition::Model,
    mut input: PaymentInput,
    proof: Option<NewFile>,
    form_refused: bool,
    by: Uuid,
) -> Result<Result<disbursement::Model, Vec<Problem>>, Error> {
    // Stored files are removed on drop unless kept, so a refusal leaves nothing behind.
    let staged = match &proof {
        Some(f) if !form_refused => Some(files::stage(storage, c.id, f).await?),
        _ => None,
    };
    input.proof = staged.as_ref().map(|s| s.row.clone());
    let txn = db.begin().await?;
    let saved = match ledger::record(&txn, c, input, ledger::today(c), by).await? {
        Ok(saved) if !form_refused => saved,
        // Dropping the transaction rolls it back.
        other => return Ok(Err(other.err().unwrap_or_default())),
    };
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(saved.nomination_id),
            actor_id: Some(by),
            action: "prize.disbursed".into(),
            details: payment_in_words(&saved),
            ..Default::default()
        },
    )
    .await?;
    files::commit(txn, staged).await?;
    Ok(Ok(saved))
}

/// Voids transfer `id` with a reversal entry and its reason.
///
/// # Errors
/// A database error; refusals are the inner `Err`.
pub async fn void(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: Uuid,
    reason: &str,
    by: Uuid,
) -> Result<Result<disbursement::Model, ReversalRefusal>, Error> {
    let txn = db.begin().await?;
    let (d, _) = match ledger::reverse(&txn, c, id, reason, by).await? {
        Ok(done) => done,
        Err(refusal) => return Ok(Err(refusal)),
    };
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(d.nomination_id),
            actor_id: Some(by),
            action: "prize.disbursement_reversed".into(),
            reason: reason.trim().to_owned(),
            details: payment_in_words(&d),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(d))
}

/// "uang pembinaan Rp15.000.000, ref TRX-001, 5 Desember 2026" for the audit trail.
fn payment_in_words(d: &disbursement::Model) -> String {
    let kind = match ledger::PrizeComponent::parse(&d.kind) {
        Some(ledger::PrizeComponent::Cash) => "uang pembinaan",
        _ => "bantuan keuangan",
    };
    format!(
        "{kind} {}, ref {}, tanggal {}",
        juara_domain::Rupiah::new(d.amount),
        d.reference,
        d.paid_on
    )
}
