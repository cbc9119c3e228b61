//! Inline citations, "(Author et al., 2021)" or "(A, 1977; B et al., 2015)",
//! found in course text so each can be matched to a reference, and shown as
//! numbered markers that link to it.

use comrak::nodes::{AstNode, NodeValue};
use comrak::Arena;

use super::problem::Problem;
use crate::course::html_text::escape;
use crate::course::words::Catalog;

/// Longest text between brackets that is still read as a citation group.
const MAX_GROUP_LEN: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub cite: String,
    pub line: usize,
}

/// The ending of a cite for a source with no date: "n.d.", or "n.d.-a" and
/// on where one author has several.
pub const NO_DATE: &str = "n.d.";

/// The year part of a cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitedYear {
    /// "2021", or "2020a" (a letter may follow the year).
    Year(u16),
    /// "n.d.", or "n.d.-a" and on.
    NoDate,
}

/// A cite's names and its year part, when it has a citation's shape:
/// "Name..., 2021" or, for a source with no date, "Name, n.d.". The one
/// reading of that shape: the text scan, the references' checks and the
/// markers' spoken names all use it.
pub fn split_cite(part: &str) -> Option<(&str, CitedYear)> {
    let (names, year) = part.rsplit_once(", ")?;
    if names.trim().is_empty() || !names.chars().any(char::is_alphabetic) {
        return None;
    }
    let lettered = |l: &str| l.len() == 1 && l.chars().all(|c| c.is_ascii_lowercase());
    if year == NO_DATE || year.strip_prefix("n.d.-").is_some_and(lettered) {
        return Some((names, CitedYear::NoDate));
    }
    let digits = year.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((names, CitedYear::Year(digits.parse().ok()?)))
}

fn looks_like_citation(part: &str) -> bool {
    split_cite(part).is_some()
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
/// is said in words, and "n.d." (no date) not at all: "Source 20:
/// healthdirect".
fn spoken_source(number: usize, cite: &str, words: &Catalog) -> String {
    let others = format!(" {}", words.text("citation.et-al", &[]));
    let source = match split_cite(cite) {
        Some((name, CitedYear::NoDate)) => name,
        _ => cite,
    };
    let source = source.replace(" et al.", &others);
    words.text(
        "citation.spoken",
        &[("n", &number.to_string()), ("source", &source)],
    )
}

/// The numbers of a citation group (its text between the brackets) when
/// every part of it is on the references list (`cites`, in list order):
/// each part's place on the list, from 1, with its cite. None when any part
/// is unknown: the group is then shown as written (and reported).
pub fn numbered(inner: &str, cites: &[&str]) -> Option<Vec<(usize, String)>> {
    inner
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|cite| {
            let index = cites.iter().position(|c| *c == cite)?;
            Some((index + 1, cite.to_owned()))
        })
        .collect()
}

/// The marker a cited group is shown as: small numbers, each a link to its
/// entry on the references list (`#ref-N`) with a name a screen reader can
/// say.
/// A citation written out in brackets, as on paper or where it is on no
/// references list: " (NHS, 2019)".
pub fn cite_in_words(cite: &str) -> String {
    format!(" ({})", escape(cite))
}

pub fn marker_html(numbers: &[(usize, String)], words: &Catalog) -> String {
    let mut out = String::from("<sup class=\"cite\">");
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
    out
}

/// Every citation in a parsed page, with its line, found in its text as
/// shown: a group may run over a line break, never into code. A group that
/// only shows up once formatting is taken away, as in "(*Brinjikji* et al.,
/// 2015)" or "(`Brinjikji` et al., 2015)", would be shown as written, never
/// linked nor matched, so it is refused.
pub fn find_in_tree<'a>(
    file: &str,
    root: &'a AstNode<'a>,
    problems: &mut Vec<Problem>,
) -> Vec<Citation> {
    let mut found = Vec::new();
    // Every run of text sits in one of these blocks, which hold the inline
    // content (links, emphasis, code) and nest in no other of them.
    let holds_text = |n: &AstNode<'_>| {
        matches!(
            n.data().value,
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell
        )
    };
    for block in root.descendants().filter(|n| holds_text(n)) {
        let mut in_runs = Vec::new();
        for run in text_runs(block) {
            let text = run_text(&run);
            let first_line = run[0].data().sourcepos.start.line;
            for group in groups(&text) {
                let line = first_line + text[..group.start].matches('\n').count();
                found.extend(group.parts.into_iter().map(|cite| Citation { cite, line }));
                in_runs.push(group.inner);
            }
        }
        for group in groups(&without_formatting(block)) {
            if !in_runs.contains(&group.inner) {
                problems.push(Problem::at_line(
                    file,
                    block.data().sourcepos.start.line,
                    format!(
                        "the citation \"({})\" is split by formatting (emphasis, code or a link's edge): write it as plain text, so it can link to its source",
                        group.inner
                    ),
                ));
            }
        }
    }
    found
}

/// A block's words with formatting taken away; code stays a stand-in, so a
/// citation shown whole as code is no citation.
fn without_formatting<'a>(block: &'a AstNode<'a>) -> String {
    let mut shown = String::new();
    for node in block.descendants() {
        match &node.data().value {
            NodeValue::Text(text) => shown.push_str(text),
            NodeValue::Code(_) => shown.push('…'),
            NodeValue::SoftBreak | NodeValue::LineBreak => shown.push(' '),
            _ => {}
        }
    }
    shown
}

/// Each citation group whose every part is in `cites` turned into its
/// marker, outside links (a link inside a link is broken HTML).
///
/// A marker is a `Superscript` node holding the marker's HTML: the course
/// never turns comrak's superscript syntax on, so every such node is one of
/// these, and the writer (`write_html`) writes it as it is.
pub fn link_in_tree<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    cites: &[&str],
    words: &Catalog,
) {
    for run in text_runs(root) {
        let in_link = run[0]
            .ancestors()
            .any(|n| matches!(n.data().value, NodeValue::Link(_)));
        if in_link {
            continue;
        }
        let text = run_text(&run);
        let linked: Vec<(Group, Vec<(usize, String)>)> = groups(&text)
            .into_iter()
            .filter_map(|g| numbered(&g.inner, cites).map(|n| (g, n)))
            .collect();
        if linked.is_empty() {
            continue;
        }
        let mut from = 0;
        for (group, numbers) in linked {
            insert_text(arena, run[0], text[from..group.start].trim_end_matches(' '));
            let marker = arena.alloc(NodeValue::Superscript.into());
            marker.append(arena.alloc(NodeValue::HtmlInline(marker_html(&numbers, words)).into()));
            run[0].insert_before(marker);
            from = group.end;
        }
        insert_text(arena, run[0], &text[from..]);
        for node in run {
            node.detach();
        }
    }
}

/// A run's text as the page shows it: a soft break is a new line.
fn run_text(run: &[&AstNode<'_>]) -> String {
    let mut text = String::new();
    for node in run {
        match &node.data().value {
            NodeValue::Text(literal) => text.push_str(literal),
            _ => text.push('\n'),
        }
    }
    text
}

/// Each run of text and soft breaks side by side, in page order.
fn text_runs<'a>(root: &'a AstNode<'a>) -> Vec<Vec<&'a AstNode<'a>>> {
    let is_text =
        |n: &AstNode<'_>| matches!(n.data().value, NodeValue::Text(_) | NodeValue::SoftBreak);
    let mut runs = Vec::new();
    for node in root.descendants() {
        let starts_run = is_text(node) && !node.previous_sibling().is_some_and(is_text);
        if starts_run {
            let run: Vec<_> = std::iter::successors(Some(node), |n| n.next_sibling())
                .take_while(|n| is_text(n))
                .collect();
            runs.push(run);
        }
    }
    runs
}

/// `text` put before `at` as text nodes, a soft break for each new line.
fn insert_text<'a>(arena: &'a Arena<'a>, at: &'a AstNode<'a>, text: &str) {
    for (i, piece) in text.split('\n').enumerate() {
        if i > 0 {
            at.insert_before(arena.alloc(NodeValue::SoftBreak.into()));
        }
        if !piece.is_empty() {
            at.insert_before(arena.alloc(NodeValue::Text(piece.to_owned().into()).into()));
        }
    }
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
    fn a_web_page_with_no_date_is_cited_as_n_d() {
        assert_eq!(
            cites("Keep moving (healthdirect, n.d.-a; NHS, n.d.)."),
            vec![("healthdirect, n.d.-a".into(), 1), ("NHS, n.d.".into(), 1)]
        );
        // "n.d." must be the whole year part: not text that happens to end so.
        assert!(cites("(see the notes, n.d.-ab) (a, n.d.x)").is_empty());
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

    /// `markdown` written with `cites` on the references list, and the
    /// citations found in it.
    fn linked(markdown: &str, cites: &[&str]) -> (String, Vec<(String, usize)>, Vec<Problem>) {
        use super::super::render::{render_with, Writing};
        let mut problems = Vec::new();
        let writing = Writing {
            cites,
            ..Writing::plain(Catalog::english())
        };
        let r = render_with("t.md", markdown, &writing, &mut problems);
        let found = r.citations.into_iter().map(|c| (c.cite, c.line)).collect();
        (r.html, found, problems)
    }

    #[test]
    fn citations_become_numbered_links_named_for_a_screen_reader() {
        let cites = ["Engel, 1977", "Brinjikji et al., 2015"];
        let (html, found, _) = linked("Scans mislead (Brinjikji et al., 2015).\n", &cites);
        assert_eq!(
            html,
            "<p>Scans mislead<sup class=\"cite\"><a class=\"cite-link\" href=\"#ref-2\" tabindex=\"-1\" aria-label=\"Source 2: Brinjikji and others, 2015\" title=\"Brinjikji et al., 2015\">2</a></sup>.</p>\n"
        );
        assert_eq!(found, [("Brinjikji et al., 2015".to_owned(), 1)]);
        let (two, _, _) = linked("- Both (Engel, 1977;\n  Brinjikji et al., 2015)\n", &cites);
        assert!(two.contains(">1</a>,<a "), "{two}");
        assert!(two.contains("href=\"#ref-2\""), "{two}");
    }

    #[test]
    fn a_marker_for_a_web_page_names_its_publisher_without_the_no_date_mark() {
        let (html, _, _) = linked(
            "Heat helps (healthdirect, n.d.-b).\n",
            &["x, 2000", "healthdirect, n.d.-b"],
        );
        assert!(
            html.contains("aria-label=\"Source 2: healthdirect\""),
            "{html}"
        );
    }

    #[test]
    fn unknown_citations_links_code_and_apostrophes_are_handled() {
        let cites = ["O'Brien et al., 2020"];
        // Unknown: left as written, and found (the loader reports it).
        let (html, found, _) = linked("x (Nobody, 2001)\n", &cites);
        assert_eq!(html, "<p>x (Nobody, 2001)</p>\n");
        assert_eq!(found, [("Nobody, 2001".to_owned(), 1)]);
        // In a link's address: not text at all.
        let (html, found, _) = linked("[x](https://a.example/(O'Brien,2020))\n", &cites);
        assert!(!html.contains("cite-link") && found.is_empty(), "{html}");
        // Inside a link: found, never linked (a link in a link is broken).
        let (html, found, _) = linked("[see (O'Brien et al., 2020)](https://a.example/)\n", &cites);
        assert!(!html.contains("cite-link"), "{html}");
        assert_eq!(found.len(), 1);
        // Code is shown as written, and holds no citation.
        let (html, found, _) = linked("`(O'Brien et al., 2020)`\n", &cites);
        assert!(!html.contains("cite-link") && found.is_empty(), "{html}");
        // The apostrophe is matched as written, and escaped in the title.
        let (html, _, _) = linked("z (O'Brien et al., 2020)\n", &cites);
        assert!(html.contains("href=\"#ref-1\""), "{html}");
        assert!(
            html.contains("title=\"O&#39;Brien et al., 2020\""),
            "{html}"
        );
    }

    #[test]
    fn a_citation_split_by_emphasis_is_refused_on_its_line() {
        let (_, _, problems) = linked("a\n\nSee (*Engel*, 1977).\n", &["Engel, 1977"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(3));
        assert!(
            problems[0].message.contains("split by formatting"),
            "{}",
            problems[0]
        );
        // Emphasis around a whole citation is not inside it.
        let (html, _, problems) = linked("See *(Engel, 1977)*.\n", &["Engel, 1977"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(html.contains("<em><sup class=\"cite\">"), "{html}");
    }

    #[test]
    fn unbalanced_brackets_do_not_hang_or_panic() {
        assert!(cites("((((").is_empty());
        assert!(cites("(Engel, 1977").is_empty());
        assert_eq!(cites("((Engel, 1977)").len(), 1);
    }
}
