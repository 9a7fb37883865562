//! A village's entry in a competition (*usulan*).

use sea_orm::entity::prelude::*;

pub use crate::states::NominationStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nomination")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub village_code: String,
    /// `draft`, `submitted`, `accepted`, `rejected` or `withdrawn`.
    pub status: NominationStatus,
    /// `self` or `advanced` (a winner of a lower level).
    pub origin: String,
    pub source_competition_id: Option<Uuid>,
    pub head_name: String,
    pub head_is_acting: bool,
    pub development_status: String,
    pub population: Option<i32>,
    pub households: Option<i32>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub achievements: String,
    pub description: String,
    pub submitted_at: Option<DateTimeWithTimeZone>,
    pub reviewed_at: Option<DateTimeWithTimeZone>,
    pub reviewed_by: Option<Uuid>,
    /// Shown to the village.
    pub review_note: String,
    pub withdrawn_at: Option<DateTimeWithTimeZone>,
    /// Bumped on every save; a stale save is refused.
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
