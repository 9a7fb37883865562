//! One top-level aspect (criterion) a panel member scores; a member without rows scores all.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "panel_member_aspect")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub panel_member_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub criterion_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
