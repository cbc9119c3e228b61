//! Which plural form a count takes in a language: CLDR's rules (through
//! `intl_pluralrules`), named as CLDR and `Intl.PluralRules` name them. Rust
//! forms every counted phrase ("6 minutes"); the page never picks a form.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// The CLDR plural category of the whole number `n` in `language` (a BCP 47
/// tag; only its language counts). A language CLDR does not know, or a tag
/// that does not parse, gets "other" (its catalog's `.other` form).
pub fn plural_category(language: &str, n: u64) -> &'static str {
    let rules = super::primary_language(language)
        .parse::<LanguageIdentifier>()
        .ok()
        .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok());
    let Some(rules) = rules else {
        return "other";
    };
    match rules.select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        Ok(PluralCategory::OTHER) | Err(_) => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::plural_category;

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(plural_category("en", 1), "one");
        assert_eq!(plural_category("en-AU", 1), "one");
        assert_eq!(plural_category("en", 0), "other");
        assert_eq!(plural_category("en", 2), "other");
    }

    #[test]
    fn other_languages_follow_their_own_rules() {
        assert_eq!(plural_category("fr", 0), "one");
        assert_eq!(plural_category("pl", 22), "few");
        assert_eq!(plural_category("pl", 12), "many");
        assert_eq!(plural_category("ru", 21), "one");
        assert_eq!(plural_category("ar", 2), "two");
        assert_eq!(plural_category("zh", 1), "other");
        assert_eq!(plural_category("xx", 1), "other");
    }

    /// Where the old hand-made table and the page's Intl.PluralRules
    /// disagreed: CLDR has Welsh's six forms and Czech's "few".
    #[test]
    fn welsh_and_czech_take_their_cldr_forms() {
        let welsh: Vec<&str> = [0, 1, 2, 3, 6, 4]
            .iter()
            .map(|n| plural_category("cy", *n))
            .collect();
        assert_eq!(welsh, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(plural_category("cs", 1), "one");
        assert_eq!(plural_category("cs", 3), "few");
        assert_eq!(plural_category("cs", 5), "other");
    }
}
