//! The compact explanation trail kept in a [`super::CompetitionResult`].
//!
//! A national stage has millions of answers, so the trail stores each stage's counted answers
//! once, as entered, in one flat array (one row of leaves per counted sheet, rows grouped by
//! entry), with each sheet's judge label and, per entry, a range of rows. Everything else an
//! explanation shows (judge totals, corrected values, trimmed flags, panel scores, effective
//! weights, contributions, incomplete reasons) is recomputed on request from these rows by the
//! very code that scored the entry, so it is identical to what was published. Materializing
//! one entry costs microseconds.

use super::evaluate::{Evaluator, Scratch, Sinks, StageRules};
use crate::explanation::{EntryExplanation, IncompleteReason, JudgeTotal, StageExplanation};
use crate::ids::EntryId;
use crate::normalization::JudgeCorrection;
use crate::points::Points;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Every entry's explanation trail, compact: one [`StageTrail`] per stage computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExplanationTrail {
    stages: Vec<StageTrail>,
}

/// One stage's trail: the counted answers of every entry that reached the stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageTrail {
    rules: StageRules,
    /// The stage's judge corrections in label order (empty without normalization).
    corrections: Vec<JudgeCorrection>,
    /// One row of `rules.leaves()` cells per counted sheet.
    cells: Vec<i64>,
    /// Per counted sheet: 0-based judge label.
    labels: Vec<u32>,
    /// Per entry that reached the stage, by `EntryId`: its rows.
    entries: Vec<EntryRows>,
}

/// An entry's rows in a [`StageTrail`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct EntryRows {
    entry: EntryId,
    start: u32,
    end: u32,
}

impl ExplanationTrail {
    pub(super) fn new(stages: Vec<StageTrail>) -> Self {
        ExplanationTrail { stages }
    }

    /// One trail per stage computed, in stage order.
    #[must_use]
    pub fn stages(&self) -> &[StageTrail] {
        &self.stages
    }

    /// Every entry with a trail (every registered entry), by `EntryId`.
    pub fn entries(&self) -> impl Iterator<Item = EntryId> + '_ {
        self.stages
            .first()
            .into_iter()
            .flat_map(StageTrail::entries)
    }

    /// Materializes one entry's full explanation; `None` if the entry was not registered.
    #[must_use]
    pub fn explain(&self, entry: EntryId) -> Option<EntryExplanation> {
        let mut scratch = Vec::new();
        self.explain_with(entry, &mut scratch)
    }

    /// Materializes every entry's explanation in `EntryId` order (reusing buffers).
    pub fn explain_all(&self) -> impl Iterator<Item = EntryExplanation> + '_ {
        let mut scratch = Vec::new();
        self.entries()
            .filter_map(move |e| self.explain_with(e, &mut scratch))
    }

    fn explain_with(&self, entry: EntryId, scratch: &mut Vec<Scratch>) -> Option<EntryExplanation> {
        if scratch.len() != self.stages.len() {
            *scratch = self.stages.iter().map(|s| Scratch::new(&s.rules)).collect();
        }
        let stages: Vec<StageExplanation> = self
            .stages
            .iter()
            .zip(scratch.iter_mut())
            .filter_map(|(s, scratch)| s.explain_with(entry, scratch))
            .collect();
        (!stages.is_empty()).then_some(EntryExplanation { entry, stages })
    }
}

impl StageTrail {
    /// Starts a stage's trail from its counted rows (grouped by entry) and their labels.
    pub(super) fn new(rules: StageRules, cells: Vec<i64>, labels: Vec<u32>) -> Self {
        StageTrail {
            rules,
            corrections: Vec::new(),
            cells,
            labels,
            entries: Vec::new(),
        }
    }

    /// Records that `entry` reached the stage with counted rows `rows` (empty: no sheet).
    pub(super) fn push(&mut self, entry: EntryId, rows: Range<usize>) {
        self.entries.push(EntryRows {
            entry,
            start: u32::try_from(rows.start).unwrap_or(u32::MAX),
            end: u32::try_from(rows.end).unwrap_or(u32::MAX),
        });
    }

    /// Puts entries in `EntryId` order and records the final corrections.
    pub(super) fn seal(&mut self, corrections: &[JudgeCorrection]) {
        self.entries.sort_by_key(|r| r.entry);
        self.corrections = corrections.to_vec();
    }

    /// The stage code.
    #[must_use]
    pub fn stage(&self) -> &str {
        &self.rules.code
    }

    /// Entries that reached the stage, by `EntryId`.
    pub fn entries(&self) -> impl Iterator<Item = EntryId> + '_ {
        self.entries.iter().map(|r| r.entry)
    }

    /// Number of counted answers stored (cells, including unanswered out-of-scope ones).
    #[must_use]
    pub fn cells(&self) -> usize {
        self.cells.len()
    }

    /// Materializes `entry`'s explanation in this stage; `None` if it did not reach the stage.
    #[must_use]
    pub fn explain(&self, entry: EntryId) -> Option<StageExplanation> {
        self.explain_with(entry, &mut Scratch::new(&self.rules))
    }

    fn explain_with(&self, entry: EntryId, scratch: &mut Scratch) -> Option<StageExplanation> {
        let at = self
            .entries
            .binary_search_by_key(&entry, |r| r.entry)
            .ok()?;
        let rows = self.entries.get(at)?;
        let range = usize::try_from(rows.start).ok()?..usize::try_from(rows.end).ok()?;
        let mut explanation = StageExplanation {
            stage: self.rules.code.clone(),
            score: None,
            raw_points: None,
            judges: Vec::new(),
            criteria: Vec::new(),
            values: Vec::new(),
            incomplete: Vec::new(),
        };
        if range.is_empty() {
            explanation.incomplete.push(IncompleteReason::NoSheets);
            return Some(explanation);
        }
        let n = self.rules.leaves();
        let labels = self.labels.get(range.clone()).unwrap_or_default();
        let cells = self
            .cells
            .get(range.start * n..range.end * n)
            .unwrap_or_default();
        let evaluator = Evaluator {
            rules: &self.rules,
            corrections: &self.corrections,
        };
        for (row, &label) in cells.chunks_exact(n.max(1)).zip(labels) {
            if let Some(t) = evaluator.sheet_total(&mut scratch.sheet, row, label) {
                explanation.judges.push(JudgeTotal {
                    label: label + 1,
                    total: Points::from_f64(t),
                });
            }
        }
        explanation.values.reserve(cells.len());
        let mut clamps = vec![0; self.corrections.len()];
        let sinks = Sinks {
            values: Some(&mut explanation.values),
            lines: Some(&mut explanation.criteria),
        };
        match evaluator.entry(cells, labels, scratch, &mut clamps, sinks) {
            Some((score, raw)) => {
                explanation.score = Some(score);
                explanation.raw_points = Some(raw);
            }
            None => {
                explanation.criteria.clear();
                explanation.incomplete = scratch.reasons.clone();
            }
        }
        Some(explanation)
    }
}
