//! What a correction changes, shown to the committee before it confirms: each village's rank,
//! final score and prize before and after, and a token that ties the confirmation to the
//! preview it answers (same published version, same changes, same reason).

use std::collections::BTreeSet;

use juara_domain::Points;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use uuid::Uuid;

use super::announce::ScoreChange;
use crate::db::audit::{self, NewEvent};
use crate::results::Published;
use crate::results::published::{Line, PrizeInfo};

/// One village before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiffRow {
    pub nomination_id: Uuid,
    pub village: String,
    pub old_rank: Option<u32>,
    pub new_rank: Option<u32>,
    /// Ten-thousandths.
    pub old_score: Option<i64>,
    pub new_score: Option<i64>,
    pub old_prize: Option<PrizeInfo>,
    pub new_prize: Option<PrizeInfo>,
    /// The stage where the entry was cut, if it was (its final score is then not a score).
    pub old_out: Option<String>,
    pub new_out: Option<String>,
    /// Rank, score, elimination or prize differ.
    pub changed: bool,
}

fn find(p: &Published, id: Uuid) -> Option<&Line> {
    p.lines.iter().find(|l| l.nomination_id == id)
}

/// Every village of either version, in the new ranking's order (unranked ones last).
#[must_use]
pub fn diff(old: &Published, new: &Published) -> Vec<DiffRow> {
    let ids: BTreeSet<Uuid> = old
        .lines
        .iter()
        .chain(new.lines.iter())
        .map(|l| l.nomination_id)
        .collect();
    let mut rows: Vec<DiffRow> = ids
        .into_iter()
        .map(|id| {
            let (o, n) = (find(old, id), find(new, id));
            let village = n.or(o).map(|l| l.village.name.clone()).unwrap_or_default();
            let row = DiffRow {
                nomination_id: id,
                village,
                old_rank: o.map(|l| l.rank),
                new_rank: n.map(|l| l.rank),
                old_score: o.map(|l| l.final_score),
                new_score: n.map(|l| l.final_score),
                old_prize: o.and_then(|l| l.prize.clone()),
                new_prize: n.and_then(|l| l.prize.clone()),
                old_out: o.and_then(|l| l.eliminated_at.clone()),
                new_out: n.and_then(|l| l.eliminated_at.clone()),
                changed: false,
            };
            DiffRow {
                changed: row.old_rank != row.new_rank
                    || row.old_score != row.new_score
                    || row.old_prize != row.new_prize
                    || row.old_out != row.new_out,
                ..row
            }
        })
        .collect();
    rows.sort_by_key(|r| {
        (
            r.new_rank.unwrap_or(u32::MAX),
            r.old_rank.unwrap_or(u32::MAX),
            r.village.clone(),
        )
    });
    rows
}

/// Ties a confirmation to its preview: the version corrected, the changes and the reason.
#[must_use]
pub fn token(version: i32, changes: &[ScoreChange], reason: &str) -> String {
    let mut parts: Vec<String> = changes
        .iter()
        .map(|c| format!("{}={:?}/{}", c.score_id, c.value, c.not_applicable))
        .collect();
    parts.sort();
    let inputs = format!("v{version}|{}", parts.join(","));
    crate::db::results::snapshots::content_hash(&inputs, reason.trim())
}

impl DiffRow {
    /// What changed for this village, in the words of the record (the audit trail is kept in
    /// the office's language): `peringkat 1 → 2; nilai akhir 86.00 → 84.50; hadiah Juara I →
    /// Juara II`.
    #[must_use]
    pub fn describe(&self) -> String {
        fn or_dash<T: ToString>(v: Option<T>) -> String {
            v.map_or_else(|| "—".to_owned(), |v| v.to_string())
        }
        let mut parts = Vec::new();
        if self.old_rank != self.new_rank {
            parts.push(format!(
                "peringkat {} → {}",
                or_dash(self.old_rank),
                or_dash(self.new_rank)
            ));
        }
        if self.old_score != self.new_score {
            parts.push(format!(
                "nilai akhir {} → {}",
                or_dash(self.old_score.map(Points::from_units)),
                or_dash(self.new_score.map(Points::from_units))
            ));
        }
        if self.old_out != self.new_out {
            let out = |s: &Option<String>| s.as_ref().map(|s| format!("gugur di tahap {s}"));
            parts.push(format!(
                "{} → {}",
                or_dash(out(&self.old_out)),
                or_dash(out(&self.new_out))
            ));
        }
        if self.old_prize != self.new_prize {
            let label = |p: &Option<PrizeInfo>| p.as_ref().map(|p| p.label.clone());
            parts.push(format!(
                "hadiah {} → {}",
                or_dash(label(&self.old_prize)),
                or_dash(label(&self.new_prize))
            ));
        }
        parts.join("; ")
    }
}

/// Records, for each village whose standing `version` changed, what changed — so the
/// nomination's own history shows every correction that touched it, including one that moved
/// it only through another village's scores.
///
/// # Errors
/// A database error.
pub async fn record_changes<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    version: i32,
    (old, new): (&Published, &Published),
    actor: Uuid,
) -> Result<(), DbErr> {
    for row in diff(old, new).into_iter().filter(|r| r.changed) {
        audit::record(
            db,
            NewEvent {
                competition_id: Some(competition),
                nomination_id: Some(row.nomination_id),
                actor_id: Some(actor),
                action: "results.entry_changed".into(),
                details: format!("v{version}: {}", row.describe()),
                ..Default::default()
            },
        )
        .await?;
    }
    Ok(())
}
