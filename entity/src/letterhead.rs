//! An office's letterhead (*kop surat*), printed at the top of every official document.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "letterhead")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The office's region code; empty for a national committee.
    #[sea_orm(unique)]
    pub scope: String,
    pub government: String,
    pub office: String,
    pub address: String,
    pub contact: String,
    pub logo_stored: Option<String>,
    pub logo_type: Option<String>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
