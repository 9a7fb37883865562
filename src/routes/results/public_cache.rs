//! Announced results never change, so their public pages are rendered once and then served
//! from memory. On announcement day thousands open the same winners page; each of them then
//! costs one small read (the versions' hashes and the appeals' answer times that make the
//! key, `db::results::snapshots::page_marks`) instead of loading and rendering the snapshot.
//!
//! Rules:
//! - Only what every anonymous visitor sees alike is kept: a page for a logged-in user (their
//!   name in the menu) or with a one-time message is rendered fresh every time.
//! - The key names everything the page shows: the path, the language, every version's hash
//!   (a correction adds one) and the appeals' answers. A new version or answer makes a new key,
//!   so every instance serves the new page at once without shared memory, and stale entries
//!   simply stop being asked for.
//! - The key's digest is the page's `ETag`; a browser that revalidates with it gets `304`.
//!   `Cache-Control: public, no-cache` lets browsers keep the page but ask each time, so a
//!   correction is never hidden behind a cache.
//! - For anonymous visitors an instance trusts the key it last read for a competition during
//!   `public_page_trust_ms` (1 s by default), so at peak most requests touch no database at
//!   all; the price is that a new version or appeal answer reaches anonymous visitors of an
//!   instance up to that long after it was published. Logged-in users always read the key.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rocket::http::{ContentType, Header, Status};
use rocket::request::{self, FromRequest, Request};
use rocket::response::{self, Responder, Response};
use sea_orm::{DatabaseConnection, DbErr};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::results::snapshots::{self, PageMarks};

/// Pages kept at most; beyond that the oldest half is dropped (a province has a few dozen
/// announced competitions, each with a few versions and two languages).
const CAPACITY: usize = 512;

/// One rendered page and its validator.
pub struct Rendered {
    pub etag: String,
    /// Shared by every response: sending it copies nothing.
    pub html: Arc<[u8]>,
    stored: u64,
}

/// The rendered public pages of this instance, by key, and the keys it trusts for a while.
#[derive(Default)]
pub struct PublicPages {
    pages: Mutex<(u64, HashMap<String, Arc<Rendered>>)>,
    /// How long a key read for an anonymous visitor is trusted (zero: never).
    trust: Duration,
    marks: Mutex<HashMap<Uuid, (Instant, Arc<PageMarks>)>>,
}

impl PublicPages {
    /// Pages that trust a competition's key for `trust` after reading it.
    #[must_use]
    pub fn trusting(trust: Duration) -> Self {
        PublicPages {
            trust,
            ..PublicPages::default()
        }
    }

    /// The key parts of `competition`'s pages: read from the database, or for an `anonymous`
    /// visitor the ones read less than `trust` ago.
    pub async fn marks(
        &self,
        db: &DatabaseConnection,
        competition: Uuid,
        anonymous: bool,
    ) -> Result<Arc<PageMarks>, DbErr> {
        if self.trust.is_zero() {
            return Ok(Arc::new(snapshots::page_marks(db, competition).await?));
        }
        if anonymous {
            let known = self
                .marks
                .lock()
                .ok()
                .and_then(|m| m.get(&competition).cloned());
            if let Some((read, marks)) = known
                && read.elapsed() < self.trust
            {
                return Ok(marks);
            }
        }
        let fresh = Arc::new(snapshots::page_marks(db, competition).await?);
        if let Ok(mut known) = self.marks.lock() {
            if known.len() >= CAPACITY {
                known.clear();
            }
            known.insert(competition, (Instant::now(), Arc::clone(&fresh)));
        }
        Ok(fresh)
    }

    /// The page kept under `key`, if any.
    pub fn get(&self, key: &str) -> Option<Arc<Rendered>> {
        self.pages.lock().ok()?.1.get(key).cloned()
    }

    /// Keeps `html` under `key` and returns it with its `ETag`.
    pub fn put(&self, key: &str, html: String) -> Arc<Rendered> {
        let mut guard = match self.pages.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let (counter, pages) = &mut *guard;
        *counter += 1;
        if pages.len() >= CAPACITY {
            let mut ages: Vec<u64> = pages.values().map(|p| p.stored).collect();
            ages.sort_unstable();
            let median = ages.get(ages.len() / 2).copied().unwrap_or(0);
            pages.retain(|_, p| p.stored > median);
        }
        let rendered = Arc::new(Rendered {
            etag: etag_of(key),
            html: Arc::from(html.into_bytes()),
            stored: *counter,
        });
        pages.insert(key.to_owned(), Arc::clone(&rendered));
        rendered
    }
}

/// A strong validator for a key: `"` + 32 hex digits of its SHA-256 + `"`.
#[must_use]
pub fn etag_of(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// The `If-None-Match` a revalidating browser sends.
pub struct IfNoneMatch(pub Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for IfNoneMatch {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> request::Outcome<Self, Self::Error> {
        request::Outcome::Success(IfNoneMatch(
            req.headers().get_one("If-None-Match").map(str::to_owned),
        ))
    }
}

impl IfNoneMatch {
    /// True when the browser already holds `etag`.
    #[must_use]
    pub fn holds(&self, etag: &str) -> bool {
        self.0.as_deref().is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag)
        })
    }
}

/// A kept page, or `304 Not Modified` when the browser holds it already.
pub struct CachedHtml {
    pub page: Arc<Rendered>,
    pub not_modified: bool,
}

impl<'r> Responder<'r, 'static> for CachedHtml {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let mut out = Response::build();
        out.raw_header("ETag", self.page.etag.clone())
            .header(Header::new("Cache-Control", "public, no-cache"));
        if self.not_modified {
            return out.status(Status::NotModified).ok();
        }
        let body = Arc::clone(&self.page.html);
        out.header(ContentType::HTML)
            .sized_body(body.len(), std::io::Cursor::new(body))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_make_stable_distinct_validators_and_the_store_stays_bounded() {
        assert_eq!(etag_of("a"), etag_of("a"));
        assert_ne!(etag_of("a"), etag_of("b"));
        let pages = PublicPages::default();
        let first = pages.put("k0", "<p>0</p>".into());
        assert_eq!(
            pages.get("k0").map(|p| p.etag.clone()),
            Some(first.etag.clone())
        );
        for i in 1..=CAPACITY * 2 {
            pages.put(&format!("k{i}"), String::new());
        }
        let kept = pages.pages.lock().unwrap().1.len();
        assert!(kept <= CAPACITY, "{kept} pages kept");
        assert!(
            pages.get(&format!("k{}", CAPACITY * 2)).is_some(),
            "the newest stays"
        );
        assert!(IfNoneMatch(Some(format!("W/{}", first.etag))).holds(&first.etag));
        assert!(!IfNoneMatch(Some("\"x\"".into())).holds(&first.etag));
        assert!(!IfNoneMatch(None).holds(&first.etag));
    }
}
