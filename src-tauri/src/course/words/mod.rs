//! The words the learner sees, from one catalog per language: English in
//! `ui/locales/en.json` (also the page's), overlaid by a pack's own.

mod message;
pub mod pack_catalog;
mod plural;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use time::OffsetDateTime;

pub use message::{Arg, Message};
pub use plural::plural_category;

/// The English catalog, shared with the page (which gets it from Rust).
pub const ENGLISH_JSON: &str = include_str!("../../../../ui/locales/en.json");

/// Keys and their texts for one language, every key English has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    language: String,
    entries: BTreeMap<String, String>,
}

impl Catalog {
    /// The built-in English words, parsed once.
    pub fn english() -> &'static Catalog {
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        ENGLISH.get_or_init(|| Catalog {
            language: "en".to_owned(),
            // A test parses the same file, so a broken catalog fails the
            // build's tests long before it could reach a learner.
            entries: serde_json::from_str(ENGLISH_JSON).expect("ui/locales/en.json is a flat map"),
        })
    }

    /// English for `language`, with a pack's own words over it: any key the
    /// pack lacks stays English.
    pub fn for_language(language: &str, own: BTreeMap<String, String>) -> Catalog {
        let mut entries = Catalog::english().entries.clone();
        entries.extend(own);
        Catalog {
            language: language.to_owned(),
            entries,
        }
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    /// Every key and its text, as the page receives them.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }

    /// The text for `key` with each `{name}` filled from `params`. A key
    /// the catalog lacks comes back as itself (a test keeps every key the
    /// code uses in `en.json`).
    pub fn text(&self, key: &str, params: &[(&str, &str)]) -> String {
        let Some(text) = self.entries.get(key) else {
            return key.to_owned();
        };
        fill(text, params)
    }

    /// `{stem}.one`, `{stem}.other`…, chosen for `n` by the language's
    /// plural rules (`other` when the form is missing); `{n}` is `n`.
    pub fn plural(&self, stem: &str, n: u64, params: &[(&str, &str)]) -> String {
        let form = format!("{stem}.{}", plural_category(&self.language, n));
        let key = if self.entries.contains_key(&form) {
            form
        } else {
            format!("{stem}.other")
        };
        let n = n.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(params);
        self.text(&key, &all)
    }

    /// Seconds as whole minutes when they are ("5 minutes"), else as
    /// seconds ("90 seconds").
    pub fn duration(&self, seconds: u64) -> String {
        if seconds.is_multiple_of(60) {
            self.plural("minutes", seconds / 60, &[])
        } else {
            self.plural("seconds", seconds, &[])
        }
    }

    /// The day `at` falls on in `zone`, as "25 November 2026": the form the
    /// page writes too. An instant is stored; its day is the viewer's.
    pub fn date(&self, at: OffsetDateTime, zone: &jiff::tz::TimeZone) -> String {
        let local = jiff::Timestamp::from_second(at.unix_timestamp())
            .map(|t| zone.to_datetime(t).date())
            .unwrap_or_default();
        self.day(local)
    }

    /// A calendar day, as "25 November 2026".
    pub fn day(&self, local: jiff::civil::Date) -> String {
        let month = self.text(&format!("month.{}", local.month()), &[]);
        let (day, year) = (local.day().to_string(), local.year().to_string());
        self.text(
            "date.day",
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }

    /// A message made where no catalog is at hand, in these words.
    pub fn say(&self, message: &Message) -> String {
        let args: Vec<(&str, String)> = message
            .args()
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => text.clone(),
                    Arg::Words(inner) => self.say(inner),
                };
                (*name, value)
            })
            .collect();
        let params: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        self.text(message.key(), &params)
    }
}

/// Replaces each `{name}` that `params` names; other braces stay. The
/// values are not searched again, so a title holding "{n}" stays as it is.
fn fill(text: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            params
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An English `Display` (and `Error`) for a type whose `message()` gives
/// its words: for logs and tests. What the learner sees is said in the
/// course's language from the same `message()`.
macro_rules! display_in_english {
    ($type:ty) => {
        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.message(), f)
            }
        }
        impl std::error::Error for $type {}
    };
}
pub(crate) use display_in_english;

/// The language of a BCP 47 tag, as its first subtag in lower case:
/// "en" for `en`, `en-AU` or `EN_gb`. The one place a tag is taken apart.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// English needs no catalog of its own, and is the one language the
/// reading measures are made for.
pub fn is_english(tag: &str) -> bool {
    primary_language(tag) == "en"
}

/// The `{name}` placeholders a text uses, in order of first use.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn text_fills_named_placeholders_and_leaves_others() {
        let words = Catalog::english();
        assert_eq!(
            words.text("lesson.position", &[("n", "2"), ("total", "3")]),
            "Lesson 2 of 3"
        );
        assert_eq!(fill("{a} {b} {", &[("a", "{b}")]), "{b} {b} {");
        assert_eq!(words.text("no.such.key", &[]), "no.such.key");
    }

    #[test]
    fn plurals_pick_one_or_other_in_english() {
        let words = Catalog::english();
        assert_eq!(words.plural("minutes", 1, &[]), "1 minute");
        assert_eq!(words.plural("minutes", 0, &[]), "0 minutes");
        assert_eq!(words.plural("minutes", 26, &[]), "26 minutes");
    }

    #[test]
    fn a_missing_plural_form_falls_back_to_other() {
        let mut own = BTreeMap::new();
        own.insert("minutes.other".to_owned(), "{n} minuty".to_owned());
        // Polish has "few", which neither catalog has.
        let words = Catalog::for_language("pl", own);
        assert_eq!(plural_category("pl", 3), "few");
        assert_eq!(words.plural("minutes", 3, &[]), "3 minuty");
    }

    #[test]
    fn dates_are_day_month_year_with_the_catalogs_month_names() {
        let words = Catalog::english();
        assert_eq!(
            words.date(datetime!(2026-11-25 12:00 UTC), &jiff::tz::TimeZone::UTC),
            "25 November 2026"
        );
        let mut own = BTreeMap::new();
        own.insert("month.3".to_owned(), "mars".to_owned());
        let french = Catalog::for_language("fr", own);
        assert_eq!(
            french.date(datetime!(2026-03-02 12:00 UTC), &jiff::tz::TimeZone::UTC),
            "2 mars 2026"
        );
        assert_eq!(
            french.text("nav.home", &[]),
            "Home",
            "missing keys stay English"
        );
    }

    #[test]
    fn a_message_is_said_with_the_words_inside_it() {
        let message =
            Message::new("notice.restored").with_words("why", Message::new("damage.empty"));
        assert!(Catalog::english()
            .say(&message)
            .starts_with("Your saved progress file could not be read because it is empty, so"));
    }

    #[test]
    fn placeholders_are_listed_once_each() {
        assert_eq!(
            placeholders("If you are not in {region}, {region} and {n}; {not a name}"),
            ["region", "n"]
        );
    }
}
