//! What read-aloud says for rendered course HTML: at load, each paragraph,
//! list item, heading, figure and table row is marked as a part with an id;
//! its words are read back from the same marked HTML, so nothing is said
//! that is not shown (citation markers, drawings and number tables left out,
//! a figure said by its caption and description, a table row with its
//! column names).

use serde::Serialize;

use crate::course::html_text::unescape;

/// The attribute that marks an element read aloud as one part.
const MARK: &str = "data-say";
/// Elements read as one part each (the outermost, when they nest).
const PARTS: [&str; 12] = [
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figure", "dt", "dd",
];
/// Elements whose end closes a sentence inside a part.
const SENTENCE_ENDS: [&str; 9] = [
    "p",
    "li",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "desc",
    "blockquote",
];
/// Elements with no end tag.
const VOID: [&str; 5] = ["br", "hr", "img", "input", "wbr"];

/// One stretch read aloud, and the element lit up while it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpokenPart {
    /// The id of the element shown while this is read.
    pub target: String,
    pub text: String,
    /// A heading's level (1 to 6); 0 for anything else.
    pub level: u8,
}

impl SpokenPart {
    pub fn new(target: &str, text: &str, level: u8) -> SpokenPart {
        SpokenPart {
            target: target.to_owned(),
            text: squash(text),
            level,
        }
    }
}

enum Token<'a> {
    Text(&'a str),
    /// A start tag: its name and the whole tag as written.
    Start(&'a str, &'a str),
    /// An end tag: its name and the tag as written.
    End(&'a str, &'a str),
    /// A comment, a self-closing tag or anything else copied as it is.
    Other(&'a str),
}

/// Splits well-formed HTML (comrak's and the app's own) into tokens.
fn tokens(html: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = html;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            let (text, after) = rest.split_at(end);
            rest = after;
            return Some(Token::Text(text));
        }
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |i| i + 3)
        } else {
            rest.find('>').map_or(rest.len(), |i| i + 1)
        };
        let (tag, after) = rest.split_at(end);
        rest = after;
        let name_of = |from: usize| {
            let inner = &tag[from..];
            let stop = inner
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(inner.len());
            &inner[..stop]
        };
        Some(if tag.starts_with("</") {
            Token::End(name_of(2), tag)
        } else if tag.starts_with("<!") || tag.ends_with("/>") || VOID.contains(&name_of(1)) {
            Token::Other(tag)
        } else {
            Token::Start(name_of(1), tag)
        })
    })
}

/// The value of `name="…"` in a start tag, unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')? + at;
    Some(unescape(&tag[at..end]))
}

fn has_class(tag: &str, class: &str) -> bool {
    attribute(tag, "class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Marks each part of `html` to be read aloud: `data-say`, and an id
/// (`{prefix}-{n}`) where it has none. Done once, at load.
pub fn mark(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // The part open now: its element's name and how deep the same element
    // nests inside it.
    let mut open: Option<(&str, usize)> = None;
    let mut in_thead = false;
    let mut count = 0;
    for token in tokens(html) {
        match token {
            Token::Start(name, tag) => {
                match &mut open {
                    None if PARTS.contains(&name) && !(in_thead && name == "tr") => {
                        count += 1;
                        let body = tag.trim_end_matches('>');
                        out.push_str(body);
                        out.push(' ');
                        out.push_str(MARK);
                        if attribute(tag, "id").is_none() {
                            out.push_str(&format!(" id=\"{prefix}-{count}\""));
                        }
                        out.push('>');
                        open = Some((name, 0));
                        continue;
                    }
                    Some((open_name, depth)) if *open_name == name => *depth += 1,
                    _ => {}
                }
                in_thead |= name == "thead";
                out.push_str(tag);
            }
            Token::End(name, tag) => {
                if let Some((open_name, depth)) = &mut open {
                    if *open_name == name {
                        if *depth == 0 {
                            open = None;
                        } else {
                            *depth -= 1;
                        }
                    }
                }
                if name == "thead" {
                    in_thead = false;
                }
                out.push_str(tag);
            }
            Token::Text(text) | Token::Other(text) => out.push_str(text),
        }
    }
    out
}

/// The words of one part as it is read: whitespace squashed.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ends a sentence inside a part, so "Figure 1: Pain over a year" and the
/// caption after it, or two table cells, are not run together.
fn end_sentence(text: &mut String) {
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    if text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ')' || c == '%')
    {
        text.push('.');
    }
    text.push(' ');
}

/// Marks that are links, not words: citation and footnote numbers and the
/// footnotes' way back; and the figures' number tables (`details`).
fn unspoken(name: &str, tag: &str) -> bool {
    (name == "sup" && (has_class(tag, "cite") || has_class(tag, "footnote-ref")))
        || (name == "a" && has_class(tag, "footnote-backref"))
        || name == "details"
}

/// The parts `mark` made in `html`, in reading order, with their words.
pub fn parts(html: &str) -> Vec<SpokenPart> {
    let mut parts = Vec::new();
    // The part being read: target, level, words, element name, nesting.
    let mut open: Option<(String, u8, String, String, usize)> = None;
    // Elements whose words are skipped, by name, counted as they nest.
    let mut skipping: Option<(&str, usize)> = None;
    let mut in_svg = false;
    let mut in_figure_title = false;
    let mut in_desc = false;
    let mut said_desc = false;
    // Column names of the table being read, and the cell we are in.
    let mut headers: Vec<String> = Vec::new();
    let mut in_thead = false;
    let mut header = String::new();
    let mut cell = 0;
    for token in tokens(html) {
        match token {
            Token::Start(name, tag) => {
                if let Some((skip, depth)) = &mut skipping {
                    if *skip == name {
                        *depth += 1;
                    }
                    continue;
                }
                match name {
                    "thead" => {
                        in_thead = true;
                        headers.clear();
                    }
                    "table" => headers.clear(),
                    "tr" => cell = 0,
                    "svg" => in_svg = true,
                    "desc" => in_desc = true,
                    _ => {}
                }
                in_figure_title |= name == "span" && has_class(tag, "figure-title");
                if unspoken(name, tag) {
                    skipping = Some((name, 0));
                    continue;
                }
                if tag.contains(&format!(" {MARK}")) && open.is_none() {
                    let level = match name.as_bytes() {
                        [b'h', n @ b'1'..=b'6'] => n - b'0',
                        _ => 0,
                    };
                    let target = attribute(tag, "id").unwrap_or_default();
                    open = Some((target, level, String::new(), name.to_owned(), 0));
                    said_desc = false;
                    continue;
                }
                if let Some((_, _, text, open_name, depth)) = &mut open {
                    if open_name == name {
                        *depth += 1;
                    }
                    // A list or table inside a part starts a new sentence:
                    // "Walking" then its sub-item "10 minutes" is two.
                    if ["ul", "ol", "table", "blockquote"].contains(&name) {
                        end_sentence(text);
                    }
                    if (name == "td" || name == "th") && !in_thead {
                        if let Some(column) = headers.get(cell).filter(|h| !h.is_empty()) {
                            text.push_str(column);
                            text.push_str(": ");
                        }
                        cell += 1;
                    }
                }
            }
            Token::End(name, _) => {
                if let Some((skip, depth)) = &mut skipping {
                    if *skip == name {
                        if *depth == 0 {
                            skipping = None;
                        } else {
                            *depth -= 1;
                        }
                    }
                    continue;
                }
                if in_thead && name == "th" {
                    headers.push(squash(&header));
                    header.clear();
                }
                match name {
                    "thead" => in_thead = false,
                    "svg" => in_svg = false,
                    "desc" => {
                        in_desc = false;
                        said_desc = true;
                    }
                    _ => {}
                }
                let Some((_, _, text, open_name, depth)) = &mut open else {
                    continue;
                };
                if open_name == name {
                    if *depth > 0 {
                        *depth -= 1;
                    } else {
                        let (target, level, text, _, _) = open.take().expect("a part is open");
                        let text = squash(&text);
                        if !text.is_empty() {
                            parts.push(SpokenPart {
                                target,
                                text,
                                level,
                            });
                        }
                        continue;
                    }
                }
                let title_ends = name == "span" && std::mem::take(&mut in_figure_title);
                if title_ends || SENTENCE_ENDS.contains(&name) {
                    end_sentence(text);
                }
            }
            Token::Other(tag) => {
                if tag.starts_with("<br") {
                    if let Some((_, _, text, _, _)) = &mut open {
                        text.push(' ');
                    }
                }
            }
            Token::Text(raw) => {
                if skipping.is_some() {
                    continue;
                }
                if in_thead {
                    header.push_str(&unescape(raw));
                    continue;
                }
                // Of a drawing, only its description is said, and only the
                // first layout's.
                if in_svg && (!in_desc || said_desc) {
                    continue;
                }
                if let Some((_, _, text, _, _)) = &mut open {
                    text.push_str(&unescape(raw));
                }
            }
        }
    }
    parts
}

/// The words of a piece of course HTML (a heading's inside), as said.
pub fn words_of(html: &str) -> String {
    let mut text = String::new();
    // How deep inside an unspoken mark we are (every element in it counted).
    let mut skipping = 0usize;
    for token in tokens(html) {
        match token {
            Token::Start(name, tag) if skipping > 0 || unspoken(name, tag) => skipping += 1,
            Token::End(..) if skipping > 0 => skipping -= 1,
            Token::Text(raw) if skipping == 0 => text.push_str(&unescape(raw)),
            _ => {}
        }
    }
    squash(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(html: &str) -> Vec<(String, String, u8)> {
        parts(&mark(html, "say-t"))
            .into_iter()
            .map(|p| (p.target, p.text, p.level))
            .collect()
    }

    #[test]
    fn each_paragraph_heading_and_list_item_is_a_part_with_its_own_id() {
        let html = "<h2 id=\"section-a\">Moving</h2>\n<p>Walk <em>a little</em> &amp; rest.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n";
        let marked = mark(html, "say-t");
        assert!(
            marked.contains("<h2 id=\"section-a\" data-say>"),
            "{marked}"
        );
        assert!(marked.contains("<p data-say id=\"say-t-2\">"), "{marked}");
        assert!(
            marked.contains("<li data-say id=\"say-t-4\">two</li>"),
            "{marked}"
        );
        assert_eq!(
            said(html),
            [
                ("section-a".into(), "Moving".into(), 2),
                ("say-t-2".into(), "Walk a little & rest.".into(), 0),
                ("say-t-3".into(), "one".into(), 0),
                ("say-t-4".into(), "two".into(), 0),
            ]
        );
    }

    #[test]
    fn marking_changes_nothing_but_the_marks() {
        let html = "<p>a <a href=\"https://x.org/\">link</a></p>\n<!-- raw HTML omitted -->\n<ul>\n<li>\n<p>loose</p>\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ul>\n";
        let marked = mark(html, "say-t");
        let unmarked = marked
            .replace(" data-say", "")
            .replace(" id=\"say-t-1\"", "")
            .replace(" id=\"say-t-2\"", "");
        assert_eq!(unmarked, html);
        // A loose item with a list inside is one part, read whole.
        assert_eq!(said(html)[1].1, "loose. inner.");
    }

    #[test]
    fn citation_markers_are_not_read_in_the_middle_of_a_sentence() {
        let html = "<p>Pain can settle<sup class=\"cite\"><a class=\"cite-link\" href=\"#ref-3\" aria-label=\"Source 3\">3</a>,<a href=\"#ref-4\">4</a></sup> with time.</p>";
        assert_eq!(said(html)[0].1, "Pain can settle with time.");
        assert_eq!(
            words_of("Soon<sup class=\"cite\"><a>2</a>,<a>3</a></sup> after"),
            "Soon after"
        );
    }

    #[test]
    fn footnote_numbers_and_their_way_back_are_not_read() {
        let html = "<p>Pain can settle<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> with time.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>A review. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n";
        let spoken = said(html);
        assert_eq!(spoken[0].1, "Pain can settle with time.");
        assert_eq!(spoken[1].1, "A review.");
    }

    #[test]
    fn a_tight_sub_list_is_read_as_its_own_sentence() {
        let html = "<ul>\n<li>Walking\n<ul>\n<li>10 minutes</li>\n</ul>\n</li>\n</ul>\n";
        assert_eq!(said(html)[0].1, "Walking. 10 minutes.");
    }

    #[test]
    fn a_figure_is_read_by_its_caption_and_description_once() {
        let html = "<figure class=\"figure\" id=\"figure-1\"><figcaption class=\"figure-caption\"><span class=\"figure-title\">Figure 1: Pain over a year</span> New pain eased fast<sup class=\"cite\"><a>10</a></sup></figcaption>\
            <div class=\"figure-drawing figure-narrow\"><svg role=\"img\"><title>Pain over a year</title><desc>A line chart of pain.</desc><text x=\"0\">56</text><line x1=\"0\"/></svg></div>\
            <div class=\"figure-drawing figure-wide\"><svg role=\"img\"><title>Pain over a year</title><desc>A line chart of pain.</desc><text>56</text></svg></div>\
            <details class=\"figure-numbers\"><summary>Show the numbers</summary><table><tr><td>56</td></tr></table></details></figure><p>After.</p>";
        let spoken = said(html);
        assert_eq!(spoken.len(), 2, "{spoken:?}");
        assert_eq!(
            spoken[0],
            (
                "figure-1".into(),
                "Figure 1: Pain over a year. New pain eased fast. A line chart of pain.".into(),
                0
            )
        );
        assert_eq!(spoken[1].1, "After.");
    }

    #[test]
    fn a_table_is_read_row_by_row_with_each_cell_named_by_its_column() {
        let html = "<table>\n<thead>\n<tr>\n<th>Age</th>\n<th>Disc bulge</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>20</td>\n<td>30 in 100</td>\n</tr>\n<tr>\n<td>80</td>\n<td>84 in 100</td>\n</tr>\n</tbody>\n</table>\n";
        let spoken = said(html);
        assert_eq!(
            spoken.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
            [
                "Age: 20. Disc bulge: 30 in 100.",
                "Age: 80. Disc bulge: 84 in 100."
            ]
        );
        // The heading row is not read on its own, nor lit up.
        assert_eq!(mark(html, "say-t").matches(MARK).count(), 2);
    }

    #[test]
    fn a_table_without_a_heading_row_reads_its_cells_in_order() {
        let html = "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>";
        assert_eq!(said(html)[0].1, "a. b.");
    }

    #[test]
    fn broken_or_odd_html_neither_panics_nor_reads_markup() {
        for html in [
            "<p>unclosed",
            "<p>a < b</p>",
            "</p></li>",
            "<",
            "<p><br />x</p>",
            "<h7>x</h7>",
            "<p>&lt;b&gt;</p>",
        ] {
            let spoken = said(html);
            assert!(
                spoken.iter().all(|p| !p.1.contains("<p")),
                "{html}: {spoken:?}"
            );
        }
        assert_eq!(said("<p>&lt;b&gt;</p>")[0].1, "<b>");
    }
}
