//! A competition's set-up rows: stages, each stage's criteria tree, the document checklist and
//! the prize table. Every finder takes the competition id, so a row of another competition is
//! indistinguishable from a missing one. Business rules (weights summing to 100, budgets) are
//! the engine's; `crate::scoring` turns these rows into engine specs.

mod lists;
pub mod ordered;
mod whole;

use entity::{criterion, document_requirement, prize_tier, stage};
use juara_domain::Points;
use juara_domain::criteria::levels::Level;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

pub use ordered::{OrderedList, append, find, list, move_row, remove, save};
pub use whole::{insert_setup, load_setup};

/// A stage as entered (scores in ten-thousandths of a point).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageFields {
    pub code: String,
    pub name: String,
    /// `documents`, `field`, `presentation` or `other`.
    pub kind: String,
    pub weight: i32,
    /// `mean`, `median` or `trimmed`.
    pub aggregation: String,
    pub trim_k: i32,
    pub quorum: i32,
    pub shortlist: Option<i32>,
    pub pass_threshold: Option<i64>,
    pub normalize: bool,
    pub min_entries_per_judge: i32,
    pub judges_per_entry: i32,
}

/// A criterion as entered; the parent is given separately (by id or by code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionFields {
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub weight: i32,
    pub scale_min: Option<i64>,
    pub scale_max: Option<i64>,
    pub scale_step: Option<i64>,
    pub optional: bool,
    pub requires_evidence: bool,
    /// Level descriptors of a leaf, in value order (empty on inner nodes).
    pub levels: Vec<Level>,
}

impl CriterionFields {
    /// The fields of a stored criterion.
    #[must_use]
    pub fn of(c: &criterion::Model) -> Self {
        CriterionFields {
            code: c.code.clone(),
            name: c.name.clone(),
            guidance: c.guidance.clone(),
            weight: c.weight,
            scale_min: c.scale_min,
            scale_max: c.scale_max,
            scale_step: c.scale_step,
            optional: c.optional,
            requires_evidence: c.requires_evidence,
            levels: levels_of(c),
        }
    }
}

/// A leaf's level descriptors as stored (written only by [`levels_json`]; anything else
/// reads as none rather than failing the page that shows the criterion).
#[must_use]
pub fn levels_of(c: &criterion::Model) -> Vec<Level> {
    #[derive(serde::Deserialize)]
    struct Stored {
        value: i64,
        text: String,
    }
    serde_json::from_str::<Vec<Stored>>(&c.levels)
        .unwrap_or_default()
        .into_iter()
        .map(|l| Level {
            value: Points::from_units(l.value),
            text: l.text,
        })
        .collect()
}

/// The stored form of `levels`: `[{"value": <ten-thousandths>, "text": "…"}]`.
#[must_use]
pub fn levels_json(levels: &[Level]) -> String {
    let rows: Vec<serde_json::Value> = levels
        .iter()
        .map(|l| serde_json::json!({"value": l.value.units(), "text": l.text}))
        .collect();
    serde_json::Value::Array(rows).to_string()
}

/// One item of the document checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentFields {
    pub code: String,
    pub label: String,
    pub description: String,
    /// `file` or `link`.
    pub kind: String,
    pub required: bool,
}

/// One rank of the prize table (rupiah).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrizeFields {
    pub label: String,
    pub cash: i64,
    pub assistance: i64,
    pub trophy: bool,
    pub certificate: bool,
}

/// A criterion in a plain set-up; parents are named by code (unique within the stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionData {
    /// Stored row id (`None` for built-in templates).
    pub id: Option<Uuid>,
    pub parent_code: Option<String>,
    pub fields: CriterionFields,
}

/// A stage with its criteria, parents before children, siblings in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageData {
    pub id: Option<Uuid>,
    pub fields: StageFields,
    pub criteria: Vec<CriterionData>,
}

/// A competition's whole set-up as plain data: what templates define, clones copy and
/// `crate::scoring` validates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupData {
    pub stages: Vec<StageData>,
    pub documents: Vec<DocumentFields>,
    pub prizes: Vec<PrizeFields>,
}

// ---------------------------------------------------------------- per-list entry points

/// A competition's stages in funnel order.
pub async fn list_stages<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<stage::Model>, DbErr> {
    list::<stage::Entity, C>(db, competition_id).await
}

/// The stage if it belongs to this competition.
pub async fn find_stage<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    id: Uuid,
) -> Result<Option<stage::Model>, DbErr> {
    find::<stage::Entity, C>(db, competition_id, id).await
}

/// Removes a stage and its whole criteria tree.
pub async fn delete_stage<C: ConnectionTrait>(db: &C, current: stage::Model) -> Result<(), DbErr> {
    // One statement: the parent foreign key cascades inside the same set of rows.
    criterion::Entity::delete_many()
        .filter(criterion::Column::StageId.eq(current.id))
        .exec(db)
        .await?;
    remove::<stage::Entity, C>(db, current).await
}

/// A stage's criteria, ordered by position (the tree order is built by the caller).
pub async fn list_criteria<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<criterion::Model>, DbErr> {
    list::<criterion::Entity, C>(db, stage_id).await
}

/// The criterion and its stage, if the stage belongs to this competition.
pub async fn find_criterion<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    id: Uuid,
) -> Result<Option<(stage::Model, criterion::Model)>, DbErr> {
    let Some(c) = criterion::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(find_stage(db, competition_id, c.stage_id)
        .await?
        .map(|s| (s, c)))
}

/// Adds a criterion as the last child of `parent_id` (or last root).
pub async fn insert_criterion<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    parent_id: Option<Uuid>,
    f: &CriterionFields,
) -> Result<criterion::Model, DbErr> {
    append::<criterion::Entity, C>(
        db,
        stage_id,
        f,
        |c| c.parent_id == parent_id,
        |a| a.parent_id = Set(parent_id),
    )
    .await
}

/// Saves a criterion; a new parent puts it last among its new siblings.
pub async fn update_criterion<C: ConnectionTrait>(
    db: &C,
    current: criterion::Model,
    parent_id: Option<Uuid>,
    f: &CriterionFields,
) -> Result<criterion::Model, DbErr> {
    if current.parent_id == parent_id {
        return save::<criterion::Entity, C>(db, current, f).await;
    }
    let siblings = list_criteria(db, current.stage_id).await?;
    let position = ordered::next_order::<criterion::Entity>(
        siblings
            .iter()
            .filter(|c| c.parent_id == parent_id)
            .map(|c| c.position),
    );
    let mut a: criterion::ActiveModel = current.into();
    a.parent_id = Set(parent_id);
    a.position = Set(position);
    <criterion::Entity as OrderedList>::apply(&mut a, f);
    a.update(db).await
}

/// The ids of a criterion's whole subtree (itself included), from the stage's rows.
#[must_use]
pub fn subtree_ids(rows: &[criterion::Model], root: Uuid) -> Vec<Uuid> {
    let mut out = vec![root];
    let mut i = 0;
    while let Some(&id) = out.get(i) {
        out.extend(
            rows.iter()
                .filter(|c| c.parent_id == Some(id))
                .map(|c| c.id),
        );
        i += 1;
    }
    out
}

/// Removes a criterion with its whole subtree; returns how many rows went.
pub async fn delete_criterion<C: ConnectionTrait>(
    db: &C,
    current: &criterion::Model,
) -> Result<u64, DbErr> {
    let rows = list_criteria(db, current.stage_id).await?;
    let ids = subtree_ids(&rows, current.id);
    let res = criterion::Entity::delete_many()
        .filter(criterion::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// The checklist in display order.
pub async fn list_documents<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<document_requirement::Model>, DbErr> {
    list::<document_requirement::Entity, C>(db, competition_id).await
}

/// The prize table by rank.
pub async fn list_prizes<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<prize_tier::Model>, DbErr> {
    list::<prize_tier::Entity, C>(db, competition_id).await
}

/// The criteria in tree order (depth-first, siblings by position) with their depth.
#[must_use]
pub fn tree_order(rows: &[criterion::Model]) -> Vec<(&criterion::Model, u32)> {
    fn visit<'a>(
        rows: &'a [criterion::Model],
        parent: Option<Uuid>,
        depth: u32,
        out: &mut Vec<(&'a criterion::Model, u32)>,
    ) {
        // Rows arrive ordered by position, so filtering keeps the sibling order.
        for c in rows.iter().filter(|c| c.parent_id == parent) {
            if out.iter().any(|(seen, _)| seen.id == c.id) {
                continue;
            }
            out.push((c, depth));
            visit(rows, Some(c.id), depth + 1, out);
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    visit(rows, None, 0, &mut out);
    out
}
