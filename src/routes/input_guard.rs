//! The one check of text in the address: a path or query value carrying a control character
//! (NUL, CR, LF, tab…) is refused with 422 before any handler runs, so no database sees it
//! (PostgreSQL cannot store NUL) and both databases answer alike. Form and JSON bodies get
//! the same check in their data guards ([`crate::forms::refuse_control_chars`],
//! [`crate::json`]). `next` is left to [`super::safe_next`], which falls back to a default
//! page instead.

use rocket::Data;
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Method;
use rocket::http::uri::Origin;
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::{Route, get, routes};

use crate::forms::{CONTROL_CHARS, forbidden_char};

/// Where a refused request is sent (under `/` for pages, under `/api` for the API).
const REFUSED: &str = "/input-refused";

/// The field that was refused, for the answer.
#[derive(Clone, Debug, Default)]
struct RefusedField(String);

/// Rewrites a request whose path or query has a control character to [`REFUSED`].
pub struct RefuseControlChars;

/// The first offending place: `_path`, or the query field's name.
fn offending(uri: &Origin<'_>) -> Option<String> {
    let bad = |s: &str| s.chars().any(|c| c.is_control() || forbidden_char(c));
    if bad(&uri.path().percent_decode_lossy()) {
        return Some("_path".to_owned());
    }
    uri.query()?
        .segments()
        .find(|(name, value)| bad(name) || (*name != "next" && bad(value)))
        .map(|(name, _)| name.chars().filter(|c| !c.is_control()).collect())
}

#[rocket::async_trait]
impl Fairing for RefuseControlChars {
    fn info(&self) -> Info {
        Info {
            name: "Refuse control characters in the address",
            kind: Kind::Request,
        }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        let Some(field) = offending(req.uri()) else {
            return;
        };
        let api = req.uri().path().starts_with("/api");
        let to = if api { "/api/input-refused" } else { REFUSED };
        req.local_cache(|| RefusedField(field));
        req.set_method(Method::Get);
        req.set_uri(Origin::new(to, None::<&str>));
    }
}

/// 422 naming the refused field (JSON under `/api`, the error page elsewhere).
pub struct Refused;

impl<'r> Responder<'r, 'static> for Refused {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let field = req.local_cache(RefusedField::default).0.clone();
        let field = if field.is_empty() {
            "_query".to_owned()
        } else {
            field
        };
        if req.uri().path().starts_with("/api") {
            let message = crate::i18n::t("id", CONTROL_CHARS);
            let fields = std::collections::BTreeMap::from([(field, vec![message])]);
            return crate::error::AppError::Invalid(fields).respond_to(req);
        }
        let page = crate::views::Page::for_error(req);
        let message = crate::i18n::t(page.lang, CONTROL_CHARS);
        let ctx =
            crate::views::ErrorPage::new(page, rocket::http::Status::UnprocessableEntity, message);
        let body = rocket_dyn_templates::Template::render(ctx.template(), &ctx).respond_to(req)?;
        rocket::Response::build_from(body)
            .status(rocket::http::Status::UnprocessableEntity)
            .ok()
    }
}

#[get("/input-refused")]
fn refused() -> Refused {
    Refused
}

/// The page route (mounted at `/`); the same route mounted at `/api` answers JSON.
pub fn routes() -> Vec<Route> {
    routes![refused]
}
