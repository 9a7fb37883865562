//! Appeal windows (*masa sanggah*), one per village.
//!
//! Rules:
//! 1. Every judged village may appeal within `appeal_days` of the first announcement (v1).
//! 2. A correction that changes a village's standing — rank, final score, elimination or
//!    prize — opens a fresh window of the same length for that village, counted from the
//!    correction's publication: a late correction never leaves it without time to appeal.
//! 3. A village files one appeal per window: an appeal filed against the version that opened
//!    its window, or a later one, uses that window up.
//! 4. The result is final (winners may advance, nothing is being disputed) once every window
//!    has closed and no appeal awaits an answer.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use entity::{appeal, competition, result_snapshot};
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use super::correction;
use crate::db::results::snapshots;
use crate::results::Published;

/// Where a village's window starts: the version that opened it and when it was published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opening {
    pub version: i32,
    pub at: DateTime<FixedOffset>,
}

/// The appeal windows of one announced competition.
#[derive(Clone, Debug, Default)]
pub struct Windows {
    /// Window length; `None` when the competition takes no appeals.
    length: Option<Duration>,
    first: Option<Opening>,
    /// Villages whose window a correction reopened (latest opening only).
    reopened: HashMap<Uuid, Opening>,
}

impl Windows {
    /// The windows from the published versions, oldest first (pure: no I/O).
    #[must_use]
    pub fn of(length: Option<Duration>, versions: &[(Opening, Published)]) -> Windows {
        let mut w = Windows {
            length,
            first: versions.first().map(|(o, _)| *o),
            reopened: HashMap::new(),
        };
        for pair in versions.windows(2) {
            let [(_, old), (opening, new)] = pair else {
                continue;
            };
            for row in correction::diff(old, new).into_iter().filter(|r| r.changed) {
                w.reopened.insert(row.nomination_id, *opening);
            }
        }
        w
    }

    /// What opened the village's current window (v1, or the latest correction that changed
    /// its standing); `None` before the announcement.
    #[must_use]
    pub fn opening_for(&self, nomination: Uuid) -> Option<Opening> {
        self.reopened.get(&nomination).copied().or(self.first)
    }

    /// When the village's window closes; `None` when appeals are off or nothing is announced.
    #[must_use]
    pub fn closes_for(&self, nomination: Uuid) -> Option<DateTime<FixedOffset>> {
        Some(self.opening_for(nomination)?.at + self.length?)
    }

    /// True while the village may still appeal (if it has not used this window).
    #[must_use]
    pub fn open_for(&self, nomination: Uuid, now: DateTime<FixedOffset>) -> bool {
        self.closes_for(nomination).is_some_and(|end| now <= end)
    }

    /// True when a correction reopened this village's window.
    #[must_use]
    pub fn was_reopened(&self, nomination: Uuid) -> bool {
        self.reopened.contains_key(&nomination)
    }

    /// When the last window closes; `None` when appeals are off or nothing is announced.
    #[must_use]
    pub fn last_close(&self) -> Option<DateTime<FixedOffset>> {
        let latest = self
            .reopened
            .values()
            .chain(self.first.iter())
            .map(|o| o.at)
            .max()?;
        Some(latest + self.length?)
    }

    /// True while any village may still appeal.
    #[must_use]
    pub fn any_open(&self, now: DateTime<FixedOffset>) -> bool {
        self.last_close().is_some_and(|end| now <= end)
    }

    /// True when one of `filed` (the village's appeals) already used its current window.
    #[must_use]
    pub fn used(&self, nomination: Uuid, filed: &[appeal::Model]) -> bool {
        let Some(opening) = self.opening_for(nomination) else {
            return false;
        };
        filed
            .iter()
            .any(|a| a.nomination_id == nomination && a.snapshot_version >= opening.version)
    }
}

/// The window length of `c` (`None`: appeals are off).
#[must_use]
pub fn length_of(c: &competition::Model) -> Option<Duration> {
    c.appeals_enabled
        .then(|| Duration::days(i64::from(c.appeal_days)))
}

fn opening(s: &result_snapshot::Model) -> Opening {
    Opening {
        version: s.version,
        at: s.announced_at,
    }
}

/// The windows of `c` from its stored versions.
///
/// # Errors
/// A database error or an unreadable snapshot.
pub async fn load<C: ConnectionTrait>(db: &C, c: &competition::Model) -> Result<Windows, DbErr> {
    let mut stored = snapshots::list(db, c.id).await?;
    stored.reverse();
    let versions = stored
        .iter()
        .map(|s| {
            snapshots::published(s)
                .map(|p| (opening(s), p))
                .ok_or_else(|| DbErr::Custom("unreadable snapshot".into()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Windows::of(length_of(c), &versions))
}
