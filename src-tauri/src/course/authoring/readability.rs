//! Reading-level and reading-time measures for the course's Markdown.
//!
//! The course promises a reading time for each lesson and is written for
//! readers in pain, some with low health literacy, so both the stated minutes
//! and the Flesch–Kincaid grade are checked against the text the learner
//! actually sees: the rendered words, not the Markdown source.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena};

use crate::course::load::citations::without_citations;
use crate::course::load::figure::{parse_figure, FIGURE_FENCE};
use crate::course::load::render::options;

/// Counts taken from the plain text a learner reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Whitespace-separated tokens that contain at least one letter or digit.
    pub words: usize,
    /// Sentences, where every text block ends at least one.
    pub sentences: usize,
    /// Estimated spoken syllables, from [`count_syllables`].
    pub syllables: usize,
}

impl TextStats {
    /// Flesch–Kincaid grade level:
    /// 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
    ///
    /// Empty text has no meaningful grade; 0.0 is returned so callers never
    /// see NaN in a comparison that would then silently pass or fail.
    pub fn flesch_kincaid_grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * (words / self.sentences as f64) + 11.8 * (self.syllables as f64 / words) - 15.59
    }

    /// Minutes needed at the given reading speed.
    pub fn reading_minutes(&self, words_per_minute: f64) -> f64 {
        if words_per_minute <= 0.0 {
            return 0.0;
        }
        self.words as f64 / words_per_minute
    }

    /// Counts one block of text the learner reads (a paragraph, a heading,
    /// a list item, a key point). Citation groups are left out: the learner
    /// sees each as a small number.
    pub fn add_block(&mut self, text: &str) {
        let text = without_citations(text);
        let mut words_since_break = 0;
        for token in text.split_whitespace() {
            if !token.chars().any(char::is_alphanumeric) {
                continue;
            }
            self.words += 1;
            self.syllables += count_syllables(token);
            words_since_break += 1;
            if ends_sentence(token) {
                self.sentences += 1;
                words_since_break = 0;
            }
        }
        // Headings, list items and table cells rarely end in a full stop, yet
        // the reader still takes each one as a unit of meaning.
        if words_since_break > 0 {
            self.sentences += 1;
        }
    }
}

/// Parses a Markdown body and counts words, sentences and syllables in the
/// text of its paragraphs, headings, list items and table cells.
///
/// Code blocks, raw HTML, image alt text, link targets and footnote markers
/// are left out because the learner does not read them as prose.
pub fn markdown_stats(markdown_body: &str) -> TextStats {
    let arena = Arena::new();
    // The options the app renders with: a table or footnote is measured as
    // the learner sees it, and front matter is never counted as reading.
    let root = parse_document(&arena, markdown_body, &options());

    let mut stats = TextStats::default();
    for node in root.descendants() {
        // List items hold their text in paragraphs, so visiting paragraphs
        // covers them without counting anything twice.
        let is_text_block = matches!(
            node.data().value,
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
        );
        if is_text_block {
            let mut text = String::new();
            collect_inline_text(node, &mut text);
            stats.add_block(&text);
        }
        // A figure's title, caption and description are read (or heard)
        // like the text around it, so they count and are graded with it.
        if let NodeValue::CodeBlock(block) = &node.data().value {
            if block.info.split_whitespace().next() == Some(FIGURE_FENCE) {
                if let Ok(figure) = parse_figure("", 0, &block.literal) {
                    figure
                        .reading_text()
                        .iter()
                        .for_each(|t| stats.add_block(t));
                }
            }
        }
    }
    stats
}

fn collect_inline_text<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::HtmlInline(_)
            | NodeValue::Image(_)
            | NodeValue::FootnoteReference(_)
            | NodeValue::FrontMatter(_) => {}
            _ => collect_inline_text(child, out),
        }
    }
}

const CLOSERS: &[char] = &[')', ']', '}', '"', '\'', '’', '”', '»', '*', '_'];
const OPENERS: &[char] = &['(', '[', '{', '"', '\'', '‘', '“', '«', '*', '_'];

// Full stops inside these do not end a sentence. "et al." is the one that
// matters most here: every inline citation contains it.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "al.", "vs.", "cf.", "dr.", "mr.", "mrs.", "ms.", "prof.", "approx.",
];

fn ends_sentence(token: &str) -> bool {
    let core = token.trim_end_matches(CLOSERS);
    if !core.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    if core.ends_with(['!', '?', '…']) {
        return true;
    }
    let bare = core.trim_start_matches(OPENERS).to_lowercase();
    if ABBREVIATIONS.contains(&bare.as_str()) {
        return false;
    }
    // A lone capital with a full stop is an initial ("J. Smith"), not the
    // end of a sentence.
    let mut chars = core.trim_start_matches(OPENERS).chars();
    let is_initial = matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    );
    !is_initial
}

/// Estimates the spoken syllables in one word.
///
/// English spelling does not map cleanly onto sound, so this is a heuristic:
/// it counts vowel groups and then corrects for the commonest silent or split
/// vowels. Numbers are counted as they are read aloud ("1977" is "nineteen
/// seventy-seven"), because citations and figures are a real part of what a
/// learner reads. Any word with a letter or digit has at least one syllable.
pub fn count_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let mut total = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()
                        && i > start))
            {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            total += number_syllables(&run);
        } else if c.is_alphabetic() {
            let start = i;
            // Apostrophes inside a word ("don't", "it's") add no sound.
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (matches!(chars[i], '\'' | '’')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_alphabetic()))
            {
                i += 1;
            }
            let run: String = chars[start..i]
                .iter()
                .filter(|c| c.is_alphabetic())
                .collect();
            total += letter_run_syllables(&run);
        } else {
            if c == '%' {
                // Read as "per cent".
                total += 2;
            }
            i += 1;
        }
    }
    let has_sound = chars.iter().any(|c| c.is_alphanumeric());
    if has_sound {
        total.max(1)
    } else {
        total
    }
}

fn letter_run_syllables(run: &str) -> usize {
    let is_acronym = run.chars().count() >= 2
        && run.chars().count() <= 5
        && run.chars().all(|c| c.is_ascii_uppercase());
    if is_acronym {
        // "MRI", "CT", "GP" are spelled out letter by letter.
        return run.chars().map(|c| if c == 'W' { 3 } else { 1 }).sum();
    }
    let lower: String = run
        .to_lowercase()
        .chars()
        .map(fold_accent)
        .filter(char::is_ascii_alphabetic)
        .collect();
    if lower.is_empty() {
        return 1;
    }
    english_syllables(&lower)
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

// Compound heads whose own silent or merged vowels would otherwise be
// miscounted once a tail is attached ("someone" is not "so-me-one").
const COMPOUND_HEADS: &[(&str, usize)] = &[("some", 1), ("every", 2), ("any", 2)];
const COMPOUND_TAILS: &[&str] = &[
    "one", "ones", "thing", "things", "where", "time", "times", "body", "how", "way", "day", "days",
];

// Suffixes that keep their own syllable count and leave the stem's silent e
// silent ("move-ment", "care-ful", "like-ly").
const SUFFIXES: &[(&str, usize)] = &[
    ("fully", 2),
    ("ments", 1),
    ("ment", 1),
    ("ful", 1),
    ("less", 1),
    ("ness", 1),
    ("ly", 1),
];

// Words whose spelling defeats the rules below and that a course about back
// pain is likely to use. Kept short on purpose: the rules do the work.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("every", 2),
    ("pilates", 3),
    ("science", 2),
    ("housework", 2),
    ("business", 2),
    ("recipe", 3),
    ("create", 2),
];

fn english_syllables(word: &str) -> usize {
    if let Some((_, syllables)) = EXCEPTIONS.iter().find(|(known, _)| *known == word) {
        return *syllables;
    }
    for (head, head_syllables) in COMPOUND_HEADS {
        if let Some(tail) = word.strip_prefix(head) {
            if COMPOUND_TAILS.contains(&tail) {
                return head_syllables + english_syllables(tail);
            }
        }
    }
    for (suffix, suffix_syllables) in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 2 && stem.bytes().any(is_vowel_letter) {
                return english_syllables(stem).max(1) + suffix_syllables;
            }
        }
    }
    base_syllables(word).max(1)
}

fn is_vowel_letter(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn base_syllables(word: &str) -> usize {
    let b = word.as_bytes();
    let n = b.len();
    let is_vowel = |i: usize| -> bool {
        match b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => true,
            // "y" is a consonant at the start ("yes") and between vowels
            // ("beyond", "layer"), a vowel elsewhere ("my", "body", "lying").
            b'y' => {
                let vowel_after = i + 1 < n && matches!(b[i + 1], b'a' | b'e' | b'i' | b'o' | b'u');
                let vowel_before = i > 0 && matches!(b[i - 1], b'a' | b'e' | b'i' | b'o' | b'u');
                i > 0 && !(vowel_after && vowel_before)
            }
            _ => false,
        }
    };
    let is_consonant = |i: usize| !is_vowel(i);

    let mut groups: isize = 0;
    let mut in_group = false;
    for i in 0..n {
        if is_vowel(i) {
            if !in_group {
                groups += 1;
            }
            in_group = true;
        } else {
            in_group = false;
        }
    }

    // Two vowels that are spoken apart but were counted as one group.
    groups += split_vowel_pairs(word) as isize;

    let ends = |s: &str| word.ends_with(s);
    let before = |suffix_len: usize| -> Option<u8> { n.checked_sub(suffix_len + 1).map(|i| b[i]) };
    let consonant_before =
        |suffix_len: usize| -> bool { n.checked_sub(suffix_len + 1).is_some_and(is_consonant) };

    if groups > 1 {
        if ends("le") && !ends("lle") && consonant_before(2) {
            // "table", "people": the -le is a syllable of its own.
        } else if ends("les") && consonant_before(3) {
            // "muscles": as above.
        } else if ends("led") && !ends("lled") && consonant_before(3) {
            // "settled": as above.
        } else if ends("gue") && word != "argue" {
            // "fatigue", "league": the -ue is silent.
            groups -= 1;
        } else if ends("e") && !ends("ee") && consonant_before(1) {
            // Silent final e: "make", "change", "exercise".
            groups -= 1;
        } else if ends("es") && consonant_before(2) {
            // "makes" is one syllable, but "changes", "causes", "boxes" and
            // "reaches" keep the -es as a syllable.
            let keeps = matches!(before(2), Some(b's' | b'x' | b'z' | b'c' | b'g'))
                || ends("ches")
                || ends("shes");
            if !keeps {
                groups -= 1;
            }
        } else if ends("ed") && consonant_before(2) {
            // "walked", "moved" lose the -ed syllable; "wanted", "needed"
            // keep it.
            if !matches!(before(2), Some(b't' | b'd')) {
                groups -= 1;
            }
        }
    }

    // "being", "doing": the i of -ing merged into the vowel before it.
    if n > 4 && ends("ing") && is_vowel(n - 4) {
        groups += 1;
    }
    // "mechanism", "mechanisms": the m is sounded as its own beat.
    if ends("ism") || ends("isms") {
        groups += 1;
    }
    // "McKenzie": the "Mc" is a beat with no written vowel.
    if word.starts_with("mc") {
        groups += 1;
    }

    groups.max(1) as usize
}

fn split_vowel_pairs(word: &str) -> usize {
    (1..word.len().saturating_sub(1))
        .filter(|&i| pair_is_split(word, i))
        .count()
}

// Whether the two vowels at `i` and `i + 1` are sounded apart. A pair at the
// very start of a word is left alone: "eat", "oil", "ion" are all one beat.
fn pair_is_split(word: &str, i: usize) -> bool {
    let b = word.as_bytes();
    let prev = b[i - 1];
    let next = b.get(i + 2).copied();
    let rest = &word[i..];
    match (b[i], b[i + 1]) {
        // "bio", "ratio", "serious", "physiology", but not "-tion", "-sion",
        // "-cious", "region", "behaviour", "million".
        (b'i', b'o') => {
            let palatal = matches!(prev, b't' | b's' | b'c' | b'g' | b'x')
                && matches!(next, Some(b'n' | b'u'));
            let glide =
                rest.starts_with("iour") || (matches!(prev, b'l' | b'n') && next == Some(b'n'));
            !palatal && !glide
        }
        // "Australian", "media", but not "social", "initial", "Belgian".
        (b'i', b'a') => !matches!(prev, b't' | b'c' | b'g' | b's'),
        // "medium", "premium".
        (b'i', b'u') => true,
        // "actual", "usual", but not "quality" or "language".
        (b'u', b'a') => !matches!(prev, b'q' | b'g'),
        // "video", "theory", but not "people".
        (b'e', b'o') => !rest.starts_with("eopl"),
        // "area", "ideas", but not "sea".
        (b'e', b'a') => (rest == "ea" || rest == "eas") && i >= 2,
        // "client", "experience", "quiet", "easier", but not "patient",
        // "ancient", "friend", "believe".
        (b'i', b'e') => {
            let ient =
                rest.starts_with("ien") && !word.contains("frien") && !matches!(prev, b't' | b'c');
            let iet = rest.starts_with("iet");
            let comparative = matches!(rest, "ier" | "iers" | "iest") && i >= 2;
            ient || iet || comparative
        }
        _ => false,
    }
}

// Syllables in the spoken names of 0–19 and of the tens.
const UNITS: [usize; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
const TENS: [usize; 10] = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];

fn number_syllables(run: &str) -> usize {
    let (integer, decimals) = match run.split_once('.') {
        Some((i, d)) => (i, Some(d)),
        None => (run, None),
    };
    let has_comma = integer.contains(',');
    let digits: String = integer.chars().filter(char::is_ascii_digit).collect();
    let mut total = match digits.parse::<u64>() {
        Ok(value) if digits.len() == 4 && !has_comma && decimals.is_none() => {
            year_or_cardinal(value)
        }
        Ok(value) if value < 1_000_000_000_000 => cardinal(value),
        // Too long to be read as one number: a reader spells it out.
        _ => digits.bytes().map(|d| UNITS[(d - b'0') as usize]).sum(),
    };
    if let Some(decimals) = decimals {
        // "point", then each digit by name.
        total += 1;
        total += decimals
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|d| UNITS[(d - b'0') as usize])
            .sum::<usize>();
    }
    total.max(1)
}

fn year_or_cardinal(value: u64) -> usize {
    // Four-digit numbers in this course are almost always years, which are
    // read in pairs: "nineteen seventy-seven", "twenty twenty-one".
    let reads_as_year = (1100..=1999).contains(&value) || (2010..=2099).contains(&value);
    if !reads_as_year {
        return cardinal(value);
    }
    let high = value / 100;
    let low = value % 100;
    let tail = match low {
        0 => 2,                      // "hundred"
        1..=9 => 1 + under_100(low), // "oh five"
        _ => under_100(low),
    };
    under_100(high) + tail
}

fn under_100(value: u64) -> usize {
    if value < 20 {
        UNITS[value as usize]
    } else {
        let ones = value % 10;
        TENS[(value / 10) as usize] + if ones > 0 { UNITS[ones as usize] } else { 0 }
    }
}

fn under_1000(value: u64) -> usize {
    let hundreds = value / 100;
    let rest = value % 100;
    let mut total = 0;
    if hundreds > 0 {
        total += UNITS[hundreds as usize] + 2;
        if rest > 0 {
            // Australian and British English say "one hundred and six".
            total += 1;
        }
    }
    if rest > 0 {
        total += under_100(rest);
    }
    total
}

fn cardinal(value: u64) -> usize {
    if value == 0 {
        return UNITS[0];
    }
    // billion, million, thousand are two syllables each.
    let scales = [(1_000_000_000, 2), (1_000_000, 2), (1_000, 2)];
    let mut rest = value;
    let mut total = 0;
    let mut said_a_scale = false;
    for (scale, scale_syllables) in scales {
        let group = rest / scale;
        if group > 0 {
            total += under_1000(group) + scale_syllables;
            said_a_scale = true;
        }
        rest %= scale;
    }
    if rest > 0 {
        if said_a_scale && rest < 100 {
            // "two thousand and nine".
            total += 1;
        }
        total += under_1000(rest);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_syllables(cases: &[(&str, usize)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(word, expected)| count_syllables(word) != *expected)
            .map(|(word, expected)| {
                format!("{word}: expected {expected}, got {}", count_syllables(word))
            })
            .collect();
        assert!(wrong.is_empty(), "miscounted: {wrong:#?}");
    }

    fn assert_close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn counts_plain_vowel_groups() {
        assert_syllables(&[
            ("a", 1),
            ("back", 1),
            ("pain", 1),
            ("doctor", 2),
            ("better", 2),
            ("common", 2),
            ("persistent", 3),
            ("many", 2),
            ("body", 2),
            ("evidence", 3),
        ]);
    }

    #[test]
    fn final_e_is_silent_after_a_consonant() {
        assert_syllables(&[
            ("the", 1),
            ("make", 1),
            ("change", 1),
            ("whole", 1),
            ("exercise", 3),
            ("recognise", 3),
            ("tissue", 2),
            ("free", 1),
            ("eye", 1),
        ]);
    }

    #[test]
    fn consonant_le_keeps_its_syllable() {
        assert_syllables(&[
            ("table", 2),
            ("people", 2),
            ("simple", 2),
            ("muscles", 2),
            ("settled", 2),
            ("scale", 1),
        ]);
    }

    #[test]
    fn es_and_ed_endings_are_silent_unless_sounded() {
        assert_syllables(&[
            ("makes", 1),
            ("types", 1),
            ("changes", 2),
            ("causes", 2),
            ("reaches", 2),
            ("walked", 1),
            ("moved", 1),
            ("called", 1),
            ("wanted", 2),
            ("needed", 2),
            ("agreed", 2),
        ]);
    }

    #[test]
    fn split_vowels_and_suffixes_are_corrected() {
        assert_syllables(&[
            ("being", 2),
            ("doing", 2),
            ("lying", 2),
            ("serious", 3),
            ("behaviour", 3),
            ("information", 4),
            ("social", 2),
            ("actual", 3),
            ("quality", 3),
            ("idea", 3),
            ("ideas", 3),
            ("quiet", 2),
            ("easier", 3),
            ("believe", 2),
            ("video", 3),
            ("movement", 2),
            ("carefully", 3),
            ("likely", 2),
            ("sometimes", 2),
            ("everything", 3),
            ("biopsychosocial", 6),
            ("physiology", 5),
            ("McKenzie", 3),
            ("Pilates", 3),
        ]);
    }

    #[test]
    fn numbers_count_as_spoken() {
        assert_syllables(&[
            // "nineteen seventy-seven"
            ("1977", 7),
            // "twenty twenty-one"
            ("2021", 5),
            // "two thousand and nine"
            ("2009", 5),
            // "three point seven"
            ("3.7", 4),
            // "one thousand two hundred"
            ("1,200", 6),
            // "ninety-five per cent"
            ("95%", 5),
            // "two hundred and seventeen"
            ("217", 7),
        ]);
    }

    #[test]
    fn acronyms_are_spelled_out() {
        assert_syllables(&[("MRI", 3), ("CT", 2), ("GP", 2)]);
    }

    #[test]
    fn punctuation_and_hyphens_do_not_change_the_count() {
        assert_syllables(&[
            ("(Hayden", 2),
            ("2021).", 5),
            ("low-back", 2),
            ("don't", 1),
            ("“pain”", 1),
        ]);
    }

    #[test]
    fn every_word_has_at_least_one_syllable() {
        assert_syllables(&[("x", 1), ("hmm", 1), ("8", 1), ("Mr", 1)]);
        assert_eq!(count_syllables("–"), 0);
    }

    #[test]
    fn flesch_kincaid_matches_a_hand_worked_text() {
        // "Persistent back pain is common. Exercise helps many people feel
        // better over time."
        // Words 13, sentences 2, syllables 22 (per-sis-tent 3, com-mon 2,
        // ex-er-cise 3, ma-ny 2, peo-ple 2, bet-ter 2, o-ver 2, others 1).
        // FK = 0.39 × 6.5 + 11.8 × 22/13 − 15.59 = 2.535 + 19.9692 − 15.59
        //    ≈ 6.914.
        let stats = markdown_stats(
            "Persistent back pain is common. Exercise helps many people feel better over time.\n",
        );
        assert_eq!(
            stats,
            TextStats {
                words: 13,
                sentences: 2,
                syllables: 22
            }
        );
        assert_close(
            stats.flesch_kincaid_grade(),
            0.39 * 6.5 + 11.8 * 22.0 / 13.0 - 15.59,
        );
        assert!((stats.flesch_kincaid_grade() - 6.914).abs() < 0.001);
    }

    #[test]
    fn flesch_kincaid_of_very_simple_text_is_below_first_grade() {
        // "Pain is a signal. It can change."
        // Words 7, sentences 2, syllables 8 (sig-nal 2, others 1).
        // FK = 0.39 × 3.5 + 11.8 × 8/7 − 15.59 = 1.365 + 13.4857 − 15.59
        //    ≈ −0.739.
        let stats = markdown_stats("Pain is a signal. It can change.");
        assert_eq!((stats.words, stats.sentences, stats.syllables), (7, 2, 8));
        assert!((stats.flesch_kincaid_grade() + 0.739).abs() < 0.001);
    }

    #[test]
    fn long_academic_sentence_scores_far_higher() {
        // One 17-word sentence of long words; the grade must land well above
        // the course's limit of 8, or the check would pass anything.
        let stats = markdown_stats(
            "Peripheral and central sensitisation amplify nociceptive signalling, \
             perpetuating persistent musculoskeletal pain independently of ongoing \
             tissue degeneration or inflammatory pathology.",
        );
        assert_eq!(stats.sentences, 1);
        assert!(stats.flesch_kincaid_grade() > 16.0, "{stats:?}");
    }

    #[test]
    fn headings_and_list_items_end_sentences_without_punctuation() {
        let stats =
            markdown_stats("## Start here\n\n- Walk daily\n- Sleep well\n\nRest a little.\n");
        assert_eq!(stats.words, 9);
        assert_eq!(stats.sentences, 4);
    }

    #[test]
    fn table_cells_are_counted_as_blocks() {
        let stats = markdown_stats("| Age | Share |\n| --- | --- |\n| 20 | 37% |\n");
        // Cells: "Age", "Share", "20", "37%": four words, four sentences.
        assert_eq!((stats.words, stats.sentences), (4, 4));
    }

    #[test]
    fn abbreviations_citations_and_decimals_do_not_split_sentences() {
        let stats = markdown_stats(
            "Average pain was 3.7 out of 10 (de Campos et al., 2023). \
             Try a gentle walk, e.g. to the shops, i.e. most days.",
        );
        assert_eq!(stats.sentences, 2);
    }

    #[test]
    fn citations_are_not_counted_since_the_learner_sees_a_number() {
        assert_eq!(
            markdown_stats("Scans mislead (Brinjikji et al., 2015; Hall et al., 2021)."),
            markdown_stats("Scans mislead.")
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        let stats = markdown_stats("Will it get better? Yes! Often it does.");
        assert_eq!(stats.sentences, 3);
    }

    #[test]
    fn front_matter_is_not_reading_text() {
        let body = "Walk a little every day.\n";
        let with_front_matter =
            format!("+++\nid = \"how-long\"\ntitle = \"How long will it take?\"\n+++\n\n{body}");
        assert_eq!(markdown_stats(&with_front_matter), markdown_stats(body));
    }

    #[test]
    fn link_text_counts_but_targets_html_and_code_blocks_do_not() {
        let stats = markdown_stats(
            "Read [the guide](https://example.org/a/very/long/path) now.\n\n\
             <div>hidden words here</div>\n\n\
             ```\nlet code = 1;\n```\n",
        );
        assert_eq!(stats.words, 4);
        assert_eq!(stats.sentences, 1);
    }

    #[test]
    fn reading_minutes_divide_words_by_speed() {
        let stats = TextStats {
            words: 1200,
            sentences: 100,
            syllables: 1700,
        };
        assert_close(stats.reading_minutes(200.0), 6.0);
        assert_close(stats.reading_minutes(0.0), 0.0);
    }

    #[test]
    fn empty_text_has_zero_grade_not_nan() {
        let stats = markdown_stats("");
        assert_eq!(stats, TextStats::default());
        assert_close(stats.flesch_kincaid_grade(), 0.0);
    }

    #[test]
    fn a_figure_counts_its_title_caption_and_description_but_not_its_data() {
        let figure = "## A\n\n```figure\nkind = \"illustration\"\nname = \"pain-alarm\"\ntitle = \"The alarm\"\ncaption = \"It can settle.\"\ndescription = \"A dial turned up, then down.\"\n```\n";
        let stats = markdown_stats(figure);
        // "A" + "The alarm" + "It can settle." + "A dial turned up, then down."
        assert_eq!(stats.words, 1 + 2 + 3 + 6);
        assert_eq!(stats.sentences, 4);
    }
}
