//! The criteria tree of one stage: aspects, indicators and sub-indicators of any depth, their
//! weights and the scale each leaf is scored on.
//!
//! Owns validation of a committee's criteria (every problem is reported at once, never only the
//! first) and the canonical *tree order* the engine evaluates in: a pre-order walk where
//! siblings are sorted by code in natural order (`1.2` before `1.10`). The order depends only
//! on the codes, never on the order the specs were given in, so results are reproducible.

pub mod levels;

use crate::points::Points;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

/// The range a leaf is scored on, e.g. 1–5 step 1, 0–100, 60–100 step 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// Lowest value a judge may give.
    pub min: Points,
    /// Highest value a judge may give.
    pub max: Points,
    /// Grid from `min` the values must lie on; `None` accepts any value at `Points` precision.
    pub step: Option<Points>,
}

/// What is wrong with a [`Scale`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScaleProblem {
    /// `min` is not strictly below `max`.
    MinNotBelowMax,
    /// The step is zero or negative.
    StepNotPositive,
    /// `max - min` is not a whole number of steps, so `max` would be unreachable.
    StepDoesNotDivideRange,
}

impl Scale {
    /// Checks the scale itself.
    pub fn check(&self) -> Result<(), ScaleProblem> {
        if self.min >= self.max {
            return Err(ScaleProblem::MinNotBelowMax);
        }
        if let Some(step) = self.step {
            if step.units() <= 0 {
                return Err(ScaleProblem::StepNotPositive);
            }
            if (self.max.units() - self.min.units()) % step.units() != 0 {
                return Err(ScaleProblem::StepDoesNotDivideRange);
            }
        }
        Ok(())
    }

    /// Whether `value` lies in `[min, max]`.
    #[must_use]
    pub fn contains(&self, value: Points) -> bool {
        value >= self.min && value <= self.max
    }

    /// Whether `value` lies on the step grid counted from `min` (always true without a step).
    #[must_use]
    pub fn on_step(&self, value: Points) -> bool {
        match self.step {
            Some(step) if step.units() > 0 => {
                (value.units() - self.min.units()).rem_euclid(step.units()) == 0
            }
            _ => true,
        }
    }

    /// Maps a value of this scale linearly onto 0–100: `(v - min) / (max - min) * 100`.
    #[must_use]
    pub fn to_percent(&self, value: f64) -> f64 {
        let min = self.min.to_f64();
        let span = self.max.to_f64() - min;
        (value - min) / span * 100.0
    }
}

/// One criterion as the committee enters it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionSpec {
    /// Unique code within the stage, e.g. `A`, `A.1`, `A.1.3`.
    pub code: String,
    /// Display name (*aspek*, *indikator*).
    pub name: String,
    /// Code of the parent, `None` for a top-level aspect.
    pub parent: Option<String>,
    /// Percent of the parent; siblings (and the top level) must sum to 100. Zero is allowed
    /// for criteria that only serve tie-breaks (e.g. a *data dukung* rating).
    pub weight: u32,
    /// The scale; required on leaves, forbidden on inner nodes.
    pub scale: Option<Scale>,
    /// Whether judges may mark the leaf *not applicable*.
    pub optional: bool,
    /// Guidance shown to judges (rubric text).
    pub guidance: Option<String>,
}

/// Why a criteria tree was refused. [`CriteriaTree::new`] reports all of them at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CriteriaError {
    /// No criteria at all.
    #[error("the criteria tree is empty")]
    Empty,
    /// Two specs share a code.
    #[error("criterion code {code} is used more than once")]
    DuplicateCode {
        /// The repeated code.
        code: String,
    },
    /// A spec names a parent that does not exist.
    #[error("criterion {code} has unknown parent {parent}")]
    UnknownParent {
        /// The child.
        code: String,
        /// The missing parent code.
        parent: String,
    },
    /// These criteria never reach a top-level aspect (their parents form a cycle).
    #[error("criteria {codes:?} form a parent cycle")]
    Cycle {
        /// Every criterion caught in or below the cycle, in natural code order.
        codes: Vec<String>,
    },
    /// A leaf has no scale.
    #[error("leaf criterion {code} has no scale")]
    LeafWithoutScale {
        /// The leaf.
        code: String,
    },
    /// A criterion with children has a scale (only leaves are scored).
    #[error("criterion {code} has sub-criteria and must not have a scale")]
    InnerNodeWithScale {
        /// The inner node.
        code: String,
    },
    /// A leaf's scale is unusable.
    #[error("criterion {code} has a bad scale: {problem:?}")]
    BadScale {
        /// The leaf.
        code: String,
        /// What is wrong.
        problem: ScaleProblem,
    },
    /// The children of `parent` (`None`: the top level) do not sum to 100.
    #[error("weights under {parent:?} sum to {actual}, not 100")]
    WeightsDoNotSumTo100 {
        /// The parent whose children are off, `None` for the top level.
        parent: Option<String>,
        /// Their actual sum.
        actual: u32,
    },
}

/// A node of a validated tree, in tree order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionNode {
    /// The committee's spec.
    pub spec: CriterionSpec,
    /// Index of the parent node in tree order.
    pub parent: Option<usize>,
    /// Children indices in tree order.
    pub children: Vec<usize>,
    /// Depth: 0 for aspects.
    pub depth: u32,
    /// Product of the weights on the path, as a fraction of the stage (0–1).
    pub effective_weight: f64,
    /// Position among the leaves, for leaves.
    pub leaf_index: Option<usize>,
}

/// A validated criteria tree: nodes in canonical tree order, leaves indexed by position.
/// Read back from JSON through [`CriteriaTree::new`], so a tree from a published results file
/// is validated exactly like one a committee built.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TreeRepr")]
pub struct CriteriaTree {
    nodes: Vec<CriterionNode>,
    leaves: Vec<usize>,
    #[serde(skip)]
    by_code: HashMap<String, usize>,
}

/// Natural order of codes: digit runs compare as numbers, so `A.2 < A.10`; plain byte order
/// breaks the remaining ties (`A.01` vs `A.1`) so the order is total.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let dx = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let dy = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (nx, ny) = (&x[..dx], &y[..dy]);
                let strip = |s: &[u8]| -> usize { s.iter().take_while(|c| **c == b'0').count() };
                let (tx, ty) = (&nx[strip(nx)..], &ny[strip(ny)..]);
                let ord = tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty));
                if ord != Ordering::Equal {
                    return ord;
                }
                x = &x[dx..];
                y = &y[dy..];
            }
            (Some(p), Some(q)) => {
                if p != q {
                    return p.cmp(q);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

/// The serialized shape of a tree: only the committee's specs are read; everything derived
/// from them is computed again.
#[derive(Deserialize)]
struct TreeRepr {
    nodes: Vec<NodeRepr>,
}

#[derive(Deserialize)]
struct NodeRepr {
    spec: CriterionSpec,
}

impl TryFrom<TreeRepr> for CriteriaTree {
    type Error = String;

    fn try_from(r: TreeRepr) -> Result<Self, String> {
        CriteriaTree::new(r.nodes.into_iter().map(|n| n.spec).collect())
            .map_err(|errors| format!("invalid criteria tree: {errors:?}"))
    }
}

impl CriteriaTree {
    /// Validates the specs (in any order) and builds the tree, or reports every problem.
    pub fn new(specs: Vec<CriterionSpec>) -> Result<Self, Vec<CriteriaError>> {
        let mut errors = Vec::new();
        if specs.is_empty() {
            return Err(vec![CriteriaError::Empty]);
        }
        let mut specs = specs;
        specs.sort_by(|a, b| natural_cmp(&a.code, &b.code));
        let mut by_code: HashMap<String, usize> = HashMap::with_capacity(specs.len());
        let mut keep = vec![true; specs.len()];
        for (i, s) in specs.iter().enumerate() {
            if by_code.contains_key(&s.code) {
                if specs
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.code == s.code)
                    && !errors.contains(&CriteriaError::DuplicateCode {
                        code: s.code.clone(),
                    })
                {
                    errors.push(CriteriaError::DuplicateCode {
                        code: s.code.clone(),
                    });
                }
                if let Some(k) = keep.get_mut(i) {
                    *k = false;
                }
            } else {
                by_code.insert(s.code.clone(), i);
            }
        }
        // Children lists in natural order (specs are sorted, so pushing keeps the order).
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); specs.len()];
        let mut roots = Vec::new();
        for (i, s) in specs.iter().enumerate() {
            if !keep.get(i).copied().unwrap_or(false) {
                continue;
            }
            match &s.parent {
                None => roots.push(i),
                Some(p) => match by_code.get(p) {
                    Some(&pi) => {
                        if let Some(c) = children.get_mut(pi) {
                            c.push(i);
                        }
                    }
                    None => errors.push(CriteriaError::UnknownParent {
                        code: s.code.clone(),
                        parent: p.clone(),
                    }),
                },
            }
        }
        // Pre-order walk from the roots; whatever is not reached hangs on a cycle.
        let mut order = Vec::with_capacity(specs.len());
        let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
        let mut reached = vec![false; specs.len()];
        while let Some(i) = stack.pop() {
            if let Some(r) = reached.get_mut(i) {
                *r = true;
            }
            order.push(i);
            if let Some(c) = children.get(i) {
                stack.extend(c.iter().rev().copied());
            }
        }
        let cyclic: Vec<String> = specs
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                keep.get(*i).copied().unwrap_or(false)
                    && !reached.get(*i).copied().unwrap_or(true)
                    && Self::hangs_on_cycle(&specs, &by_code, s)
            })
            .map(|(_, s)| s.code.clone())
            .collect();
        if !cyclic.is_empty() {
            errors.push(CriteriaError::Cycle { codes: cyclic });
        }
        // Scales.
        for &i in &order {
            let Some(s) = specs.get(i) else { continue };
            let is_leaf = children.get(i).is_none_or(Vec::is_empty);
            match (&s.scale, is_leaf) {
                (None, true) => errors.push(CriteriaError::LeafWithoutScale {
                    code: s.code.clone(),
                }),
                (Some(_), false) => errors.push(CriteriaError::InnerNodeWithScale {
                    code: s.code.clone(),
                }),
                (Some(scale), true) => {
                    if let Err(problem) = scale.check() {
                        errors.push(CriteriaError::BadScale {
                            code: s.code.clone(),
                            problem,
                        });
                    }
                }
                (None, false) => {}
            }
        }
        // Sibling sums: top level first, then every parent in tree order.
        let sum = |ids: &[usize]| -> u64 {
            ids.iter()
                .filter_map(|&i| specs.get(i))
                .map(|s| u64::from(s.weight))
                .sum()
        };
        let actual = sum(&roots);
        if actual != 100 {
            errors.push(CriteriaError::WeightsDoNotSumTo100 {
                parent: None,
                actual: u32::try_from(actual).unwrap_or(u32::MAX),
            });
        }
        for &i in &order {
            let Some(c) = children.get(i) else { continue };
            if c.is_empty() {
                continue;
            }
            let actual = sum(c);
            if actual != 100 {
                errors.push(CriteriaError::WeightsDoNotSumTo100 {
                    parent: specs.get(i).map(|s| s.code.clone()),
                    actual: u32::try_from(actual).unwrap_or(u32::MAX),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self::assemble(specs, &order, &children))
    }

    /// Whether walking up from `spec` loops forever (rather than ending at an unknown parent).
    fn hangs_on_cycle(
        specs: &[CriterionSpec],
        by_code: &HashMap<String, usize>,
        spec: &CriterionSpec,
    ) -> bool {
        let mut current = spec;
        for _ in 0..=specs.len() {
            let Some(parent) = &current.parent else {
                return false;
            };
            match by_code.get(parent).and_then(|&i| specs.get(i)) {
                Some(p) => current = p,
                None => return false,
            }
        }
        true
    }

    /// Builds the node table in tree order from validated parts.
    fn assemble(specs: Vec<CriterionSpec>, order: &[usize], children: &[Vec<usize>]) -> Self {
        let mut position = vec![0usize; specs.len()];
        for (pos, &i) in order.iter().enumerate() {
            if let Some(p) = position.get_mut(i) {
                *p = pos;
            }
        }
        let mut slots: Vec<Option<CriterionSpec>> = specs.into_iter().map(Some).collect();
        let mut nodes: Vec<CriterionNode> = Vec::with_capacity(order.len());
        let mut leaves = Vec::new();
        for &i in order {
            let Some(spec) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            let parent = spec.parent.as_ref().and_then(|_| {
                nodes
                    .iter()
                    .rposition(|n| Some(&n.spec.code) == spec.parent.as_ref())
            });
            let (depth, parent_weight) = parent
                .and_then(|p| nodes.get(p))
                .map_or((0, 1.0), |p| (p.depth + 1, p.effective_weight));
            let kids: Vec<usize> = children
                .get(i)
                .map(|c| c.iter().filter_map(|k| position.get(*k).copied()).collect())
                .unwrap_or_default();
            let leaf_index = if kids.is_empty() {
                leaves.push(nodes.len());
                Some(leaves.len() - 1)
            } else {
                None
            };
            nodes.push(CriterionNode {
                effective_weight: parent_weight * f64::from(spec.weight) / 100.0,
                spec,
                parent,
                children: kids,
                depth,
                leaf_index,
            });
        }
        let by_code = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.spec.code.clone(), i))
            .collect();
        CriteriaTree {
            nodes,
            leaves,
            by_code,
        }
    }

    /// All nodes in tree order (pre-order, siblings in natural code order).
    #[must_use]
    pub fn nodes(&self) -> &[CriterionNode] {
        &self.nodes
    }

    /// Node indices of the leaves, in tree order; a leaf's position here is its `leaf_index`.
    #[must_use]
    pub fn leaves(&self) -> &[usize] {
        &self.leaves
    }

    /// The node index of a code.
    #[must_use]
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The node at a tree-order index.
    #[must_use]
    pub fn node(&self, index: usize) -> Option<&CriterionNode> {
        self.nodes.get(index)
    }

    /// Leaf indices (positions in [`Self::leaves`]) under a node, the node itself if a leaf.
    #[must_use]
    pub fn leaves_under(&self, node: usize) -> Vec<usize> {
        // Pre-order keeps a subtree contiguous: it ends at the first later node of equal or
        // smaller depth.
        let Some(n) = self.nodes.get(node) else {
            return Vec::new();
        };
        let end = self
            .nodes
            .iter()
            .skip(node + 1)
            .position(|m| m.depth <= n.depth)
            .map_or(self.nodes.len(), |p| node + 1 + p);
        self.nodes
            .get(node..end)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| m.leaf_index)
            .collect()
    }
}

#[cfg(test)]
mod tests;
