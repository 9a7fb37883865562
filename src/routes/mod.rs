//! HTTP routes, one module per resource, each with its own `routes()`. Handlers parse,
//! authorize (guards + scoped queries), call `db` or the domain, and render.

pub mod account;
pub mod api;
pub mod api_docs;
pub mod catchers;
pub mod competitions;
pub mod dashboard;
pub mod health;
pub mod home;
pub mod input_guard;
pub mod judging;
pub mod lang;
pub mod letterhead;
pub mod nominations;
pub mod presentations;
pub mod regions;
pub mod reply;
pub mod results;
pub mod rules;
pub mod scope;
pub mod security;
pub mod session;
pub(crate) mod setup_list;
pub mod tokens;
pub mod upload;
pub mod users;

pub use reply::FormReply;

use rocket::Route;

/// Every HTML route, mounted at `/`.
#[must_use]
pub fn web() -> Vec<Route> {
    [
        home::routes(),
        input_guard::routes(),
        health::routes(),
        lang::routes(),
        session::routes(),
        account::routes(),
        tokens::routes(),
        api_docs::routes(),
        dashboard::routes(),
        regions::routes(),
        users::routes(),
        competitions::routes(),
        nominations::routes(),
        judging::routes(),
        presentations::routes(),
        results::routes(),
        rules::routes(),
        security::routes(),
        letterhead::routes(),
    ]
    .concat()
}

/// Every JSON route, mounted at `/api`.
#[must_use]
pub fn api() -> Vec<Route> {
    [api::routes(), results::api_routes(), input_guard::routes()].concat()
}

/// A local path to return to after a form, refusing absolute and protocol-relative URLs
/// (an open redirect would let a phishing link borrow our login page), control characters
/// (a CR/LF or tab would break the `Location` header) and anything that is not a valid path.
#[must_use]
pub fn safe_next(next: Option<&str>) -> Option<String> {
    next.filter(|n| {
        n.starts_with('/')
            && !n.starts_with("//")
            && !n.contains('\\')
            && !n.chars().any(char::is_control)
            && rocket::http::uri::Origin::parse(n).is_ok()
    })
    .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(super::safe_next(Some("/regions")), Some("/regions".into()));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "regions",
            "/\t/x",
            "/\r\nSet-Cookie: a=b",
            "/a\u{0}b",
            "/ spasi",
        ] {
            assert_eq!(super::safe_next(Some(bad)), None, "{bad}");
        }
    }
}
