//! An announced, immutable version of a competition's results (a correction adds a version).

use sea_orm::entity::prelude::*;

pub use crate::states::SnapshotStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "result_snapshot")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    pub version: i32,
    /// `current` or `superseded`.
    pub status: SnapshotStatus,
    /// Canonical JSON of the engine's inputs.
    pub inputs: String,
    /// Canonical JSON of the published results.
    pub outputs: String,
    /// SHA-256 hex: over inputs and outputs (scheme 1), or over the published verification
    /// file, which also covers the version and reason (scheme 2).
    pub content_hash: String,
    /// 1 or 2, see `content_hash`.
    pub hash_scheme: i32,
    /// Why this version corrects the previous one (empty for version 1).
    pub reason: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub announced_at: DateTimeWithTimeZone,
    /// The rules version (`rules_version.number`) the results were computed under; `None`
    /// for snapshots older than published rules.
    pub rules_version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
