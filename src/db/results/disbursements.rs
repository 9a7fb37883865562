//! Prize transfers recorded against the announced allocation, and the reversal entries that
//! void them. Neither is ever updated or deleted: the ledger only grows.

use chrono::{NaiveDate, Utc};
use entity::{disbursement, disbursement_reversal};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use super::StoredFile;

/// A validated transfer.
pub struct NewDisbursement {
    pub nomination_id: Uuid,
    /// `cash` or `assistance`.
    pub kind: String,
    pub amount: i64,
    pub recipient_account: String,
    pub reference: String,
    pub paid_on: NaiveDate,
    /// The proof file, if one was uploaded.
    pub proof: Option<StoredFile>,
}

/// Records a transfer.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    d: NewDisbursement,
    by: Uuid,
) -> Result<disbursement::Model, DbErr> {
    // Proofs have no size column.
    let (name, stored, kind, _, sha) = StoredFile::columns(d.proof);
    disbursement::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        nomination_id: Set(d.nomination_id),
        kind: Set(d.kind),
        amount: Set(d.amount),
        recipient_account: Set(d.recipient_account),
        reference: Set(d.reference),
        paid_on: Set(d.paid_on),
        proof_stored: Set(stored),
        proof_type: Set(kind),
        proof_sha256: Set(sha),
        proof_name: Set(name),
        recorded_by: Set(Some(by)),
        recorded_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// A competition's transfers, oldest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Vec<disbursement::Model>, DbErr> {
    disbursement::Entity::find()
        .filter(disbursement::Column::CompetitionId.eq(competition))
        .order_by_asc(disbursement::Column::PaidOn)
        .order_by_asc(disbursement::Column::RecordedAt)
        .order_by_asc(disbursement::Column::Id)
        .all(db)
        .await
}

/// One transfer of a competition.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    id: Uuid,
) -> Result<Option<disbursement::Model>, DbErr> {
    disbursement::Entity::find_by_id(id)
        .filter(disbursement::Column::CompetitionId.eq(competition))
        .one(db)
        .await
}

/// A competition's reversal entries, oldest first.
pub async fn reversals<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Vec<disbursement_reversal::Model>, DbErr> {
    disbursement_reversal::Entity::find()
        .filter(disbursement_reversal::Column::CompetitionId.eq(competition))
        .order_by_asc(disbursement_reversal::Column::RecordedAt)
        .all(db)
        .await
}

/// The reversal of a transfer, if any.
pub async fn reversal_of<C: ConnectionTrait>(
    db: &C,
    disbursement: Uuid,
) -> Result<Option<disbursement_reversal::Model>, DbErr> {
    disbursement_reversal::Entity::find()
        .filter(disbursement_reversal::Column::DisbursementId.eq(disbursement))
        .one(db)
        .await
}

/// Records a reversal entry voiding `d` (the unique index refuses a second one).
pub async fn insert_reversal<C: ConnectionTrait>(
    db: &C,
    d: &disbursement::Model,
    reason: String,
    by: Uuid,
) -> Result<disbursement_reversal::Model, DbErr> {
    disbursement_reversal::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(d.competition_id),
        disbursement_id: Set(d.id),
        reason: Set(reason),
        recorded_by: Set(Some(by)),
        recorded_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}
