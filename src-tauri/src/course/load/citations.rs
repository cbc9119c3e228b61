//! Inline citations, "(Author et al., 2021)" or "(A, 1977; B et al., 2015)",
//! found in course text so each can be matched to a reference.

use crate::course::html_text::{escape, unescape};
use crate::course::words::Catalog;

/// Longest text between brackets that is still read as a citation group.
const MAX_GROUP_LEN: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub cite: String,
    pub line: usize,
}

/// "Name..., 2021" (an optional letter may follow the year).
fn looks_like_citation(part: &str) -> bool {
    let Some((names, year)) = part.rsplit_once(", ") else {
        return false;
    };
    let year = year.trim_end_matches(|c: char| c.is_ascii_lowercase());
    year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && names.chars().any(char::is_alphabetic)
        && !names.trim().is_empty()
}

/// A bracket group read as citations: where it is in the text (from its
/// `(` to just after its `)`) and its `;`-separated parts.
struct Group {
    start: usize,
    end: usize,
    /// The text between the brackets, its white space made single.
    inner: String,
    parts: Vec<String>,
}

/// Every citation group in `text`, in order. A bracket group counts when at
/// least one of its `;`-separated parts has the "Name, Year" shape; its
/// other parts are then returned too, so a typo in one is not lost.
fn groups(text: &str) -> Vec<Group> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'(' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let Some(len) = text[start..].find([')', '(']) else {
            break;
        };
        let end = start + len;
        if bytes[end] == b'(' || len > MAX_GROUP_LEN {
            i = start;
            continue;
        }
        let group = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<&str> = group.split(';').map(str::trim).collect();
        if parts.iter().any(|p| looks_like_citation(p)) {
            let parts = parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            found.push(Group {
                start: i,
                end: end + 1,
                inner: group,
                parts,
            });
        }
        i = end + 1;
    }
    found
}

/// Every citation in `text`, with its line.
pub fn find_citations(text: &str) -> Vec<Citation> {
    // Lines are counted as the scan moves on, so a long file stays linear.
    let (mut line, mut counted_to) = (1, 0);
    let mut found = Vec::new();
    for group in groups(text) {
        line += text.as_bytes()[counted_to..group.start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = group.start;
        found.extend(group.parts.into_iter().map(|cite| Citation { cite, line }));
    }
    found
}

/// `text` without its citation groups (and the space before each): what a
/// learner reads, since the app shows each group as a small number.
pub fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for group in groups(text) {
        out.push_str(text[from..group.start].trim_end_matches(' '));
        from = group.end;
    }
    out.push_str(&text[from..]);
    out
}

/// What a screen reader says for a marker, e.g. "Source 3: Brinjikji and
/// others, 2015", in the course's words. "et al." is read out badly, so it
/// is said in words.
fn spoken_source(number: usize, cite: &str, words: &Catalog) -> String {
    let others = format!(" {}", words.text("citation.et-al", &[]));
    let source = cite.replace(" et al.", &others);
    words.text(
        "citation.spoken",
        &[("n", &number.to_string()), ("source", &source)],
    )
}

/// Replaces each citation group in rendered `html` with small numbered
/// markers, each a link to its entry on the references list (`#ref-N`,
/// N being the entry's place in `cites`, from 1) with a name a screen
/// reader can say. Groups are looked for only in text, never inside tags,
/// and a group with any part that is not in `cites` is left as written
/// (loading the pack has already reported it).
pub fn link_citations(html: &str, cites: &[&str], words: &Catalog) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Inside a link or code a marker cannot go: a link in a link is broken
    // HTML, and code is shown as written.
    let mut inside = 0usize;
    while !rest.is_empty() {
        // Text up to the next tag, then the tag itself, copied as it is.
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if inside == 0 {
            out.push_str(&link_in_text(text, cites, words));
        } else {
            out.push_str(text);
        }
        rest = &rest[text_end..];
        let tag_end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..tag_end];
        if ["<a ", "<a>", "<code", "<pre", "<svg"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            inside += 1;
        } else if ["</a>", "</code>", "</pre>", "</svg>"].contains(&tag) {
            inside = inside.saturating_sub(1);
        }
        out.push_str(tag);
        rest = &rest[tag_end..];
    }
    out
}

fn link_in_text(text: &str, cites: &[&str], words: &Catalog) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for group in groups(text) {
        // Unescaped before splitting: "&#x27;" holds a ';'.
        let numbers: Option<Vec<(usize, String)>> = unescape(&group.inner)
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|cite| {
                let index = cites.iter().position(|c| *c == cite)?;
                Some((index + 1, cite.to_owned()))
            })
            .collect();
        let Some(numbers) = numbers else {
            continue;
        };
        out.push_str(text[from..group.start].trim_end_matches(' '));
        out.push_str("<sup class=\"cite\">");
        for (i, (number, cite)) in numbers.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // Out of the Tab order: a lesson has dozens of markers, and a
            // keyboard user should not have to pass each one to reach the
            // lesson's buttons. Mouse, touch and screen-reader users (whose
            // reading keys reach every link) can still follow them, and the
            // same numbered list is one step away under "References".
            out.push_str(&format!(
                "<a class=\"cite-link\" href=\"#ref-{number}\" tabindex=\"-1\" aria-label=\"{}\" title=\"{}\">{number}</a>",
                escape(&spoken_source(*number, cite, words)),
                escape(cite),
            ));
        }
        out.push_str("</sup>");
        from = group.end;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(text: &str) -> Vec<(String, usize)> {
        find_citations(text)
            .into_iter()
            .map(|c| (c.cite, c.line))
            .collect()
    }

    #[test]
    fn a_single_citation_is_found_with_its_line() {
        assert_eq!(
            cites("a\nPain is an alarm (Basbaum et al., 2009)."),
            vec![("Basbaum et al., 2009".into(), 2)]
        );
    }

    #[test]
    fn a_group_is_split_on_semicolons() {
        assert_eq!(
            cites("(Engel, 1977; Hall et al., 2021)"),
            vec![("Engel, 1977".into(), 1), ("Hall et al., 2021".into(), 1)]
        );
    }

    #[test]
    fn a_citation_wrapped_over_two_lines_is_joined() {
        assert_eq!(
            cites("see (Brinjikji et al.,\n2015) here"),
            vec![("Brinjikji et al., 2015".into(), 1)]
        );
    }

    #[test]
    fn brackets_that_are_not_citations_are_ignored() {
        assert!(cites("(about 3.7 out of 10) and (OR 1.24) and [x](https://a.b/c)").is_empty());
    }

    #[test]
    fn a_malformed_part_beside_a_real_citation_is_still_returned() {
        assert_eq!(
            cites("(Engel, 1977; Hayden 2021)"),
            vec![("Engel, 1977".into(), 1), ("Hayden 2021".into(), 1)]
        );
    }

    #[test]
    fn a_year_with_a_letter_counts() {
        assert_eq!(cites("(Smith, 2020a)").len(), 1);
    }

    #[test]
    fn without_citations_leaves_what_the_learner_reads() {
        assert_eq!(
            without_citations(
                "Pain is an alarm (Basbaum et al., 2009). It (often) helps (A, 1977; B, 2015)."
            ),
            "Pain is an alarm. It (often) helps."
        );
    }

    #[test]
    fn citations_become_numbered_links_named_for_a_screen_reader() {
        let cites = ["Engel, 1977", "Brinjikji et al., 2015"];
        let html = link_citations(
            "<p>Scans mislead (Brinjikji et al., 2015).</p>",
            &cites,
            Catalog::english(),
        );
        assert_eq!(
            html,
            "<p>Scans mislead<sup class=\"cite\"><a class=\"cite-link\" href=\"#ref-2\" tabindex=\"-1\" aria-label=\"Source 2: Brinjikji and others, 2015\" title=\"Brinjikji et al., 2015\">2</a></sup>.</p>"
        );
        let two = link_citations(
            "<li>Both (Engel, 1977; Brinjikji et al., 2015)</li>",
            &cites,
            Catalog::english(),
        );
        assert!(two.contains(">1</a>,<a "), "{two}");
        assert!(two.contains("href=\"#ref-2\""), "{two}");
    }

    #[test]
    fn unknown_citations_text_in_attributes_and_escaped_names_are_handled() {
        let cites = ["O'Brien et al., 2020"];
        // Unknown: left as written.
        let html = "<p>x (Nobody, 2001)</p>";
        assert_eq!(link_citations(html, &cites, Catalog::english()), html);
        // Inside a tag: never touched.
        let html = "<a href=\"https://a.example/(O&#x27;Brien et al., 2020)\">y</a>";
        assert_eq!(link_citations(html, &cites, Catalog::english()), html);
        // Inside a link or code: left as written.
        let html = "<p><a href=\"https://a.example/\">see (O&#x27;Brien et al., 2020)</a> <code>(O&#x27;Brien et al., 2020)</code></p>";
        assert_eq!(link_citations(html, &cites, Catalog::english()), html);
        // comrak escapes the apostrophe; the cite still matches.
        let html = link_citations(
            "<p>z (O&#x27;Brien et al., 2020)</p>",
            &cites,
            Catalog::english(),
        );
        assert!(html.contains("href=\"#ref-1\""), "{html}");
        assert!(
            html.contains("title=\"O&#39;Brien et al., 2020\""),
            "{html}"
        );
    }

    #[test]
    fn unbalanced_brackets_do_not_hang_or_panic() {
        assert!(cites("((((").is_empty());
        assert!(cites("(Engel, 1977").is_empty());
        assert_eq!(cites("((Engel, 1977)").len(), 1);
    }
}
