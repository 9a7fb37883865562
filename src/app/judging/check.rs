//! What the engine says of a sheet's answers: the stage's criteria tree as a `StageSpec`, the
//! answers as a domain `Sheet`, and `Sheet::validate` against the judge's scope.

use entity::{competition, criterion, stage};
use juara_domain::sheet::{Sheet, SheetProblem, SheetStatus as DomainStatus};
use juara_domain::stage::{Aggregation, StageSpec};
use juara_domain::{EntryId, JudgeId};
use sea_orm::{ConnectionTrait, DbErr};

use super::sheets::SaveRefusal;
use crate::db::judging::sheets::{self as rows, Answer, SheetCtx};
use crate::scoring;

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

/// The engine's view of the answers, keyed by criterion code; ids outside the stage's leaves
/// are refused as unknown criteria.
fn to_domain(
    ctx: &SheetCtx,
    criteria: &[criterion::Model],
    answers: &[Answer],
    status: DomainStatus,
) -> Result<Sheet, Vec<(String, SheetProblem)>> {
    let mut values = Vec::new();
    let mut problems = Vec::new();
    for a in answers {
        let Some(c) = criteria.iter().find(|c| c.id == a.criterion_id) else {
            let code = a.criterion_id.to_string();
            problems.push((code.clone(), SheetProblem::UnknownCriterion { code }));
            continue;
        };
        if let Some(v) = a.engine_value() {
            values.push((c.code.clone(), v));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Sheet {
        judge: JudgeId(ctx.sheet.judge_id.as_u128()),
        entry: EntryId(ctx.nomination.id.as_u128()),
        stage: ctx.stage.code.clone(),
        status,
        values,
    })
}

/// Checks the answers with the engine; returns the leaf codes still unanswered.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    ctx: &SheetCtx,
    answers: &[Answer],
) -> Result<Result<Vec<String>, SaveRefusal>, DbErr> {
    let Some(spec) = stage_spec(db, &ctx.competition, &ctx.stage).await? else {
        return Ok(Err(SaveRefusal::NoSpec));
    };
    let criteria = rows::criteria(db, ctx.stage.id).await?;
    let scope = rows::scope(db, ctx.stage.id, ctx.sheet.judge_id, &criteria).await?;
    let sheet = match to_domain(ctx, &criteria, answers, DomainStatus::Submitted) {
        Ok(s) => s,
        Err(p) => return Ok(Err(SaveRefusal::Invalid(p))),
    };
    Ok(match sheet.validate(&spec.criteria, Some(&scope)) {
        Ok(missing) => Ok(missing),
        Err(errors) => Err(SaveRefusal::Invalid(
            errors
                .into_iter()
                .map(|e| (problem_code(&e.problem), e.problem))
                .collect(),
        )),
    })
}

fn problem_code(p: &SheetProblem) -> String {
    match p {
        SheetProblem::UnknownCriterion { code }
        | SheetProblem::NotALeaf { code }
        | SheetProblem::DuplicateCriterion { code }
        | SheetProblem::OutOfScale { code, .. }
        | SheetProblem::OffStep { code, .. }
        | SheetProblem::NotApplicableOnRequired { code }
        | SheetProblem::OutsideScope { code } => code.clone(),
        SheetProblem::UnknownStage | SheetProblem::DuplicateSheet => String::new(),
    }
}
