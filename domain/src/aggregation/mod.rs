//! Panel aggregation and weighting: how the judges' values on one leaf become the panel's
//! value, how leaf scores roll up the tree into a 0–100 stage score (with N/A leaves leaving
//! both numerator and denominator), and how the published breakdown is rounded so that it adds
//! up exactly.
//!
//! Rules fixed here:
//! * **N/A by majority**: a leaf is N/A for an entry when strictly more of the judges who
//!   addressed it said N/A than gave a value. Otherwise the values given are aggregated and the
//!   N/A answers are ignored. An N/A leaf is dropped and its siblings' weights are renormalised
//!   (an inner node all of whose children are N/A is N/A itself, up to the root).
//! * **Order of values**: values are sorted by (value, judge order); a trimmed mean drops the
//!   first `k` and the last `k`, so among equal values the lower judge loses its low value and
//!   the higher judge its high value. The mean is summed in judge order.
//! * **Largest remainder**: published contributions are floored to `Points` and the units still
//!   missing to reach the rounded total go one each to the largest remainders (tree order on
//!   equal remainders), so the breakdown sums exactly to the published stage score.

use crate::criteria::CriteriaTree;
use crate::points::Points;
use crate::stage::Aggregation;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One judge's value on a leaf.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelValue {
    /// The judge's position in the stage's judge order (0-based; label "Juri n+1").
    pub judge: u32,
    /// The value as entered, on the leaf's scale.
    pub raw: f64,
    /// The value on 0–100 after any judge correction.
    pub scored: f64,
}

/// The panel's value on a leaf.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelAggregate {
    /// 0–100 panel score.
    pub scored: f64,
    /// Aggregated raw value (same judges, same rule, values as entered).
    pub raw: f64,
    /// Positions (in the values as sorted by [`aggregate_leaf`]) that were used; for a trimmed
    /// mean the others were trimmed.
    pub kept: Range<usize>,
}

/// Aggregates one leaf. For `Median` and `TrimmedMean` the values are sorted in place by
/// (scored, judge). `None` when there is no value, or a trimmed mean has `2k` values or fewer.
#[must_use]
pub fn aggregate_leaf(method: Aggregation, values: &mut [PanelValue]) -> Option<PanelAggregate> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let kept = match method {
        Aggregation::Mean => 0..n,
        Aggregation::Median => {
            sort_values(values);
            if n % 2 == 1 {
                n / 2..n / 2 + 1
            } else {
                n / 2 - 1..n / 2 + 1
            }
        }
        Aggregation::TrimmedMean { k } => {
            let k = usize::try_from(k).unwrap_or(usize::MAX);
            if n <= k.saturating_mul(2) {
                return None;
            }
            sort_values(values);
            k..n - k
        }
    };
    let used = values.get(kept.clone())?;
    let count = f64::from(u32::try_from(used.len()).unwrap_or(u32::MAX));
    let scored = used.iter().map(|v| v.scored).sum::<f64>() / count;
    let raw = used.iter().map(|v| v.raw).sum::<f64>() / count;
    Some(PanelAggregate { scored, raw, kept })
}

fn sort_values(values: &mut [PanelValue]) {
    values.sort_by(|a, b| a.scored.total_cmp(&b.scored).then(a.judge.cmp(&b.judge)));
}

/// The N/A-by-majority rule: `true` when strictly more judges said N/A than gave a value.
#[must_use]
pub fn leaf_is_not_applicable(values: u32, not_applicable: u32) -> bool {
    not_applicable > values
}

/// The shape of a criteria tree as the weigher needs it (parent, weight and leaf position of
/// every node in tree order); small, plain data, kept in a result's explanation trail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TreeShape {
    parent: Vec<Option<usize>>,
    weight: Vec<f64>,
    leaf: Vec<Option<usize>>,
}

impl TreeShape {
    /// The shape of `tree`.
    #[must_use]
    pub fn of(tree: &CriteriaTree) -> Self {
        TreeShape {
            parent: tree.nodes().iter().map(|x| x.parent).collect(),
            weight: tree
                .nodes()
                .iter()
                .map(|x| f64::from(x.spec.weight))
                .collect(),
            leaf: tree.nodes().iter().map(|x| x.leaf_index).collect(),
        }
    }

    /// Number of nodes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether the tree has no node (never for a validated tree).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Parent of node `i`, if it has one.
    #[must_use]
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parent.get(i).copied().flatten()
    }

    /// Leaf position of node `i`, if it is a leaf.
    #[must_use]
    pub fn leaf(&self, i: usize) -> Option<usize> {
        self.leaf.get(i).copied().flatten()
    }
}

/// Rolls leaf scores up a tree, renormalising around absent (N/A or unscored) leaves.
/// Holds scratch buffers so the engine reuses them for every sheet and entry.
#[derive(Clone, Debug)]
pub struct Weigher {
    parent: Vec<Option<usize>>,
    weight: Vec<f64>,
    leaf: Vec<Option<usize>>,
    acc_sum: Vec<f64>,
    acc_weight: Vec<f64>,
    /// Per node: its 0–100 score (weighted mean of its active children), `None` if absent.
    pub score: Vec<Option<f64>>,
    /// Per node, after [`Weigher::breakdown`]: share of the stage (0–1) after renormalising.
    pub effective: Vec<f64>,
    /// Per node, after [`Weigher::breakdown`]: contribution to the stage score (0–100 scale).
    pub contribution: Vec<f64>,
}

impl Weigher {
    /// Prepares buffers for a tree.
    #[must_use]
    pub fn new(tree: &CriteriaTree) -> Self {
        Self::from_shape(TreeShape::of(tree))
    }

    /// Prepares buffers for a tree shape.
    #[must_use]
    pub fn from_shape(shape: TreeShape) -> Self {
        let n = shape.len();
        Weigher {
            parent: shape.parent,
            weight: shape.weight,
            leaf: shape.leaf,
            acc_sum: vec![0.0; n],
            acc_weight: vec![0.0; n],
            score: vec![None; n],
            effective: vec![0.0; n],
            contribution: vec![0.0; n],
        }
    }

    /// Weighted 0–100 total of the given leaf scores (indexed by leaf position), `None` when
    /// nothing with weight is present. Fills [`Weigher::score`] for every node.
    pub fn total(&mut self, leaf_score: impl Fn(usize) -> Option<f64>) -> Option<f64> {
        self.acc_sum.fill(0.0);
        self.acc_weight.fill(0.0);
        let (mut root_sum, mut root_weight) = (0.0, 0.0);
        // Reverse pre-order visits every child before its parent.
        for i in (0..self.parent.len()).rev() {
            let s = match self.leaf.get(i).copied().flatten() {
                Some(l) => leaf_score(l),
                None => {
                    let w = self.acc_weight.get(i).copied().unwrap_or(0.0);
                    (w > 0.0).then(|| self.acc_sum.get(i).copied().unwrap_or(0.0) / w)
                }
            };
            if let Some(slot) = self.score.get_mut(i) {
                *slot = s;
            }
            let (Some(s), Some(w)) = (s, self.weight.get(i).copied()) else {
                continue;
            };
            match self.parent.get(i).copied().flatten() {
                Some(p) => {
                    if let (Some(a), Some(b)) =
                        (self.acc_sum.get_mut(p), self.acc_weight.get_mut(p))
                    {
                        *a += w * s;
                        *b += w;
                    }
                }
                None => {
                    root_sum += w * s;
                    root_weight += w;
                }
            }
        }
        (root_weight > 0.0).then(|| root_sum / root_weight)
    }

    /// After [`Weigher::total`]: effective weights and contributions of every node. Returns
    /// the stage score as the sum of leaf contributions in tree order (so it matches the
    /// breakdown bit for bit).
    pub fn breakdown(&mut self) -> f64 {
        let root_weight: f64 = (0..self.parent.len())
            .filter(|&i| self.parent.get(i).copied().flatten().is_none())
            .filter(|&i| self.score.get(i).copied().flatten().is_some())
            .filter_map(|i| self.weight.get(i).copied())
            .sum();
        let mut total = 0.0;
        for i in 0..self.parent.len() {
            let (parent_eff, denominator) = match self.parent.get(i).copied().flatten() {
                Some(p) => (
                    self.effective.get(p).copied().unwrap_or(0.0),
                    self.acc_weight.get(p).copied().unwrap_or(0.0),
                ),
                None => (1.0, root_weight),
            };
            let score = self.score.get(i).copied().flatten();
            let eff = match score {
                Some(_) if denominator > 0.0 => {
                    parent_eff * self.weight.get(i).copied().unwrap_or(0.0) / denominator
                }
                _ => 0.0,
            };
            let contribution = eff * score.unwrap_or(0.0);
            if let Some(e) = self.effective.get_mut(i) {
                *e = eff;
            }
            if let Some(c) = self.contribution.get_mut(i) {
                *c = contribution;
            }
            if self.leaf.get(i).copied().flatten().is_some() {
                total += contribution;
            }
        }
        total
    }
}

/// The rounded sum [`round_preserving_sum`] publishes, without the per-value rounding.
#[must_use]
pub fn rounded_sum(values: &[f64]) -> Points {
    Points::from_f64(values.iter().sum())
}

/// Rounds `values` to `Points` units so that they sum exactly to the rounded sum (largest
/// remainder). Writes the units into `out` and returns the rounded total.
pub fn round_preserving_sum(values: &[f64], out: &mut Vec<i64>) -> Points {
    let total = rounded_sum(values);
    out.clear();
    let mut remainders: Vec<(f64, usize)> = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let scaled = v * 10_000.0;
        let floor = Points::from_f64(scaled.floor() / 10_000.0).units();
        out.push(floor);
        remainders.push((scaled - scaled.floor(), i));
    }
    let mut missing = total.units() - out.iter().sum::<i64>();
    if missing != 0 {
        // Largest remainders gain a unit; if floats overshot, the smallest lose one.
        remainders.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        if missing < 0 {
            remainders.reverse();
        }
        let step = missing.signum();
        for &(_, i) in remainders
            .iter()
            .cycle()
            .take(values.len().saturating_mul(4))
        {
            if missing == 0 {
                break;
            }
            if let Some(o) = out.get_mut(i) {
                *o += step;
                missing -= step;
            }
        }
    }
    total
}

#[cfg(test)]
mod tests;
