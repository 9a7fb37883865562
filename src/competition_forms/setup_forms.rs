//! The set-up list forms: a stage, a criterion (with its place in the tree), a checklist item
//! and a prize tier.

use juara_domain::criteria::Scale;
use juara_domain::prizes::{PrizeError, PrizeTable};
use juara_domain::{Points, Rupiah};
use rocket::form::FromForm;
use uuid::Uuid;

use super::{FieldErrors, code_ok, int, points, required_int, rupiah, text};
use crate::db::competition_setup::{
    self as setup, CriterionFields, DocumentFields, PrizeFields, StageFields,
};

/// The stage form.
#[derive(FromForm, Default)]
pub struct StageForm {
    pub code: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub weight: Option<String>,
    pub aggregation: Option<String>,
    pub trim_k: Option<String>,
    pub quorum: Option<String>,
    pub shortlist: Option<String>,
    pub pass_threshold: Option<String>,
    pub normalize: bool,
    pub min_entries_per_judge: Option<String>,
    pub judges_per_entry: Option<String>,
    /// Why the published rules change (needed once the competition is open).
    pub reason: Option<String>,
}

impl StageForm {
    /// Checks the stage's own fields (the whole funnel is checked by the engine).
    pub fn check(&self) -> Result<StageFields, FieldErrors> {
        let mut e: FieldErrors = Vec::new();
        let code = text(self.code.as_ref()).to_uppercase();
        if !code_ok(&code) {
            e.push(("code", "err-code"));
        }
        let name = text(self.name.as_ref());
        if name.is_empty() || name.chars().count() > 120 {
            e.push(("name", "err-required"));
        }
        let kind = text(self.kind.as_ref());
        if !["documents", "field", "presentation", "other"].contains(&kind.as_str()) {
            e.push(("kind", "err-choice"));
        }
        let weight = required_int(self.weight.as_ref(), "weight", 0..=100, &mut e);
        let aggregation = text(self.aggregation.as_ref());
        if !["mean", "median", "trimmed"].contains(&aggregation.as_str()) {
            e.push(("aggregation", "err-choice"));
        }
        let trim_k = int(self.trim_k.as_ref(), "trim_k", 0..=10, &mut e).unwrap_or(0);
        let quorum = required_int(self.quorum.as_ref(), "quorum", 1..=50, &mut e);
        if aggregation == "trimmed" && quorum <= 2 * trim_k {
            e.push(("trim_k", "err-trim-quorum"));
        }
        if aggregation == "trimmed" && trim_k == 0 {
            e.push(("trim_k", "err-required"));
        }
        let shortlist = int(self.shortlist.as_ref(), "shortlist", 1..=10_000, &mut e);
        let pass_threshold = points(self.pass_threshold.as_ref(), "pass_threshold", &mut e);
        if pass_threshold.is_some_and(|p| !(0..=Points::from_whole(100).units()).contains(&p)) {
            e.push(("pass_threshold", "err-range"));
        }
        let min_entries = int(
            self.min_entries_per_judge.as_ref(),
            "min_entries_per_judge",
            2..=1000,
            &mut e,
        )
        .unwrap_or(5);
        let judges = required_int(
            self.judges_per_entry.as_ref(),
            "judges_per_entry",
            1..=50,
            &mut e,
        );
        if !e.is_empty() {
            return Err(e);
        }
        Ok(StageFields {
            code,
            name,
            kind,
            weight,
            aggregation,
            trim_k: if text(self.aggregation.as_ref()) == "trimmed" {
                trim_k
            } else {
                0
            },
            quorum,
            shortlist,
            pass_threshold,
            normalize: self.normalize,
            min_entries_per_judge: min_entries,
            judges_per_entry: judges,
        })
    }
}

/// The criterion form.
#[derive(FromForm, Default)]
pub struct CriterionForm {
    /// Empty: a top-level aspect.
    pub parent_id: Option<String>,
    pub code: Option<String>,
    pub name: Option<String>,
    pub guidance: Option<String>,
    pub weight: Option<String>,
    pub scale_min: Option<String>,
    pub scale_max: Option<String>,
    pub scale_step: Option<String>,
    pub optional: bool,
    pub requires_evidence: bool,
    /// Level descriptors, one `value = text` per line (`super::levels_field`).
    pub levels: Option<String>,
    /// Why the published rules change (needed once the competition is open).
    pub reason: Option<String>,
}

impl CriterionForm {
    /// Checks the node's own fields; the tree as a whole is the engine's to judge.
    pub fn check(&self) -> Result<CriterionFields, FieldErrors> {
        let mut e: FieldErrors = Vec::new();
        let code = text(self.code.as_ref());
        if !code_ok(&code) {
            e.push(("code", "err-code"));
        }
        let name = text(self.name.as_ref());
        if name.is_empty() || name.chars().count() > 200 {
            e.push(("name", "err-required"));
        }
        let weight = required_int(self.weight.as_ref(), "weight", 0..=100, &mut e);
        let min = points(self.scale_min.as_ref(), "scale_min", &mut e);
        let max = points(self.scale_max.as_ref(), "scale_max", &mut e);
        let step = points(self.scale_step.as_ref(), "scale_step", &mut e);
        let mut scale = None;
        match (min, max) {
            (Some(min), Some(max)) => {
                let s = Scale {
                    min: Points::from_units(min),
                    max: Points::from_units(max),
                    step: step.map(Points::from_units),
                };
                match s.check() {
                    Ok(()) => scale = Some(s),
                    Err(juara_domain::criteria::ScaleProblem::MinNotBelowMax) => {
                        e.push(("scale_max", "crit-scale-min-max"));
                    }
                    Err(juara_domain::criteria::ScaleProblem::StepNotPositive) => {
                        e.push(("scale_step", "crit-scale-step-positive"));
                    }
                    Err(juara_domain::criteria::ScaleProblem::StepDoesNotDivideRange) => {
                        e.push(("scale_step", "crit-scale-step-divides"));
                    }
                }
            }
            (None, None) if step.is_none() => {}
            (None, _) if text(self.scale_min.as_ref()).is_empty() => {
                e.push(("scale_min", "err-scale-both"))
            }
            (_, None) if text(self.scale_max.as_ref()).is_empty() => {
                e.push(("scale_max", "err-scale-both"))
            }
            _ => {}
        }
        let levels = match self.levels.as_deref() {
            // A leaf whose scale is wrong reports the scale; its levels wait for a valid one.
            Some(t) if scale.is_some() || min.is_none() => {
                super::levels_field::check(t, scale.as_ref(), &mut e)
            }
            _ => Vec::new(),
        };
        if !e.is_empty() {
            return Err(e);
        }
        let has_scale = min.is_some();
        Ok(CriterionFields {
            code,
            name,
            guidance: text(self.guidance.as_ref()),
            weight,
            scale_min: min,
            scale_max: max,
            scale_step: if has_scale { step } else { None },
            optional: self.optional,
            requires_evidence: self.requires_evidence,
            levels,
        })
    }
}

/// Checks a criterion form and its parent choice against the stage's rows: the parent must
/// be a node of this stage outside the node's own subtree, and codes are unique per stage.
pub fn check_placed(
    input: Option<&CriterionForm>,
    rows: &[entity::criterion::Model],
    this: Option<Uuid>,
) -> Result<(Option<Uuid>, CriterionFields), FieldErrors> {
    let Some(input) = input else {
        return Err(Vec::new());
    };
    let mut errors = Vec::new();
    let parent_text = input.parent_id.as_deref().map(str::trim).unwrap_or("");
    let parent = if parent_text.is_empty() {
        None
    } else {
        let banned = this
            .map(|id| setup::subtree_ids(rows, id))
            .unwrap_or_default();
        match Uuid::parse_str(parent_text) {
            Ok(p) if rows.iter().any(|r| r.id == p) && !banned.contains(&p) => Some(p),
            _ => {
                errors.push(("parent_id", "err-choice"));
                None
            }
        }
    };
    let fields = match input.check() {
        Ok(f) => Some(f),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    if let Some(f) = &fields
        && rows.iter().any(|r| r.code == f.code && Some(r.id) != this)
    {
        errors.push(("code", "err-code-taken"));
    }
    match fields {
        Some(f) if errors.is_empty() => Ok((parent, f)),
        _ => Err(errors),
    }
}

/// The checklist item form.
#[derive(FromForm, Default)]
pub struct DocumentForm {
    pub code: Option<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    pub kind: Option<String>,
    pub required: bool,
    /// Why the published rules change (needed once the competition is open).
    pub reason: Option<String>,
}

impl DocumentForm {
    /// Checks a checklist item.
    pub fn check(&self) -> Result<DocumentFields, FieldErrors> {
        let mut e: FieldErrors = Vec::new();
        let code = text(self.code.as_ref()).to_uppercase();
        if !code_ok(&code) {
            e.push(("code", "err-code"));
        }
        let label = text(self.label.as_ref());
        if label.is_empty() || label.chars().count() > 200 {
            e.push(("label", "err-required"));
        }
        let kind = text(self.kind.as_ref());
        if !["file", "link"].contains(&kind.as_str()) {
            e.push(("kind", "err-choice"));
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(DocumentFields {
            code,
            label,
            description: text(self.description.as_ref()),
            kind,
            required: self.required,
        })
    }
}

/// The prize tier form.
#[derive(FromForm, Default)]
pub struct PrizeForm {
    pub label: Option<String>,
    pub cash: Option<String>,
    pub assistance: Option<String>,
    pub trophy: bool,
    pub certificate: bool,
    /// Why the published rules change (needed once the competition is open).
    pub reason: Option<String>,
}

impl PrizeForm {
    /// Checks a tier; the engine decides whether this category may receive assistance.
    pub fn check(&self, category: &str) -> Result<PrizeFields, FieldErrors> {
        let mut e: FieldErrors = Vec::new();
        let label = text(self.label.as_ref());
        if label.is_empty() || label.chars().count() > 60 {
            e.push(("label", "err-required"));
        }
        let cash = rupiah(self.cash.as_ref(), "cash", &mut e).unwrap_or(0);
        let assistance = rupiah(self.assistance.as_ref(), "assistance", &mut e).unwrap_or(0);
        let fields = PrizeFields {
            label,
            cash,
            assistance,
            trophy: self.trophy,
            certificate: self.certificate,
        };
        // Ask the engine about this tier alone, so its rule shows next to the field.
        let alone = juara_domain::prizes::PrizeTableSpec {
            category: crate::scoring::prize_category(category),
            tiers: vec![juara_domain::prizes::PrizeTier {
                label: "x".to_owned(),
                cash: Rupiah::new(cash),
                assistance: Rupiah::new(assistance),
                trophy: false,
                certificate: false,
            }],
            minimum_score: None,
            cash_budget: None,
            assistance_budget: None,
            tie_policy: juara_domain::prizes::TiePolicy::SplitPooled,
            max_field_size: None,
        };
        if let Err(errors) = PrizeTable::new(alone)
            && errors
                .iter()
                .any(|x| matches!(x, PrizeError::AssistanceForKelurahan { .. }))
        {
            e.push(("assistance", "err-kelurahan-assistance"));
        }
        if e.is_empty() { Ok(fields) } else { Err(e) }
    }
}
