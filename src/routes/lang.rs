//! Switching the interface language (Bahasa Indonesia ⇄ English).

use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::{Route, get, routes};

#[get("/lang/<code>?<next>")]
fn switch(code: &str, next: Option<&str>, jar: &CookieJar<'_>) -> Redirect {
    crate::i18n::remember(jar, code);
    Redirect::to(super::safe_next(next).unwrap_or_else(|| "/".into()))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![switch]
}
