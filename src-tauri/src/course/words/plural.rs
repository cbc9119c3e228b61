//! Which plural form a count takes in a language, as `Intl.PluralRules`
//! names them, for the languages a clinic is likely to add; any other
//! language gets "other" (its catalog's `.other` form) for every count.

/// "one" for exactly 1, else "other".
const ONE_FOR_ONE: &[&str] = &[
    "en", "de", "nl", "sv", "da", "nb", "no", "fi", "et", "el", "hu", "tr", "bg", "ca", "gl", "eu",
    "sw", "ur", "es", "it",
];
/// "one" for 0 and 1 (CLDR adds "many" for some large French and Portuguese
/// numbers; a catalog without that form falls back to "other").
const ONE_FOR_ZERO_AND_ONE: &[&str] = &["fr", "pt", "hi", "bn"];

/// The CLDR plural category of the whole number `n` in `language` (a BCP 47
/// tag; only its first part counts).
pub fn plural_category(language: &str, n: u64) -> &'static str {
    let primary = super::primary_language(language);
    let (ones, hundreds) = (n % 10, n % 100);
    let teen = (12..=14).contains(&hundreds);
    match primary.as_str() {
        lang if ONE_FOR_ONE.contains(&lang) => one_if(n == 1),
        lang if ONE_FOR_ZERO_AND_ONE.contains(&lang) => one_if(n <= 1),
        "pl" if n == 1 => "one",
        "pl" if (2..=4).contains(&ones) && !teen => "few",
        "pl" => "many",
        "ru" | "uk" if ones == 1 && hundreds != 11 => "one",
        "ru" | "uk" if (2..=4).contains(&ones) && !teen => "few",
        "ru" | "uk" => "many",
        "ar" => match (n, hundreds) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        // No plural forms: Chinese, Japanese, Korean, Vietnamese, Thai...
        _ => "other",
    }
}

fn one_if(one: bool) -> &'static str {
    if one {
        "one"
    } else {
        "other"
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
}
