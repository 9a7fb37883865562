//! Announced results snapshots: immutable rows, one per version. Version 1 is the
//! announcement; each correction adds the next version (with its reason) and marks the
//! previous one `superseded`. The content hash is SHA-256 over the published verification file
//! (`results::verify`: inputs, outputs, version and reason), so anyone holding the file can
//! check it against the published hash and recompute the ranking.

use chrono::Utc;
use entity::{SnapshotStatus, result_snapshot};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::results::{Published, verify};

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

/// A new version to store.
pub struct NewSnapshot {
    pub competition_id: Uuid,
    pub inputs: String,
    pub outputs: String,
    pub reason: String,
    pub created_by: Uuid,
}

/// Stores the next version and supersedes the current one (call inside a transaction).
pub async fn insert_next<C: ConnectionTrait>(
    db: &C,
    s: NewSnapshot,
) -> Result<result_snapshot::Model, DbErr> {
    let previous = current(db, s.competition_id).await?;
    let version = previous.as_ref().map_or(1, |p| p.version + 1);
    let bundle = verify::bundle_of(&s.inputs, &s.outputs, version, &s.reason)
        .map_err(|e| DbErr::Custom(format!("results snapshot: {e}")))?;
    if let Some(p) = previous {
        let mut a: result_snapshot::ActiveModel = p.into();
        a.status = Set(SUPERSEDED.to_owned());
        a.update(db).await?;
    }
    let now = Utc::now().fixed_offset();
    result_snapshot::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(s.competition_id),
        version: Set(version),
        status: Set(CURRENT.to_owned()),
        content_hash: Set(verify::hash(&bundle)),
        hash_scheme: Set(verify::HASH_SCHEME),
        inputs: Set(s.inputs),
        outputs: Set(s.outputs),
        reason: Set(s.reason),
        created_by: Set(Some(s.created_by)),
        created_at: Set(now),
        announced_at: Set(now),
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

/// The stored row still matches its hash (under the scheme it was announced with).
#[must_use]
pub fn hash_matches(s: &result_snapshot::Model) -> bool {
    if s.hash_scheme == verify::HASH_SCHEME {
        verify::bundle_of(&s.inputs, &s.outputs, s.version, &s.reason)
            .is_ok_and(|b| verify::hash(&b) == s.content_hash)
    } else {
        content_hash(&s.inputs, &s.outputs) == s.content_hash
    }
}

/// The verification file of a snapshot, as published beside its hash. For a scheme-1 snapshot
/// the file carries its own hash, which differs from the one announced.
pub fn result_file(s: &result_snapshot::Model) -> Result<verify::ResultFile, String> {
    let bundle = verify::bundle_of(&s.inputs, &s.outputs, s.version, &s.reason)?;
    Ok(verify::ResultFile {
        content_hash: verify::hash(&bundle),
        bundle,
    })
}
