//! A recorded decision: review, rule change, status transition.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub competition_id: Option<Uuid>,
    pub nomination_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub reason: String,
    pub details: String,
    pub at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
