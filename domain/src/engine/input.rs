//! Engine input: each judge's scope resolved to a per-leaf mask, and each stage's submitted
//! sheets sorted by (entry, judge) and parsed into one flat cell array (one `i64` per leaf,
//! with [`MISSING`]/`NOT_APPLICABLE` markers).

use super::EngineError;
use crate::ids::JudgeId;
use crate::sheet::{JudgeScope, MISSING, ScopeError, Sheet, SheetError, SheetProblem, scope_mask};
use crate::stage::{CompetitionSpec, StageSpec};
use std::collections::HashMap;

/// Per-stage parsed input: submitted sheets sorted by (entry, judge) and their cells.
pub(super) struct StageInput {
    /// Indices into the sheets, sorted by (entry, judge).
    pub(super) sheets: Vec<usize>,
    /// Leaves per sheet, in `sheets` order.
    pub(super) cells: Vec<i64>,
    /// Scope masks of the judges that have one.
    pub(super) masks: HashMap<JudgeId, Vec<bool>>,
    /// The mask of a judge without a scope (every leaf).
    pub(super) all: Vec<bool>,
}

impl StageInput {
    /// The scope mask of `judge`.
    pub(super) fn mask(&self, judge: JudgeId) -> &[bool] {
        self.masks.get(&judge).unwrap_or(&self.all)
    }
}

/// Resolves every scope, or refuses them all with every problem listed.
pub(super) fn prepare_scopes(
    spec: &CompetitionSpec,
    scopes: &[JudgeScope],
) -> Result<Vec<StageInput>, EngineError> {
    let mut inputs: Vec<StageInput> = spec
        .stages()
        .iter()
        .map(|s| StageInput {
            sheets: Vec::new(),
            cells: Vec::new(),
            masks: HashMap::new(),
            all: vec![true; s.criteria.leaves().len()],
        })
        .collect();
    let mut errors = Vec::new();
    for sc in scopes {
        let Some((stage, input)) = spec
            .stage_index(&sc.stage)
            .and_then(|i| spec.stages().get(i).zip(inputs.get_mut(i)))
        else {
            errors.push(ScopeError::UnknownStage {
                judge: sc.judge,
                stage: sc.stage.clone(),
            });
            continue;
        };
        match scope_mask(&stage.criteria, &sc.scope) {
            Err(code) => errors.push(ScopeError::UnknownCriterion {
                judge: sc.judge,
                stage: sc.stage.clone(),
                code,
            }),
            Ok(mask) => {
                if input.masks.insert(sc.judge, mask).is_some() {
                    errors.push(ScopeError::DuplicateScope {
                        judge: sc.judge,
                        stage: sc.stage.clone(),
                    });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(inputs)
    } else {
        Err(EngineError::InvalidScopes(errors))
    }
}

/// Sorts a stage's submitted sheets, refuses duplicates and bad values, fills the cells.
pub(super) fn parse_stage(
    stage: &StageSpec,
    sheets: &[Sheet],
    input: &mut StageInput,
    errors: &mut Vec<SheetError>,
) {
    let key = |i: &usize| sheets.get(*i).map(|s| (s.entry, s.judge));
    input.sheets.sort_unstable_by_key(key);
    let n_leaves = stage.criteria.leaves().len();
    input.cells = vec![MISSING; input.sheets.len() * n_leaves];
    let mut previous = None;
    for (pos, &i) in input.sheets.iter().enumerate() {
        let Some(sheet) = sheets.get(i) else { continue };
        if previous == Some((sheet.entry, sheet.judge)) {
            errors.push(SheetError {
                sheet: sheet.reference(),
                problem: SheetProblem::DuplicateSheet,
            });
        }
        previous = Some((sheet.entry, sheet.judge));
        let mask = input.masks.get(&sheet.judge).unwrap_or(&input.all);
        let Some(cells) = input.cells.get_mut(pos * n_leaves..(pos + 1) * n_leaves) else {
            continue;
        };
        if let Err(problems) = sheet.fill_cells(&stage.criteria, mask, cells) {
            errors.extend(problems.into_iter().map(|problem| SheetError {
                sheet: sheet.reference(),
                problem,
            }));
        }
    }
}
