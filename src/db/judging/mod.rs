//! Judging: conflicts of interest, stage panels, assignments, score sheets, progress, closing
//! a stage and the presentation draw. A `score_sheet` row is both the assignment and the sheet.
//!
//! Visibility rule used everywhere (pages, files, API): a judge reaches a sheet only through
//! [`sheets::find_for_judge`], which requires the sheet to be the judge's own and the entry's
//! village to be outside every conflict region of the judge (declared ones and home region).

pub mod assign;
pub mod conflicts;
pub mod draw;
pub mod excluded;
pub mod panels;
pub mod photos;
pub mod progress;
pub mod sheets;

use entity::{competition, stage};
use juara_domain::sheet::Scope;
use juara_domain::stage::{Aggregation, StageSpec};
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::scoring;

/// A sheet's life (the entity enum, stored as its lowercase name).
pub use entity::SheetStatus;

/// Why a sheet cannot be changed now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// The competition is not in `judging`.
    NotJudging,
    /// The committee closed the stage.
    StageClosed,
    /// `competition.judging_closes_at` has passed.
    Deadline,
}

impl Closed {
    /// The translation key of the message.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            Closed::NotJudging => "jdg-closed-not-judging",
            Closed::StageClosed => "jdg-closed-stage",
            Closed::Deadline => "jdg-closed-deadline",
        }
    }
}

/// Whether sheets of this stage may be changed at `now`.
pub fn writable(
    c: &competition::Model,
    s: &stage::Model,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<(), Closed> {
    if c.status != crate::db::competitions::Status::Judging {
        return Err(Closed::NotJudging);
    }
    if s.closed_at.is_some() {
        return Err(Closed::StageClosed);
    }
    if c.judging_closes_at.is_some_and(|at| now > at) {
        return Err(Closed::Deadline);
    }
    Ok(())
}

/// The stage as one sheet sees it: its validated criteria tree (the engine's rules for scales,
/// steps and N/A) in a `StageSpec`. Only the tree, code and name matter to sheet validation
/// and the running subtotal, so judging does not depend on the rest of the set-up (prizes,
/// other stages) being complete.
pub async fn stage_spec<C: ConnectionTrait>(
    db: &C,
    _c: &competition::Model,
    s: &stage::Model,
) -> Result<Option<StageSpec>, DbErr> {
    let data = crate::db::competition_setup::load_setup(db, s.competition_id).await?;
    let Some(stage_data) = data.stages.iter().find(|x| x.id == Some(s.id)) else {
        return Ok(None);
    };
    let Ok(criteria) = scoring::criteria_tree(&stage_data.criteria) else {
        return Ok(None);
    };
    Ok(Some(StageSpec {
        code: s.code.clone(),
        name: s.name.clone(),
        weight: 100,
        criteria,
        aggregation: Aggregation::Mean,
        quorum: 1,
        shortlist: None,
        pass_threshold: None,
        normalization: None,
    }))
}

/// A judge's scope in a stage from their panel row: aspect ids → aspect codes.
#[must_use]
pub fn scope_of(aspect_ids: &str, criteria: &[entity::criterion::Model]) -> Scope {
    let codes: Vec<String> = split_ids(aspect_ids)
        .iter()
        .filter_map(|id| criteria.iter().find(|c| c.id == *id))
        .map(|c| c.code.clone())
        .collect();
    if codes.is_empty() {
        Scope::All
    } else {
        Scope::Criteria(codes)
    }
}

/// Parses a comma-separated id list, skipping anything malformed.
#[must_use]
pub fn split_ids(list: &str) -> Vec<Uuid> {
    list.split(',')
        .filter_map(|s| Uuid::parse_str(s.trim()).ok())
        .collect()
}

/// The region codes of a village and everything containing it.
#[must_use]
pub fn regions_of(village_code: &str) -> Vec<String> {
    let mut codes = crate::registry::Level::ancestor_codes(village_code);
    codes.push(village_code.to_owned());
    codes
}
