//! The layer rules of `docs/ARCHITECTURE.md`, checked on the source text: which module may
//! import which, no import circles between the top-level modules, no state spelled as a string
//! outside `entity/`, and no source file over 400 lines. Each failure names the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The code of a line: without a `//` comment (doc comments included).
fn code(line: &str) -> &str {
    match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ if line.trim_start().starts_with("//") => "",
        _ => line,
    }
}

/// The top-level modules a file names through `crate::…`.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut in_group = false;
    for line in text.lines().map(code) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                in_group = !group.contains('}');
                out.extend(group_heads(group));
            } else {
                out.insert(ident(rest));
            }
        }
        if in_group && !line.contains("crate::") {
            out.extend(group_heads(line));
            in_group = !line.contains('}');
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

/// The first segment of each path in a `{a::b, c, d::{e}}` group (one line's worth).
fn group_heads(group: &str) -> Vec<String> {
    let mut depth = 0;
    let mut heads = Vec::new();
    let mut at_start = true;
    for (i, ch) in group.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            c if at_start && depth == 0 && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident(&group[i..]));
                at_start = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level module a source file belongs to (`src/db/users.rs` → `db`).
fn top_module(path: &Path) -> String {
    let rel = path.strip_prefix(SRC).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn lower_layers_do_not_import_upper_ones() {
    // Layer → the crate modules it must never name.
    let forbidden: &[(&str, &[&str])] = &[
        (
            "db",
            &[
                "routes", "auth", "forms", "app", "i18n", "views", "results", "scoring", "error",
            ],
        ),
        ("app", &["routes", "auth", "views", "forms", "error"]),
    ];
    let mut found = Vec::new();
    for (path, text) in sources(Path::new(SRC)) {
        let layer = top_module(&path);
        let Some((_, banned)) = forbidden.iter().find(|(l, _)| *l == layer) else {
            continue;
        };
        for m in crate_refs(&text) {
            if banned.contains(&m.as_str()) {
                found.push(format!("{} uses crate::{m}", path.display()));
            }
        }
        if layer == "app" && text.lines().map(code).any(|l| l.contains("rocket::")) {
            found.push(format!("{} uses rocket", path.display()));
        }
    }
    assert!(found.is_empty(), "layer rule broken:\n{}", found.join("\n"));
}

#[test]
fn top_level_modules_have_no_import_circles() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources(Path::new(SRC)) {
        let from = top_module(&path);
        if from == "lib" || from == "main" {
            continue;
        }
        let to = crate_refs(&text);
        edges
            .entry(from.clone())
            .or_default()
            .extend(to.into_iter().filter(|m| *m != from));
    }
    let mut circles = BTreeSet::new();
    for start in edges.keys() {
        // Depth-first search for a path back to `start`.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, trail)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    let mut cycle = trail.clone();
                    let min = cycle.iter().min().unwrap().clone();
                    let at = cycle.iter().position(|m| *m == min).unwrap();
                    cycle.rotate_left(at);
                    circles.insert(cycle.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles between top-level modules:\n{}",
        circles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// Stored names of states: they are spelled once, in `entity/`, as enum values.
const STATE_NAMES: &[&str] = &[
    "draft",
    "open",
    "judging",
    "review",
    "announced",
    "archived",
    "submitted",
    "accepted",
    "rejected",
    "withdrawn",
    "assigned",
    "pending",
    "upheld",
    "dismissed",
    "current",
    "superseded",
    "admin",
    "judge",
    "village",
];

#[test]
fn no_state_is_spelled_as_a_string_outside_entity() {
    let mut found = Vec::new();
    for (path, text) in sources(Path::new(SRC)) {
        for (n, line) in text.lines().enumerate() {
            // A word that only looks like a state (a username, a region level) says so.
            if line.contains("// not a state") {
                continue;
            }
            let line = code(line);
            for name in STATE_NAMES {
                if line.contains(&format!("\"{name}\"")) {
                    found.push(format!("{}:{}: \"{name}\"", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "state names spelled as strings (use the entity enums):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<String> = sources(Path::new(SRC))
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 400)
        .map(|(p, text)| format!("{} ({} lines)", p.display(), text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over 400 lines:\n{}",
        long.join("\n")
    );
}
