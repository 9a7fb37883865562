//! The tie-break chain as the page's form and the API send it: one row per rule, named by
//! `kind` (`stage_score`, `criterion_score`, `smaller_judge_spread`,
//! `higher_minimum_judge_total`, `draw`, `leave_shared`) with the fields that kind needs.
//! Rows with no kind are the form's spare rows and are skipped. Whether the stages and
//! criteria exist, and the order, is the engine's to say (`app::competition::tie_breaks`).

use juara_domain::tie_break::TieBreak;
use rocket::form::FromForm;

/// The largest seed: the largest integer a JavaScript number or a spreadsheet cell keeps
/// exactly, so an integrator's script never changes the draw by reading it.
pub const MAX_SEED: u64 = 9_007_199_254_740_991;

/// The kinds, in the order the page offers them.
pub const KINDS: [&str; 6] = [
    "stage_score",
    "criterion_score",
    "smaller_judge_spread",
    "higher_minimum_judge_total",
    "draw",
    "leave_shared",
];

/// One row of the chain.
#[derive(Clone, Debug, Default, FromForm)]
pub struct RuleForm {
    pub kind: String,
    pub stage: String,
    pub code: String,
    pub seed: String,
}

/// A refused row: its index among all rows sent, the field, the locale key.
pub type RowError = (usize, &'static str, &'static str);

/// The rows as rules, or every problem found.
pub fn check_chain(rows: &[RuleForm]) -> Result<Vec<TieBreak>, Vec<RowError>> {
    let mut chain = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match check_rule(row) {
            Ok(Some(rule)) => chain.push(rule),
            Ok(None) => {}
            Err(problems) => errors.extend(problems.into_iter().map(|(f, k)| (i, f, k))),
        }
    }
    if errors.is_empty() {
        Ok(chain)
    } else {
        Err(errors)
    }
}

fn check_rule(row: &RuleForm) -> Result<Option<TieBreak>, Vec<(&'static str, &'static str)>> {
    let kind = row.kind.trim();
    let stage = row.stage.trim().to_owned();
    let code = row.code.trim().to_owned();
    let mut errors = Vec::new();
    let needs_stage = kind != "draw" && kind != "leave_shared";
    if needs_stage && !kind.is_empty() && stage.is_empty() {
        errors.push(("stage", "err-required"));
    }
    let rule = match kind {
        "" => return Ok(None),
        "stage_score" => TieBreak::StageScore { stage },
        "criterion_score" => {
            if code.is_empty() {
                errors.push(("code", "err-required"));
            }
            TieBreak::CriterionScore { stage, code }
        }
        "smaller_judge_spread" => TieBreak::SmallerJudgeSpread { stage },
        "higher_minimum_judge_total" => TieBreak::HigherMinimumJudgeTotal { stage },
        "draw" => {
            let seed = row.seed.trim();
            match seed.parse::<u64>() {
                Ok(n) if n <= MAX_SEED && seed.bytes().all(|b| b.is_ascii_digit()) => {
                    TieBreak::Draw { seed: n }
                }
                _ if seed.is_empty() => {
                    errors.push(("seed", "err-required"));
                    TieBreak::Draw { seed: 0 }
                }
                _ => {
                    errors.push(("seed", "tb-err-seed"));
                    TieBreak::Draw { seed: 0 }
                }
            }
        }
        "leave_shared" => TieBreak::LeaveShared,
        _ => return Err(vec![("kind", "err-choice")]),
    };
    if errors.is_empty() {
        Ok(Some(rule))
    } else {
        Err(errors)
    }
}

/// A rule as a form row (the page shows the stored chain for editing).
#[must_use]
pub fn row_of(rule: &TieBreak) -> RuleForm {
    let (kind, stage, code, seed) = match rule {
        TieBreak::StageScore { stage } => ("stage_score", stage.as_str(), "", String::new()),
        TieBreak::CriterionScore { stage, code } => (
            "criterion_score",
            stage.as_str(),
            code.as_str(),
            String::new(),
        ),
        TieBreak::SmallerJudgeSpread { stage } => {
            ("smaller_judge_spread", stage.as_str(), "", String::new())
        }
        TieBreak::HigherMinimumJudgeTotal { stage } => (
            "higher_minimum_judge_total",
            stage.as_str(),
            "",
            String::new(),
        ),
        TieBreak::Draw { seed } => ("draw", "", "", seed.to_string()),
        TieBreak::LeaveShared => ("leave_shared", "", "", String::new()),
    };
    RuleForm {
        kind: kind.to_owned(),
        stage: stage.to_owned(),
        code: code.to_owned(),
        seed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, stage: &str, code: &str, seed: &str) -> RuleForm {
        RuleForm {
            kind: kind.into(),
            stage: stage.into(),
            code: code.into(),
            seed: seed.into(),
        }
    }

    #[test]
    fn rows_become_rules_and_blank_rows_are_skipped() {
        let rows = [
            row("stage_score", "PAPARAN", "", ""),
            row("", "", "", ""),
            row("criterion_score", "DOK", "A.1", ""),
            row("draw", "", "", "2026"),
        ];
        let chain = check_chain(&rows).unwrap();
        assert_eq!(chain.len(), 3);
        assert_eq!(chain[2], TieBreak::Draw { seed: 2026 });
        for rule in &chain {
            assert_eq!(check_chain(&[row_of(rule)]).unwrap(), vec![rule.clone()]);
        }
    }

    #[test]
    fn each_problem_names_its_row_and_field() {
        let rows = [
            row("stage_score", "", "", ""),
            row("criterion_score", "DOK", "", ""),
            row("draw", "", "", "-1"),
            row("draw", "", "", "9007199254740992"),
            row("coin", "", "", ""),
            row("draw", "", "", ""),
        ];
        assert_eq!(
            check_chain(&rows).unwrap_err(),
            vec![
                (0, "stage", "err-required"),
                (1, "code", "err-required"),
                (2, "seed", "tb-err-seed"),
                (3, "seed", "tb-err-seed"),
                (4, "kind", "err-choice"),
                (5, "seed", "err-required"),
            ]
        );
    }
}
