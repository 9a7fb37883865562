//! The one entry point: [`compute`] turns a validated [`CompetitionSpec`], the registered
//! entries, the judges' sheets and their scopes into the full result (ranking, incomplete
//! entries, excluded sheets, per-stage reports, explanations); [`preview_stage`] computes the
//! funnel up to one stage for a shortlist preview.
//!
//! Funnel rules fixed here:
//! * Every registered entry enters the first stage. After each stage the entries that are
//!   complete, score at least the pass mark and fall within the shortlist (by stage score, then
//!   the tie-break rules that read this or earlier stages; ties at the boundary all go on) enter
//!   the next one. A stage without a gate passes every complete entry on.
//! * An entry incomplete in a stage it entered is not ranked: it is listed in `incomplete`.
//! * Final score = Σ stage weight × stage score / 100 over the stages completed, computed in
//!   integer `Points` units from the published stage scores and rounded half away from zero.
//! * Entries that passed every stage are `Ranked` first; below them entries eliminated at a
//!   later stage rank above those eliminated earlier; within an elimination group by partial
//!   final score, then the score of the stage they fell at, then the tie-break chain.
//!
//! Determinism: sheets are sorted by (entry, judge), judges labelled in `JudgeId` order,
//! criteria evaluated in tree order, so any input order gives an identical result.
//!
//! Layout: the explanation trail is kept compact ([`ExplanationTrail`]: each stage's counted
//! answers once, in one flat array, with per-entry ranges) and an entry's full explanation is
//! materialized on request by [`CompetitionResult::explanation`], with the same code that
//! scored it.
//!
//! Submodules: `input` (scopes, sheet parsing), `stage` (one stage's pass), `evaluate` (one
//! entry in one stage, shared by scoring and explanation), `conclude` (stage ranking and gate),
//! `finish` (final ranking), `result` and `trail` (output types).

mod conclude;
mod evaluate;
mod finish;
mod input;
mod result;
mod stage;
mod trail;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_draw;

pub use result::{
    CompetitionResult, EntryStatus, IncompleteEntry, RankedEntry, StageReport, StageScore,
    StageStanding,
};
pub use trail::{ExplanationTrail, StageTrail};

use crate::explanation::IncompleteReason;
use crate::ids::EntryId;
use crate::points::Points;
use crate::sheet::{
    ExcludedSheet, ExclusionReason, JudgeScope, ScopeError, Sheet, SheetError, SheetProblem,
    SheetStatus,
};
use crate::stage::CompetitionSpec;
use serde::{Deserialize, Serialize};

/// Why the engine refused to compute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EngineError {
    /// Submitted sheets with invalid values (every problem listed).
    #[error("{} invalid sheet problem(s)", .0.len())]
    InvalidSheets(Vec<SheetError>),
    /// Invalid scope assignments (every problem listed).
    #[error("{} invalid scope(s)", .0.len())]
    InvalidScopes(Vec<ScopeError>),
    /// The previewed stage does not exist.
    #[error("unknown stage {0}")]
    UnknownStage(String),
}

/// Computes the whole competition.
pub fn compute(
    spec: &CompetitionSpec,
    entries: &[EntryId],
    sheets: &[Sheet],
    scopes: &[JudgeScope],
) -> Result<CompetitionResult, EngineError> {
    run(
        spec,
        spec.stages().len().saturating_sub(1),
        entries,
        sheets,
        scopes,
    )
}

/// Computes the funnel up to and including `stage` and returns that stage's report (its
/// standings and who would go on), e.g. to preview a shortlist before the next stage.
pub fn preview_stage(
    spec: &CompetitionSpec,
    stage: &str,
    entries: &[EntryId],
    sheets: &[Sheet],
    scopes: &[JudgeScope],
) -> Result<StageReport, EngineError> {
    let upto = spec
        .stage_index(stage)
        .ok_or_else(|| EngineError::UnknownStage(stage.to_owned()))?;
    let mut result = run(spec, upto, entries, sheets, scopes)?;
    result
        .stages
        .pop()
        .ok_or_else(|| EngineError::UnknownStage(stage.to_owned()))
}

/// Every entry's progress through the funnel, one flat array per field (entry-major), so the
/// engine allocates nothing per entry.
struct Progress {
    stages: usize,
    rules: usize,
    /// Per entry and stage: published stage score in units.
    stage_units: Vec<Option<i64>>,
    /// Per entry and stage: published raw points in units.
    raw_units: Vec<Option<i64>>,
    /// Per entry and tie-break rule: the rule's key.
    keys: Vec<Option<Points>>,
    /// Per entry: the stage it fell incomplete at, and why.
    incomplete: Vec<Option<(usize, Vec<IncompleteReason>)>>,
    /// Per entry: the stage whose gate it did not pass.
    eliminated: Vec<Option<usize>>,
}

impl Progress {
    fn new(entries: usize, stages: usize, rules: usize) -> Self {
        Progress {
            stages,
            rules,
            stage_units: vec![None; entries * stages],
            raw_units: vec![None; entries * stages],
            keys: vec![None; entries * rules],
            incomplete: vec![None; entries],
            eliminated: vec![None; entries],
        }
    }

    fn stage_units(&self, e: usize, s: usize) -> Option<i64> {
        self.stage_units.get(e * self.stages + s).copied().flatten()
    }

    fn raw_units(&self, e: usize, s: usize) -> Option<i64> {
        self.raw_units.get(e * self.stages + s).copied().flatten()
    }

    fn keys(&self, e: usize) -> &[Option<Points>] {
        self.keys
            .get(e * self.rules..(e + 1) * self.rules)
            .unwrap_or_default()
    }

    fn keys_mut(&mut self, e: usize) -> &mut [Option<Points>] {
        self.keys
            .get_mut(e * self.rules..(e + 1) * self.rules)
            .unwrap_or_default()
    }

    fn set_scores(&mut self, e: usize, s: usize, score: Points, raw: Points) {
        if let Some(x) = self.stage_units.get_mut(e * self.stages + s) {
            *x = Some(score.units());
        }
        if let Some(x) = self.raw_units.get_mut(e * self.stages + s) {
            *x = Some(raw.units());
        }
    }
}

fn run(
    spec: &CompetitionSpec,
    upto: usize,
    entries: &[EntryId],
    sheets: &[Sheet],
    scopes: &[JudgeScope],
) -> Result<CompetitionResult, EngineError> {
    let stages = spec.stages();
    let mut entry_ids = entries.to_vec();
    entry_ids.sort_unstable();
    entry_ids.dedup();
    let mut inputs = input::prepare_scopes(spec, scopes)?;
    let mut excluded = Vec::new();
    let mut errors = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        if sheet.status == SheetStatus::Draft {
            excluded.push(ExcludedSheet {
                sheet: sheet.reference(),
                reason: ExclusionReason::Draft,
            });
            continue;
        }
        match spec
            .stage_index(&sheet.stage)
            .and_then(|s| inputs.get_mut(s))
        {
            Some(input) => input.sheets.push(i),
            None => errors.push(SheetError {
                sheet: sheet.reference(),
                problem: SheetProblem::UnknownStage,
            }),
        }
    }
    for (stage, input) in stages.iter().zip(inputs.iter_mut()) {
        input::parse_stage(stage, sheets, input, &mut errors);
    }
    if !errors.is_empty() {
        return Err(EngineError::InvalidSheets(errors));
    }
    let mut progress = Progress::new(entry_ids.len(), stages.len(), spec.tie_breaks().len());
    let mut in_stage = vec![true; entry_ids.len()];
    let mut reports = Vec::with_capacity(upto + 1);
    let mut trails = Vec::with_capacity(upto + 1);
    for (s, (stage, input)) in stages.iter().zip(inputs).enumerate().take(upto + 1) {
        let ctx = stage::StageCtx {
            spec,
            index: s,
            stage,
            sheets,
            entry_ids: &entry_ids,
        };
        let (report, trail) = ctx.run(input, &mut in_stage, &mut progress, &mut excluded);
        reports.push(report);
        trails.push(trail);
    }
    excluded.sort_by(|a, b| {
        let key = |x: &ExcludedSheet| {
            (
                spec.stage_index(&x.sheet.stage).unwrap_or(usize::MAX),
                x.sheet.entry,
                x.sheet.judge,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.sheet.stage.cmp(&b.sheet.stage))
    });
    let mut result = finish::finish(spec, upto, &entry_ids, progress, excluded, reports);
    result.trail = ExplanationTrail::new(trails);
    Ok(result)
}
