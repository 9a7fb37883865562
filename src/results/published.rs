//! The published form of a competition's results: what an announcement freezes into a
//! snapshot and what every results page, export and API answer is rendered from. Built once
//! from the engine's result and prize allocation; villages are named with their kecamatan and
//! kabupaten so a snapshot reads on its own, years later.

use std::collections::HashMap;

use entity::competition;
use juara_domain::engine::{CompetitionResult, EntryStatus};
use juara_domain::prizes::{PrizeAllocation, PrizeTable};
use juara_domain::stage::CompetitionSpec;
use juara_domain::tie_break::TieBreak;
use juara_domain::{EntryId, Rupiah};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::results::inputs::nomination_of;

pub use crate::db::villages::VillageInfo;

/// One criterion of a stage's tree, in tree order (the explanation's `node` indexes it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeInfo {
    pub code: String,
    pub name: String,
    pub depth: u32,
    /// Percent of its parent.
    pub weight: u32,
}

/// A stage as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageInfo {
    pub code: String,
    pub name: String,
    /// Percent of the final score.
    pub weight: u32,
    pub criteria: Vec<NodeInfo>,
}

/// The prize of a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrizeInfo {
    pub label: String,
    /// Rupiah.
    pub cash: i64,
    /// Rupiah.
    pub assistance: i64,
    pub trophy: bool,
    pub certificate: bool,
    /// Entries sharing the rank (1 = alone).
    pub shared_with: u32,
}

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub nomination_id: Uuid,
    pub village: VillageInfo,
    pub rank: u32,
    /// Ten-thousandths.
    pub final_score: i64,
    /// Ten-thousandths.
    pub raw_points: i64,
    /// Per published stage, in stage order (ten-thousandths; `None` = not reached).
    pub stage_scores: Vec<Option<i64>>,
    /// The tie-break rule that separated it from the line above on equal score.
    pub decided_by: Option<TieBreak>,
    /// Another line has the same rank.
    pub shared_rank: bool,
    /// The stage whose gate it did not pass.
    pub eliminated_at: Option<String>,
    pub prize: Option<PrizeInfo>,
}

/// An entry the engine could not rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncompleteLine {
    pub nomination_id: Uuid,
    pub village: VillageInfo,
    pub stage: String,
}

/// A judge's comment on a criterion, published with the results when the committee chose to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub nomination_id: Uuid,
    pub stage: String,
    pub criterion: String,
    /// "Juri n" in that stage.
    pub label: u32,
    pub text: String,
}

/// Money totals against the budgets, rupiah.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub cash: i64,
    pub assistance: i64,
    pub cash_budget: Option<i64>,
    pub assistance_budget: Option<i64>,
}

/// A competition's results as published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub competition_id: Uuid,
    pub competition_name: String,
    pub year: i32,
    pub level: String,
    pub category: String,
    pub stages: Vec<StageInfo>,
    pub lines: Vec<Line>,
    pub incomplete: Vec<IncompleteLine>,
    pub totals: Totals,
    /// The committee chose to publish the judges' comments to the villages.
    #[serde(default)]
    pub comments_published: bool,
    /// The comments (empty unless published).
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// The engine's full result (explanations for the village protocols). Holds judge ids:
    /// never sent to the public as is.
    pub result: CompetitionResult,
}

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

    /// The line of a nomination.
    #[must_use]
    pub fn line_of(&self, nomination: Uuid) -> Option<&Line> {
        self.lines.iter().find(|l| l.nomination_id == nomination)
    }

    /// Lines that receive a prize.
    pub fn winners(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.prize.is_some())
    }
}
