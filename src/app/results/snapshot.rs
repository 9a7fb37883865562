//! Announced results snapshots: storing the next version with its hash, and checking a stored
//! one. The content hash (scheme 2) is SHA-256 over the published verification file
//! (`results::verify`: inputs, outputs, version and reason), so anyone holding the file can
//! check it against the published hash and recompute the ranking.

use entity::result_snapshot;
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::db::results::snapshots::{self, content_hash};
use crate::db::rules;
use crate::results::verify;

/// Stores the next version and supersedes the current one (call inside a transaction).
pub async fn insert_next<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    inputs: String,
    outputs: String,
    reason: String,
    created_by: Uuid,
) -> Result<result_snapshot::Model, DbErr> {
    let previous = snapshots::current(db, competition_id).await?;
    let version = previous.as_ref().map_or(1, |p| p.version + 1);
    let rules_version = rules::latest(db, competition_id).await?.map(|r| r.number);
    let bundle = verify::bundle_of(&inputs, &outputs, version, &reason)
        .map_err(|e| DbErr::Custom(format!("results snapshot: {e}")))?;
    if let Some(p) = previous {
        snapshots::supersede(db, p).await?;
    }
    snapshots::insert(
        db,
        snapshots::NewSnapshot {
            competition_id,
            version,
            inputs,
            outputs,
            reason,
            content_hash: verify::hash(&bundle),
            hash_scheme: verify::HASH_SCHEME,
            created_by,
            rules_version,
        },
    )
    .await
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
