//! Login throttling, stored in the database so every instance sees the same attempts, and
//! keyed so that it cannot be turned against an account's owner:
//!
//! - per (account, address): after `login_max_failures` failures the address waits 1, 2, 4, …
//!   minutes (at most the window) after each further failure; a success resets the pair;
//! - per account: past `ACCOUNT_FACTOR` × that many failures in the window from anywhere, every
//!   attempt is slowed by `SLOWDOWN` and an address locks after its first failure — but an
//!   address with no recent failures still gets in with the right password;
//! - per address: a password spray over many usernames locks the address for the window.
//!
//! The address is the peer's, or the configured proxy header's (`behind_proxy`), never a
//! header the client chose. Each lock is recorded in the audit trail (`auth.login_locked`,
//! `auth.login_slowed`), shown to admins at `/admin/security/lockouts`.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use sea_orm::{ConnectionTrait, DbErr};
use serde::{Deserialize, Serialize};

use crate::config::AppConfig;
use crate::db::{audit, users};

/// Failures one account may collect from all addresses, as a multiple of the per-pair limit.
const ACCOUNT_FACTOR: u64 = 4;
/// Failures one address may make over all usernames, as a multiple of the per-pair limit.
const ADDRESS_FACTOR: u64 = 4;
/// Extra wait of every attempt on an account under attack (costs an attacker, not the owner).
pub const SLOWDOWN: std::time::Duration = std::time::Duration::from_secs(1);
/// Audit actions of the two kinds of lock.
pub const ACTION_LOCKED: &str = "auth.login_locked";
pub const ACTION_SLOWED: &str = "auth.login_slowed";

/// Refused: try again after this many minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    pub retry_after_minutes: i64,
}

/// Allowed to try, with what the counts were before this attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    /// The account is past its ceiling: wait `SLOWDOWN` before checking the password.
    pub slowed: bool,
    pair_failures: u64,
    account_failures: u64,
}

/// What a lockout audit event records (as JSON in `details`).
#[derive(Debug, Serialize, Deserialize)]
pub struct LockDetails {
    pub username: String,
    pub ip: String,
    pub failures: u64,
    pub minutes: i64,
}

fn window(config: &AppConfig) -> Duration {
    Duration::minutes(i64::from(config.login_window_minutes))
}

/// The wait after the `failures`-th failure once `threshold` is reached: 1, 2, 4, … minutes,
/// at most the window.
fn backoff(failures: u64, threshold: u64, window: Duration) -> Duration {
    let doublings = u32::try_from(failures.saturating_sub(threshold).min(20)).unwrap_or(20);
    Duration::minutes(1i64 << doublings).min(window)
}

fn minutes_until(unlock: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> i64 {
    let secs = (unlock - now).num_seconds().max(0);
    (secs + 59) / 60
}

/// Whether this username may be tried from this address now.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    config: &AppConfig,
    username: &str,
    ip: &str,
) -> Result<Result<Gate, Locked>, DbErr> {
    let window = window(config);
    let now = Utc::now().fixed_offset();
    let since = now - window;
    let max = u64::from(config.login_max_failures);
    let (by_ip, oldest) = users::address_failures(db, ip, since).await?;
    if by_ip >= max.saturating_mul(ADDRESS_FACTOR) {
        let unlock = oldest.map_or(now + window, |t| t + window);
        return Ok(Err(Locked {
            retry_after_minutes: minutes_until(unlock, now).max(1),
        }));
    }
    let account_failures = users::account_failures(db, username, since).await?;
    let slowed = account_failures >= max.saturating_mul(ACCOUNT_FACTOR);
    let threshold = if slowed { 1 } else { max };
    let (pair_failures, latest) = users::pair_failures(db, username, ip, since).await?;
    if pair_failures >= threshold
        && let Some(latest) = latest
    {
        let unlock = latest + backoff(pair_failures, threshold, window);
        if unlock > now {
            return Ok(Err(Locked {
                retry_after_minutes: minutes_until(unlock, now),
            }));
        }
    }
    Ok(Ok(Gate {
        slowed,
        pair_failures,
        account_failures,
    }))
}

/// Records the outcome of an attempt, writes an audit event when this failure locks the
/// address or slows the account, and prunes attempts older than a day after a success.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    config: &AppConfig,
    gate: Gate,
    username: &str,
    ip: &str,
    succeeded: bool,
) -> Result<(), DbErr> {
    let now = Utc::now().fixed_offset();
    users::record_attempt(db, username, ip, succeeded, now).await?;
    if succeeded {
        return users::prune_attempts(db, now - Duration::days(1))
            .await
            .map(|_| ());
    }
    let max = u64::from(config.login_max_failures);
    let ceiling = max.saturating_mul(ACCOUNT_FACTOR);
    let pair = gate.pair_failures + 1;
    let account = gate.account_failures + 1;
    let threshold = if account >= ceiling { 1 } else { max };
    if account == ceiling {
        let details = LockDetails {
            username: username.to_owned(),
            ip: ip.to_owned(),
            failures: account,
            minutes: window(config).num_minutes(),
        };
        lock_event(db, ACTION_SLOWED, &details).await?;
    }
    if pair == threshold {
        let details = LockDetails {
            username: username.to_owned(),
            ip: ip.to_owned(),
            failures: pair,
            minutes: backoff(pair, threshold, window(config)).num_minutes(),
        };
        lock_event(db, ACTION_LOCKED, &details).await?;
    }
    Ok(())
}

async fn lock_event<C: ConnectionTrait>(
    db: &C,
    action: &str,
    details: &LockDetails,
) -> Result<(), DbErr> {
    audit::record(
        db,
        audit::NewEvent {
            action: action.to_owned(),
            reason: "percobaan masuk gagal berulang".to_owned(),
            details: serde_json::to_string(details).unwrap_or_default(),
            ..Default::default()
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_one_minute_up_to_the_window() {
        let w = Duration::minutes(15);
        let mins: Vec<i64> = (5..=10).map(|n| backoff(n, 5, w).num_minutes()).collect();
        assert_eq!(mins, vec![1, 2, 4, 8, 15, 15]);
        assert_eq!(backoff(u64::MAX, 1, w).num_minutes(), 15);
    }
}
