//! The presentation order (*urutan pemaparan*), drawn by lot with a recorded seed so anyone
//! can re-run the draw, and its schedule.

use chrono::{DateTime, FixedOffset};
use entity::{presentation_slot, stage};
use juara_domain::EntryId;
use juara_domain::assignment::draw_order;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::assign::entries;
use crate::db::audit::{self, NewEvent};

/// The drawn order of a stage.
pub async fn slots<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<presentation_slot::Model>, DbErr> {
    presentation_slot::Entity::find()
        .filter(presentation_slot::Column::StageId.eq(stage_id))
        .order_by_asc(presentation_slot::Column::Position)
        .all(db)
        .await
}

/// Draws the order of the accepted entries with `seed`; refused (`Ok(None)`) once drawn.
pub async fn draw<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: stage::Model,
    seed: i64,
    actor: Uuid,
    now: DateTime<FixedOffset>,
) -> Result<Option<Vec<presentation_slot::Model>>, DbErr> {
    if s.drawn_at.is_some() {
        return Ok(None);
    }
    let ids: Vec<EntryId> = entries(db, s.competition_id)
        .await?
        .iter()
        .map(|n| EntryId(n.id.as_u128()))
        .collect();
    let order = draw_order(&ids, seed.cast_unsigned());
    let txn = db.begin().await?;
    let (stage_id, competition_id, code) = (s.id, s.competition_id, s.code.clone());
    let mut a: stage::ActiveModel = s.into();
    a.draw_seed = Set(Some(seed));
    a.drawn_at = Set(Some(now));
    a.update(&txn).await?;
    for (position, entry) in (1..).zip(&order) {
        presentation_slot::ActiveModel {
            id: Set(Uuid::new_v4()),
            stage_id: Set(stage_id),
            nomination_id: Set(Uuid::from_u128(entry.0)),
            position: Set(position),
            starts_at: Set(None),
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(competition_id),
            actor_id: Some(actor),
            action: "judging.presentation_drawn".into(),
            details: format!("stage {code}: {} entries, seed {seed}", order.len()),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    slots(db, stage_id).await.map(Some)
}

/// Sets the schedule: the first slot at `start`, each next one `minutes` later.
pub async fn schedule<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    start: DateTime<FixedOffset>,
    minutes: i64,
) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    for (i, slot) in (0i64..).zip(slots(&txn, stage_id).await?) {
        let mut a: presentation_slot::ActiveModel = slot.into();
        a.starts_at = Set(Some(
            start + chrono::Duration::minutes(minutes.saturating_mul(i)),
        ));
        a.update(&txn).await?;
    }
    txn.commit().await
}
