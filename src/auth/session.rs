//! Sessions live entirely in a private (encrypted, authenticated) cookie, so any instance
//! holding the shared secret key can read them: the app keeps no session state.
//! The cookie names the user, their session epoch and an expiry; bumping the epoch in the
//! database (password change, deactivation) ends every session at once.

use chrono::Utc;
use rocket::http::{Cookie, CookieJar, SameSite};
use serde::{Deserialize, Serialize};

use crate::config::AppConfig;
use crate::ids::UserId;

const COOKIE: &str = "juara_session";

/// What the session cookie carries.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub user: UserId,
    pub epoch: i32,
    /// Unix seconds after which the session is void.
    pub expires: i64,
}

/// Starts a session for the account.
pub fn start(jar: &CookieJar<'_>, user: &entity::user::Model, config: &AppConfig) {
    let claims = Claims {
        user: UserId::from(user.id),
        epoch: user.session_epoch,
        expires: Utc::now().timestamp() + i64::from(config.session_hours) * 3600,
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
}

/// Ends the session in this browser.
pub fn end(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(COOKIE).path("/"));
}

/// The claims of a well-formed, unexpired cookie.
#[must_use]
pub fn read(jar: &CookieJar<'_>) -> Option<Claims> {
    let cookie = jar.get_private(COOKIE)?;
    let claims: Claims = serde_json::from_str(cookie.value()).ok()?;
    (claims.expires > Utc::now().timestamp()).then_some(claims)
}

/// True when the account is active and the session belongs to its current epoch.
#[must_use]
pub fn still_valid(claims: &Claims, user: &entity::user::Model) -> bool {
    user.active && user.session_epoch == claims.epoch
}
