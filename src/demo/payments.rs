//! The demo's prize ledger, so the committee's prize page and the auditor's summary have
//! something to reconcile: Juara I paid in full (uang pembinaan and bantuan keuangan), Juara II
//! its uang pembinaan, and one transfer first keyed in with the wrong amount and voided with a
//! reversal entry, as happens in real offices. Everything goes through the same rules as the pages.

use entity::{competition, result_snapshot};
use sea_orm::{DatabaseConnection, DbErr};
use uuid::Uuid;

use super::sample::err;
use crate::app::results::disburse;
use crate::app::results::ledger::{self, PaymentInput, PrizeComponent};
use crate::db::results::snapshots;

/// Records the demo's transfers against the announced version `snap`.
///
/// # Errors
/// A database error, or a transfer the ledger refuses (a bug in the demo).
pub async fn record(
    db: &DatabaseConnection,
    c: &competition::Model,
    snap: &result_snapshot::Model,
    admin: Uuid,
) -> Result<(), DbErr> {
    let published = snapshots::published(snap).ok_or_else(|| err("unreadable demo snapshot"))?;
    let winners: Vec<_> = published.winners().take(2).collect();
    let today = ledger::today(c).format("%Y-%m-%d").to_string();
    let mut transfers = Vec::new();
    for (place, line) in winners.iter().enumerate() {
        let Some(prize) = &line.prize else { continue };
        transfers.push((line.nomination_id, PrizeComponent::Cash, prize.cash, place));
        if place == 0 && prize.assistance > 0 {
            transfers.push((
                line.nomination_id,
                PrizeComponent::Assistance,
                prize.assistance,
                place,
            ));
        }
    }
    for (i, (nomination, kind, amount, place)) in transfers.into_iter().enumerate() {
        let input = |amount: i64, reference: String| PaymentInput {
            nomination: Some(nomination),
            kind: kind.as_str().to_owned(),
            amount: amount.to_string(),
            account: format!("Rekening Kas Desa {} (Bank Daerah)", place + 1),
            reference,
            paid_on: today.clone(),
            proof: None,
        };
        if i == 0 {
            // Keyed in with the wrong amount first, then voided and recorded again.
            let wrong = pay(db, c, input(amount / 10, "SP2D/DEMO/000".into()), admin).await?;
            disburse::void(
                db,
                c,
                wrong,
                "Salah ketik nominal; dana tidak pernah ditransfer (dicek dengan rekening koran).",
                admin,
            )
            .await
            .map_err(|e| err(format!("{e:?}")))?
            .map_err(|r| err(format!("demo reversal refused: {r:?}")))?;
        }
        pay(
            db,
            c,
            input(amount, format!("SP2D/DEMO/{:03}", i + 1)),
            admin,
        )
        .await?;
    }
    Ok(())
}

async fn pay(
    db: &DatabaseConnection,
    c: &competition::Model,
    input: PaymentInput,
    admin: Uuid,
) -> Result<Uuid, DbErr> {
    // No proof file, so nothing is ever stored.
    let no_files = crate::storage::Storage::Local(std::path::PathBuf::new());
    let saved = disburse::pay(db, &no_files, c, input, None, false, admin)
        .await
        .map_err(|e| err(format!("{e:?}")))?
        .map_err(|p| err(format!("demo transfer refused: {p:?}")))?;
    Ok(saved.id)
}
