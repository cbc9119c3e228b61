//! The word catalog and the code agree: every key the page script, the
//! page's HTML and Rust use is in `ui/locales/en.json`, and every entry
//! there is used. Keys are read where the code looks words up: `t(`,
//! `plural(`, `.text(`, `say(`, `Message::new(`, `data-word="` and
//! `data-word-label="`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::root;

fn english() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("ui/locales/en.json")).unwrap();
    serde_json::from_str(&text).expect("en.json is one flat object of texts")
}

/// How the code names words: an exact key, a family (`month.` from
/// `` t(`month.${n}`) ``) or a plural stem (`minutes` from `plural("minutes"`).
#[derive(Debug, Default)]
struct Uses {
    keys: BTreeSet<(String, String)>,
    families: BTreeSet<(String, String)>,
    stems: BTreeSet<(String, String)>,
}

const CALLS: &[&str] = &["t(", "plural(", ".text(", "say(", "Message::new("];

/// The key-like literal right after `at`: skips `&` and `format!(`, then
/// reads a quoted literal up to its closing quote, or up to an
/// interpolation (`${` or `{`), which makes it a family prefix.
fn literal_after(text: &str) -> Option<(String, bool)> {
    let rest = text.trim_start().trim_start_matches('&');
    let rest = rest.strip_prefix("format!(").unwrap_or(rest);
    let quote = rest
        .chars()
        .next()
        .filter(|c| ['"', '\'', '`'].contains(c))?;
    let body = &rest[1..];
    let end = body.find(quote)?;
    let literal = &body[..end];
    let (literal, family) = match literal.find(['$', '{']) {
        Some(i) => (&literal[..i], true),
        None => (literal, false),
    };
    let key_like = !literal.is_empty()
        && literal
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    key_like.then(|| (literal.to_owned(), family))
}

fn scan(file: &Path, uses: &mut Uses) {
    let mut text = std::fs::read_to_string(file).unwrap();
    // Unit tests name made-up keys on purpose; by convention they close a file.
    if let Some(tests) = text.find("#[cfg(test)]") {
        text.truncate(tests);
    }
    let shown = file.strip_prefix(root()).unwrap().display().to_string();
    for call in CALLS {
        for (at, _) in text.match_indices(call) {
            // `t(` must be the function `t`, not the end of `start(`.
            let before = text[..at].chars().next_back();
            if *call == "t(" && before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
            {
                continue;
            }
            if let Some((literal, family)) = literal_after(&text[at + call.len()..]) {
                let place = (literal, shown.clone());
                if family {
                    uses.families.insert(place);
                } else if *call == "plural(" {
                    uses.stems.insert(place);
                } else {
                    uses.keys.insert(place);
                }
            }
        }
    }
    for attribute in ["data-word=", "data-word-label="] {
        for (at, _) in text.match_indices(attribute) {
            if let Some((literal, false)) = literal_after(&text[at + attribute.len()..]) {
                uses.keys.insert((literal, shown.clone()));
            }
        }
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn uses() -> Uses {
    let mut paths = vec![root().join("ui/index.html")];
    files(&root().join("ui/js"), "js", &mut paths);
    files(&root().join("src-tauri/src"), "rs", &mut paths);
    let mut uses = Uses::default();
    for path in paths {
        scan(&path, &mut uses);
    }
    uses
}

#[test]
fn every_key_the_code_uses_is_in_the_english_catalog_and_every_entry_is_used() {
    let english = english();
    let uses = uses();
    let mut wrong = Vec::new();
    for (key, file) in &uses.keys {
        if !english.contains_key(key) {
            wrong.push(format!("{file}: {key:?} is not in en.json"));
        }
    }
    for (prefix, file) in &uses.families {
        if !english.keys().any(|k| k.starts_with(prefix.as_str())) {
            wrong.push(format!("{file}: no key in en.json starts {prefix:?}"));
        }
    }
    for (stem, file) in &uses.stems {
        if !english.contains_key(&format!("{stem}.other")) {
            wrong.push(format!(
                "{file}: plural {stem:?} has no \"{stem}.other\" in en.json"
            ));
        }
    }
    for key in english.keys() {
        let used = uses.keys.iter().any(|(k, _)| k == key)
            || uses
                .families
                .iter()
                .any(|(p, _)| key.starts_with(p.as_str()))
            || uses.stems.iter().any(|(s, _)| {
                key.strip_prefix(s.as_str())
                    .is_some_and(|r| r.starts_with('.'))
            });
        if !used {
            wrong.push(format!("en.json: {key:?} is used nowhere"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The scan itself finds what it should, from each side.
    assert!(uses
        .keys
        .iter()
        .any(|(k, f)| k == "chrome.skip-link" && f.ends_with("index.html")));
    assert!(uses
        .keys
        .iter()
        .any(|(k, f)| k == "rule.consent-required" && f.ends_with(".rs")));
    assert!(uses
        .families
        .iter()
        .any(|(k, f)| k == "settings.theme." && f.ends_with(".js")));
    assert!(uses.stems.iter().any(|(k, _)| k == "minutes"));
}

#[test]
fn the_scan_reads_keys_families_and_stems_and_ignores_other_text() {
    assert_eq!(
        literal_after("\"nav.home\")"),
        Some(("nav.home".into(), false))
    );
    assert_eq!(
        literal_after("`month.${n}`)"),
        Some(("month.".into(), true))
    );
    assert_eq!(
        literal_after("&format!(\"month.{}\", m)"),
        Some(("month.".into(), true))
    );
    assert_eq!(literal_after("key, params)"), None);
    assert_eq!(literal_after("\"Not a key\")"), None);
}

/// What index.html shows before the catalog arrives is the catalog's English.
#[test]
fn the_pages_own_html_says_what_the_english_catalog_says() {
    let english = english();
    let html = std::fs::read_to_string(root().join("ui/index.html")).unwrap();
    let mut checked = 0;
    for (at, _) in html.match_indices("data-word=\"") {
        let rest = &html[at + "data-word=\"".len()..];
        let key = &rest[..rest.find('"').unwrap()];
        let inner = &rest[rest.find('>').unwrap() + 1..];
        let shown = &inner[..inner.find('<').unwrap()];
        if !shown.is_empty() {
            assert_eq!(Some(&shown.to_owned()), english.get(key), "{key}");
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} fixed texts found");
}

/// What a catalog's placeholders are checked against: each `{name}` in
/// English is one the code fills (a typo would show as "{nmae}").
#[test]
fn english_placeholders_are_plain_names() {
    for (key, text) in english() {
        for name in back_pain_course::course::words::placeholders(&text) {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{key}: {name}"
            );
        }
        assert_eq!(
            text.matches('{').count(),
            text.matches('}').count(),
            "{key}: {text}"
        );
    }
}
