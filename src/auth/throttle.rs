//! Login throttling, stored in the database so every instance sees the same failures:
//! after `login_max_failures` failures for a username within the window (since its last
//! success), or four times that from one IP address, login is refused until the window passes.

use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::config::AppConfig;
use crate::db::users;

/// How many failures one address may make, as a multiple of the per-username limit.
const IP_FACTOR: u64 = 4;

/// Refused: try again after this many minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locked {
    pub retry_after_minutes: i64,
}

/// Whether this username and address may try to log in now.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    config: &AppConfig,
    username: &str,
    ip: &str,
) -> Result<Result<(), Locked>, DbErr> {
    let window = Duration::minutes(i64::from(config.login_window_minutes));
    let now = Utc::now().fixed_offset();
    let (by_user, by_ip, oldest) = users::recent_failures(db, username, ip, now - window).await?;
    let max = u64::from(config.login_max_failures);
    if by_user >= max || by_ip >= max.saturating_mul(IP_FACTOR) {
        let unlock = oldest.map_or(now + window, |t| t + window);
        let minutes = (unlock - now).num_minutes().max(0) + 1;
        return Ok(Err(Locked {
            retry_after_minutes: minutes,
        }));
    }
    Ok(Ok(()))
}

/// Records the outcome of an attempt and prunes attempts older than a day.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    username: &str,
    ip: &str,
    succeeded: bool,
) -> Result<(), DbErr> {
    let now = Utc::now().fixed_offset();
    users::record_attempt(db, username, ip, succeeded, now).await?;
    if succeeded {
        users::prune_attempts(db, now - Duration::days(1)).await?;
    }
    Ok(())
}
