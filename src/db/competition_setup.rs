//! A competition's set-up rows: stages, each stage's criteria tree, the document checklist and
//! the prize table. Every finder takes the competition id, so a row of another competition is
//! indistinguishable from a missing one. Business rules (weights summing to 100, budgets) are
//! the engine's; `crate::scoring` turns these rows into engine specs.

use entity::{criterion, document_requirement, prize_tier, stage};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

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

/// Writes positions 0, 1, 2… to `rows` (of entity `$module`) in their current order, touching
/// only the rows whose position changes.
macro_rules! renumber {
    ($db:expr, $module:ident, $rows:expr) => {
        for (position, row) in (0..).zip($rows) {
            if row.position != position {
                let mut a: $module::ActiveModel = row.into();
                a.position = Set(position);
                a.update($db).await?;
            }
        }
    };
}

// ---------------------------------------------------------------- stages

/// A competition's stages in funnel order.
pub async fn list_stages<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<stage::Model>, DbErr> {
    stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(competition_id))
        .order_by_asc(stage::Column::Position)
        .order_by_asc(stage::Column::Code)
        .all(db)
        .await
}

/// The stage if it belongs to this competition.
pub async fn find_stage<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    id: Uuid,
) -> Result<Option<stage::Model>, DbErr> {
    stage::Entity::find_by_id(id)
        .filter(stage::Column::CompetitionId.eq(competition_id))
        .one(db)
        .await
}

fn apply_stage(a: &mut stage::ActiveModel, f: &StageFields) {
    a.code = Set(f.code.clone());
    a.name = Set(f.name.clone());
    a.kind = Set(f.kind.clone());
    a.weight = Set(f.weight);
    a.aggregation = Set(f.aggregation.clone());
    a.trim_k = Set(f.trim_k);
    a.quorum = Set(f.quorum);
    a.shortlist = Set(f.shortlist);
    a.pass_threshold = Set(f.pass_threshold);
    a.normalize = Set(f.normalize);
    a.min_entries_per_judge = Set(f.min_entries_per_judge);
    a.judges_per_entry = Set(f.judges_per_entry);
}

/// Appends a stage at the end of the funnel.
pub async fn insert_stage<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    f: &StageFields,
) -> Result<stage::Model, DbErr> {
    let position = next_position(
        list_stages(db, competition_id)
            .await?
            .iter()
            .map(|s| s.position),
    );
    let mut a = stage::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition_id),
        position: Set(position),
        ..Default::default()
    };
    apply_stage(&mut a, f);
    a.insert(db).await
}

/// Saves a stage's fields.
pub async fn update_stage<C: ConnectionTrait>(
    db: &C,
    current: stage::Model,
    f: &StageFields,
) -> Result<stage::Model, DbErr> {
    let mut a: stage::ActiveModel = current.into();
    apply_stage(&mut a, f);
    a.update(db).await
}

/// Removes a stage and its whole criteria tree.
pub async fn delete_stage<C: ConnectionTrait>(db: &C, current: stage::Model) -> Result<(), DbErr> {
    // One statement: the parent foreign key cascades inside the same set of rows.
    criterion::Entity::delete_many()
        .filter(criterion::Column::StageId.eq(current.id))
        .exec(db)
        .await?;
    let competition_id = current.competition_id;
    stage::Entity::delete_by_id(current.id).exec(db).await?;
    renumber_stages(db, list_stages(db, competition_id).await?).await
}

/// Moves a stage one place up or down the funnel.
pub async fn move_stage<C: ConnectionTrait>(
    db: &C,
    current: &stage::Model,
    up: bool,
) -> Result<(), DbErr> {
    let mut rows = list_stages(db, current.competition_id).await?;
    if swap_with_neighbour(&mut rows, |s| s.id == current.id, up) {
        renumber_stages(db, rows).await?;
    }
    Ok(())
}

async fn renumber_stages<C: ConnectionTrait>(db: &C, rows: Vec<stage::Model>) -> Result<(), DbErr> {
    renumber!(db, stage, rows);
    Ok(())
}

// ---------------------------------------------------------------- criteria

/// A stage's criteria, ordered by position (the tree order is built by the caller).
pub async fn list_criteria<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
) -> Result<Vec<criterion::Model>, DbErr> {
    criterion::Entity::find()
        .filter(criterion::Column::StageId.eq(stage_id))
        .order_by_asc(criterion::Column::Position)
        .order_by_asc(criterion::Column::Code)
        .all(db)
        .await
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

fn apply_criterion(a: &mut criterion::ActiveModel, f: &CriterionFields) {
    a.code = Set(f.code.clone());
    a.name = Set(f.name.clone());
    a.guidance = Set(f.guidance.clone());
    a.weight = Set(f.weight);
    a.scale_min = Set(f.scale_min);
    a.scale_max = Set(f.scale_max);
    a.scale_step = Set(f.scale_step);
    a.optional = Set(f.optional);
    a.requires_evidence = Set(f.requires_evidence);
}

/// Adds a criterion as the last child of `parent_id` (or last root).
pub async fn insert_criterion<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    parent_id: Option<Uuid>,
    f: &CriterionFields,
) -> Result<criterion::Model, DbErr> {
    let siblings = list_criteria(db, stage_id).await?;
    let position = next_position(
        siblings
            .iter()
            .filter(|c| c.parent_id == parent_id)
            .map(|c| c.position),
    );
    let mut a = criterion::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage_id),
        parent_id: Set(parent_id),
        position: Set(position),
        ..Default::default()
    };
    apply_criterion(&mut a, f);
    a.insert(db).await
}

/// Saves a criterion; a new parent puts it last among its new siblings.
pub async fn update_criterion<C: ConnectionTrait>(
    db: &C,
    current: criterion::Model,
    parent_id: Option<Uuid>,
    f: &CriterionFields,
) -> Result<criterion::Model, DbErr> {
    let moved = current.parent_id != parent_id;
    let stage_id = current.stage_id;
    let mut a: criterion::ActiveModel = current.into();
    if moved {
        let siblings = list_criteria(db, stage_id).await?;
        let position = next_position(
            siblings
                .iter()
                .filter(|c| c.parent_id == parent_id)
                .map(|c| c.position),
        );
        a.parent_id = Set(parent_id);
        a.position = Set(position);
    }
    apply_criterion(&mut a, f);
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

/// Moves a criterion one place up or down among its siblings.
pub async fn move_criterion<C: ConnectionTrait>(
    db: &C,
    current: &criterion::Model,
    up: bool,
) -> Result<(), DbErr> {
    let mut siblings: Vec<criterion::Model> = list_criteria(db, current.stage_id)
        .await?
        .into_iter()
        .filter(|c| c.parent_id == current.parent_id)
        .collect();
    if swap_with_neighbour(&mut siblings, |c| c.id == current.id, up) {
        renumber!(db, criterion, siblings);
    }
    Ok(())
}

// ---------------------------------------------------------------- documents

/// The checklist in display order.
pub async fn list_documents<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<document_requirement::Model>, DbErr> {
    document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(competition_id))
        .order_by_asc(document_requirement::Column::Position)
        .order_by_asc(document_requirement::Column::Code)
        .all(db)
        .await
}

/// The checklist item if it belongs to this competition.
pub async fn find_document<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    id: Uuid,
) -> Result<Option<document_requirement::Model>, DbErr> {
    document_requirement::Entity::find_by_id(id)
        .filter(document_requirement::Column::CompetitionId.eq(competition_id))
        .one(db)
        .await
}

fn apply_document(a: &mut document_requirement::ActiveModel, f: &DocumentFields) {
    a.code = Set(f.code.clone());
    a.label = Set(f.label.clone());
    a.description = Set(f.description.clone());
    a.kind = Set(f.kind.clone());
    a.required = Set(f.required);
}

/// Appends a checklist item.
pub async fn insert_document<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    f: &DocumentFields,
) -> Result<document_requirement::Model, DbErr> {
    let rows = list_documents(db, competition_id).await?;
    let mut a = document_requirement::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition_id),
        position: Set(next_position(rows.iter().map(|d| d.position))),
        ..Default::default()
    };
    apply_document(&mut a, f);
    a.insert(db).await
}

/// Saves a checklist item.
pub async fn update_document<C: ConnectionTrait>(
    db: &C,
    current: document_requirement::Model,
    f: &DocumentFields,
) -> Result<document_requirement::Model, DbErr> {
    let mut a: document_requirement::ActiveModel = current.into();
    apply_document(&mut a, f);
    a.update(db).await
}

/// Removes a checklist item.
pub async fn delete_document<C: ConnectionTrait>(
    db: &C,
    current: document_requirement::Model,
) -> Result<(), DbErr> {
    document_requirement::Entity::delete_by_id(current.id)
        .exec(db)
        .await?;
    Ok(())
}

/// Moves a checklist item one place up or down.
pub async fn move_document<C: ConnectionTrait>(
    db: &C,
    current: &document_requirement::Model,
    up: bool,
) -> Result<(), DbErr> {
    let mut rows = list_documents(db, current.competition_id).await?;
    if swap_with_neighbour(&mut rows, |d| d.id == current.id, up) {
        renumber!(db, document_requirement, rows);
    }
    Ok(())
}

// ---------------------------------------------------------------- prizes

/// The prize table by rank.
pub async fn list_prizes<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<prize_tier::Model>, DbErr> {
    prize_tier::Entity::find()
        .filter(prize_tier::Column::CompetitionId.eq(competition_id))
        .order_by_asc(prize_tier::Column::Rank)
        .all(db)
        .await
}

/// The tier if it belongs to this competition.
pub async fn find_prize<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    id: Uuid,
) -> Result<Option<prize_tier::Model>, DbErr> {
    prize_tier::Entity::find_by_id(id)
        .filter(prize_tier::Column::CompetitionId.eq(competition_id))
        .one(db)
        .await
}

fn apply_prize(a: &mut prize_tier::ActiveModel, f: &PrizeFields) {
    a.label = Set(f.label.clone());
    a.cash = Set(f.cash);
    a.assistance = Set(f.assistance);
    a.trophy = Set(f.trophy);
    a.certificate = Set(f.certificate);
}

/// Appends a tier at the next rank.
pub async fn insert_prize<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    f: &PrizeFields,
) -> Result<prize_tier::Model, DbErr> {
    let rows = list_prizes(db, competition_id).await?;
    let rank = rows.iter().map(|p| p.rank).max().unwrap_or(0) + 1;
    let mut a = prize_tier::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition_id),
        rank: Set(rank),
        ..Default::default()
    };
    apply_prize(&mut a, f);
    a.insert(db).await
}

/// Saves a tier.
pub async fn update_prize<C: ConnectionTrait>(
    db: &C,
    current: prize_tier::Model,
    f: &PrizeFields,
) -> Result<prize_tier::Model, DbErr> {
    let mut a: prize_tier::ActiveModel = current.into();
    apply_prize(&mut a, f);
    a.update(db).await
}

/// Removes a tier and closes the gap in the ranks.
pub async fn delete_prize<C: ConnectionTrait>(
    db: &C,
    current: prize_tier::Model,
) -> Result<(), DbErr> {
    let competition_id = current.competition_id;
    prize_tier::Entity::delete_by_id(current.id)
        .exec(db)
        .await?;
    rerank_prizes(db, list_prizes(db, competition_id).await?).await
}

/// Moves a tier one rank up or down.
pub async fn move_prize<C: ConnectionTrait>(
    db: &C,
    current: &prize_tier::Model,
    up: bool,
) -> Result<(), DbErr> {
    let mut rows = list_prizes(db, current.competition_id).await?;
    if swap_with_neighbour(&mut rows, |p| p.id == current.id, up) {
        rerank_prizes(db, rows).await?;
    }
    Ok(())
}

/// Gives the tiers ranks 1, 2, 3… in this order. Ranks are unique per competition, so
/// changed rows first move out of the way to negative ranks.
async fn rerank_prizes<C: ConnectionTrait>(
    db: &C,
    rows: Vec<prize_tier::Model>,
) -> Result<(), DbErr> {
    let changed: Vec<(i32, prize_tier::Model)> = (1..)
        .zip(rows)
        .filter(|(rank, row)| row.rank != *rank)
        .collect();
    for (rank, row) in &changed {
        let mut a: prize_tier::ActiveModel = row.clone().into();
        a.rank = Set(-rank);
        a.update(db).await?;
    }
    for (rank, row) in changed {
        let mut a: prize_tier::ActiveModel = row.into();
        a.rank = Set(rank);
        a.update(db).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- whole set-up

/// The whole set-up of a competition as plain data (criteria parents before children).
pub async fn load_setup<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<SetupData, DbErr> {
    let mut stages = Vec::new();
    for s in list_stages(db, competition_id).await? {
        let rows = list_criteria(db, s.id).await?;
        let criteria = tree_order(&rows)
            .into_iter()
            .map(|(c, _)| CriterionData {
                id: Some(c.id),
                parent_code: c
                    .parent_id
                    .and_then(|p| rows.iter().find(|r| r.id == p))
                    .map(|p| p.code.clone()),
                fields: CriterionFields {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    guidance: c.guidance.clone(),
                    weight: c.weight,
                    scale_min: c.scale_min,
                    scale_max: c.scale_max,
                    scale_step: c.scale_step,
                    optional: c.optional,
                    requires_evidence: c.requires_evidence,
                },
            })
            .collect();
        stages.push(StageData {
            id: Some(s.id),
            fields: StageFields {
                code: s.code,
                name: s.name,
                kind: s.kind,
                weight: s.weight,
                aggregation: s.aggregation,
                trim_k: s.trim_k,
                quorum: s.quorum,
                shortlist: s.shortlist,
                pass_threshold: s.pass_threshold,
                normalize: s.normalize,
                min_entries_per_judge: s.min_entries_per_judge,
                judges_per_entry: s.judges_per_entry,
            },
            criteria,
        });
    }
    let documents = list_documents(db, competition_id)
        .await?
        .into_iter()
        .map(|d| DocumentFields {
            code: d.code,
            label: d.label,
            description: d.description,
            kind: d.kind,
            required: d.required,
        })
        .collect();
    let prizes = list_prizes(db, competition_id)
        .await?
        .into_iter()
        .map(|p| PrizeFields {
            label: p.label,
            cash: p.cash,
            assistance: p.assistance,
            trophy: p.trophy,
            certificate: p.certificate,
        })
        .collect();
    Ok(SetupData {
        stages,
        documents,
        prizes,
    })
}

/// Writes a whole set-up into an (empty) competition: templates and clones. Call it inside the
/// transaction that created the competition.
pub async fn insert_setup<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    data: &SetupData,
) -> Result<(), DbErr> {
    for (position, s) in (0..).zip(&data.stages) {
        let stage_id = Uuid::new_v4();
        let mut a = stage::ActiveModel {
            id: Set(stage_id),
            competition_id: Set(competition_id),
            position: Set(position),
            ..Default::default()
        };
        apply_stage(&mut a, &s.fields);
        a.insert(db).await?;
        let mut ids: Vec<(&str, Uuid)> = Vec::new();
        let mut rows = Vec::new();
        let mut placed: Vec<(Option<Uuid>, i32)> = Vec::new();
        for c in &s.criteria {
            let id = Uuid::new_v4();
            let parent_id = match &c.parent_code {
                None => None,
                Some(code) => match ids.iter().find(|(k, _)| k == code) {
                    Some((_, id)) => Some(*id),
                    None => {
                        return Err(DbErr::Custom(format!(
                            "criterion {} comes before its parent {code}",
                            c.fields.code
                        )));
                    }
                },
            };
            let position = next_position(
                placed
                    .iter()
                    .filter(|(p, _)| *p == parent_id)
                    .map(|(_, pos)| *pos),
            );
            placed.push((parent_id, position));
            ids.push((c.fields.code.as_str(), id));
            let mut a = criterion::ActiveModel {
                id: Set(id),
                stage_id: Set(stage_id),
                parent_id: Set(parent_id),
                position: Set(position),
                ..Default::default()
            };
            apply_criterion(&mut a, &c.fields);
            rows.push(a);
        }
        if !rows.is_empty() {
            criterion::Entity::insert_many(rows).exec(db).await?;
        }
    }
    for d in &data.documents {
        insert_document(db, competition_id, d).await?;
    }
    for p in &data.prizes {
        insert_prize(db, competition_id, p).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- helpers

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

fn next_position(positions: impl Iterator<Item = i32>) -> i32 {
    positions.max().map_or(0, |p| p + 1)
}

/// Swaps the matching row with its neighbour; false when there is none.
fn swap_with_neighbour<T>(rows: &mut [T], is_it: impl Fn(&T) -> bool, up: bool) -> bool {
    let Some(i) = rows.iter().position(is_it) else {
        return false;
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        i.checked_add(1)
    };
    match j {
        Some(j) if j < rows.len() => {
            rows.swap(i, j);
            true
        }
        _ => false,
    }
}
