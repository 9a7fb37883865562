//! A judge's score sheet for one entry in one stage, the judge's assigned scope, and the
//! validation of a sheet against the stage's criteria tree.
//!
//! Sheets are partial by design: a judge often scores only the aspects of their own office.
//! The app passes each judge's scope per stage; a sheet is *complete* when it addresses every
//! leaf of that scope (a value, or N/A on an optional leaf). Invalid values are refused with
//! data-rich errors; drafts and incomplete sheets are merely excluded and reported.

use crate::criteria::CriteriaTree;
use crate::ids::{EntryId, JudgeId};
use crate::points::Points;
use serde::{Deserialize, Serialize};

/// Whether the judge has handed the sheet in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetStatus {
    /// Still being filled in: never counted, never validated by the engine.
    Draft,
    /// Handed in: counted when complete.
    Submitted,
}

/// A judge's answer on one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScoreValue {
    /// A value on the leaf's scale.
    Value(Points),
    /// Not applicable to this entry (optional leaves only).
    NotApplicable,
}

/// One judge's sheet for one entry in one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// Who scored.
    pub judge: JudgeId,
    /// What was scored.
    pub entry: EntryId,
    /// Stage code.
    pub stage: String,
    /// Draft or submitted.
    pub status: SheetStatus,
    /// Leaf code and answer; any order (tree order is fastest).
    pub values: Vec<(String, ScoreValue)>,
}

/// Which criteria a judge scores in a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// The whole tree.
    All,
    /// These aspects or leaves (an aspect covers every leaf under it).
    Criteria(Vec<String>),
}

/// A judge's assignment in a stage. A judge without one scores the whole tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgeScope {
    /// The judge.
    pub judge: JudgeId,
    /// Stage code.
    pub stage: String,
    /// What the judge scores.
    pub scope: Scope,
}

/// Identifies a sheet in reports.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SheetRef {
    /// Judge.
    pub judge: JudgeId,
    /// Entry.
    pub entry: EntryId,
    /// Stage code.
    pub stage: String,
}

/// What is wrong with a submitted sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetProblem {
    /// The stage code is not in the competition.
    UnknownStage,
    /// No criterion has this code.
    UnknownCriterion {
        /// The code given.
        code: String,
    },
    /// The code is an aspect, not a scored leaf.
    NotALeaf {
        /// The code given.
        code: String,
    },
    /// The criterion appears twice.
    DuplicateCriterion {
        /// The code given twice.
        code: String,
    },
    /// The value lies outside the leaf's scale.
    OutOfScale {
        /// Leaf code.
        code: String,
        /// Value given.
        value: Points,
        /// Scale minimum.
        min: Points,
        /// Scale maximum.
        max: Points,
    },
    /// The value is not on the step grid from the scale minimum.
    OffStep {
        /// Leaf code.
        code: String,
        /// Value given.
        value: Points,
        /// The step.
        step: Points,
    },
    /// N/A on a leaf that is not optional.
    NotApplicableOnRequired {
        /// Leaf code.
        code: String,
    },
    /// The leaf is outside the judge's assigned scope.
    OutsideScope {
        /// Leaf code.
        code: String,
    },
    /// A second submitted sheet for the same judge, entry and stage.
    DuplicateSheet,
}

/// A refused sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("sheet of {} for {} in stage {}: {problem:?}", sheet.judge, sheet.entry, sheet.stage)]
pub struct SheetError {
    /// Which sheet.
    pub sheet: SheetRef,
    /// What is wrong.
    pub problem: SheetProblem,
}

/// A refused scope assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ScopeError {
    /// The stage code is not in the competition.
    #[error("scope of {judge} names unknown stage {stage}")]
    UnknownStage {
        /// Judge.
        judge: JudgeId,
        /// Stage code given.
        stage: String,
    },
    /// The criterion is not in the stage.
    #[error("scope of {judge} in stage {stage} names unknown criterion {code}")]
    UnknownCriterion {
        /// Judge.
        judge: JudgeId,
        /// Stage.
        stage: String,
        /// Code given.
        code: String,
    },
    /// Two scopes for the same judge and stage.
    #[error("{judge} has two scopes in stage {stage}")]
    DuplicateScope {
        /// Judge.
        judge: JudgeId,
        /// Stage.
        stage: String,
    },
}

/// Why a sheet was left out of the computation (not an error).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExclusionReason {
    /// Still a draft.
    Draft,
    /// Some leaves of the judge's scope are unanswered (codes in tree order).
    Incomplete {
        /// Missing leaf codes.
        missing: Vec<String>,
    },
    /// The entry was not in this stage (eliminated or incomplete earlier, or not registered).
    EntryNotInStage,
}

/// A sheet left out, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedSheet {
    /// Which sheet.
    pub sheet: SheetRef,
    /// Why.
    pub reason: ExclusionReason,
}

/// Cell marker for a leaf the sheet does not address.
pub(crate) const MISSING: i64 = i64::MIN;
/// Cell marker for N/A.
pub(crate) const NOT_APPLICABLE: i64 = i64::MIN + 1;

/// Resolves a scope to a per-leaf mask.
pub(crate) fn scope_mask(tree: &CriteriaTree, scope: &Scope) -> Result<Vec<bool>, String> {
    let n = tree.leaves().len();
    match scope {
        Scope::All => Ok(vec![true; n]),
        Scope::Criteria(codes) => {
            let mut mask = vec![false; n];
            for code in codes {
                let node = tree.index_of(code).ok_or_else(|| code.clone())?;
                for l in tree.leaves_under(node) {
                    if let Some(m) = mask.get_mut(l) {
                        *m = true;
                    }
                }
            }
            Ok(mask)
        }
    }
}

impl Sheet {
    /// The sheet's reference for reports.
    #[must_use]
    pub fn reference(&self) -> SheetRef {
        SheetRef {
            judge: self.judge,
            entry: self.entry,
            stage: self.stage.clone(),
        }
    }

    /// Validates the values against the tree and the judge's scope (`None`: whole tree), for
    /// the app to call on save. Returns the leaf codes of the scope still unanswered.
    pub fn validate(
        &self,
        tree: &CriteriaTree,
        scope: Option<&Scope>,
    ) -> Result<Vec<String>, Vec<SheetError>> {
        let mask = match scope {
            None => vec![true; tree.leaves().len()],
            Some(s) => scope_mask(tree, s).map_err(|code| {
                vec![SheetError {
                    sheet: self.reference(),
                    problem: SheetProblem::UnknownCriterion { code },
                }]
            })?,
        };
        let mut cells = vec![MISSING; tree.leaves().len()];
        self.fill_cells(tree, &mask, &mut cells)
            .map_err(|problems| {
                problems
                    .into_iter()
                    .map(|problem| SheetError {
                        sheet: self.reference(),
                        problem,
                    })
                    .collect::<Vec<_>>()
            })?;
        Ok(missing_codes(tree, &mask, &cells))
    }

    /// Writes the sheet's answers into `cells` (one per leaf, pre-filled with [`MISSING`]),
    /// collecting every problem. Codes are matched positionally first (sheets usually come in
    /// tree order), falling back to the code index, so the hot path does no hashing.
    pub(crate) fn fill_cells(
        &self,
        tree: &CriteriaTree,
        scope: &[bool],
        cells: &mut [i64],
    ) -> Result<(), Vec<SheetProblem>> {
        let mut problems = Vec::new();
        let leaves = tree.leaves();
        let nodes = tree.nodes();
        for (pos, (code, value)) in self.values.iter().enumerate() {
            let guess = leaves
                .get(pos)
                .and_then(|&n| nodes.get(n))
                .filter(|n| n.spec.code == *code);
            let node = match guess {
                Some(n) => n,
                None => match tree.index_of(code).and_then(|i| nodes.get(i)) {
                    Some(n) => n,
                    None => {
                        problems.push(SheetProblem::UnknownCriterion { code: code.clone() });
                        continue;
                    }
                },
            };
            let (Some(leaf), Some(scale)) = (node.leaf_index, node.spec.scale) else {
                problems.push(SheetProblem::NotALeaf { code: code.clone() });
                continue;
            };
            let Some(cell) = cells.get_mut(leaf) else {
                continue;
            };
            if *cell != MISSING {
                problems.push(SheetProblem::DuplicateCriterion { code: code.clone() });
                continue;
            }
            if !scope.get(leaf).copied().unwrap_or(false) {
                problems.push(SheetProblem::OutsideScope { code: code.clone() });
                continue;
            }
            match *value {
                ScoreValue::NotApplicable if !node.spec.optional => {
                    problems.push(SheetProblem::NotApplicableOnRequired { code: code.clone() });
                }
                ScoreValue::NotApplicable => *cell = NOT_APPLICABLE,
                ScoreValue::Value(v) if !scale.contains(v) => {
                    problems.push(SheetProblem::OutOfScale {
                        code: code.clone(),
                        value: v,
                        min: scale.min,
                        max: scale.max,
                    });
                }
                ScoreValue::Value(v) if !scale.on_step(v) => {
                    problems.push(SheetProblem::OffStep {
                        code: code.clone(),
                        value: v,
                        step: scale.step.unwrap_or_default(),
                    });
                }
                ScoreValue::Value(v) => *cell = v.units(),
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Leaf codes in the scope that the cells leave unanswered, in tree order.
pub(crate) fn missing_codes(tree: &CriteriaTree, scope: &[bool], cells: &[i64]) -> Vec<String> {
    tree.leaves()
        .iter()
        .zip(scope.iter().zip(cells))
        .filter(|(_, (in_scope, cell))| **in_scope && **cell == MISSING)
        .filter_map(|(&n, _)| tree.node(n).map(|n| n.spec.code.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
