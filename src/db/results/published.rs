//! The stored form of a competition's published results: what an announcement freezes into a
//! snapshot's `outputs` and what every results page, export and API answer is rendered from.
//! Plain data (built in `results::published`); villages are named with their kecamatan and
//! kabupaten so a snapshot reads on its own, years later.

use juara_domain::engine::CompetitionResult;
use juara_domain::tie_break::TieBreak;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::db::villages::VillageInfo;

/// One criterion of a stage's tree, in tree order (the explanation's `node` indexes it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NodeInfo {
    pub code: String,
    pub name: String,
    pub depth: u32,
    /// Percent of its parent.
    pub weight: u32,
}

/// A stage as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StageInfo {
    pub code: String,
    pub name: String,
    /// Percent of the final score.
    pub weight: u32,
    pub criteria: Vec<NodeInfo>,
}

/// The prize of a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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
    #[schema(value_type = Option<Object>)]
    pub decided_by: Option<TieBreak>,
    /// Another line has the same rank.
    pub shared_rank: bool,
    /// The stage whose gate it did not pass.
    pub eliminated_at: Option<String>,
    pub prize: Option<PrizeInfo>,
}

/// An entry the engine could not rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IncompleteLine {
    pub nomination_id: Uuid,
    pub village: VillageInfo,
    pub stage: String,
}

/// A judge's comment on a criterion, published with the results when the committee chose to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Comment {
    pub nomination_id: Uuid,
    pub stage: String,
    pub criterion: String,
    /// "Juri n" in that stage.
    pub label: u32,
    pub text: String,
}

/// Money totals against the budgets, rupiah.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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

impl Published {
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
