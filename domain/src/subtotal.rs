//! A judge's running subtotal while filling in a sheet, computed by the engine itself
//! ([`crate::engine::preview_stage`]) so the figure a judge sees follows exactly the rules
//! that will score the sheet: weights, scales and N/A renormalization.
//!
//! The sheet is scored alone as a one-stage competition (weight 100, quorum 1, mean). Leaves
//! of the judge's scope not yet answered count as the scale minimum (0 %), so the subtotal only
//! grows as the judge fills the sheet in; leaves outside a partial scope are treated as not
//! applicable, so the figure is the judge's own aspects on 0–100.

use crate::criteria::{CriteriaTree, CriterionSpec};
use crate::engine::{EngineError, preview_stage};
use crate::ids::{EntryId, JudgeId};
use crate::points::Points;
use crate::sheet::{JudgeScope, Scope, ScoreValue, Sheet, SheetStatus, scope_mask};
use crate::stage::{Aggregation, CompetitionSpec, StageSpec};

/// The subtotal (0–100) of `values` on `stage` within `scope`. Invalid values are refused
/// with the engine's own errors; `None` when nothing in scope can be weighed.
pub fn running_subtotal(
    stage: &StageSpec,
    scope: &Scope,
    values: &[(String, ScoreValue)],
) -> Result<Option<Points>, EngineError> {
    let tree = &stage.criteria;
    let mask = scope_mask(tree, scope).map_err(EngineError::UnknownStage)?;
    let in_scope = |leaf: usize| mask.get(leaf).copied().unwrap_or(false);
    // Outside the scope: optional and N/A, so the engine drops those leaves from the weights.
    let specs: Vec<CriterionSpec> = tree
        .nodes()
        .iter()
        .map(|n| {
            let mut spec = n.spec.clone();
            if n.leaf_index.is_some_and(|l| !in_scope(l)) {
                spec.optional = true;
            }
            spec
        })
        .collect();
    let Ok(criteria) = CriteriaTree::new(specs) else {
        return Err(EngineError::UnknownStage(stage.code.clone()));
    };
    let mut answers: Vec<(String, ScoreValue)> = Vec::with_capacity(tree.leaves().len());
    for (leaf, &node) in tree.leaves().iter().enumerate() {
        let Some(n) = tree.node(node) else { continue };
        let code = &n.spec.code;
        let given = values.iter().find(|(c, _)| c == code).map(|(_, v)| *v);
        let answer = match (in_scope(leaf), given, n.spec.scale) {
            (false, _, _) => ScoreValue::NotApplicable,
            (true, Some(v), _) => v,
            (true, None, Some(scale)) => ScoreValue::Value(scale.min),
            (true, None, None) => continue,
        };
        answers.push((code.clone(), answer));
    }
    let alone = StageSpec {
        code: stage.code.clone(),
        name: stage.name.clone(),
        weight: 100,
        criteria,
        aggregation: Aggregation::Mean,
        quorum: 1,
        shortlist: None,
        pass_threshold: None,
        normalization: None,
    };
    let spec = CompetitionSpec::new(vec![alone], Vec::new())
        .map_err(|_| EngineError::UnknownStage(stage.code.clone()))?;
    let (judge, entry) = (JudgeId(0), EntryId(0));
    let sheet = Sheet {
        judge,
        entry,
        stage: stage.code.clone(),
        status: SheetStatus::Submitted,
        values: answers,
    };
    // Out-of-scope N/A answers are allowed by the widened tree but must not hide a real
    // problem: validate against the original tree and scope first.
    let original = Sheet {
        values: values.to_vec(),
        ..sheet.clone()
    };
    original
        .validate(tree, Some(scope))
        .map_err(EngineError::InvalidSheets)?;
    let scopes = [JudgeScope {
        judge,
        stage: stage.code.clone(),
        scope: Scope::All,
    }];
    let report = preview_stage(&spec, &stage.code, &[entry], &[sheet], &scopes)?;
    Ok(report.standings.first().map(|s| s.score))
}

/// The running subtotal of each top-level aspect the judge scores, on 0–100 of that aspect,
/// in tree order: [`running_subtotal`] with the scope narrowed to the aspect's own leaves
/// (so the same weights, scales and N/A renormalization). Aspects outside the judge's scope
/// are left out. A judge reads these beside each aspect's heading while filling the sheet.
pub fn aspect_subtotals(
    stage: &StageSpec,
    scope: &Scope,
    values: &[(String, ScoreValue)],
) -> Result<Vec<(String, Option<Points>)>, EngineError> {
    let tree = &stage.criteria;
    let mask = scope_mask(tree, scope).map_err(EngineError::UnknownStage)?;
    let mut out = Vec::new();
    for (index, aspect) in tree.nodes().iter().enumerate() {
        if aspect.depth != 0 {
            continue;
        }
        let codes: Vec<String> = tree
            .leaves_under(index)
            .into_iter()
            .filter(|&leaf| mask.get(leaf).copied().unwrap_or(false))
            .filter_map(|leaf| tree.leaves().get(leaf).and_then(|&n| tree.node(n)))
            .map(|n| n.spec.code.clone())
            .collect();
        if codes.is_empty() {
            continue;
        }
        let own: Vec<(String, ScoreValue)> = values
            .iter()
            .filter(|(code, _)| codes.contains(code))
            .cloned()
            .collect();
        let narrowed = Scope::Criteria(codes);
        out.push((
            aspect.spec.code.clone(),
            running_subtotal(stage, &narrowed, &own)?,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Scale;

    fn stage() -> StageSpec {
        let leaf = |code: &str, parent: &str, weight: u32, optional: bool| CriterionSpec {
            code: code.into(),
            name: code.into(),
            parent: Some(parent.into()),
            weight,
            scale: Some(Scale {
                min: Points::from_whole(1),
                max: Points::from_whole(5),
                step: Some(Points::from_whole(1)),
            }),
            optional,
            guidance: None,
        };
        let aspect = |code: &str, weight: u32| CriterionSpec {
            code: code.into(),
            name: code.into(),
            parent: None,
            weight,
            scale: None,
            optional: false,
            guidance: None,
        };
        StageSpec {
            code: "ADM".into(),
            name: "Adm".into(),
            weight: 40,
            criteria: CriteriaTree::new(vec![
                aspect("A", 60),
                aspect("B", 40),
                leaf("A.1", "A", 50, false),
                leaf("A.2", "A", 50, true),
                leaf("B.1", "B", 100, false),
            ])
            .unwrap(),
            aggregation: Aggregation::Median,
            quorum: 3,
            shortlist: Some(2),
            pass_threshold: None,
            normalization: None,
        }
    }

    fn v(x: i64) -> ScoreValue {
        ScoreValue::Value(Points::from_whole(x))
    }

    #[test]
    fn empty_sheet_is_zero_and_full_marks_are_hundred() {
        let s = stage();
        assert_eq!(
            running_subtotal(&s, &Scope::All, &[]),
            Ok(Some(Points::ZERO))
        );
        let full = [
            ("A.1".into(), v(5)),
            ("A.2".into(), v(5)),
            ("B.1".into(), v(5)),
        ];
        assert_eq!(
            running_subtotal(&s, &Scope::All, &full),
            Ok(Some(Points::from_whole(100)))
        );
    }

    #[test]
    fn partial_answers_add_their_weighted_share() {
        // A.1 at 5 = 100 % × 0.6 × 0.5 = 30 points.
        let s = stage();
        assert_eq!(
            running_subtotal(&s, &Scope::All, &[("A.1".into(), v(5))]),
            Ok(Some(Points::from_whole(30)))
        );
        // N/A on A.2 renormalizes A onto A.1: 60 points.
        let na = [
            ("A.1".into(), v(5)),
            ("A.2".into(), ScoreValue::NotApplicable),
        ];
        assert_eq!(
            running_subtotal(&s, &Scope::All, &na),
            Ok(Some(Points::from_whole(60)))
        );
    }

    #[test]
    fn partial_scope_is_scored_on_its_own_aspects() {
        let s = stage();
        let scope = Scope::Criteria(vec!["B".into()]);
        assert_eq!(
            running_subtotal(&s, &scope, &[("B.1".into(), v(3))]),
            Ok(Some(Points::from_whole(50)))
        );
        assert!(running_subtotal(&s, &scope, &[("A.1".into(), v(3))]).is_err());
    }

    #[test]
    fn invalid_values_are_refused() {
        let s = stage();
        assert!(running_subtotal(&s, &Scope::All, &[("A.1".into(), v(6))]).is_err());
        let off = [("A.1".into(), ScoreValue::Value(Points::from_units(25_000)))];
        assert!(running_subtotal(&s, &Scope::All, &off).is_err());
        let na = [("B.1".into(), ScoreValue::NotApplicable)];
        assert!(running_subtotal(&s, &Scope::All, &na).is_err());
    }

    #[test]
    fn aspects_are_subtotalled_on_their_own_scale() {
        let s = stage();
        let answers = [
            ("A.1".into(), v(5)),
            ("A.2".into(), v(3)),
            ("B.1".into(), v(2)),
        ];
        // A: (100 % + 50 %) / 2 = 75; B: 25. Overall 0.6 × 75 + 0.4 × 25 = 55.
        assert_eq!(
            aspect_subtotals(&s, &Scope::All, &answers),
            Ok(vec![
                ("A".into(), Some(Points::from_whole(75))),
                ("B".into(), Some(Points::from_whole(25))),
            ])
        );
        assert_eq!(
            running_subtotal(&s, &Scope::All, &answers),
            Ok(Some(Points::from_whole(55)))
        );
        // A partial panel sees only its aspects; bad values are refused as on the whole sheet.
        let b = Scope::Criteria(vec!["B".into()]);
        assert_eq!(
            aspect_subtotals(&s, &b, &[("B.1".into(), v(3))]),
            Ok(vec![("B".into(), Some(Points::from_whole(50)))])
        );
        assert!(aspect_subtotals(&s, &Scope::All, &[("B.1".into(), v(9))]).is_err());
    }
}
