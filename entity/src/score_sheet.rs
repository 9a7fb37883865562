//! One judge's scoring sheet for one entry at one stage; it exists from the assignment on.

use sea_orm::entity::prelude::*;

pub use crate::states::SheetStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "score_sheet")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub stage_id: Uuid,
    pub nomination_id: Uuid,
    pub judge_id: Uuid,
    /// `assigned`, `draft` or `submitted`.
    pub status: SheetStatus,
    /// Bumped on every save; a stale save is refused.
    pub version: i32,
    /// Field verification (*verifikasi lapangan*): the day of the visit.
    pub visit_date: Option<Date>,
    pub visit_notes: String,
    /// Why the committee last reopened it, shown to the judge.
    pub reopen_reason: String,
    pub submitted_at: Option<DateTimeWithTimeZone>,
    pub assigned_by: Option<Uuid>,
    pub assigned_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
    /// Set when a conflict of interest declared after assignment withdrew the sheet: it is
    /// kept for the record but not counted in results.
    pub excluded_at: Option<DateTimeWithTimeZone>,
    /// Why it is not counted (the conflict's reason), shown to the committee.
    pub excluded_reason: String,
    /// The conflict that excluded it; removing that conflict restores the sheet.
    pub excluded_conflict: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
