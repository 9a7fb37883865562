//! Sessions: a private (encrypted, authenticated) cookie names the user, their session epoch,
//! an expiry and a session row (`db::sessions`). Every authenticated request loads that row
//! with the account in one primary-key join, so any instance sharing the database and the
//! secret key can serve it, and a revoked row (logout, "log out on all devices", password
//! change) ends every copy of the cookie at once. Bumping the epoch (deactivation) still ends
//! every session of the account.

use chrono::{DateTime, Utc};
use rocket::http::{Cookie, CookieJar, SameSite};
use sea_orm::{ConnectionTrait, DbErr};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::config::AppConfig;
use crate::db::sessions;
use crate::ids::UserId;

const COOKIE: &str = "juara_session";

/// What the session cookie carries.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub user: UserId,
    pub epoch: i32,
    /// The session row; cookies from before server-side sessions lack it and are void.
    pub sid: Uuid,
    /// Unix seconds after which the session is void.
    pub expires: i64,
}

/// Starts a session for the account: records the row, then sets the cookie.
pub async fn start<C: ConnectionTrait>(
    db: &C,
    jar: &CookieJar<'_>,
    user: &entity::user::Model,
    config: &AppConfig,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let expires = now.timestamp() + i64::from(config.session_hours) * 3600;
    let expires_at = DateTime::from_timestamp(expires, 0).unwrap_or(now);
    sessions::prune(db, user.id, now.fixed_offset()).await?;
    let sid = sessions::create(db, user.id, expires_at.fixed_offset()).await?;
    let claims = Claims {
        user: UserId::from(user.id),
        epoch: user.session_epoch,
        sid,
        expires,
    };
    if let Ok(value) = serde_json::to_string(&claims) {
        jar.add_private(
            Cookie::build((COOKIE, value))
                .http_only(true)
                .secure(config.secure_cookies)
                .same_site(SameSite::Lax)
                .path("/"),
        );
    }
    Ok(())
}

/// Ends the session in this browser and on the server.
pub async fn end<C: ConnectionTrait>(db: &C, jar: &CookieJar<'_>) -> Result<(), DbErr> {
    if let Some(claims) = read(jar) {
        sessions::revoke(db, claims.sid).await?;
    }
    jar.remove_private(Cookie::build(COOKIE).path("/"));
    Ok(())
}

/// Removes the cookie only (the row is already revoked).
pub fn forget(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(COOKIE).path("/"));
}

/// True when the browser sends a session cookie at all (even an expired or revoked one).
#[must_use]
pub fn present(jar: &CookieJar<'_>) -> bool {
    jar.get_private(COOKIE).is_some()
}

/// The claims of a well-formed, unexpired cookie.
#[must_use]
pub fn read(jar: &CookieJar<'_>) -> Option<Claims> {
    let cookie = jar.get_private(COOKIE)?;
    let claims: Claims = serde_json::from_str(cookie.value()).ok()?;
    (claims.expires > Utc::now().timestamp()).then_some(claims)
}

/// True when the session row is live and belongs to this cookie's account, the account is
/// active and the session belongs to its current epoch.
#[must_use]
pub fn still_valid(
    claims: &Claims,
    row: &entity::user_session::Model,
    user: &entity::user::Model,
) -> bool {
    row.revoked_at.is_none()
        && row.expires_at.timestamp() > Utc::now().timestamp()
        && row.user_id == user.id
        && UserId::from(user.id) == claims.user
        && user.active
        && user.session_epoch == claims.epoch
}
