//! One rank of a competition's prize table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "prize_tier")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub rank: i32,
    pub label: String,
    /// *Uang pembinaan*, rupiah.
    pub cash: i64,
    /// *Bantuan keuangan*, rupiah (desa only).
    pub assistance: i64,
    pub trophy: bool,
    pub certificate: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
