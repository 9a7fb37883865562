//! The judge's offline app: the service worker at `/sw.js` (at the root so that its scope may
//! be `/judge`; always revalidated so a new version reaches phones) and the web app manifest.
//! Both are public like the stylesheet: they hold no data, only code.

use rocket::http::{ContentType, Header};
use rocket::{Responder, Route, get, routes};

const WORKER: &str = include_str!("../../../static/js/sw.js");
const MANIFEST: &str = include_str!("../../../static/manifest.webmanifest");

#[derive(Responder)]
struct Asset {
    body: &'static str,
    kind: ContentType,
    cache: Header<'static>,
    scope: Header<'static>,
}

#[get("/sw.js")]
fn worker() -> Asset {
    Asset {
        body: WORKER,
        kind: ContentType::JavaScript,
        cache: Header::new("Cache-Control", "no-cache"),
        scope: Header::new("Service-Worker-Allowed", "/judge"),
    }
}

#[get("/manifest.webmanifest")]
fn manifest() -> Asset {
    Asset {
        body: MANIFEST,
        kind: ContentType::new("application", "manifest+json"),
        cache: Header::new("Cache-Control", "no-cache"),
        scope: Header::new("X-Content-Type-Options", "nosniff"),
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![worker, manifest]
}
