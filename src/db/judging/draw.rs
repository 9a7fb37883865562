//! The presentation order (*urutan pemaparan*), drawn by lot with a recorded seed so anyone
//! can re-run the draw, and its schedule.

use chrono::{DateTime, FixedOffset};
use entity::{competition, nomination, presentation_slot, stage};
use juara_domain::EntryId;
use juara_domain::assignment::draw_order;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionSession, TransactionTrait,
};
use serde::Serialize;
use uuid::Uuid;

use super::assign::entries;
use crate::db::audit::{self, NewEvent};
use crate::db::villages::{self, VillageInfo};

/// A stage's drawn order as villages, judges and the public read it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StageOrder {
    pub stage_id: Uuid,
    pub stage_code: String,
    pub stage_name: String,
    /// The seed, so anyone can re-run the draw.
    pub seed: i64,
    pub drawn_at: DateTime<FixedOffset>,
    pub slots: Vec<NamedSlot>,
}

/// One place in a drawn order.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NamedSlot {
    pub position: i32,
    pub nomination_id: Uuid,
    pub village: VillageInfo,
    pub starts_at: Option<DateTime<FixedOffset>>,
}

/// The drawn orders of `stages` (undrawn ones are skipped), villages named: three queries
/// for the slots and nominations plus three for the names.
pub async fn named_orders<C: ConnectionTrait>(
    db: &C,
    stages: &[stage::Model],
) -> Result<Vec<StageOrder>, DbErr> {
    let drawn: Vec<&stage::Model> = stages.iter().filter(|s| s.drawn_at.is_some()).collect();
    if drawn.is_empty() {
        return Ok(Vec::new());
    }
    let all = presentation_slot::Entity::find()
        .filter(presentation_slot::Column::StageId.is_in(drawn.iter().map(|s| s.id)))
        .order_by_asc(presentation_slot::Column::Position)
        .all(db)
        .await?;
    let noms = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(all.iter().map(|s| s.nomination_id)))
        .all(db)
        .await?;
    let codes: Vec<&str> = noms.iter().map(|n| n.village_code.as_str()).collect();
    let names = villages::infos(db, &codes).await?;
    let village_of = |id: Uuid| {
        noms.iter()
            .find(|n| n.id == id)
            .and_then(|n| names.get(&n.village_code))
            .cloned()
            .unwrap_or_default()
    };
    Ok(drawn
        .into_iter()
        .filter_map(|s| {
            Some(StageOrder {
                stage_id: s.id,
                stage_code: s.code.clone(),
                stage_name: s.name.clone(),
                seed: s.draw_seed?,
                drawn_at: s.drawn_at?,
                slots: all
                    .iter()
                    .filter(|x| x.stage_id == s.id)
                    .map(|x| NamedSlot {
                        position: x.position,
                        nomination_id: x.nomination_id,
                        village: village_of(x.nomination_id),
                        starts_at: x.starts_at,
                    })
                    .collect(),
            })
        })
        .collect())
}

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

/// Competitions being judged (or in review) that have drawn a presentation order, with their
/// orders: the public schedule (*jadwal pemaparan*). Draft, open and announced competitions
/// are left out.
pub async fn public_orders<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(competition::Model, Vec<StageOrder>)>, DbErr> {
    let drawn = stage::Entity::find()
        .filter(stage::Column::DrawnAt.is_not_null())
        .order_by_asc(stage::Column::Position)
        .all(db)
        .await?;
    let comps = competition::Entity::find()
        .filter(competition::Column::Id.is_in(drawn.iter().map(|s| s.competition_id)))
        .filter(competition::Column::Status.is_in([
            entity::CompetitionStatus::Judging,
            entity::CompetitionStatus::Review,
        ]))
        .order_by_desc(competition::Column::Year)
        .order_by_asc(competition::Column::Name)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(comps.len());
    for c in comps {
        let stages: Vec<stage::Model> = drawn
            .iter()
            .filter(|s| s.competition_id == c.id)
            .cloned()
            .collect();
        let orders = named_orders(db, &stages).await?;
        out.push((c, orders));
    }
    Ok(out)
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
