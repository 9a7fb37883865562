//! API authentication for offices that integrate other systems: `Authorization: Bearer …`
//! personal tokens (only their SHA-256 is stored), and `ApiWrite`, the guard every mutating
//! JSON route takes. A Bearer request carries no ambient authority, so it needs no CSRF
//! token; a browser calling the API with its session cookie must echo its CSRF token in the
//! `X-CSRF-Token` header.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use sha2::{Digest, Sha256};

use super::{AuthError, CurrentUser, csrf};

/// Every token starts with this, so leaked tokens are easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "juara_";
const HEADER: &str = "X-CSRF-Token";

/// A fresh token (shown once) and what is stored: its display prefix and its hash.
#[must_use]
pub fn generate() -> (String, String, String) {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let token = format!("{TOKEN_PREFIX}{secret}");
    let prefix = token.chars().take(TOKEN_PREFIX.len() + 6).collect();
    let hash = hash(&token);
    (token, prefix, hash)
}

/// The stored form of a token.
#[must_use]
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The token in an `Authorization: Bearer` header, if any.
#[must_use]
pub fn bearer<'r>(req: &'r Request<'_>) -> Option<&'r str> {
    req.headers()
        .get_one("Authorization")?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Permission to change data through the API: a Bearer-authenticated user, or a session user
/// whose request echoes the CSRF token.
pub struct ApiWrite(pub CurrentUser);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ApiWrite {
    type Error = AuthError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let user = rocket::outcome::try_outcome!(req.guard::<CurrentUser>().await);
        if bearer(req).is_some() {
            return Outcome::Success(ApiWrite(user));
        }
        if csrf::matches(req.cookies(), req.headers().get_one(HEADER)) {
            Outcome::Success(ApiWrite(user))
        } else {
            Outcome::Error((Status::Forbidden, AuthError::WrongRole))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_prefixed_and_only_their_hash_is_kept() {
        let (token, prefix, stored) = generate();
        assert!(token.starts_with("juara_"));
        assert_eq!(token.len(), 6 + 64);
        assert!(token.starts_with(&prefix));
        assert_eq!(stored, hash(&token));
        assert_ne!(stored, token);
        assert_ne!(generate().0, token);
    }
}
