//! Advancing a stage's shortlist in one action: every entry the engine sends on gets a sheet
//! (status `assigned`) for each judge on the next stage's panel, except where the judge has
//! declared a conflict covering the village. Sheets that already exist are left alone, so the
//! action can be repeated after late sheets change the shortlist.

use chrono::Utc;
use entity::{judge_conflict, nomination, panel_member, score_sheet};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

use crate::registry::Level as RegionLevel;

/// What the action did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    /// Sheets created.
    pub created: usize,
    /// (nomination, judge) pairs skipped for a declared conflict.
    pub conflicts: usize,
}

/// Creates the next stage's sheets for `entries` (call inside a transaction).
pub async fn assign_next_stage<C: ConnectionTrait>(
    db: &C,
    next_stage: Uuid,
    entries: &[Uuid],
    actor: Uuid,
) -> Result<Assigned, DbErr> {
    let panel = panel_member::Entity::find()
        .filter(panel_member::Column::StageId.eq(next_stage))
        .all(db)
        .await?;
    let judges: Vec<Uuid> = panel.iter().map(|p| p.judge_id).collect();
    let conflicts = judge_conflict::Entity::find()
        .filter(judge_conflict::Column::JudgeId.is_in(judges.clone()))
        .all(db)
        .await?;
    let villages = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(entries.to_vec()))
        .all(db)
        .await?;
    let existing: Vec<(Uuid, Uuid)> = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(next_stage))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.nomination_id, s.judge_id))
        .collect();
    let now = Utc::now().fixed_offset();
    let mut done = Assigned::default();
    for n in &villages {
        for &judge in &judges {
            if existing.contains(&(n.id, judge)) {
                continue;
            }
            let conflicted = conflicts.iter().any(|c| {
                c.judge_id == judge && RegionLevel::contains(&c.region_code, &n.village_code)
            });
            if conflicted {
                done.conflicts += 1;
                continue;
            }
            score_sheet::ActiveModel {
                id: Set(Uuid::new_v4()),
                stage_id: Set(next_stage),
                nomination_id: Set(n.id),
                judge_id: Set(judge),
                status: Set(entity::SheetStatus::Assigned),
                version: Set(0),
                visit_date: Set(None),
                visit_notes: Set(String::new()),
                reopen_reason: Set(String::new()),
                submitted_at: Set(None),
                assigned_by: Set(Some(actor)),
                assigned_at: Set(now),
                updated_at: Set(now),
                excluded_at: Set(None),
                excluded_reason: Set(String::new()),
                excluded_conflict: Set(None),
            }
            .insert(db)
            .await?;
            done.created += 1;
        }
    }
    Ok(done)
}
