//! The audit trail: who decided what, when and why (reviews, rule changes, transitions).

use chrono::Utc;
use entity::audit_event;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// One event to record.
#[derive(Clone, Debug, Default)]
pub struct NewEvent {
    pub competition_id: Option<Uuid>,
    pub nomination_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    /// A short machine name, e.g. `competition.status`, `nomination.rejected`.
    pub action: String,
    /// Why, in the actor's words (mandatory for some actions).
    pub reason: String,
    /// What changed, e.g. `open → judging`.
    pub details: String,
}

/// Records an event (call it inside the transaction that makes the change).
pub async fn record<C: ConnectionTrait>(db: &C, e: NewEvent) -> Result<(), DbErr> {
    audit_event::ActiveModel {
        competition_id: Set(e.competition_id),
        nomination_id: Set(e.nomination_id),
        actor_id: Set(e.actor_id),
        action: Set(e.action),
        reason: Set(e.reason),
        details: Set(e.details),
        at: Set(Utc::now().fixed_offset()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A competition's events, newest first.
pub async fn list_for_competition<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<audit_event::Model>, DbErr> {
    audit_event::Entity::find()
        .filter(audit_event::Column::CompetitionId.eq(competition_id))
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .all(db)
        .await
}

/// A nomination's events, newest first.
pub async fn list_for_nomination<C: ConnectionTrait>(
    db: &C,
    nomination_id: Uuid,
) -> Result<Vec<audit_event::Model>, DbErr> {
    audit_event::Entity::find()
        .filter(audit_event::Column::NominationId.eq(nomination_id))
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .all(db)
        .await
}

/// Events of these actions since `since`, newest first, at most `limit` (login lockouts,
/// which belong to no competition).
pub async fn list_by_actions<C: ConnectionTrait>(
    db: &C,
    actions: &[&str],
    since: chrono::DateTime<chrono::FixedOffset>,
    limit: u64,
) -> Result<Vec<audit_event::Model>, DbErr> {
    use sea_orm::QuerySelect;
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.is_in(actions.iter().copied()))
        .filter(audit_event::Column::At.gte(since))
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
