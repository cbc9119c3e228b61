//! A pack's own words (`locales/<language>.json`), checked against English:
//! keys English lacks (misspelt) and placeholders that differ are problems
//! at load; keys the pack lacks are left to the checker (English shows).

use std::collections::BTreeMap;

use super::{is_english, placeholders, Catalog};
use crate::course::load::files::PackFiles;
use crate::course::load::problem::Problem;

/// Where a pack keeps its words for `language`.
pub fn catalog_path(language: &str) -> String {
    format!("locales/{language}.json")
}

/// The course's words: English, with the pack's catalog for `language`
/// over it when there is one. Each unusable entry is a problem.
pub fn pack_words(files: &PackFiles, language: &str, problems: &mut Vec<Problem>) -> Catalog {
    let path = catalog_path(language);
    let own = files
        .get(&path)
        .map(|text| checked_entries(&path, text, problems))
        .unwrap_or_default();
    Catalog::for_language(language, own)
}

/// Words shown before any pack is read, so always in English, which a
/// pack's catalog need not (and cannot usefully) translate: the message
/// for a PC without WebView2 (`no_webview`).
pub const SHOWN_BEFORE_ANY_PACK: &[&str] = &["no-webview."];

/// Whether a pack's catalog is asked for `key` (see `SHOWN_BEFORE_ANY_PACK`).
fn translatable(key: &str) -> bool {
    !SHOWN_BEFORE_ANY_PACK
        .iter()
        .any(|prefix| key.starts_with(prefix))
}

/// What `check` adds: each key English has that the pack's catalog lacks
/// (the learner would see English there), or the missing catalog itself
/// for a language other than English.
pub fn missing_words(files: &PackFiles, language: &str) -> Vec<Problem> {
    let path = catalog_path(language);
    let Some(text) = files.get(&path) else {
        if is_english(language) {
            return Vec::new();
        }
        return vec![Problem::in_file(
            path,
            format!(
                "is missing: the app's own words will be shown in English, not in {language:?}"
            ),
        )];
    };
    let own: BTreeMap<String, serde_json::Value> = serde_json::from_str(text).unwrap_or_default();
    Catalog::english()
        .entries()
        .keys()
        .filter(|key| translatable(key) && !own.contains_key(*key))
        .map(|key| Problem::in_file(&path, format!("has no {key:?}: English is shown there")))
        .collect()
}

fn checked_entries(
    path: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, String> {
    let entries: BTreeMap<String, String> = match serde_json::from_str(text) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::at_line(
                path,
                err.line(),
                format!("must be one JSON object of key and text pairs ({err})"),
            ));
            return BTreeMap::new();
        }
    };
    let english = Catalog::english().entries();
    let mut good = BTreeMap::new();
    for (key, own_text) in entries {
        let place = |message: String| match line_of_key(text, &key) {
            Some(line) => Problem::at_line(path, line, message),
            None => Problem::in_file(path, message),
        };
        let Some(english_text) = english.get(&key) else {
            problems.push(place(format!(
                "{key:?} is not a key the app uses (misspelt?)"
            )));
            continue;
        };
        let mut ours = placeholders(&own_text);
        let mut theirs = placeholders(english_text);
        ours.sort_unstable();
        theirs.sort_unstable();
        if ours == theirs {
            good.insert(key, own_text);
        } else {
            problems.push(place(format!(
                "{key:?} must use the same placeholders as English ({}), not ({})",
                braces(&theirs),
                braces(&ours)
            )));
        }
    }
    good
}

fn braces(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The line a key is written on. serde_json keeps no positions for keys,
/// so this finds the line that opens with the quoted key and a colon (keys
/// the app uses need no escaping, so the quoted form is the key itself).
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(&quoted)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::files::PackFiles;

    fn pack_with(catalog: &str) -> PackFiles {
        PackFiles::from_pairs([("locales/fr.json", catalog)])
    }

    #[test]
    fn a_packs_words_override_english_and_missing_ones_stay_english() {
        let files = pack_with("{\n  \"nav.home\": \"Accueil\"\n}\n");
        let mut problems = Vec::new();
        let words = pack_words(&files, "fr", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(words.language(), "fr");
        assert_eq!(words.text("nav.home", &[]), "Accueil");
        assert_eq!(words.text("nav.about", &[]), "About");
    }

    #[test]
    fn a_misspelt_key_and_changed_placeholders_are_problems_with_their_lines() {
        let files = pack_with(
            "{\n  \"nav.hmoe\": \"Accueil\",\n  \"lesson.position\": \"Leçon {n} sur {count}\"\n}\n",
        );
        let mut problems = Vec::new();
        let words = pack_words(&files, "fr", &mut problems);
        assert_eq!(
            problems,
            vec![
                Problem::at_line(
                    "locales/fr.json",
                    3,
                    "\"lesson.position\" must use the same placeholders as English ({n}, {total}), not ({count}, {n})"
                ),
                Problem::at_line(
                    "locales/fr.json",
                    2,
                    "\"nav.hmoe\" is not a key the app uses (misspelt?)"
                ),
            ]
        );
        assert_eq!(
            words.text("lesson.position", &[("n", "1"), ("total", "3")]),
            "Lesson 1 of 3"
        );
    }

    #[test]
    fn a_catalog_that_is_not_a_flat_object_is_a_problem_at_its_line() {
        let files = pack_with("{\n  \"nav.home\": [\"Accueil\"]\n}\n");
        let mut problems = Vec::new();
        pack_words(&files, "fr", &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(2), "{problems:?}");
    }

    #[test]
    fn check_lists_each_key_the_catalog_lacks() {
        let files = pack_with("{ \"nav.home\": \"Accueil\" }");
        let missing = missing_words(&files, "fr");
        let translatable_keys = Catalog::english()
            .entries()
            .keys()
            .filter(|key| translatable(key))
            .count();
        assert_eq!(missing.len(), translatable_keys - 1);
        // Words shown before any pack is read are never asked for.
        assert!(translatable_keys < Catalog::english().entries().len());
        assert!(!missing.iter().any(|p| p.message.contains("no-webview.")));
        assert!(missing.iter().all(|p| p.file == "locales/fr.json"));
        assert!(missing
            .iter()
            .any(|p| p.message == "has no \"nav.about\": English is shown there"));
    }

    #[test]
    fn check_wants_a_catalog_only_for_a_language_other_than_english() {
        let files = PackFiles::default();
        assert!(missing_words(&files, "en-AU").is_empty());
        let missing = missing_words(&files, "de");
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].file, "locales/de.json");
    }
}
