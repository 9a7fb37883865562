//! Results: the app's one path from stored sheets to published results. `compute` loads the
//! set-up and the judging inputs, runs the engine (the only place results are computed),
//! allocates the prizes and names the villages; `stats` derives the reliability statistics
//! from the engine's own sheet totals. Snapshots, appeals and exports build on `Computed`.

pub mod documents;
pub mod export;
pub mod published;
pub mod stats;
pub mod verify;

use std::collections::HashMap;

use entity::competition;
use juara_domain::EntryId;
use juara_domain::engine::{self, CompetitionResult, EngineError};
use juara_domain::prizes::{self, AllocationError, Placement};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::db::results::inputs::{self, EngineInputs};
use crate::scoring::{self, SetupProblem, ValidSetup};
pub use published::{Line, Published, VillageInfo};

/// Why results cannot be computed now.
#[derive(Clone, Debug)]
pub enum Refusal {
    Setup(Vec<SetupProblem>),
    Engine(EngineError),
    Allocation(AllocationError),
}

/// A fresh computation: the inputs as loaded and the results as they would be published.
#[derive(Clone, Debug)]
pub struct Computed {
    pub setup: ValidSetup,
    pub inputs: EngineInputs,
    pub published: Published,
}

/// What a snapshot stores as its inputs: the validated spec and prize table and the engine
/// inputs, in canonical order, so anyone can re-run the engine and compare.
#[derive(Serialize)]
pub struct SnapshotInputs<'a> {
    pub spec: &'a juara_domain::stage::CompetitionSpec,
    pub prizes: &'a juara_domain::prizes::PrizeTable,
    pub inputs: &'a EngineInputs,
}

/// Computes `c`'s results from what is stored now.
pub async fn compute<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
) -> Result<Result<Computed, Refusal>, DbErr> {
    let setup = match scoring::load_spec(db, c).await? {
        Ok(s) => s,
        Err(p) => return Ok(Err(Refusal::Setup(p))),
    };
    let inputs = inputs::load(db, c.id, &setup.data).await?;
    let result = match run(&setup, &inputs) {
        Ok(r) => r,
        Err(e) => return Ok(Err(Refusal::Engine(e))),
    };
    let allocation = match prizes::allocate(&setup.prizes, &placements(&result)) {
        Ok(a) => a,
        Err(e) => return Ok(Err(Refusal::Allocation(e))),
    };
    let villages = village_infos(db, &inputs.villages).await?;
    let published = Published::build(
        c,
        &setup.spec,
        &setup.prizes,
        result,
        &allocation,
        &villages,
    );
    Ok(Ok(Computed {
        setup,
        inputs,
        published,
    }))
}

/// The ranking as the prize table reads it.
#[must_use]
pub fn placements(result: &CompetitionResult) -> Vec<Placement> {
    result
        .ranking
        .iter()
        .map(|r| Placement {
            entry: r.entry,
            rank: r.rank,
            final_score: r.final_score,
        })
        .collect()
}

fn run(setup: &ValidSetup, i: &EngineInputs) -> Result<CompetitionResult, EngineError> {
    engine::compute(&setup.spec, &i.entries, &i.sheets, &i.scopes)
}

/// Names every entry's village with its kecamatan and kabupaten (three queries).
pub async fn village_infos<C: ConnectionTrait>(
    db: &C,
    entries: &[(EntryId, String)],
) -> Result<HashMap<EntryId, VillageInfo>, DbErr> {
    let codes: Vec<&str> = entries.iter().map(|(_, c)| c.as_str()).collect();
    let names = crate::db::villages::infos(db, &codes).await?;
    Ok(entries
        .iter()
        .filter_map(|(e, code)| names.get(code).cloned().map(|i| (*e, i)))
        .collect())
}

/// The judges' comments on the counted sheets, under their anonymous stage labels (two
/// queries: the sheets, then their commented scores).
pub async fn load_comments<C: ConnectionTrait>(
    db: &C,
    setup: &ValidSetup,
    result: &CompetitionResult,
) -> Result<Vec<published::Comment>, DbErr> {
    use entity::{score, score_sheet};
    let stage_ids: Vec<uuid::Uuid> = setup.data.stages.iter().filter_map(|s| s.id).collect();
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.is_in(stage_ids))
        .filter(score_sheet::Column::Status.eq(entity::SheetStatus::Submitted))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    let scores = score::Entity::find()
        .filter(score::Column::SheetId.is_in(sheets.iter().map(|s| s.id)))
        .filter(score::Column::Comment.ne(""))
        .all(db)
        .await?;
    let mut out: Vec<published::Comment> = scores
        .into_iter()
        .filter_map(|s| {
            let sheet = sheets.iter().find(|x| x.id == s.sheet_id)?;
            let stage = setup
                .data
                .stages
                .iter()
                .find(|x| x.id == Some(sheet.stage_id))?;
            let criterion = stage
                .criteria
                .iter()
                .find(|c| c.id == Some(s.criterion_id))?;
            let report = result
                .stages
                .iter()
                .find(|r| r.stage == stage.fields.code)?;
            let judge = inputs::judge_id(sheet.judge_id);
            let label = report.judges.iter().position(|j| *j == judge)?;
            Some(published::Comment {
                nomination_id: sheet.nomination_id,
                stage: stage.fields.code.clone(),
                criterion: criterion.fields.code.clone(),
                label: u32::try_from(label + 1).ok()?,
                text: s.comment,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.nomination_id, &a.stage, &a.criterion, a.label).cmp(&(
            b.nomination_id,
            &b.stage,
            &b.criterion,
            b.label,
        ))
    });
    Ok(out)
}
