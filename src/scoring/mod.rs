//! The one place where stored set-up rows become engine specs: criteria trees, stages, the
//! competition spec and the prize table. Opening a competition, the set-up pages, judging and
//! results all call `load_spec`/`build_spec`, so they agree on what "valid" means. Every
//! problem is collected (never the first only) and can be described in the page's language.

use entity::competition;
use juara_domain::criteria::{CriteriaError, CriteriaTree, CriterionSpec, Scale};
use juara_domain::prizes::{
    Category as PrizeCategory, PrizeError, PrizeKind, PrizeTable, PrizeTableSpec, PrizeTier,
    TiePolicy,
};
use juara_domain::stage::{Aggregation, CompetitionSpec, NormalizationSpec, SpecError, StageSpec};
use juara_domain::tie_break::TieBreak;
use juara_domain::{Points, Rupiah};
use sea_orm::{ConnectionTrait, DbErr};

use crate::db::competition_setup::{self, CriterionData, SetupData, StageData};

mod describe;
pub use describe::{describe_criteria, describe_prize};

/// Why a competition's set-up cannot be used (yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupProblem {
    /// A stage's criteria tree is refused by the engine.
    Criteria { stage: String, error: CriteriaError },
    /// The stages as a whole are refused (no stage, weights, quorum…).
    Spec(SpecError),
    /// The prize table is refused (budgets, kelurahan assistance…).
    Prizes(PrizeError),
    /// A stored value the engine has no name for (e.g. an unknown aggregation).
    BadValue { stage: String, field: &'static str },
    /// The stored tie-break chain cannot be read.
    BadTieBreaks,
    /// Opening needs the whole schedule.
    ScheduleIncomplete,
}

/// A validated set-up: the engine specs plus the rows they came from (ids for judging).
#[derive(Clone, Debug)]
pub struct ValidSetup {
    pub spec: CompetitionSpec,
    pub prizes: PrizeTable,
    /// Same order as `spec.stages()`, with stored ids.
    pub data: SetupData,
}

/// Loads a competition's set-up and validates it through the engine.
pub async fn load_spec<C: ConnectionTrait>(
    db: &C,
    competition: &competition::Model,
) -> Result<Result<ValidSetup, Vec<SetupProblem>>, DbErr> {
    let data = competition_setup::load_setup(db, competition.id).await?;
    Ok(build_spec(competition, data))
}

/// Problems that keep a competition from opening: the set-up's and the schedule's.
pub async fn opening_problems<C: ConnectionTrait>(
    db: &C,
    competition: &competition::Model,
) -> Result<Vec<SetupProblem>, DbErr> {
    let mut problems = match load_spec(db, competition).await? {
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    let c = competition;
    if c.nomination_opens_at.is_none()
        || c.nomination_closes_at.is_none()
        || c.judging_closes_at.is_none()
        || c.announcement_at.is_none()
    {
        problems.push(SetupProblem::ScheduleIncomplete);
    }
    Ok(problems)
}

/// Validates a set-up against the competition's rules, listing every problem.
pub fn build_spec(
    competition: &competition::Model,
    data: SetupData,
) -> Result<ValidSetup, Vec<SetupProblem>> {
    let mut problems = Vec::new();
    let mut stages = Vec::new();
    // Stages whose tree failed get a stand-in tree, so the stage-level checks (weights,
    // quorum) still run and every problem is shown at once.
    let mut stand_ins = Vec::new();
    for s in &data.stages {
        let tree = match criteria_tree(&s.criteria) {
            Ok(t) => t,
            Err(errors) => {
                problems.extend(errors.into_iter().map(|error| SetupProblem::Criteria {
                    stage: s.fields.code.clone(),
                    error,
                }));
                stand_ins.push(s.fields.code.clone());
                let Some(t) = stand_in_tree() else { continue };
                t
            }
        };
        match stage_spec(s, tree) {
            Ok(spec) => stages.push(spec),
            Err(p) => problems.push(p),
        }
    }
    let tie_breaks: Vec<TieBreak> = match serde_json::from_str(&competition.tie_breaks) {
        Ok(t) => t,
        Err(_) => {
            problems.push(SetupProblem::BadTieBreaks);
            Vec::new()
        }
    };
    let spec = match CompetitionSpec::new(stages, tie_breaks) {
        Ok(spec) => Some(spec),
        Err(errors) => {
            problems.extend(
                errors
                    .into_iter()
                    .filter(|e| {
                        !matches!(e, SpecError::UnknownTieBreakCriterion { stage, .. }
                            if stand_ins.contains(stage))
                    })
                    .map(SetupProblem::Spec),
            );
            None
        }
    };
    let prizes = match PrizeTable::new(prize_spec(competition, &data)) {
        Ok(p) => Some(p),
        Err(errors) => {
            problems.extend(errors.into_iter().map(SetupProblem::Prizes));
            None
        }
    };
    match (spec, prizes, problems.is_empty()) {
        (Some(spec), Some(prizes), true) => Ok(ValidSetup { spec, prizes, data }),
        _ => Err(problems),
    }
}

/// A stage's criteria tree as the engine sees it.
pub fn criteria_tree(criteria: &[CriterionData]) -> Result<CriteriaTree, Vec<CriteriaError>> {
    let specs = criteria
        .iter()
        .map(|c| {
            let f = &c.fields;
            let scale = match (f.scale_min, f.scale_max) {
                (Some(min), Some(max)) => Some(Scale {
                    min: Points::from_units(min),
                    max: Points::from_units(max),
                    step: f.scale_step.map(Points::from_units),
                }),
                _ => None,
            };
            CriterionSpec {
                code: f.code.clone(),
                name: f.name.clone(),
                parent: c.parent_code.clone(),
                weight: u32::try_from(f.weight).unwrap_or(0),
                scale,
                optional: f.optional,
                guidance: (!f.guidance.is_empty()).then(|| f.guidance.clone()),
            }
        })
        .collect();
    CriteriaTree::new(specs)
}

/// A one-leaf tree of weight 100, which always validates.
fn stand_in_tree() -> Option<CriteriaTree> {
    let spec = CriterionSpec {
        code: "_".to_owned(),
        name: String::new(),
        parent: None,
        weight: 100,
        scale: Some(Scale {
            min: Points::ZERO,
            max: Points::from_whole(1),
            step: None,
        }),
        optional: false,
        guidance: None,
    };
    CriteriaTree::new(vec![spec]).ok()
}

fn stage_spec(s: &StageData, criteria: CriteriaTree) -> Result<StageSpec, SetupProblem> {
    let f = &s.fields;
    let bad = |field| SetupProblem::BadValue {
        stage: f.code.clone(),
        field,
    };
    let non_negative = |v: i32, field| u32::try_from(v).map_err(|_| bad(field));
    let aggregation = match f.aggregation.as_str() {
        "mean" => Aggregation::Mean,
        "median" => Aggregation::Median,
        "trimmed" => Aggregation::TrimmedMean {
            k: non_negative(f.trim_k, "trim_k")?,
        },
        _ => return Err(bad("aggregation")),
    };
    Ok(StageSpec {
        code: f.code.clone(),
        name: f.name.clone(),
        weight: non_negative(f.weight, "weight")?,
        criteria,
        aggregation,
        quorum: non_negative(f.quorum, "quorum")?,
        shortlist: f
            .shortlist
            .map(|n| non_negative(n, "shortlist"))
            .transpose()?,
        pass_threshold: f.pass_threshold.map(Points::from_units),
        normalization: if f.normalize {
            Some(NormalizationSpec {
                min_entries_per_judge: non_negative(f.min_entries_per_judge, "min_entries")?,
            })
        } else {
            None
        },
    })
}

/// The prize table spec from the competition's prize settings and its tiers.
#[must_use]
pub fn prize_spec(competition: &competition::Model, data: &SetupData) -> PrizeTableSpec {
    PrizeTableSpec {
        category: prize_category(&competition.category),
        tiers: data
            .prizes
            .iter()
            .map(|p| PrizeTier {
                label: p.label.clone(),
                cash: Rupiah::new(p.cash),
                assistance: Rupiah::new(p.assistance),
                trophy: p.trophy,
                certificate: p.certificate,
            })
            .collect(),
        minimum_score: competition.minimum_score.map(Points::from_units),
        cash_budget: competition.cash_budget.map(Rupiah::new),
        assistance_budget: competition.assistance_budget.map(Rupiah::new),
        tie_policy: tie_policy(&competition.tie_policy),
        max_field_size: competition.max_entries.and_then(|n| u32::try_from(n).ok()),
    }
}

/// The engine's category for a stored category name.
#[must_use]
pub fn prize_category(stored: &str) -> PrizeCategory {
    if stored == "kelurahan" {
        PrizeCategory::Kelurahan
    } else {
        PrizeCategory::Desa
    }
}

/// The engine's tie policy for a stored name (`full` or else `split`).
#[must_use]
pub fn tie_policy(stored: &str) -> TiePolicy {
    if stored == "full" {
        TiePolicy::FullPrizeEach
    } else {
        TiePolicy::SplitPooled
    }
}

/// The worst case of one kind of money for the table as entered (`None`: unbounded or refused).
#[must_use]
pub fn worst_case(spec: &PrizeTableSpec, kind: PrizeKind) -> Option<Rupiah> {
    // Budgets are left out, so the worst case is known even while it exceeds them.
    let unlimited = PrizeTableSpec {
        cash_budget: None,
        assistance_budget: None,
        ..spec.clone()
    };
    PrizeTable::new(unlimited)
        .ok()
        .and_then(|t| t.worst_case(kind).ok().flatten())
}
