//! Security headers on every response. Scripts only from our own origin (templates have no
//! inline script or event handler; `static/js/` holds them); inline `style` attributes stay
//! allowed for the computed bar widths and indents. Responses that set their own
//! `Content-Security-Policy` (uploaded files: `sandbox`) keep it.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

/// The policy for the app's own pages and JSON.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; \
    base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    // Paths carry ids of competitions and nominations: never send them to other sites.
    ("Referrer-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    // For browsers without `frame-ancestors`.
    ("X-Frame-Options", "DENY"),
];

/// Adds the headers above to every response that does not already carry them.
pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, _req: &'r Request<'_>, res: &mut Response<'r>) {
        for (name, value) in HEADERS {
            if !res.headers().contains(*name) {
                res.set_header(Header::new(*name, *value));
            }
        }
    }
}
