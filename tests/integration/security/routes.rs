//! Issue 10 §2: the authorization matrix derived from Rocket's own route list. Every mounted
//! route (method + URI template, as `rocket.routes()` lists it) must have a row in
//! [`table::ROWS`] saying how to fill its path from the fixture and which access class it
//! has; a route without a row fails the test by name. Each route is then requested as every
//! role: refused roles must get 401/403/404 and, for writes, leave the database unchanged;
//! allowed roles must get none of 401/403/404/500.
//!
//! One fixture for all cases: the demo (an announced provincial competition in province 64
//! with its snapshot and minutes, and a kabupaten competition in judging with sheets given
//! out), plus accounts for the nine roles.

mod fixture;
mod state;
mod table;

use std::collections::{BTreeSet, HashMap};

use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::asynchronous::Client;

use crate::common::{csrf_of, encode_form};
use fixture::{Fixture, Role};
use table::{ROWS, Row};

/// The key of a mounted route: `"POST /admin/conflicts"`, query template included.
fn key_of(route: &rocket::Route) -> String {
    format!("{} {}", route.method, route.uri)
}

/// True for answers that mean "refused".
fn refused(status: Status) -> bool {
    matches!(status.code, 401 | 403 | 404)
}

/// One request as `role`: the row's path filled in, writes with the role's CSRF token.
async fn send(
    client: &Client,
    csrf: &str,
    (method, multipart): (Method, bool),
    path: &str,
    body: &[(String, String)],
) -> Status {
    use crate::common::builders::{BOUNDARY, Part};
    let api = path.starts_with("/api");
    let mut req = client.req(method, path.to_owned());
    if multipart {
        // A route that takes only multipart bodies: the same fields, as parts.
        let parts: Vec<Part<'_>> = body
            .iter()
            .map(|(k, v)| Part::Text(k, v))
            .chain([Part::File("file", "a.pdf", b"%PDF-1.4\n")])
            .collect();
        let ct = ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY));
        req = req
            .header(ct)
            .header(Header::new("X-CSRF-Token", csrf.to_owned()))
            .body(crate::common::builders::multipart(&parts));
    } else if method != Method::Get {
        if let Some((_, raw)) = body.iter().find(|(k, _)| k == "_json") {
            req = req
                .header(ContentType::JSON)
                .header(Header::new("X-CSRF-Token", csrf.to_owned()))
                .body(raw.clone());
        } else if api {
            let map: serde_json::Map<String, serde_json::Value> = body
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            req = req
                .header(ContentType::JSON)
                .header(Header::new("X-CSRF-Token", csrf.to_owned()))
                .body(serde_json::Value::Object(map).to_string());
        } else {
            let mut all: Vec<(&str, &str)> = vec![("_csrf", csrf)];
            all.extend(body.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            req = req.header(ContentType::Form).body(encode_form(&all));
        }
    }
    req.dispatch().await.status()
}

#[rocket::async_test]
async fn every_mounted_route_answers_every_role_as_its_class_says() {
    let f = Fixture::new().await;
    // A route serving several lists (`…/<list>/<item>/move`) has a row per list; no two rows
    // request the same path of the same route.
    let rows: HashMap<&str, &Row> = ROWS.iter().map(|r| (r.key, r)).collect();
    let requests: BTreeSet<(&str, &str)> = ROWS.iter().map(|r| (r.key, r.path)).collect();
    assert_eq!(requests.len(), ROWS.len(), "a route has two identical rows");
    let mut mounted: Vec<(String, Method, bool)> = f
        .app
        .client
        .rocket()
        .routes()
        .map(|r| {
            let multipart = r.format.as_ref().is_some_and(|m| m.sub() == "form-data");
            (key_of(r), r.method, multipart)
        })
        .collect();
    mounted.sort_by(|a, b| a.0.cmp(&b.0));
    let missing: Vec<&str> = mounted
        .iter()
        .map(|(k, _, _)| k.as_str())
        .filter(|k| !rows.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a row in tests/integration/security/routes/table.rs \
         (add one: key, path from the fixture, access class):\n{}",
        missing.join("\n")
    );
    let keys: BTreeSet<&str> = mounted.iter().map(|(k, _, _)| k.as_str()).collect();
    let stale: Vec<&str> = ROWS
        .iter()
        .map(|r| r.key)
        .filter(|k| !keys.contains(k))
        .collect();
    assert!(
        stale.is_empty(),
        "rows for routes no longer mounted: {stale:?}"
    );

    let mut csrf = HashMap::new();
    for role in Role::ALL {
        csrf.insert(role, csrf_of(f.client(role)).await);
    }
    let mut failures = Vec::new();
    let mut cases = 0usize;
    // Refused roles first (nothing may change), then allowed reads, then allowed writes in
    // table order (the table puts writes that remove things last).
    for phase in 0..3 {
        for row in ROWS {
            let (method, multipart) = mounted
                .iter()
                .find(|(k, _, _)| k == row.key)
                .map(|(_, m, mp)| (*m, *mp))
                .unwrap_or((Method::Get, false));
            for role in Role::ALL {
                let allowed = row.class.allows(role);
                let in_phase = match phase {
                    0 => !allowed,
                    1 => allowed && method == Method::Get,
                    _ => allowed && method != Method::Get,
                };
                if !in_phase {
                    continue;
                }
                cases += 1;
                let path = f.fill(row.path).await;
                let body: Vec<(String, String)> = {
                    let mut out = Vec::new();
                    for (k, v) in row.body {
                        let v = if *k == "_json" {
                            (*v).to_owned()
                        } else {
                            f.fill(v).await
                        };
                        out.push(((*k).to_owned(), v));
                    }
                    out
                };
                let before = if allowed || method == Method::Get {
                    None
                } else {
                    Some(f.state().await)
                };
                let status = send(
                    f.client(role),
                    &csrf[&role],
                    (method, multipart),
                    &path,
                    &body,
                )
                .await;
                let what = format!("{role:?} {method} {path} ({} {:?})", row.key, row.class);
                if allowed && (refused(status) || status.code >= 500) {
                    failures.push(format!("{what}: allowed, got {status}"));
                } else if !allowed && !refused(status) {
                    failures.push(format!("{what}: must be refused, got {status}"));
                }
                if let Some(before) = before
                    && before != f.state().await
                {
                    failures.push(format!("{what}: refused but the database changed"));
                }
            }
        }
    }
    eprintln!(
        "route × role cases: {cases} ({} rows for {} routes × {} roles)",
        ROWS.len(),
        mounted.len(),
        Role::ALL.len()
    );
    assert_eq!(cases, ROWS.len() * Role::ALL.len());
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
