//! A judge on a stage's panel (*tim penilai*), possibly for some aspects only
//! (`panel_member_aspect`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "panel_member")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub stage_id: Uuid,
    pub judge_id: Uuid,
    pub created_at: DateTimeWithTimeZone,
    /// A trainee (*juri magang*): assigned and scoring like the others, never counted.
    pub trainee: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
