//! The last offline-sync save of a score sheet from one device (a random id the browser keeps).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sheet_device")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub sheet_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub device_id: String,
    pub saved_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
