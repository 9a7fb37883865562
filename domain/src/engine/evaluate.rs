//! One entry in one stage: the judges' answers become leaf panel values, the stage score and
//! the raw points. The same code scores the entry during [`super::compute`] and rebuilds its
//! explanation on request, so the explanation always matches the published figures bit for
//! bit; the scoring pass simply gives no sink for the judge values and criterion lines.

use crate::aggregation::{
    PanelValue, TreeShape, Weigher, aggregate_leaf, leaf_is_not_applicable, round_preserving_sum,
    rounded_sum,
};
use crate::explanation::{CriterionLine, IncompleteReason, JudgeValue};
use crate::normalization::JudgeCorrection;
use crate::points::Points;
use crate::sheet::{MISSING, NOT_APPLICABLE, ScoreValue};
use crate::stage::{Aggregation, StageSpec};
use serde::{Deserialize, Serialize};

/// What a stage's evaluation needs from its spec: small, plain data kept in the trail so an
/// explanation can be rebuilt from the result alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct StageRules {
    /// Stage code.
    pub(crate) code: String,
    aggregation: Aggregation,
    quorum: u32,
    /// Per leaf: scale minimum and the factor mapping the scale's span onto 100.
    scales: Vec<(f64, f64)>,
    /// Per leaf: its code (for incomplete reasons).
    leaf_codes: Vec<String>,
    /// Per leaf: its tree-order node index.
    leaf_nodes: Vec<u32>,
    shape: TreeShape,
}

impl StageRules {
    /// The rules of `stage`.
    pub(crate) fn of(stage: &StageSpec) -> Self {
        let tree = &stage.criteria;
        let leaf = |n: usize| tree.node(n).map(|n| &n.spec);
        StageRules {
            code: stage.code.clone(),
            aggregation: stage.aggregation,
            quorum: stage.quorum,
            scales: tree
                .leaves()
                .iter()
                .map(|&n| {
                    leaf(n).and_then(|s| s.scale).map_or((0.0, 0.0), |s| {
                        let min = s.min.to_f64();
                        (min, 100.0 / (s.max.to_f64() - min))
                    })
                })
                .collect(),
            leaf_codes: tree
                .leaves()
                .iter()
                .map(|&n| leaf(n).map(|s| s.code.clone()).unwrap_or_default())
                .collect(),
            leaf_nodes: tree
                .leaves()
                .iter()
                .map(|&n| u32::try_from(n).unwrap_or(u32::MAX))
                .collect(),
            shape: TreeShape::of(tree),
        }
    }

    /// Number of leaves (cells per sheet).
    pub(crate) fn leaves(&self) -> usize {
        self.scales.len()
    }
}

/// Buffers reused across entries.
pub(crate) struct Scratch {
    values: Vec<PanelValue>,
    leaf: Vec<(Option<f64>, Option<f64>)>,
    contributions: Vec<f64>,
    rounded: Vec<i64>,
    node_units: Vec<i64>,
    /// Why the last entry evaluated is incomplete (empty when it was scored).
    pub(crate) reasons: Vec<IncompleteReason>,
    /// Sheet totals (judge weighing).
    pub(crate) sheet: Weigher,
    /// Panel weighing; after a complete evaluation `panel.score` holds every node's score.
    pub(crate) panel: Weigher,
}

impl Scratch {
    pub(crate) fn new(rules: &StageRules) -> Self {
        let leaves = rules.leaves();
        let nodes = rules.shape.len();
        Scratch {
            values: Vec::with_capacity(16),
            leaf: vec![(None, None); leaves],
            contributions: Vec::with_capacity(leaves),
            rounded: Vec::with_capacity(leaves),
            node_units: Vec::with_capacity(nodes),
            reasons: Vec::new(),
            sheet: Weigher::from_shape(rules.shape.clone()),
            panel: Weigher::from_shape(rules.shape.clone()),
        }
    }
}

/// Optional outputs of [`Evaluator::entry`], wanted only when explaining.
#[derive(Default)]
pub(crate) struct Sinks<'s> {
    /// Every counted answer, by leaf then judge, trimmed ones flagged.
    pub(crate) values: Option<&'s mut Vec<JudgeValue>>,
    /// Every criterion line in tree order (complete entries only).
    pub(crate) lines: Option<&'s mut Vec<CriterionLine>>,
}

/// Evaluates entries of one stage.
pub(crate) struct Evaluator<'a> {
    pub(crate) rules: &'a StageRules,
    /// Per label (0-based): the judge's correction; empty without normalization.
    pub(crate) corrections: &'a [JudgeCorrection],
}

impl Evaluator<'_> {
    /// Leaf value on 0–100, before correction.
    pub(crate) fn percent(&self, leaf: usize, units: i64) -> f64 {
        // Precomputed (min, 100 / span) per leaf: this runs once per score.
        self.rules.scales.get(leaf).map_or(0.0, |&(min, factor)| {
            (Points::from_units(units).to_f64() - min) * factor
        })
    }

    /// Leaf value on 0–100 after the judge's correction, and whether it was clamped.
    fn scored(&self, label: u32, leaf: usize, units: i64) -> (f64, bool) {
        let x = self.percent(leaf, units);
        match self
            .corrections
            .get(usize::try_from(label).unwrap_or(usize::MAX))
        {
            Some(c) => c.apply(x),
            None => (x, false),
        }
    }

    /// One sheet's total (0–100 over the leaves it scored, after correction).
    pub(crate) fn sheet_total(
        &self,
        weigher: &mut Weigher,
        cells: &[i64],
        label: u32,
    ) -> Option<f64> {
        weigher.total(|l| {
            let c = *cells.get(l)?;
            (c > NOT_APPLICABLE).then(|| self.scored(label, l, c).0)
        })
    }

    /// Evaluates one entry from its counted sheets (`cells`: one row of leaves per sheet;
    /// `labels`: 0-based judge label per sheet, ascending). Returns the stage score and raw
    /// points, or `None` with the reasons in `scratch.reasons`. Clamped values are counted
    /// per label into `clamps`.
    pub(crate) fn entry(
        &self,
        cells: &[i64],
        labels: &[u32],
        scratch: &mut Scratch,
        clamps: &mut [u32],
        mut sinks: Sinks<'_>,
    ) -> Option<(Points, Points)> {
        let n_leaves = self.rules.leaves();
        scratch.reasons.clear();
        for l in 0..n_leaves {
            let node = self.rules.leaf_nodes.get(l).copied().unwrap_or(u32::MAX);
            scratch.values.clear();
            let first = sinks.values.as_ref().map_or(0, |v| v.len());
            let mut na = 0u32;
            for (row, &label) in labels.iter().enumerate() {
                let c = cells.get(row * n_leaves + l).copied().unwrap_or(MISSING);
                if c == MISSING {
                    continue;
                }
                if c == NOT_APPLICABLE {
                    na += 1;
                    if let Some(v) = sinks.values.as_deref_mut() {
                        v.push(JudgeValue {
                            node,
                            label: label + 1,
                            value: ScoreValue::NotApplicable,
                            scored: None,
                            trimmed: false,
                        });
                    }
                    continue;
                }
                let (scored, clamped) = self.scored(label, l, c);
                if let (true, Some(k)) = (
                    clamped,
                    clamps.get_mut(usize::try_from(label).unwrap_or(usize::MAX)),
                ) {
                    *k += 1;
                }
                scratch.values.push(PanelValue {
                    judge: label,
                    raw: Points::from_units(c).to_f64(),
                    scored,
                });
                if let Some(v) = sinks.values.as_deref_mut() {
                    v.push(JudgeValue {
                        node,
                        label: label + 1,
                        value: ScoreValue::Value(Points::from_units(c)),
                        scored: Some(Points::from_f64(scored)),
                        trimmed: false,
                    });
                }
            }
            let given = u32::try_from(scratch.values.len()).unwrap_or(u32::MAX);
            let code = || self.rules.leaf_codes.get(l).cloned().unwrap_or_default();
            let Some(slot) = scratch.leaf.get_mut(l) else {
                continue;
            };
            *slot = (None, None);
            if given + na < self.rules.quorum {
                scratch.reasons.push(IncompleteReason::BelowQuorum {
                    criterion: code(),
                    judges: given + na,
                    quorum: self.rules.quorum,
                });
                continue;
            }
            if leaf_is_not_applicable(given, na) {
                continue;
            }
            match aggregate_leaf(self.rules.aggregation, &mut scratch.values) {
                Some(agg) => {
                    *slot = (Some(agg.scored), Some(agg.raw));
                    let trims = matches!(self.rules.aggregation, Aggregation::TrimmedMean { .. });
                    if let (true, Some(v)) = (trims, sinks.values.as_deref_mut()) {
                        let dropped = scratch
                            .values
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !agg.kept.contains(i))
                            .map(|(_, p)| p.judge + 1);
                        for label in dropped {
                            if let Some(x) = v
                                .get_mut(first..)
                                .and_then(|xs| xs.iter_mut().find(|x| x.label == label))
                            {
                                x.trimmed = true;
                            }
                        }
                    }
                }
                None => {
                    let k = match self.rules.aggregation {
                        Aggregation::TrimmedMean { k } => k,
                        _ => 0,
                    };
                    scratch.reasons.push(IncompleteReason::TooFewToTrim {
                        criterion: code(),
                        values: given,
                        needed: 2 * k + 1,
                    });
                }
            }
        }
        if labels.is_empty() {
            scratch.reasons.push(IncompleteReason::NoSheets);
        }
        if !scratch.reasons.is_empty() {
            return None;
        }
        let leaf = &scratch.leaf;
        if scratch
            .panel
            .total(|l| leaf.get(l).and_then(|x| x.0))
            .is_none()
        {
            scratch.reasons.push(IncompleteReason::AllNotApplicable);
            return None;
        }
        Some(self.publish(scratch, sinks.lines))
    }

    /// After a complete [`Evaluator::entry`]: the stage score (leaf contributions summed; with a
    /// sink, rounded by largest remainder into the criterion lines) and the raw points.
    fn publish(
        &self,
        scratch: &mut Scratch,
        lines: Option<&mut Vec<CriterionLine>>,
    ) -> (Points, Points) {
        let panel = &mut scratch.panel;
        let shape = &self.rules.shape;
        panel.breakdown();
        scratch.contributions.clear();
        scratch.contributions.extend(
            self.rules
                .leaf_nodes
                .iter()
                .filter_map(|&n| usize::try_from(n).ok())
                .map(|n| panel.contribution.get(n).copied().unwrap_or(0.0)),
        );
        let raw: i64 = scratch
            .leaf
            .iter()
            .filter_map(|x| x.1)
            .map(|r| Points::from_f64(r).units())
            .sum();
        let Some(lines) = lines else {
            return (rounded_sum(&scratch.contributions), Points::from_units(raw));
        };
        let score = round_preserving_sum(&scratch.contributions, &mut scratch.rounded);
        scratch.node_units.clear();
        scratch.node_units.resize(shape.len(), 0);
        for (&n, &u) in self.rules.leaf_nodes.iter().zip(&scratch.rounded) {
            if let Some(x) = usize::try_from(n)
                .ok()
                .and_then(|n| scratch.node_units.get_mut(n))
            {
                *x = u;
            }
        }
        for i in (0..shape.len()).rev() {
            let u = scratch.node_units.get(i).copied().unwrap_or(0);
            if let Some(p) = shape.parent(i).and_then(|p| scratch.node_units.get_mut(p)) {
                *p += u;
            }
        }
        lines.clear();
        lines.extend((0..shape.len()).map(|i| {
            let panel_raw = shape
                .leaf(i)
                .and_then(|l| scratch.leaf.get(l))
                .and_then(|x| x.1)
                .map(Points::from_f64);
            let s = panel.score.get(i).copied().flatten();
            CriterionLine {
                node: u32::try_from(i).unwrap_or(u32::MAX),
                not_applicable: s.is_none(),
                panel_raw,
                panel_score: s.map(Points::from_f64),
                effective_weight: Points::from_f64(
                    panel.effective.get(i).copied().unwrap_or(0.0) * 100.0,
                ),
                contribution: Points::from_units(scratch.node_units.get(i).copied().unwrap_or(0)),
            }
        }));
        (score, Points::from_units(raw))
    }
}
