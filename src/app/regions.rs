//! What a person types into a region field, and what such a field shows back. Accepted
//! without any script: a code (`64.72`), a picked suggestion (`64.72 — Kota Samarinda`), or
//! a name that names exactly one region at the levels the field takes (`Kota Samarinda`,
//! `Samarinda`, `Kabupaten Sleman — DI Yogyakarta`). Anything else is refused with a locale
//! key naming the problem. The type-ahead (`static/js/region-picker.js`) asks [`suggest`].

use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use crate::db::region_index::RegionSearch;
use crate::db::regions::{self, Region, RegionQuery};
use crate::registry::Level;

/// Why typed text names no single region (the locale key of the message).
pub type Refusal = &'static str;

/// No region has this code or name.
pub const UNKNOWN: Refusal = "err-region-unknown";
/// Several regions carry this name: pick one from the list or type its code.
pub const AMBIGUOUS: Refusal = "err-region-ambiguous";
/// The code and the name typed after it name different regions.
pub const MISMATCH: Refusal = "err-region-mismatch";
/// The region exists but is not at a level this field takes.
pub const WRONG_LEVEL: Refusal = "err-region-level";

/// The separator between a code or name and what follows it in labels.
const DASH: &str = " — ";

/// Lower case with single spaces, for comparing names.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name without the kind word in front (`Kabupaten Sleman` → `sleman`).
fn bare(name: &str) -> String {
    let n = norm(name);
    for prefix in [
        "kabupaten ",
        "kab. ",
        "kab ",
        "kota ",
        "provinsi ",
        "kecamatan ",
        "kec. ",
    ] {
        if let Some(rest) = n.strip_prefix(prefix) {
            return rest.to_owned();
        }
    }
    n
}

/// Splits `text` at its first dash (em dash, en dash or a spaced hyphen).
fn split_dash(text: &str) -> (&str, &str) {
    for sep in ["—", "–", " - "] {
        if let Some((a, b)) = text.split_once(sep) {
            return (a.trim(), b.trim());
        }
    }
    (text.trim(), "")
}

/// The names of the enclosing regions, nearest first: `Kota Samarinda, Kalimantan Timur`.
pub async fn path_of<C: ConnectionTrait>(db: &C, code: &str) -> Result<String, DbErr> {
    let mut names: Vec<String> = regions::ancestors(db, code)
        .await?
        .into_iter()
        .map(|r| r.name)
        .collect();
    names.reverse();
    Ok(names.join(", "))
}

/// What a region field shows for a stored code: `64.72 — Kota Samarinda` (the code alone
/// when the registry does not know it, nothing for none).
pub async fn input_value<C: ConnectionTrait>(db: &C, code: Option<&str>) -> Result<String, DbErr> {
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return Ok(String::new());
    };
    Ok(match regions::find(db, code).await? {
        Some(r) => format!("{}{DASH}{}", r.code, r.name),
        None => code.to_owned(),
    })
}

/// The region's name for display (`Kabupaten Sleman`), or `None` when absent or unknown.
pub async fn name_of<C: ConnectionTrait>(
    db: &C,
    code: Option<&str>,
) -> Result<Option<String>, DbErr> {
    match code.filter(|c| !c.is_empty()) {
        Some(code) => Ok(regions::find(db, code).await?.map(|r| r.name)),
        None => Ok(None),
    }
}

/// The region as a heading names it, in `lang`: `Kabupaten Sleman`, `Provinsi Kalimantan
/// Timur`, `Kecamatan Samarinda Ulu`; `None` when absent or unknown to the registry.
pub async fn title_of<C: ConnectionTrait>(
    db: &C,
    code: Option<&str>,
    lang: &str,
) -> Result<Option<String>, DbErr> {
    let Some(code) = code.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    Ok(regions::find(db, code).await?.map(|r| {
        let key = match r.level {
            Level::Province => "region-title-province",
            Level::District => "region-title-district",
            // Regency names carry their kind (Kabupaten …, Kota …); villages stand alone.
            Level::Regency | Level::Village => return r.name,
        };
        crate::i18n::t_args(lang, key, &[("name", r.name)])
    }))
}

/// The region that the text names at one of `levels` (every level when empty); `None` for empty
/// text. Whether the region lies in the actor's scope is the caller's rule.
pub async fn resolve<C: ConnectionTrait>(
    db: &C,
    text: &str,
    levels: &[Level],
) -> Result<Result<Option<Region>, Refusal>, DbErr> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Ok(None));
    }
    let takes = |l: Level| levels.is_empty() || levels.contains(&l);
    let (head, tail) = split_dash(text);
    let first = head.split_whitespace().next().unwrap_or("");
    if Level::of_code(first).is_some() {
        // A code, perhaps followed by the region's name (and its path).
        let rest = head[first.len()..].trim();
        let named = if rest.is_empty() { tail } else { rest };
        let Some(region) = regions::find(db, first).await? else {
            return Ok(Err(UNKNOWN));
        };
        let (name, _) = split_dash(named);
        if !name.is_empty() && norm(name) != norm(&region.name) {
            return Ok(Err(MISMATCH));
        }
        return Ok(if takes(region.level) {
            Ok(Some(region))
        } else {
            Err(WRONG_LEVEL)
        });
    }
    // A name, perhaps followed by its path to tell namesakes apart.
    let mut found = Vec::new();
    let mut elsewhere = false;
    for level in Level::ALL {
        let query = RegionQuery {
            text: Some(head.to_owned()),
            level: Some(level),
            within: None,
        };
        let (candidates, _) = regions::search(db, &query, 0, 500).await?;
        let mut exact: Vec<Region> = candidates
            .iter()
            .filter(|r| norm(&r.name) == norm(head))
            .cloned()
            .collect();
        if exact.is_empty() {
            exact = candidates
                .into_iter()
                .filter(|r| bare(&r.name) == bare(head))
                .collect();
        }
        if takes(level) {
            found.extend(exact);
        } else if !exact.is_empty() {
            elsewhere = true;
        }
    }
    if !tail.is_empty() && found.len() > 1 {
        let mut narrowed = Vec::new();
        for r in found {
            if norm(&path_of(db, &r.code).await?) == norm(tail) {
                narrowed.push(r);
            }
        }
        found = narrowed;
    }
    Ok(match found.len() {
        1 => Ok(found.pop()),
        0 if elsewhere => Err(WRONG_LEVEL),
        0 => Err(UNKNOWN),
        _ => Err(AMBIGUOUS),
    })
}

/// One suggestion of the type-ahead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// The enclosing regions, nearest first.
    pub path: String,
    /// What the field holds once this one is picked (`64.72 — Kota Samarinda`).
    pub value: String,
}

/// Most suggestions returned for one query.
pub const MAX_SUGGESTIONS: usize = 10;

/// Regions whose name contains `text` (or whose code starts with it) at `levels` (every
/// level when empty): names equal to the text first, then names starting with it, each
/// group top level first; at most [`MAX_SUGGESTIONS`]. Fewer than two letters: none.
pub async fn suggest<C: ConnectionTrait>(
    db: &C,
    index: &RegionSearch,
    text: &str,
    levels: &[Level],
) -> Result<Vec<Suggestion>, DbErr> {
    let text = text.trim();
    if text.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let wanted = if levels.is_empty() {
        Level::ALL.to_vec()
    } else {
        levels.to_vec()
    };
    let mut pool: Vec<Region> = Vec::new();
    for level in wanted {
        let query = RegionQuery {
            text: Some(text.to_owned()),
            level: Some(level),
            within: None,
        };
        pool.extend(index.search(db, &query, 0, 200).await?.0);
    }
    let typed = bare(text);
    let rank = |r: &Region| {
        let name = bare(&r.name);
        if name == typed {
            0
        } else if name.starts_with(&typed) {
            1
        } else {
            2
        }
    };
    // Stable: within a rank the index order (level, then code) stays.
    pool.sort_by_key(rank);
    pool.truncate(MAX_SUGGESTIONS);
    let mut out = Vec::with_capacity(pool.len());
    for r in pool {
        out.push(Suggestion {
            path: path_of(db, &r.code).await?,
            value: format!("{}{DASH}{}", r.code, r.name),
            code: r.code,
            name: r.name,
            level: r.level,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_spaces_or_kind_word() {
        assert_eq!(bare("Kabupaten  Sleman"), "sleman");
        assert_eq!(bare("KOTA Samarinda"), "samarinda");
        assert_eq!(bare("Samarinda Ulu"), "samarinda ulu");
    }

    #[test]
    fn a_dash_splits_code_or_name_from_the_rest() {
        assert_eq!(
            split_dash("64.72 — Kota Samarinda"),
            ("64.72", "Kota Samarinda")
        );
        assert_eq!(
            split_dash("64.72 - Kota Samarinda"),
            ("64.72", "Kota Samarinda")
        );
        assert_eq!(split_dash("Kabupaten Sleman"), ("Kabupaten Sleman", ""));
    }
}
