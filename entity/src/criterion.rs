//! A node of a stage's criteria tree (aspek, indikator…); leaves carry a scale.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "criterion")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub stage_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name: String,
    pub guidance: String,
    /// Percent of the parent.
    pub weight: i32,
    pub position: i32,
    /// Ten-thousandths of a point.
    pub scale_min: Option<i64>,
    pub scale_max: Option<i64>,
    pub scale_step: Option<i64>,
    /// Judges may answer "not applicable".
    pub optional: bool,
    /// Villages upload evidence for it.
    pub requires_evidence: bool,
    /// Level descriptors of a leaf, JSON `[{"value": <ten-thousandths>, "text": "…"}]` in
    /// value order; read and written through `juara::db::competition_setup::{levels_of, levels_json}`.
    #[sea_orm(column_type = "Text")]
    pub levels: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
