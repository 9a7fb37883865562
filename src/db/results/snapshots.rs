//! Announced results snapshots: immutable rows, one per version. Version 1 is the
//! announcement; each correction adds the next version (with its reason) and marks the
//! previous one `superseded`. The content hash is computed above (`app::results::snapshot`,
//! over the published verification file) and stored as given.

use chrono::Utc;
use entity::{SnapshotStatus, result_snapshot};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::published::Published;

/// `current` marks the version in force.
pub const CURRENT: SnapshotStatus = SnapshotStatus::Current;
/// An earlier version, still readable.
pub const SUPERSEDED: SnapshotStatus = SnapshotStatus::Superseded;

/// Scheme 1 (the first snapshots): SHA-256 (hex) over the inputs and outputs, separated so
/// no shift between them collides.
#[must_use]
pub fn content_hash(inputs: &str, outputs: &str) -> String {
    let mut h = Sha256::new();
    h.update(inputs.as_bytes());
    h.update([0u8]);
    h.update(outputs.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A new version to store, its version number and hash already computed.
pub struct NewSnapshot {
    pub competition_id: Uuid,
    pub version: i32,
    pub inputs: String,
    pub outputs: String,
    pub reason: String,
    pub content_hash: String,
    pub hash_scheme: i32,
    pub created_by: Uuid,
    /// The rules version in force when the results were computed.
    pub rules_version: Option<i32>,
}

/// Marks `previous` superseded (call inside the transaction that inserts the next version).
pub async fn supersede<C: ConnectionTrait>(
    db: &C,
    previous: result_snapshot::Model,
) -> Result<(), DbErr> {
    let mut a: result_snapshot::ActiveModel = previous.into();
    a.status = Set(SUPERSEDED.to_owned());
    a.update(db).await?;
    Ok(())
}

/// Stores a new version as current.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    s: NewSnapshot,
) -> Result<result_snapshot::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    result_snapshot::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(s.competition_id),
        version: Set(s.version),
        status: Set(CURRENT.to_owned()),
        content_hash: Set(s.content_hash),
        hash_scheme: Set(s.hash_scheme),
        inputs: Set(s.inputs),
        outputs: Set(s.outputs),
        reason: Set(s.reason),
        created_by: Set(Some(s.created_by)),
        created_at: Set(now),
        announced_at: Set(now),
        rules_version: Set(s.rules_version),
    }
    .insert(db)
    .await
}

/// The version in force.
pub async fn current<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Option<result_snapshot::Model>, DbErr> {
    result_snapshot::Entity::find()
        .filter(result_snapshot::Column::CompetitionId.eq(competition))
        .order_by_desc(result_snapshot::Column::Version)
        .one(db)
        .await
}

/// One version.
pub async fn version<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    version: i32,
) -> Result<Option<result_snapshot::Model>, DbErr> {
    result_snapshot::Entity::find()
        .filter(result_snapshot::Column::CompetitionId.eq(competition))
        .filter(result_snapshot::Column::Version.eq(version))
        .one(db)
        .await
}

/// Every version, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Vec<result_snapshot::Model>, DbErr> {
    result_snapshot::Entity::find()
        .filter(result_snapshot::Column::CompetitionId.eq(competition))
        .order_by_desc(result_snapshot::Column::Version)
        .all(db)
        .await
}

/// The published results a snapshot holds (`None` if the stored JSON cannot be read).
#[must_use]
pub fn published(s: &result_snapshot::Model) -> Option<Published> {
    serde_json::from_str(&s.outputs).ok()
}

/// What a public results page shows that can change (its cache key; see
/// `routes::results::public_cache`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMarks {
    /// Every version's number and hash, newest first.
    pub versions: Vec<(i32, String)>,
    /// When each answered appeal was answered, oldest first.
    pub answered: Vec<String>,
}

/// The [`PageMarks`] of a competition, in one round trip.
pub async fn page_marks<C: ConnectionTrait>(db: &C, competition: Uuid) -> Result<PageMarks, DbErr> {
    use entity::appeal;
    use sea_orm::sea_query::{Expr, UnionType};
    use sea_orm::{FromQueryResult, QuerySelect, QueryTrait};

    #[derive(FromQueryResult)]
    struct Mark {
        version: i32,
        mark: Option<String>,
    }
    let mut versions = result_snapshot::Entity::find()
        .select_only()
        .column(result_snapshot::Column::Version)
        .column_as(result_snapshot::Column::ContentHash, "mark")
        .filter(result_snapshot::Column::CompetitionId.eq(competition))
        .into_query();
    // Version 0 marks an appeal answer; real versions start at 1.
    let answers = appeal::Entity::find()
        .select_only()
        .column_as(Expr::val(0), "version")
        .column_as(Expr::cust("CAST(answered_at AS TEXT)"), "mark")
        .filter(appeal::Column::CompetitionId.eq(competition))
        .filter(appeal::Column::Status.ne(entity::AppealStatus::Open))
        .filter(appeal::Column::AnsweredAt.is_not_null())
        .into_query();
    versions.union(UnionType::All, answers);
    let statement = db.get_database_backend().build(&versions);
    let mut rows = Mark::find_by_statement(statement).all(db).await?;
    rows.sort_by(|a, b| b.version.cmp(&a.version).then_with(|| a.mark.cmp(&b.mark)));
    let (heads, answered): (Vec<Mark>, Vec<Mark>) = rows.into_iter().partition(|m| m.version > 0);
    Ok(PageMarks {
        versions: heads
            .into_iter()
            .map(|m| (m.version, m.mark.unwrap_or_default()))
            .collect(),
        answered: answered.into_iter().filter_map(|m| m.mark).collect(),
    })
}
