//! The plenary minutes (*berita acara rapat pleno*) recorded before an announcement.

use chrono::{NaiveDate, Utc};
use entity::plenary_minutes;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// Validated minutes.
pub struct NewMinutes {
    pub held_on: NaiveDate,
    /// `HH:MM` in the competition's zone, when given.
    pub held_time: Option<String>,
    pub place: String,
    pub members: String,
    pub decision: String,
}

/// Records the minutes.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    m: NewMinutes,
    by: Uuid,
) -> Result<plenary_minutes::Model, DbErr> {
    plenary_minutes::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        held_on: Set(m.held_on),
        held_time: Set(m.held_time),
        place: Set(m.place),
        members: Set(m.members),
        decision: Set(m.decision),
        recorded_by: Set(Some(by)),
        recorded_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// The latest minutes of a competition.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Option<plenary_minutes::Model>, DbErr> {
    plenary_minutes::Entity::find()
        .filter(plenary_minutes::Column::CompetitionId.eq(competition))
        .order_by_desc(plenary_minutes::Column::RecordedAt)
        .one(db)
        .await
}
