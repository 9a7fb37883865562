//! `/docs/api`: the API's documentation page, rendered on the server from the same OpenAPI
//! document the API serves — no JavaScript viewer to vendor, light on a slow line, in the
//! reader's language for its frame (the operations' own texts are English, as in the code).

use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;
use serde_json::Value;

use crate::views::Page;

#[derive(Serialize)]
struct Param {
    name: String,
    location: String,
    required: bool,
    kind: String,
    description: String,
}

#[derive(Serialize)]
struct Answer {
    status: String,
    description: String,
    kind: String,
}

#[derive(Serialize)]
struct Operation {
    anchor: String,
    method: String,
    path: String,
    summary: String,
    public: bool,
    params: Vec<Param>,
    body: Option<String>,
    answers: Vec<Answer>,
}

#[derive(Serialize)]
struct Group {
    name: String,
    description: String,
    operations: Vec<Operation>,
}

#[derive(Serialize)]
struct Field {
    name: String,
    kind: String,
    required: bool,
    description: String,
}

#[derive(Serialize)]
struct Schema {
    name: String,
    kind: String,
    description: String,
    fields: Vec<Field>,
}

#[derive(Serialize)]
struct DocsView {
    page: Page,
    groups: Vec<Group>,
    schemas: Vec<Schema>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_owned()
}

/// A schema in a few words: `string (uuid)`, `[Line]`, `string | null`, `→ StageDto`.
fn kind_of(s: &Value) -> String {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    for combinator in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = s.get(combinator).and_then(Value::as_array) {
            let parts: Vec<String> = list.iter().map(kind_of).collect();
            return parts.join(" | ");
        }
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = values
            .iter()
            .map(|v| {
                v.as_str()
                    .map_or_else(|| v.to_string(), |x| format!("\"{x}\""))
            })
            .collect();
        return names.join(" | ");
    }
    let base = match s.get("type") {
        Some(Value::String(t)) => one_type(t, s),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .map(|t| one_type(t, s))
            .collect::<Vec<_>>()
            .join(" | "),
        _ => "any".to_owned(),
    };
    match s.get("format").and_then(Value::as_str) {
        Some(f) if !base.starts_with('[') => format!("{base} ({f})"),
        _ => base,
    }
}

fn one_type(t: &str, s: &Value) -> String {
    match t {
        "array" => format!("[{}]", s.get("items").map_or("any".to_owned(), kind_of)),
        "object" if s.get("additionalProperties").is_some_and(Value::is_object) => {
            format!("{{string: {}}}", kind_of(&s["additionalProperties"]))
        }
        other => other.to_owned(),
    }
}

fn body_kind(op: &Value) -> Option<String> {
    let content = op.get("requestBody")?.get("content")?.as_object()?;
    let kinds: Vec<String> = content
        .iter()
        .map(|(mime, c)| match c.get("schema") {
            Some(s) if mime == "application/json" => kind_of(s),
            _ => mime.clone(),
        })
        .collect();
    Some(kinds.join(" | "))
}

fn operation(method: &str, path: &str, op: &Value) -> Operation {
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| Param {
                    name: text(p, "name"),
                    location: text(p, "in"),
                    required: p.get("required").and_then(Value::as_bool) == Some(true),
                    kind: p.get("schema").map_or_else(String::new, kind_of),
                    description: text(p, "description"),
                })
                .collect()
        })
        .unwrap_or_default();
    let answers = op
        .get("responses")
        .and_then(Value::as_object)
        .map(|rs| {
            rs.iter()
                .map(|(status, r)| Answer {
                    status: status.clone(),
                    description: text(r, "description"),
                    kind: r
                        .get("content")
                        .and_then(Value::as_object)
                        .and_then(|c| c.values().next())
                        .and_then(|c| c.get("schema"))
                        .map_or_else(String::new, kind_of),
                })
                .collect()
        })
        .unwrap_or_default();
    let summary = [text(op, "summary"), text(op, "description")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Operation {
        anchor: format!("{method}-{path}").replace(['/', '{', '}', '.'], "-"),
        method: method.to_uppercase(),
        path: path.to_owned(),
        summary,
        public: op
            .get("security")
            .and_then(Value::as_array)
            .is_some_and(|s| {
                s.iter()
                    .any(|r| r.as_object().is_some_and(|o| o.is_empty()))
            }),
        params,
        body: body_kind(op),
        answers,
    }
}

fn groups_of(doc: &Value) -> Vec<Group> {
    let tags = doc
        .get("tags")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut groups: Vec<Group> = tags
        .iter()
        .map(|t| Group {
            name: text(t, "name"),
            description: text(t, "description"),
            operations: Vec::new(),
        })
        .collect();
    let paths = doc.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        for method in ["get", "post", "put", "delete", "patch"] {
            let Some(op) = item.get(method) else { continue };
            let tag = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .unwrap_or("");
            if let Some(g) = groups.iter_mut().find(|g| g.name == tag) {
                g.operations.push(operation(method, path, op));
            }
        }
    }
    groups
}

fn schemas_of(doc: &Value) -> Vec<Schema> {
    let Some(all) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    all.iter()
        .map(|(name, s)| {
            let required: Vec<&str> = s
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let fields = s
                .get("properties")
                .and_then(Value::as_object)
                .map(|props| {
                    props
                        .iter()
                        .map(|(field, p)| Field {
                            name: field.clone(),
                            kind: kind_of(p),
                            required: required.contains(&field.as_str()),
                            description: text(p, "description"),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Schema {
                name: name.clone(),
                kind: kind_of(s),
                description: text(s, "description"),
                fields,
            }
        })
        .collect()
}

#[get("/docs/api")]
fn api_docs(page: Page) -> Template {
    let doc = serde_json::to_value(super::api::openapi::document()).unwrap_or(Value::Null);
    let view = DocsView {
        page,
        groups: groups_of(&doc),
        schemas: schemas_of(&doc),
    };
    Template::render("docs/api", &view)
}

/// Routes of this module.
#[must_use]
pub fn routes() -> Vec<Route> {
    routes![api_docs]
}
