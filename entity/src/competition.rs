//! A competition (*lomba*) at one level for one category, with its schedule and rules.

use sea_orm::entity::prelude::*;

pub use crate::states::CompetitionStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competition")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    /// `kecamatan`, `kabupaten`, `provinsi` or `nasional`.
    pub level: String,
    /// The region at that level the competition covers (none = national).
    pub region_code: Option<String>,
    /// `desa` or `kelurahan`.
    pub category: String,
    /// `draft`, `open`, `judging`, `review`, `announced` or `archived`.
    pub status: CompetitionStatus,
    pub description: String,
    pub nomination_opens_at: Option<DateTimeWithTimeZone>,
    pub nomination_closes_at: Option<DateTimeWithTimeZone>,
    pub judging_closes_at: Option<DateTimeWithTimeZone>,
    pub announcement_at: Option<DateTimeWithTimeZone>,
    /// Comma-separated development statuses allowed to enter (empty = any).
    pub eligible_statuses: String,
    /// Villages led by an acting head (*Pj Kades*) may not enter.
    pub require_definitive_head: bool,
    /// Most nominations accepted, also the field size for prize worst cases.
    pub max_entries: Option<i32>,
    /// The published tie-break chain, JSON.
    pub tie_breaks: String,
    /// `split` or `full`: how tied entries share prizes.
    pub tie_policy: String,
    /// Least final score (ten-thousandths) to receive a prize.
    pub minimum_score: Option<i64>,
    /// Rupiah.
    pub cash_budget: Option<i64>,
    /// Rupiah.
    pub assistance_budget: Option<i64>,
    pub appeals_enabled: bool,
    pub appeal_days: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
