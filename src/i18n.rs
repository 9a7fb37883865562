//! User-facing text. Every string shown to people goes through Fluent message files in
//! `locales/` (Bahasa Indonesia by default, English available); templates call `t(key=…)`.

use fluent_templates::{FluentLoader, Loader, static_loader};
use rocket::http::CookieJar;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "id",
        // Bidi isolation marks would end up inside form values and attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages the interface speaks, default first.
pub const LANGUAGES: [&str; 2] = ["id", "en"];
const COOKIE: &str = "juara_lang";

/// The language chosen in this browser, or Indonesian.
#[must_use]
pub fn from_cookies(jar: &CookieJar<'_>) -> &'static str {
    match jar.get(COOKIE).map(rocket::http::Cookie::value) {
        Some("en") => "en",
        _ => "id",
    }
}

/// The language an API client asks for in `Accept-Language` (`en`, `en-US;q=0.9, id;q=0.8`,
/// …): the supported one with the highest weight, Indonesian when none is.
#[must_use]
pub fn from_accept_language(header: Option<&str>) -> &'static str {
    let mut best: Option<(&'static str, f32)> = None;
    for part in header.unwrap_or("").split(',') {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = LANGUAGES.into_iter().find(|l| *l == primary) else {
            continue;
        };
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((lang, q));
        }
    }
    best.map_or("id", |(lang, _)| lang)
}

/// Remembers the chosen language for a year.
pub fn remember(jar: &CookieJar<'_>, lang: &str) {
    let lang = if lang == "en" { "en" } else { "id" };
    jar.add(
        rocket::http::Cookie::build((COOKIE, lang.to_owned()))
            .path("/")
            .same_site(rocket::http::SameSite::Lax)
            .max_age(rocket::time::Duration::days(365)),
    );
}

fn lang_id(lang: &str) -> LanguageIdentifier {
    if lang == "en" {
        langid!("en")
    } else {
        langid!("id")
    }
}

/// The message `key` in `lang`.
#[must_use]
pub fn t(lang: &str, key: &str) -> String {
    LOCALES.lookup(&lang_id(lang), key)
}

/// True when `lang` has a message `key`.
#[must_use]
pub fn has(lang: &str, key: &str) -> bool {
    LOCALES.try_lookup(&lang_id(lang), key).is_some()
}

/// The message `key` in `lang`, or `fallback` when there is none.
#[must_use]
pub fn t_or(lang: &str, key: &str, fallback: &str) -> String {
    LOCALES
        .try_lookup(&lang_id(lang), key)
        .unwrap_or_else(|| fallback.to_owned())
}

/// The message `key` in `lang` with named arguments.
#[must_use]
pub fn t_args(lang: &str, key: &str, args: &[(&str, String)]) -> String {
    use std::borrow::Cow;
    use std::collections::HashMap;
    let map: HashMap<Cow<'static, str>, fluent_templates::fluent_bundle::FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_owned()), v.clone().into()))
        .collect();
    LOCALES.lookup_with_args(&lang_id(lang), key, &map)
}

/// Registers `t(key=…, lang=…)` with Tera (`views::register_tera` adds the formatting filters).
pub fn register(tera: &mut rocket_dyn_templates::tera::Tera) {
    tera.register_function(
        "t",
        FluentLoader::new(&*LOCALES).with_default_lang(langid!("id")),
    );
}

/// A competition's name with its year, once: `Lomba Desa (2026)`, but `Lomba Desa 2026` stays
/// as it is (names often carry the year already).
#[must_use]
pub fn with_year(name: &str, year: i64) -> String {
    let y = year.to_string();
    let has_year = name
        .split(|c: char| !c.is_ascii_digit())
        .any(|word| word == y);
    if has_year {
        name.to_owned()
    } else {
        format!("{name} ({y})")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Message ids defined in every `.ftl` file of a language directory.
    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut out = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =")
                    && !id.starts_with([' ', '#', '.', '*'])
                    && !id.is_empty()
                {
                    out.insert(id.trim().to_owned());
                }
            }
        }
        out
    }

    /// Every literal `t(key="…")` in the templates.
    fn template_keys() -> BTreeSet<String> {
        fn walk(dir: &Path, out: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for part in text.split("t(key=\"").skip(1) {
                    if let Some(end) = part.find('"') {
                        out.insert(part[..end].to_owned());
                    }
                }
            }
        }
        let mut out = BTreeSet::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
            &mut out,
        );
        out
    }

    #[test]
    fn both_languages_define_the_same_messages() {
        let (id, en) = (keys("id"), keys("en"));
        let only_id: Vec<_> = id.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&id).collect();
        assert!(only_id.is_empty(), "missing in English: {only_id:?}");
        assert!(
            only_en.is_empty(),
            "missing in Bahasa Indonesia: {only_en:?}"
        );
    }

    #[test]
    fn every_message_a_template_asks_for_exists() {
        let id = keys("id");
        // `t(key="level-" ~ l)` builds the key at render time: the prefix must name a family.
        let defined = |k: &String| match k.strip_suffix('-') {
            Some(_) => id.iter().any(|d| d.starts_with(k.as_str())),
            None => id.contains(k),
        };
        let missing: Vec<_> = template_keys()
            .into_iter()
            .filter(|k| !defined(k))
            .collect();
        assert!(
            missing.is_empty(),
            "templates use undefined messages: {missing:?}"
        );
    }

    #[test]
    fn lookups_fall_back_to_indonesian_and_fill_arguments() {
        assert_eq!(super::t("id", "nav-login"), "Masuk");
        assert_eq!(super::t("en", "nav-login"), "Log in");
        assert_eq!(super::t("fr", "nav-login"), "Masuk");
        let msg = super::t_args("id", "login-throttled", &[("minutes", "7".into())]);
        assert!(msg.contains("dalam 7 menit"), "{msg}");
    }
}

#[cfg(test)]
mod accept_language_tests {
    use super::from_accept_language as pick;

    #[test]
    fn the_best_supported_language_wins_and_indonesian_is_the_default() {
        assert_eq!(pick(None), "id");
        assert_eq!(pick(Some("")), "id");
        assert_eq!(pick(Some("en")), "en");
        assert_eq!(pick(Some("en-GB,en;q=0.9")), "en");
        assert_eq!(pick(Some("fr, en;q=0.5, id;q=0.8")), "id");
        assert_eq!(pick(Some("de, en;q=0.1")), "en");
        assert_eq!(pick(Some("en;q=0, ID")), "id");
        assert_eq!(pick(Some("fr")), "id");
    }
}
