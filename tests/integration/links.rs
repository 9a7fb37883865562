//! Every path a template writes leads somewhere: each `href="/…"` matches a mounted GET route
//! (or a static file) and each `<form action="/…">` a mounted route of the form's method, after
//! Tera expressions are read as one path segment each. A renamed or removed route fails here by
//! template and path, instead of becoming a link that answers 404.

use std::path::{Path, PathBuf};

use rocket::http::Method;

use crate::common::TestApp;

/// One path written in a template: where, which method, and its segments (`None` for a
/// segment filled in by Tera).
#[derive(Debug)]
struct Written {
    file: String,
    method: Method,
    path: String,
    segments: Vec<Option<String>>,
}

fn templates(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("templates/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            templates(&path, out);
        } else if path.extension().is_some_and(|e| e == "tera") {
            out.push(path);
        }
    }
}

/// `/admin/competitions/{{ c.id }}/nominations?status=x` → `["admin", "competitions", None,
/// "nominations"]`; `{% … %}` blocks inside a path are dropped, `{{ … }}` make a segment
/// dynamic.
fn segments(raw: &str) -> Vec<Option<String>> {
    let mut text = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find("{%") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("%}")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let path = text.split(['?', '#']).next().unwrap_or_default();
    path.trim_start_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| (!s.contains("{{")).then(|| s.to_owned()))
        .collect()
}

/// The paths after `attr="` in `source`, with the method of the link or form.
fn written(file: &str, source: &str) -> Vec<Written> {
    let mut out = Vec::new();
    for (attr, method) in [("href=\"/", Method::Get), ("action=\"/", Method::Post)] {
        for (at, _) in source.match_indices(attr) {
            let from = at + attr.len() - 1;
            let Some(len) = source[from..].find('"') else {
                continue;
            };
            let path = &source[from..from + len];
            // A form that says `method="get"` searches with GET; a button's `formaction`
            // is sent with its form's method.
            let form_start = source[..at].rfind("<form").unwrap_or(0);
            let form_tag = source[form_start..].split('>').next().unwrap_or_default();
            let method = if method == Method::Post && form_tag.contains(r#"method="get""#) {
                Method::Get
            } else {
                method
            };
            out.push(Written {
                file: file.to_owned(),
                method,
                path: path.to_owned(),
                segments: segments(path),
            });
        }
    }
    out
}

/// True when `route`'s path template accepts `segments`: static segments equal, `<x>` any
/// one segment, `<x..>` the rest.
fn matches(route: &str, segments: &[Option<String>]) -> bool {
    let parts: Vec<&str> = route
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let mut i = 0;
    for part in &parts {
        if part.starts_with('<') && part.ends_with("..>") {
            return true;
        }
        let Some(seg) = segments.get(i) else {
            return false;
        };
        let dynamic = part.starts_with('<') && part.ends_with('>');
        match seg {
            Some(s) if !dynamic && *part != s => return false,
            None if !dynamic => return false,
            _ => {}
        }
        i += 1;
    }
    i == segments.len()
}

#[rocket::async_test]
async fn every_path_in_a_template_leads_to_a_mounted_route() {
    let app = TestApp::new().await;
    let routes: Vec<(Method, String)> = app
        .client
        .rocket()
        .routes()
        .map(|r| (r.method, r.uri.to_string()))
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    templates(&root.join("templates"), &mut files);
    let mut checked = 0;
    let mut broken = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("template");
        let name = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        for w in written(&name, &source) {
            checked += 1;
            let is_static = w
                .segments
                .first()
                .is_some_and(|s| s.as_deref() == Some("static"));
            if is_static {
                let relative = w
                    .path
                    .trim_start_matches('/')
                    .split('?')
                    .next()
                    .unwrap_or("");
                if !root.join(relative).exists() {
                    broken.push(format!("{}: {} (no such file)", w.file, w.path));
                }
                continue;
            }
            let found = routes
                .iter()
                .any(|(m, uri)| *m == w.method && matches(uri, &w.segments));
            if !found {
                broken.push(format!("{}: {} {}", w.file, w.method, w.path));
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} paths found: is the scan still reading templates?"
    );
    assert!(
        broken.is_empty(),
        "paths that lead nowhere:\n{}",
        broken.join("\n")
    );
}

#[test]
fn a_path_is_read_as_the_router_reads_it() {
    let segs = segments("/admin/competitions/{{ c.id }}/nominations?status={{ s }}");
    assert_eq!(
        segs,
        vec![
            Some("admin".to_owned()),
            Some("competitions".to_owned()),
            None,
            Some("nominations".to_owned())
        ]
    );
    assert!(matches(
        "/admin/competitions/<id>/nominations?<status>",
        &segs
    ));
    assert!(!matches("/admin/competitions/<id>/judging", &segs));
    assert!(!matches("/admin/competitions/<id>", &segs));
    assert!(matches("/files/<path..>", &segments("/files/a/b.pdf")));
    assert!(!matches("/admin/users", &segments("/admin/{{ x }}")));
}
