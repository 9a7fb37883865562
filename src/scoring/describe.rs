//! Set-up problems in words, in the page's language: criteria trees, stage specs and prize
//! tables as the engine reports them.

use juara_domain::criteria::{CriteriaError, ScaleProblem};
use juara_domain::prizes::{PrizeError, PrizeKind};
use juara_domain::stage::SpecError;

use super::SetupProblem;
use crate::i18n;

impl SetupProblem {
    /// The problem in words, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: &str) -> String {
        let t = |key: &str, args: &[(&str, String)]| i18n::t_args(lang, key, args);
        match self {
            SetupProblem::Criteria { stage, error } => {
                let inner = describe_criteria(error, lang);
                t(
                    "setup-stage-prefix",
                    &[("stage", stage.clone()), ("problem", inner)],
                )
            }
            SetupProblem::Spec(e) => describe_spec(e, lang),
            SetupProblem::Prizes(e) => describe_prize(e, lang),
            SetupProblem::BadValue { stage, field } => t(
                "setup-bad-value",
                &[("stage", stage.clone()), ("field", (*field).to_owned())],
            ),
            SetupProblem::BadTieBreaks => t("setup-bad-tie-breaks", &[]),
            SetupProblem::ScheduleIncomplete => t("setup-schedule-incomplete", &[]),
        }
    }
}

/// A criteria-tree error in words.
#[must_use]
pub fn describe_criteria(e: &CriteriaError, lang: &str) -> String {
    let t = |key: &str, args: &[(&str, String)]| i18n::t_args(lang, key, args);
    match e {
        CriteriaError::Empty => t("crit-err-empty", &[]),
        CriteriaError::DuplicateCode { code } => t("crit-err-duplicate", &[("code", code.clone())]),
        CriteriaError::UnknownParent { code, parent } => t(
            "crit-err-unknown-parent",
            &[("code", code.clone()), ("parent", parent.clone())],
        ),
        CriteriaError::Cycle { codes } => t("crit-err-cycle", &[("codes", codes.join(", "))]),
        CriteriaError::LeafWithoutScale { code } => {
            t("crit-err-leaf-without-scale", &[("code", code.clone())])
        }
        CriteriaError::InnerNodeWithScale { code } => {
            t("crit-err-inner-with-scale", &[("code", code.clone())])
        }
        CriteriaError::BadScale { code, problem } => {
            let p = match problem {
                ScaleProblem::MinNotBelowMax => "crit-scale-min-max",
                ScaleProblem::StepNotPositive => "crit-scale-step-positive",
                ScaleProblem::StepDoesNotDivideRange => "crit-scale-step-divides",
            };
            t(
                "crit-err-bad-scale",
                &[("code", code.clone()), ("problem", i18n::t(lang, p))],
            )
        }
        CriteriaError::WeightsDoNotSumTo100 { parent, actual } => match parent {
            Some(parent) => t(
                "crit-err-weights",
                &[("parent", parent.clone()), ("actual", actual.to_string())],
            ),
            None => t("crit-err-root-weights", &[("actual", actual.to_string())]),
        },
    }
}

fn describe_spec(e: &SpecError, lang: &str) -> String {
    let t = |key: &str, args: &[(&str, String)]| i18n::t_args(lang, key, args);
    match e {
        SpecError::NoStages => t("spec-err-no-stages", &[]),
        SpecError::DuplicateStage { stage } => t("spec-err-duplicate", &[("stage", stage.clone())]),
        SpecError::StageWeightsDoNotSumTo100 { actual } => {
            t("spec-err-weights", &[("actual", actual.to_string())])
        }
        SpecError::QuorumZero { stage } => t("spec-err-quorum-zero", &[("stage", stage.clone())]),
        SpecError::QuorumTooSmallForTrim { stage, k, quorum } => t(
            "spec-err-trim",
            &[
                ("stage", stage.clone()),
                ("k", k.to_string()),
                ("quorum", quorum.to_string()),
            ],
        ),
        SpecError::EmptyShortlist { stage } => t("spec-err-shortlist", &[("stage", stage.clone())]),
        SpecError::ThresholdOutOfRange { stage, threshold } => t(
            "spec-err-threshold",
            &[
                ("stage", stage.clone()),
                ("threshold", threshold.to_string()),
            ],
        ),
        SpecError::NormalizationNeedsTwoEntries { stage } => {
            t("spec-err-normalization", &[("stage", stage.clone())])
        }
        SpecError::UnknownTieBreakStage { stage } => {
            t("spec-err-tie-stage", &[("stage", stage.clone())])
        }
        SpecError::TieBreakAfterEnd { position } => t(
            "spec-err-tie-after-end",
            &[("position", position.to_string())],
        ),
        SpecError::UnknownTieBreakCriterion { stage, code } => t(
            "spec-err-tie-criterion",
            &[("stage", stage.clone()), ("code", code.clone())],
        ),
    }
}

fn kind_name(kind: PrizeKind, lang: &str) -> String {
    i18n::t(
        lang,
        match kind {
            PrizeKind::Cash => "prize-kind-cash",
            PrizeKind::Assistance => "prize-kind-assistance",
        },
    )
}

/// A prize-table error in words.
#[must_use]
pub fn describe_prize(e: &PrizeError, lang: &str) -> String {
    let t = |key: &str, args: &[(&str, String)]| i18n::t_args(lang, key, args);
    match e {
        PrizeError::NoTiers => t("prize-err-no-tiers", &[]),
        PrizeError::TooManyTiers => t("prize-err-too-many", &[]),
        PrizeError::EmptyLabel { rank } => {
            t("prize-err-empty-label", &[("rank", rank.to_string())])
        }
        PrizeError::DuplicateLabel { label, .. } => {
            t("prize-err-duplicate-label", &[("label", label.clone())])
        }
        PrizeError::NegativeAmount { rank, .. } => {
            t("prize-err-negative", &[("rank", rank.to_string())])
        }
        PrizeError::NegativeBudget { kind, .. } => t(
            "prize-err-negative-budget",
            &[("kind", kind_name(*kind, lang))],
        ),
        PrizeError::AssistanceForKelurahan { rank, amount } => t(
            "prize-err-kelurahan-assistance",
            &[("rank", rank.to_string()), ("amount", amount.to_string())],
        ),
        PrizeError::BudgetCanBeExceeded {
            kind,
            worst_case,
            budget,
        } => t(
            "prize-err-budget",
            &[
                ("kind", kind_name(*kind, lang)),
                ("worst", worst_case.to_string()),
                ("budget", budget.to_string()),
            ],
        ),
        PrizeError::UnboundedWorstCase { kind, .. } => {
            t("prize-err-unbounded", &[("kind", kind_name(*kind, lang))])
        }
        PrizeError::Overflow { kind } => {
            t("prize-err-overflow", &[("kind", kind_name(*kind, lang))])
        }
    }
}
