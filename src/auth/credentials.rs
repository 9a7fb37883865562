//! Checking a username and password, throttled (`throttle`): the login page and the API's
//! token exchange (`POST /api/v1/tokens/login`) share it, so both answer an unknown user and
//! a wrong password alike and count every attempt against the same limits.

use sea_orm::{DatabaseConnection, DbErr};

use super::{password, throttle};
use crate::config::AppConfig;
use crate::db::users;

/// Why the credentials were not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failures: try again later.
    Locked(throttle::Locked),
    /// Unknown user, wrong password or a deactivated account (told apart to nobody).
    Failed,
}

/// The active account `username` (trimmed, any case) if `password` is its password.
pub async fn check(
    db: &DatabaseConnection,
    config: &AppConfig,
    username: &str,
    password: &str,
    ip: Option<std::net::IpAddr>,
) -> Result<Result<entity::user::Model, Refusal>, DbErr> {
    let username = username.trim().to_lowercase();
    let ip = ip.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
    let gate = match throttle::check(db, config, &username, &ip).await? {
        Ok(gate) => gate,
        Err(locked) => return Ok(Err(Refusal::Locked(locked))),
    };
    if gate.slowed {
        rocket::tokio::time::sleep(throttle::SLOWDOWN).await;
    }
    let account = users::find_by_username(db, &username).await?;
    let ok = match &account {
        Some(a) => password::verify(password, &a.password_hash) && a.active,
        None => {
            password::verify_dummy(password);
            false
        }
    };
    throttle::record(db, config, gate, &username, &ip, ok).await?;
    Ok(account.filter(|_| ok).ok_or(Refusal::Failed))
}
