//! The OpenAPI document: it names every mounted `/api/v1` route and nothing that is not
//! mounted, is OpenAPI 3.1 with the token scheme, resolves every `$ref`, and the
//! documentation page rendered from it is reachable and lists every operation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rocket::http::Status;
use serde_json::Value;

use crate::common::{TestApp, body};

/// `POST /api/v1/competitions/{}/stages` for `/api/v1/competitions/<_>/stages?<x>` and for
/// `/api/v1/competitions/{id}/stages`: parameters become `{}`, queries are dropped.
fn shape(method: &str, path: &str) -> (String, Vec<String>) {
    let path = path.split('?').next().unwrap_or(path);
    let segments = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.starts_with('<') || s.starts_with('{') {
                "{}".to_owned()
            } else {
                s.to_owned()
            }
        })
        .collect();
    (method.to_uppercase(), segments)
}

/// A mounted route covers a documented operation when every literal segment matches; a
/// mounted parameter (`<list>`) covers any documented segment.
fn covers(mounted: &(String, Vec<String>), documented: &(String, Vec<String>)) -> bool {
    mounted.0 == documented.0
        && mounted.1.len() == documented.1.len()
        && mounted
            .1
            .iter()
            .zip(&documented.1)
            .all(|(m, d)| m == "{}" || m == d)
}

async fn document(app: &TestApp) -> Value {
    let resp = app.client.get("/api/v1/openapi.json").dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(
        resp.content_type().map(|c| c.to_string()).as_deref(),
        Some("application/json")
    );
    serde_json::from_str(&body(resp).await).expect("the document is JSON")
}

fn operations(doc: &Value) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "delete", "patch"] {
            if item.get(method).is_some() {
                out.push(shape(method, path));
            }
        }
    }
    out
}

#[rocket::async_test]
async fn every_mounted_api_route_is_documented_and_nothing_else() {
    let app = TestApp::new().await;
    let doc = document(&app).await;
    assert_eq!(doc["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
    assert_eq!(
        doc.pointer("/components/securitySchemes/token/scheme")
            .and_then(Value::as_str),
        Some("bearer")
    );
    let documented = operations(&doc);
    let mounted: Vec<(String, Vec<String>)> = app
        .client
        .rocket()
        .routes()
        .filter(|r| r.uri.path().starts_with("/api/v1/"))
        .map(|r| shape(r.method.as_str(), &r.uri.to_string()))
        .collect();
    let undocumented: BTreeSet<String> = mounted
        .iter()
        .filter(|m| !documented.iter().any(|d| covers(m, d)))
        .map(|(m, p)| format!("{m} /{}", p.join("/")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in the document: {undocumented:#?}"
    );
    let unmounted: BTreeSet<String> = documented
        .iter()
        .filter(|d| !mounted.iter().any(|m| covers(m, d)))
        .map(|(m, p)| format!("{m} /{}", p.join("/")))
        .collect();
    assert!(
        unmounted.is_empty(),
        "documented but not mounted: {unmounted:#?}"
    );
}

fn refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.insert(r.clone());
            }
            map.values().for_each(|x| refs(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[rocket::async_test]
async fn every_reference_resolves_and_every_operation_answers_errors_as_api_error() {
    let app = TestApp::new().await;
    let doc = document(&app).await;
    let mut found = BTreeSet::new();
    refs(&doc, &mut found);
    assert!(found.contains("#/components/schemas/ApiError"));
    for r in &found {
        let pointer = r.strip_prefix('#').expect("local reference");
        assert!(doc.pointer(pointer).is_some(), "dangling reference {r}");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let not_found = op.pointer("/responses/404/content/application~1json/schema/$ref");
            assert_eq!(
                not_found.and_then(Value::as_str),
                Some("#/components/schemas/ApiError"),
                "{method} {path} does not document its 404"
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// utoipa keys components by the type's bare name (or its `#[schema(as = …)]`), and a second
/// type of the same name silently replaces the first: the document then describes one
/// operation's answer with another's fields (found by schemathesis, two `Preview`s).
#[test]
fn no_two_documented_types_share_a_schema_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("entity/src"), &mut files);
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut clashes = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !(line.trim_start().starts_with("#[derive(") && line.contains("ToSchema")) {
                continue;
            }
            let mut alias = None;
            for next in lines.iter().skip(i + 1).take(12) {
                let t = next.trim_start();
                if let Some(rest) = t.strip_prefix("#[schema(as = ") {
                    let path = rest.split(&[')', ','][..]).next().unwrap_or("");
                    alias = path.rsplit("::").next().map(|s| s.trim().to_string());
                }
                // `pub`, `pub(crate)`, `pub(super)`…
                let item = match t.strip_prefix("pub") {
                    Some(rest) if rest.starts_with('(') => rest.split_once(") ").map_or(t, |p| p.1),
                    Some(rest) => rest.trim_start(),
                    None => t,
                };
                if let Some(rest) = item.strip_prefix("struct ").or(item.strip_prefix("enum ")) {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    let name = alias.take().unwrap_or(name);
                    let place = format!("{}:{}", file.strip_prefix(root).unwrap().display(), i + 1);
                    if let Some(first) = seen.insert(name.clone(), place.clone()) {
                        clashes.push(format!("{name}: {first} and {place}"));
                    }
                    break;
                }
            }
        }
    }
    assert!(
        seen.len() > 50,
        "the scan found only {} documented types",
        seen.len()
    );
    assert!(clashes.is_empty(), "schema names used twice: {clashes:#?}");
}

#[rocket::async_test]
async fn the_documentation_page_lists_every_operation_for_anyone() {
    let app = TestApp::new().await;
    let doc = document(&app).await;
    let resp = app.client.get("/docs/api").dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    let page = body(resp).await;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let anchor = format!("{method}-{path}").replace(['/', '{', '}', '.'], "-");
            assert!(
                page.contains(&format!("id=\"{anchor}\"")),
                "{method} {path} missing"
            );
        }
    }
    assert!(page.contains("href=\"/api/v1/openapi.json\""));
    // Reachable from every page's footer, not only by typing its address.
    let home = body(app.client.get("/").dispatch().await).await;
    assert!(home.contains("href=\"/docs/api\""));
}
