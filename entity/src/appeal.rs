//! A village's appeal (*sanggahan*) against announced results, and the committee's answer.

use sea_orm::entity::prelude::*;

pub use crate::states::AppealStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "appeal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub nomination_id: Uuid,
    pub snapshot_version: i32,
    pub body: String,
    pub attachment_name: Option<String>,
    pub attachment_stored: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_size: Option<i64>,
    pub attachment_sha256: Option<String>,
    /// `open`, `accepted` or `rejected`.
    pub status: AppealStatus,
    pub answer: String,
    pub answered_by: Option<Uuid>,
    pub answered_at: Option<DateTimeWithTimeZone>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
