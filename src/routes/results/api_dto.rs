//! The API's one representation of results: scores as decimal strings (`"85.5"`), money as
//! whole rupiah, tie-break rules as tagged objects in snake case (`{"kind": "stage_score",
//! "stage": "PAPARAN"}`). The stored snapshot keeps its own serde form (its content hash
//! covers it), so the API maps to these instead of serializing the stored types.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::results::published::{Line, PrizeInfo, VillageInfo};
use crate::routes::api::support::points_out;

/// `StageScore` → `stage_score`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Any externally tagged enum value (`{"StageScore": {"stage": "X"}}`, or `"Shared"` for a
/// unit variant) as `{"kind": "stage_score", "stage": "X"}`.
#[must_use]
pub fn tagged<T: Serialize>(value: &T) -> Value {
    match serde_json::to_value(value).unwrap_or(Value::Null) {
        Value::String(unit) => {
            let mut m = Map::new();
            m.insert("kind".into(), Value::String(snake(&unit)));
            Value::Object(m)
        }
        Value::Object(outer) if outer.len() == 1 => {
            let (name, inner) = outer.into_iter().next().unwrap_or_default();
            let mut m = Map::new();
            m.insert("kind".into(), Value::String(snake(&name)));
            match inner {
                Value::Object(fields) => m.extend(fields),
                Value::Null => {}
                other => {
                    m.insert("value".into(), other);
                }
            }
            Value::Object(m)
        }
        other => other,
    }
}

/// A prize on the wire, rupiah as integers.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AwardedPrizeDto {
    pub label: String,
    pub cash: i64,
    pub assistance: i64,
    pub trophy: bool,
    pub certificate: bool,
    pub shared_with: u32,
}

impl AwardedPrizeDto {
    #[must_use]
    pub fn of(p: &PrizeInfo) -> Self {
        AwardedPrizeDto {
            label: p.label.clone(),
            cash: p.cash,
            assistance: p.assistance,
            trophy: p.trophy,
            certificate: p.certificate,
            shared_with: p.shared_with,
        }
    }
}

/// One line of a ranking on the wire.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LineDto {
    pub nomination_id: String,
    pub village: VillageInfo,
    pub rank: u32,
    pub shared_rank: bool,
    pub final_score: String,
    pub raw_points: String,
    /// Per published stage, in stage order (`null`: not reached).
    pub stage_scores: Vec<Option<String>>,
    /// The tie-break rule that separated it from the line above on equal score.
    pub decided_by: Option<Value>,
    pub eliminated_at: Option<String>,
    pub prize: Option<AwardedPrizeDto>,
}

impl LineDto {
    #[must_use]
    pub fn of(l: &Line) -> Self {
        LineDto {
            nomination_id: l.nomination_id.to_string(),
            village: l.village.clone(),
            rank: l.rank,
            shared_rank: l.shared_rank,
            final_score: points_out(Some(l.final_score)).unwrap_or_default(),
            raw_points: points_out(Some(l.raw_points)).unwrap_or_default(),
            stage_scores: l.stage_scores.iter().map(|s| points_out(*s)).collect(),
            decided_by: l.decided_by.as_ref().map(tagged),
            eliminated_at: l.eliminated_at.clone(),
            prize: l.prize.as_ref().map(AwardedPrizeDto::of),
        }
    }

    /// Every line.
    #[must_use]
    pub fn all<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Vec<Self> {
        lines.into_iter().map(LineDto::of).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::tagged;
    use juara_domain::tie_break::TieBreak;

    #[test]
    fn enums_are_tagged_in_snake_case() {
        let tb = TieBreak::StageScore {
            stage: "PAPARAN".into(),
        };
        assert_eq!(
            tagged(&tb),
            serde_json::json!({"kind": "stage_score", "stage": "PAPARAN"})
        );
        let tb = TieBreak::CriterionScore {
            stage: "LAPANGAN".into(),
            code: "A1".into(),
        };
        assert_eq!(
            tagged(&tb),
            serde_json::json!({"kind": "criterion_score", "stage": "LAPANGAN", "code": "A1"})
        );
    }
}
