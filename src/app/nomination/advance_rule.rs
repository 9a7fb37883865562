//! Which results may feed the level above: only a final result of a competition of the level
//! directly below, inside the target's region and of its category — announced, every appeal
//! window closed (a correction reopens a village's window: `app::results::window`) and no
//! appeal awaiting an answer — and only its prize winners in the version
//! in force. Everything else is refused with the reason.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use entity::competition;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use uuid::Uuid;

use crate::db::competitions::{Level, Status as CompStatus};
use crate::db::results::{appeals, snapshots};
use crate::registry::Level as RegionLevel;
use crate::results::Published;

fn rank(level: &str) -> Option<usize> {
    let level = Level::parse(level)?;
    Level::ALL.iter().position(|l| *l == level)
}

/// True when `source` is a competition of the same category, exactly one level below
/// `target` and inside its region.
#[must_use]
pub fn is_directly_below(source: &competition::Model, target: &competition::Model) -> bool {
    let inside = match (&target.region_code, &source.region_code) {
        (None, _) => true,
        (Some(outer), Some(inner)) => RegionLevel::contains(outer, inner),
        (Some(_), None) => false,
    };
    let next = matches!(
        (rank(&source.level), rank(&target.level)),
        (Some(s), Some(t)) if s + 1 == t
    );
    inside && next && source.category == target.category
}

/// Whether a source competition's result is final.
#[derive(Clone, Debug)]
pub enum SourceState {
    /// Final: the version in force and its published results.
    Final {
        version: i32,
        published: Box<Published>,
    },
    /// Not announced yet (still judging or under review).
    NotAnnounced,
    /// Announced, but villages may still appeal until then.
    AppealWindowOpen { until: DateTime<FixedOffset> },
    /// An appeal awaits the committee's answer.
    AppealPending,
}

impl SourceState {
    /// The winners' nomination ids if final.
    #[must_use]
    pub fn winners(&self) -> Vec<Uuid> {
        match self {
            SourceState::Final { published, .. } => {
                published.winners().map(|l| l.nomination_id).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The state of `source`'s result.
///
/// # Errors
/// A database error.
pub async fn source_state<C: ConnectionTrait>(
    db: &C,
    source: &competition::Model,
) -> Result<SourceState, DbErr> {
    let announced = matches!(
        Some(source.status),
        Some(CompStatus::Announced | CompStatus::Archived)
    );
    let current = snapshots::current(db, source.id).await?;
    let (true, Some(current)) = (announced, current) else {
        return Ok(SourceState::NotAnnounced);
    };
    let windows = crate::app::results::window::load(db, source).await?;
    if windows.any_open(chrono::Utc::now().fixed_offset())
        && let Some(until) = windows.last_close()
    {
        return Ok(SourceState::AppealWindowOpen { until });
    }
    if appeals::any_open(db, source.id).await? {
        return Ok(SourceState::AppealPending);
    }
    match snapshots::published(&current) {
        Some(p) => Ok(SourceState::Final {
            version: current.version,
            published: Box::new(p),
        }),
        None => Ok(SourceState::NotAnnounced),
    }
}

/// Source states looked up once per competition.
#[derive(Default)]
pub struct States(HashMap<Uuid, SourceState>);

impl States {
    /// The state of `c`, loaded on first use.
    ///
    /// # Errors
    /// A database error.
    pub async fn of<C: ConnectionTrait>(
        &mut self,
        db: &C,
        c: &competition::Model,
    ) -> Result<&SourceState, DbErr> {
        // Not `entry()`: the lookup awaits the database, which the entry's borrow can't span.
        let state = match self.0.remove(&c.id) {
            Some(s) => s,
            None => source_state(db, c).await?,
        };
        Ok(self.0.entry(c.id).or_insert(state))
    }
}

/// Why a nomination was refused, for the refusal message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotFinal {
    NotAnnounced,
    AppealWindowOpen,
    AppealPending,
}

impl SourceState {
    /// `None` when final.
    #[must_use]
    pub fn not_final(&self) -> Option<NotFinal> {
        match self {
            SourceState::Final { .. } => None,
            SourceState::NotAnnounced => Some(NotFinal::NotAnnounced),
            SourceState::AppealWindowOpen { .. } => Some(NotFinal::AppealWindowOpen),
            SourceState::AppealPending => Some(NotFinal::AppealPending),
        }
    }

    /// When the appeal window closes, if it is what keeps the result from being final.
    #[must_use]
    pub fn open_until(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            SourceState::AppealWindowOpen { until } => Some(*until),
            _ => None,
        }
    }
}
