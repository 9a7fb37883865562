//! Loads what the engine needs from the judging tables, in four queries whatever the field
//! size: accepted nominations (entries), the stages' panels (scopes), the sheets that are
//! drafts or submitted, and all their scores (one sub-select, no per-sheet query).
//! Sheets still `assigned` have nothing in them and are left out; drafts are passed on so the
//! engine reports them as excluded; trainees' sheets never reach it.

use std::collections::HashMap;

use entity::{nomination, panel_member, score, score_sheet};
use juara_domain::sheet::{JudgeScope, Scope, ScoreValue, Sheet, SheetStatus};
use juara_domain::{EntryId, JudgeId};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::competition_setup::SetupData;
use crate::db::nominations::Status as NominationStatus;

/// The engine's inputs for one competition, plus the ids to map results back to rows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EngineInputs {
    /// Accepted nominations, by id.
    pub entries: Vec<EntryId>,
    pub sheets: Vec<Sheet>,
    pub scopes: Vec<JudgeScope>,
    /// Village code of each entry.
    pub villages: Vec<(EntryId, String)>,
}

/// The engine id of a nomination (its UUID as a number: stable and reversible).
#[must_use]
pub fn entry_id(nomination: Uuid) -> EntryId {
    EntryId(nomination.as_u128())
}

/// The nomination id of an engine entry.
#[must_use]
pub fn nomination_of(entry: EntryId) -> Uuid {
    Uuid::from_u128(entry.0)
}

/// The engine id of a judge account.
#[must_use]
pub fn judge_id(user: Uuid) -> JudgeId {
    JudgeId(user.as_u128())
}

/// Loads entries, sheets and scopes of `competition` as stored now.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    setup: &SetupData,
) -> Result<EngineInputs, DbErr> {
    let mut stage_code: HashMap<Uuid, &str> = HashMap::new();
    let mut criterion_code: HashMap<Uuid, &str> = HashMap::new();
    for s in &setup.stages {
        if let Some(id) = s.id {
            stage_code.insert(id, s.fields.code.as_str());
        }
        for c in &s.criteria {
            if let Some(id) = c.id {
                criterion_code.insert(id, c.fields.code.as_str());
            }
        }
    }
    let stage_ids: Vec<Uuid> = stage_code.keys().copied().collect();

    let nominations = nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(competition))
        .filter(nomination::Column::Status.eq(NominationStatus::Accepted.as_str()))
        .order_by_asc(nomination::Column::Id)
        .all(db)
        .await?;
    let entries: Vec<EntryId> = nominations.iter().map(|n| entry_id(n.id)).collect();
    let villages = nominations
        .iter()
        .map(|n| (entry_id(n.id), n.village_code.clone()))
        .collect();

    let panels = panel_member::Entity::find()
        .filter(panel_member::Column::StageId.is_in(stage_ids.clone()))
        .all(db)
        .await?;
    // Trainees (*juri magang*) score like the others but are never counted: neither their
    // scope nor their sheets reach the engine.
    let trainees: std::collections::HashSet<(Uuid, Uuid)> = panels
        .iter()
        .filter(|p| p.trainee)
        .map(|p| (p.stage_id, p.judge_id))
        .collect();
    let aspects =
        crate::db::judging::panels::aspects_by_member(db, panels.iter().map(|p| p.id)).await?;
    let scopes: Vec<JudgeScope> = panels
        .iter()
        .filter(|p| !p.trainee)
        .filter_map(|p| {
            let stage = (*stage_code.get(&p.stage_id)?).to_owned();
            let codes: Vec<String> = aspects
                .get(&p.id)
                .into_iter()
                .flatten()
                .filter_map(|id| criterion_code.get(id).map(|c| (*c).to_owned()))
                .collect();
            let scope = if codes.is_empty() {
                Scope::All
            } else {
                Scope::Criteria(codes)
            };
            Some(JudgeScope {
                judge: judge_id(p.judge_id),
                stage,
                scope,
            })
        })
        .collect();

    let accepted: std::collections::HashSet<Uuid> = nominations.iter().map(|n| n.id).collect();
    let counted = [entity::SheetStatus::Draft, entity::SheetStatus::Submitted];
    let rows = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.is_in(stage_ids.clone()))
        .filter(score_sheet::Column::Status.is_in(counted))
        // Withdrawn by a conflict of interest: kept for the record, never counted.
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    let sub = Query::select()
        .column(score_sheet::Column::Id)
        .from(score_sheet::Entity)
        .and_where(score_sheet::Column::StageId.is_in(stage_ids))
        .and_where(score_sheet::Column::Status.is_in(counted))
        .and_where(score_sheet::Column::ExcludedAt.is_null())
        .to_owned();
    // Only the four columns the engine reads: decoding each row's id and comment was most of
    // the load time on SQLite (BENCHMARKS.md, results from the database).
    let scores: Vec<(Uuid, Uuid, Option<i64>, bool)> = score::Entity::find()
        .select_only()
        .columns([
            score::Column::SheetId,
            score::Column::CriterionId,
            score::Column::Value,
            score::Column::NotApplicable,
        ])
        .filter(score::Column::SheetId.in_subquery(sub))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_sheet: HashMap<Uuid, Vec<(String, ScoreValue)>> = HashMap::new();
    for (sheet_id, criterion_id, value, not_applicable) in scores {
        let Some(code) = criterion_code.get(&criterion_id) else {
            continue;
        };
        let Some(value) = crate::db::scores::answer(not_applicable, value) else {
            continue;
        };
        by_sheet
            .entry(sheet_id)
            .or_default()
            .push(((*code).to_owned(), value));
    }
    let sheets = rows
        .into_iter()
        .filter(|r| accepted.contains(&r.nomination_id))
        .filter(|r| !trainees.contains(&(r.stage_id, r.judge_id)))
        .filter_map(|r| {
            let stage = (*stage_code.get(&r.stage_id)?).to_owned();
            let mut values = by_sheet.remove(&r.id).unwrap_or_default();
            values.sort_by(|a, b| a.0.cmp(&b.0));
            Some(Sheet {
                judge: judge_id(r.judge_id),
                entry: entry_id(r.nomination_id),
                stage,
                status: if r.status == entity::SheetStatus::Submitted {
                    SheetStatus::Submitted
                } else {
                    SheetStatus::Draft
                },
                values,
            })
        })
        .collect::<Vec<Sheet>>();
    // A canonical order, so the snapshot of the same inputs always hashes the same.
    let mut sheets = sheets;
    sheets.sort_by(|a, b| (&a.stage, a.entry, a.judge).cmp(&(&b.stage, b.entry, b.judge)));
    let mut scopes: Vec<JudgeScope> = scopes;
    scopes.sort_by(|a, b| (&a.stage, a.judge).cmp(&(&b.stage, b.judge)));
    Ok(EngineInputs {
        entries,
        sheets,
        scopes,
        villages,
    })
}
