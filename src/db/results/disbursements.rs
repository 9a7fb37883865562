//! Prize transfers recorded against the announced allocation.

use chrono::{NaiveDate, Utc};
use entity::disbursement;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// A validated transfer.
pub struct NewDisbursement {
    pub nomination_id: Uuid,
    /// `cash` or `assistance`.
    pub kind: String,
    pub amount: i64,
    pub recipient_account: String,
    pub reference: String,
    pub paid_on: NaiveDate,
    /// (stored name, content type, sha256) of the proof file.
    pub proof: Option<(String, String, String)>,
}

/// Records a transfer.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    d: NewDisbursement,
    by: Uuid,
) -> Result<disbursement::Model, DbErr> {
    let (stored, kind, sha) = match d.proof {
        Some((s, k, h)) => (Some(s), Some(k), Some(h)),
        None => (None, None, None),
    };
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
        .all(db)
        .await
}
