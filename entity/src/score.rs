//! A judge's answer on one leaf criterion of a sheet.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "score")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub sheet_id: Uuid,
    pub criterion_id: Uuid,
    /// Ten-thousandths of a point; `None` while unanswered or when not applicable.
    pub value: Option<i64>,
    /// "Tidak berlaku": removed from its parent's weights, never counted as 0.
    pub not_applicable: bool,
    pub comment: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
