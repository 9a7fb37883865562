//! CSRF protection for every state-changing form: a synchronizer token kept in a private
//! cookie and echoed in a hidden `_csrf` field, compared in constant time by the `CsrfForm`
//! data guard. Hand-written because the CSRF crates do not fit Rocket 0.5.2 (`rocket_csrf`
//! targets 0.4, `rocket_csrf_token` pins 0.5.0); the token needs no server state, so it works
//! across instances.

use rocket::data::{self, Data, FromData};
use rocket::form::{Contextual, Form, FromForm};
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::outcome::Outcome;
use rocket::request::Request;

const COOKIE: &str = "juara_csrf";
/// Name of the hidden form field.
pub const FIELD: &str = crate::forms::CSRF_FIELD;

/// The token for this browser, creating it on first use.
pub fn token(jar: &CookieJar<'_>) -> String {
    if let Some(c) = jar.get_private(COOKIE) {
        return c.value().to_owned();
    }
    let value = random_token();
    jar.add_private(
        Cookie::build((COOKIE, value.clone()))
            .http_only(true)
            .same_site(SameSite::Strict)
            .path("/"),
    );
    value
}

fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when `submitted` equals the browser's token (constant-time comparison).
#[must_use]
pub fn matches(jar: &CookieJar<'_>, submitted: Option<&str>) -> bool {
    let (Some(expected), Some(given)) = (jar.get_private(COOKIE), submitted) else {
        return false;
    };
    let (a, b) = (expected.value().as_bytes(), given.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A form that carries nothing but the token (logout, one-click actions).
#[derive(FromForm)]
pub struct Only<'r> {
    #[field(name = "_csrf")]
    pub token: &'r str,
}

/// Why a form was refused before the handler ran.
#[derive(Debug)]
pub enum CsrfError {
    /// The token was missing or did not match.
    Mismatch,
    /// The body could not be read as a form (too large, bad encoding).
    Unreadable,
}

/// A form whose CSRF token was checked. Field errors stay in the `Contextual`, so the handler
/// can re-render the form with every value kept.
pub struct CsrfForm<'r, T>(pub Contextual<'r, T>);

/// True when the body was cut at the request limit (a form-wide length error).
fn too_large(ctx: &rocket::form::Context<'_>) -> bool {
    ctx.errors().any(|e| {
        e.name.is_none() && matches!(e.kind, rocket::form::error::ErrorKind::InvalidLength { .. })
    })
}

#[rocket::async_trait]
impl<'r, T: FromForm<'r>> FromData<'r> for CsrfForm<'r, T> {
    type Error = CsrfError;

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        match Form::<Contextual<'r, T>>::from_data(req, data).await {
            Outcome::Success(form) => {
                let mut ctx = form.into_inner();
                crate::forms::refuse_control_chars(&mut ctx);
                if matches(req.cookies(), ctx.context.field_value(FIELD)) {
                    Outcome::Success(CsrfForm(ctx))
                } else if too_large(&ctx.context) {
                    // Past the request limit nothing of the form is read, not even its token:
                    // say what happened (413) rather than "expired form" (403).
                    Outcome::Error((Status::PayloadTooLarge, CsrfError::Unreadable))
                } else {
                    Outcome::Error((Status::Forbidden, CsrfError::Mismatch))
                }
            }
            Outcome::Error((status, _)) => Outcome::Error((status, CsrfError::Unreadable)),
            Outcome::Forward(f) => Outcome::Forward(f),
        }
    }
}
