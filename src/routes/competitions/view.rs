//! Typed template contexts of the set-up pages and the builders that fill them: the
//! competition summary, the criteria tree with each parent's live weight sum and the engine's
//! errors, the prize table in rupiah, and the overview page. No writes here.

use entity::{competition, criterion, prize_tier, stage};
use juara_domain::prizes::PrizeKind;
use juara_domain::{Points, Rupiah};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use crate::app::competition::rules::{self, status_of};
use crate::app::regions::title_of;
use crate::db::competition_setup::{self as setup, CriterionData};
use crate::db::competitions as repo;
use crate::scoring;

/// The competition as every set-up page shows it in its heading.
#[derive(Serialize)]
pub(super) struct Summary {
    pub id: String,
    pub name: String,
    pub year: i32,
    pub level: String,
    pub region_code: Option<String>,
    /// The region in words (`Kabupaten Sleman`), when filled in by [`Summary::named`].
    pub region_name: Option<String>,
    pub category: String,
    pub status: entity::CompetitionStatus,
    /// Stages, criteria and checklist may change (before judging).
    pub editable: bool,
    /// Prize tiers may change (before results).
    pub prizes_editable: bool,
    /// The rules are published (opened): a change needs a reason and makes a new version.
    pub rules_published: bool,
}

impl Summary {
    pub fn of(c: &competition::Model) -> Self {
        let status = status_of(c);
        Summary {
            id: c.id.to_string(),
            name: c.name.clone(),
            year: c.year,
            level: c.level.clone(),
            region_code: c.region_code.clone(),
            region_name: None,
            category: c.category.clone(),
            status: c.status,
            editable: rules::criteria_editable(status),
            prizes_editable: status < repo::Status::Review,
            rules_published: status != repo::Status::Draft,
        }
    }
}

impl Summary {
    /// The summary with its region in words.
    pub async fn named<C: ConnectionTrait>(
        db: &C,
        c: &competition::Model,
        lang: &str,
    ) -> Result<Self, DbErr> {
        let mut s = Summary::of(c);
        s.region_name = title_of(db, c.region_code.as_deref(), lang).await?;
        Ok(s)
    }
}

/// One node of a criteria tree, in display order.
#[derive(Serialize)]
pub(super) struct CriterionRow {
    pub id: String,
    pub parent_id: Option<String>,
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub weight: i32,
    pub depth: u32,
    /// e.g. `1.00–5.00 (langkah 1.00)`; empty for aspects.
    pub scale: String,
    pub optional: bool,
    pub requires_evidence: bool,
    /// Sum of the children's weights (parents only).
    pub children_sum: Option<i64>,
    pub sum_ok: bool,
}

/// A stage with its criteria tree.
#[derive(Serialize)]
pub(super) struct StageView {
    pub id: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub weight: i32,
    pub aggregation: String,
    pub trim_k: i32,
    pub quorum: i32,
    pub shortlist: Option<i32>,
    pub pass_threshold: Option<String>,
    pub normalize: bool,
    pub min_entries_per_judge: i32,
    pub judges_per_entry: i32,
    pub criteria: Vec<CriterionRow>,
    /// Sum of the top-level weights.
    pub root_sum: i64,
    pub root_ok: bool,
    /// The engine's verdict on this tree, in the page's language.
    pub errors: Vec<String>,
}

fn points(units: Option<i64>) -> Option<String> {
    units.map(|u| Points::from_units(u).to_string())
}

/// The tree rows and engine errors of one stage.
pub(super) fn stage_view(s: &stage::Model, rows: &[criterion::Model], lang: &str) -> StageView {
    let ordered = setup::tree_order(rows);
    let sum_of = |parent: Option<uuid::Uuid>| -> i64 {
        rows.iter()
            .filter(|c| c.parent_id == parent)
            .map(|c| i64::from(c.weight))
            .sum()
    };
    let criteria = ordered
        .iter()
        .map(|(c, depth)| {
            let has_children = rows.iter().any(|x| x.parent_id == Some(c.id));
            let children_sum = has_children.then(|| sum_of(Some(c.id)));
            let scale = match (c.scale_min, c.scale_max) {
                (Some(min), Some(max)) => {
                    let base = format!("{}–{}", Points::from_units(min), Points::from_units(max));
                    match c.scale_step {
                        Some(step) => format!("{base} / {}", Points::from_units(step)),
                        None => base,
                    }
                }
                _ => String::new(),
            };
            CriterionRow {
                id: c.id.to_string(),
                parent_id: c.parent_id.map(|p| p.to_string()),
                code: c.code.clone(),
                name: c.name.clone(),
                guidance: c.guidance.clone(),
                weight: c.weight,
                depth: *depth,
                scale,
                optional: c.optional,
                requires_evidence: c.requires_evidence,
                children_sum,
                sum_ok: children_sum.is_none_or(|s| s == 100),
            }
        })
        .collect();
    let data: Vec<CriterionData> = ordered
        .iter()
        .map(|(c, _)| CriterionData {
            id: Some(c.id),
            parent_code: c
                .parent_id
                .and_then(|p| rows.iter().find(|r| r.id == p))
                .map(|p| p.code.clone()),
            fields: setup::CriterionFields::of(c),
        })
        .collect();
    let errors = match scoring::criteria_tree(&data) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| scoring::describe_criteria(e, lang))
            .collect(),
    };
    let root_sum = sum_of(None);
    StageView {
        id: s.id.to_string(),
        code: s.code.clone(),
        name: s.name.clone(),
        kind: s.kind.clone(),
        weight: s.weight,
        aggregation: s.aggregation.clone(),
        trim_k: s.trim_k,
        quorum: s.quorum,
        shortlist: s.shortlist,
        pass_threshold: points(s.pass_threshold),
        normalize: s.normalize,
        min_entries_per_judge: s.min_entries_per_judge,
        judges_per_entry: s.judges_per_entry,
        criteria,
        root_sum,
        root_ok: root_sum == 100,
        errors,
    }
}

/// One prize tier in rupiah.
#[derive(Serialize)]
pub(super) struct PrizeRow {
    pub id: String,
    pub rank: i32,
    pub label: String,
    pub cash: String,
    pub assistance: String,
    pub trophy: bool,
    pub certificate: bool,
}

/// The prize table with the engine's totals and verdict.
#[derive(Serialize)]
pub(super) struct PrizeSummary {
    pub tiers: Vec<PrizeRow>,
    pub tie_policy: String,
    pub minimum_score: Option<String>,
    pub cash_budget: Option<String>,
    pub assistance_budget: Option<String>,
    /// Worst case per kind of money (`None`: unbounded).
    pub cash_worst: Option<String>,
    pub assistance_worst: Option<String>,
    pub errors: Vec<String>,
}

pub(super) fn prize_summary(
    c: &competition::Model,
    tiers: &[prize_tier::Model],
    lang: &str,
) -> PrizeSummary {
    let data = setup::SetupData {
        prizes: tiers
            .iter()
            .map(|p| setup::PrizeFields {
                label: p.label.clone(),
                cash: p.cash,
                assistance: p.assistance,
                trophy: p.trophy,
                certificate: p.certificate,
            })
            .collect(),
        ..Default::default()
    };
    let spec = scoring::prize_spec(c, &data);
    let errors = match juara_domain::prizes::PrizeTable::new(spec.clone()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| scoring::describe_prize(e, lang))
            .collect(),
    };
    let rp = |v: Option<i64>| v.map(|x| Rupiah::new(x).to_string());
    PrizeSummary {
        tiers: tiers
            .iter()
            .map(|p| PrizeRow {
                id: p.id.to_string(),
                rank: p.rank,
                label: p.label.clone(),
                cash: Rupiah::new(p.cash).to_string(),
                assistance: Rupiah::new(p.assistance).to_string(),
                trophy: p.trophy,
                certificate: p.certificate,
            })
            .collect(),
        tie_policy: c.tie_policy.clone(),
        minimum_score: points(c.minimum_score),
        cash_budget: rp(c.cash_budget),
        assistance_budget: rp(c.assistance_budget),
        cash_worst: scoring::worst_case(&spec, PrizeKind::Cash).map(|r| r.to_string()),
        assistance_worst: scoring::worst_case(&spec, PrizeKind::Assistance).map(|r| r.to_string()),
        errors,
    }
}

#[derive(Serialize)]
pub(super) struct DocumentRow {
    pub id: String,
    pub code: String,
    pub label: String,
    pub description: String,
    pub kind: String,
    pub required: bool,
}

pub(super) fn document_rows(rows: Vec<entity::document_requirement::Model>) -> Vec<DocumentRow> {
    rows.into_iter()
        .map(|d| DocumentRow {
            id: d.id.to_string(),
            code: d.code,
            label: d.label,
            description: d.description,
            kind: d.kind,
            required: d.required,
        })
        .collect()
}
