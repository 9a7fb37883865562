//! The committee's plenary meeting that decided the results (*berita acara rapat pleno*).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plenary_minutes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub held_on: Date,
    /// When the meeting opened, `HH:MM` in the competition's zone.
    pub held_time: Option<String>,
    pub place: String,
    /// One member per line.
    pub members: String,
    pub decision: String,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
