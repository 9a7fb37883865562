//! A judging stage (documents, field verification, presentation) with its own criteria tree.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub position: i32,
    pub code: String,
    pub name: String,
    /// `documents`, `field`, `presentation` or `other`.
    pub kind: String,
    /// Percent of the final score; 0 = gate only.
    pub weight: i32,
    /// `mean`, `median` or `trimmed`.
    pub aggregation: String,
    pub trim_k: i32,
    pub quorum: i32,
    pub shortlist: Option<i32>,
    /// Ten-thousandths of a point.
    pub pass_threshold: Option<i64>,
    pub normalize: bool,
    pub min_entries_per_judge: i32,
    pub judges_per_entry: i32,
    /// When the committee closed judging for this stage.
    pub closed_at: Option<DateTimeWithTimeZone>,
    /// Why it was closed with sheets missing (empty when it closed complete).
    pub close_note: String,
    /// Seed of the presentation-order draw, kept so anyone can re-run it.
    pub draw_seed: Option<i64>,
    pub drawn_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
