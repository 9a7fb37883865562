//! A prize transfer to a winning village (cash or financial assistance).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disbursement")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub nomination_id: Uuid,
    /// `cash` or `assistance`.
    pub kind: String,
    /// Whole rupiah.
    pub amount: i64,
    pub recipient_account: String,
    pub reference: String,
    pub paid_on: Date,
    pub proof_stored: Option<String>,
    pub proof_type: Option<String>,
    pub proof_sha256: Option<String>,
    /// The proof file's name as uploaded.
    pub proof_name: Option<String>,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
