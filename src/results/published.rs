//! Building the published form of a competition's results (the stored form is
//! `db::results::published`) from the engine's result and the prize allocation.

use std::collections::HashMap;

use entity::competition;
use juara_domain::engine::{CompetitionResult, EntryStatus};
use juara_domain::prizes::{PrizeAllocation, PrizeTable};
use juara_domain::stage::CompetitionSpec;
use juara_domain::{EntryId, Rupiah};

use crate::db::results::inputs::nomination_of;
pub use crate::db::results::published::*;

/// What the engine's result and the prize allocation publish, before the competition's own
/// fields are added: shared by [`Published::build`] and the verifier, which recomputes it from a
/// published file and must arrive at exactly the same lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts {
    pub stages: Vec<StageInfo>,
    pub lines: Vec<Line>,
    pub incomplete: Vec<IncompleteLine>,
    pub totals: Totals,
}

impl Parts {
    /// The ranking lines, eliminated and incomplete entries and money totals.
    #[must_use]
    pub fn of(
        spec: &CompetitionSpec,
        table: &PrizeTable,
        result: &CompetitionResult,
        allocation: &PrizeAllocation,
        villages: &HashMap<EntryId, VillageInfo>,
    ) -> Parts {
        let stages: Vec<StageInfo> = spec
            .stages()
            .iter()
            .map(|s| StageInfo {
                code: s.code.clone(),
                name: s.name.clone(),
                weight: s.weight,
                criteria: s
                    .criteria
                    .nodes()
                    .iter()
                    .map(|n| NodeInfo {
                        code: n.spec.code.clone(),
                        name: n.spec.name.clone(),
                        depth: n.depth,
                        weight: n.spec.weight,
                    })
                    .collect(),
            })
            .collect();
        let village = |e: EntryId| villages.get(&e).cloned().unwrap_or_default();
        let mut rank_count: HashMap<u32, u32> = HashMap::new();
        for r in &result.ranking {
            *rank_count.entry(r.rank).or_default() += 1;
        }
        let lines = result
            .ranking
            .iter()
            .map(|r| Line {
                nomination_id: nomination_of(r.entry),
                village: village(r.entry),
                rank: r.rank,
                final_score: r.final_score.units(),
                raw_points: r.raw_points.units(),
                stage_scores: stages
                    .iter()
                    .map(|s| {
                        r.stage_scores
                            .iter()
                            .find(|x| x.stage == s.code)
                            .map(|x| x.score.units())
                    })
                    .collect(),
                decided_by: r.decided_by.clone(),
                shared_rank: rank_count.get(&r.rank).copied().unwrap_or(0) > 1,
                eliminated_at: match &r.status {
                    EntryStatus::Ranked => None,
                    EntryStatus::Eliminated { stage } => Some(stage.clone()),
                },
                prize: allocation.award_of(r.entry).map(|a| PrizeInfo {
                    label: a.label.clone(),
                    cash: a.cash.amount(),
                    assistance: a.assistance.amount(),
                    trophy: a.trophy,
                    certificate: a.certificate,
                    shared_with: a.shared_with,
                }),
            })
            .collect();
        let incomplete = result
            .incomplete
            .iter()
            .map(|i| IncompleteLine {
                nomination_id: nomination_of(i.entry),
                village: village(i.entry),
                stage: i.stage.clone(),
            })
            .collect();
        let spec = table.spec();
        let totals = Totals {
            cash: allocation.total_cash.amount(),
            assistance: allocation.total_assistance.amount(),
            cash_budget: spec.cash_budget.map(Rupiah::amount),
            assistance_budget: spec.assistance_budget.map(Rupiah::amount),
        };
        Parts {
            stages,
            lines,
            incomplete,
            totals,
        }
    }
}

impl Published {
    /// Builds the published form.
    #[must_use]
    pub fn build(
        c: &competition::Model,
        spec: &CompetitionSpec,
        table: &PrizeTable,
        result: CompetitionResult,
        allocation: &PrizeAllocation,
        villages: &HashMap<EntryId, VillageInfo>,
    ) -> Published {
        let parts = Parts::of(spec, table, &result, allocation, villages);
        Published {
            competition_id: c.id,
            competition_name: c.name.clone(),
            year: c.year,
            level: c.level.clone(),
            category: c.category.clone(),
            stages: parts.stages,
            lines: parts.lines,
            incomplete: parts.incomplete,
            totals: parts.totals,
            comments_published: false,
            comments: Vec::new(),
            result,
        }
    }
}
