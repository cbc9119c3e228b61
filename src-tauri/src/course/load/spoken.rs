//! What read-aloud says for a course page: each paragraph, list item,
//! heading, figure and table row is one part (the outermost, when they
//! nest), said from the parsed page as it is shown (citation and footnote
//! markers and a figure's drawing and numbers left out, a figure said by
//! its caption and description, a table row with its column names). The
//! writer (`write_html`) marks each part's element as it writes it.

use comrak::nodes::{AstNode, NodeValue};
use serde::Serialize;

use super::figure::{Drawing, Figure, FIGURE_FENCE};
use super::write_html::fence;
use crate::course::words::Catalog;

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

/// A node read aloud as a part of its own, if nothing around it is one.
fn is_part(node: &AstNode<'_>) -> bool {
    match &node.data().value {
        NodeValue::Paragraph | NodeValue::Item(_) | NodeValue::Heading(_) => true,
        NodeValue::TableRow(head) => !head,
        NodeValue::CodeBlock(block) => fence(&block.info) == FIGURE_FENCE,
        _ => false,
    }
}

/// Whether `node` is a part, and no part holds it.
pub fn outermost<'a>(node: &'a AstNode<'a>) -> bool {
    is_part(node) && !node.ancestors().skip(1).any(is_part)
}

/// The words of one part, as said.
pub fn words_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for child in node.children() {
        say(child, &mut text);
    }
    squash(&text)
}

/// Adds what `node` says to `text`.
fn say<'a>(node: &'a AstNode<'a>, text: &mut String) {
    let children = |text: &mut String| node.children().for_each(|c| say(c, text));
    match &node.data().value {
        NodeValue::Text(literal) => text.push_str(literal),
        NodeValue::Code(code) => text.push_str(&code.literal),
        NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
        // Citation markers (see `citations::link_in_tree`) and footnote
        // numbers are links, not words; raw HTML is never shown.
        NodeValue::Superscript
        | NodeValue::FootnoteReference(_)
        | NodeValue::HtmlInline(_)
        | NodeValue::HtmlBlock(_) => {}
        NodeValue::CodeBlock(block) => {
            // Figures are refused inside a part (the checks), and questions
            // are not shown.
            if fence(&block.info) != super::questions::QUESTIONS_FENCE && !is_part(node) {
                end_sentence(text);
                text.push_str(&block.literal);
                end_sentence(text);
            }
        }
        // A list, table or quote inside a part starts a new sentence:
        // "Walking" then its sub-item "10 minutes" is two.
        NodeValue::List(_) | NodeValue::Table(_) | NodeValue::BlockQuote => {
            end_sentence(text);
            children(text);
            end_sentence(text);
        }
        NodeValue::TableCell => {
            let row = node.parent();
            let column = row.map_or(0, |r| {
                r.children().take_while(|c| !c.same_node(node)).count()
            });
            if let Some(name) = row.and_then(|r| column_name(r, column)) {
                text.push_str(&name);
                text.push_str(": ");
            }
            children(text);
            end_sentence(text);
        }
        // A part's own last line ends as written ("two", not "two.").
        NodeValue::Paragraph if node.next_sibling().is_none() => children(text),
        NodeValue::Paragraph | NodeValue::Item(_) | NodeValue::Heading(_) => {
            children(text);
            end_sentence(text);
        }
        _ => children(text),
    }
}

/// The name of column `column` of a body row's table: its heading row's
/// cell, as said.
fn column_name<'a>(row: &'a AstNode<'a>, column: usize) -> Option<String> {
    if matches!(row.data().value, NodeValue::TableRow(true)) {
        return None;
    }
    let head = row.parent()?.first_child()?;
    if !matches!(head.data().value, NodeValue::TableRow(true)) {
        return None;
    }
    let cell = head.children().nth(column)?;
    Some(words_of(cell)).filter(|name| !name.is_empty())
}

/// A figure, said: its number and title, its caption, then what it shows.
pub fn figure_words(figure: &Figure, number: usize, words: &Catalog) -> String {
    let mut text = words.text("figure.number", &[("n", &number.to_string())]);
    text.push(' ');
    text.push_str(&figure.title);
    end_sentence(&mut text);
    text.push_str(&figure.caption);
    end_sentence(&mut text);
    text.push_str(&figure.description);
    if let Drawing::Movement(movement) = &figure.drawing {
        let amount = movement.amount_words(words);
        for (term, said) in [
            ("movement.amount", amount),
            ("movement.stop", movement.stop.clone()),
        ] {
            end_sentence(&mut text);
            text.push_str(&words.text(term, &[]));
            text.push_str(": ");
            text.push_str(&said);
        }
    }
    squash(&text)
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

#[cfg(test)]
mod tests {
    use super::super::render::{render_with, Writing};
    use super::*;

    const CITES: [&str; 2] = ["Engel, 1977", "Brinjikji et al., 2015"];

    /// The page written with its parts marked, and the parts.
    fn written(markdown: &str) -> (String, Vec<(String, String, u8)>) {
        let mut problems = Vec::new();
        let writing = Writing {
            say: Some("say-t"),
            cites: &CITES,
            ..Writing::plain(Catalog::english())
        };
        let rendered = render_with("t.md", markdown, &writing, &mut problems);
        let parts = rendered
            .spoken
            .into_iter()
            .map(|p| (p.target, p.text, p.level))
            .collect();
        (rendered.html, parts)
    }

    fn said(markdown: &str) -> Vec<(String, String, u8)> {
        written(markdown).1
    }

    #[test]
    fn each_paragraph_heading_and_list_item_is_a_part_with_its_own_id() {
        let (html, spoken) = written("## Moving\n\nWalk *a little* & rest.\n\n- one\n- two\n");
        assert!(
            html.contains("<h2 id=\"section-moving\" data-say>"),
            "{html}"
        );
        assert!(html.contains("<p data-say id=\"say-t-2\">"), "{html}");
        assert!(
            html.contains("<li data-say id=\"say-t-4\">two</li>"),
            "{html}"
        );
        assert_eq!(
            spoken,
            [
                ("section-moving".into(), "Moving".into(), 2),
                ("say-t-2".into(), "Walk a little & rest.".into(), 0),
                ("say-t-3".into(), "one".into(), 0),
                ("say-t-4".into(), "two".into(), 0),
            ]
        );
    }

    #[test]
    fn marking_changes_nothing_but_the_marks() {
        let markdown = "a [link](https://x.org/)\n\n<b>raw</b>\n\n- loose\n\n  - inner\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let (marked, spoken) = written(markdown);
        let mut problems = Vec::new();
        let plain = render_with(
            "t.md",
            markdown,
            &Writing::plain(Catalog::english()),
            &mut problems,
        )
        .html;
        let mut unmarked = marked.replace(" data-say", "");
        for n in 1..=4 {
            unmarked = unmarked.replace(&format!(" id=\"say-t-{n}\""), "");
        }
        assert_eq!(unmarked, plain);
        // Raw HTML is not shown, so not said; the words between are.
        assert_eq!(spoken[1].1, "raw");
        // A loose item with a list inside is one part, read whole.
        assert_eq!(spoken[2].1, "loose. inner.");
    }

    #[test]
    fn citation_markers_are_not_read_in_the_middle_of_a_sentence() {
        let (html, spoken) =
            written("Pain can settle (Engel, 1977; Brinjikji et al., 2015) with time.\n");
        assert!(html.contains("class=\"cite-link\""), "{html}");
        assert_eq!(spoken[0].1, "Pain can settle with time.");
    }

    #[test]
    fn footnote_numbers_and_their_way_back_are_not_read() {
        let spoken = said("Pain can settle[^1] with time.\n\n[^1]: A review.\n");
        assert_eq!(spoken[0].1, "Pain can settle with time.");
        assert_eq!(spoken[1].1, "A review.");
    }

    #[test]
    fn a_tight_sub_list_is_read_as_its_own_sentence() {
        assert_eq!(
            said("- Walking\n  - 10 minutes\n")[0].1,
            "Walking. 10 minutes."
        );
    }

    #[test]
    fn a_figure_is_read_by_its_caption_and_description_once() {
        let figure = "```figure\nkind = \"line\"\ntitle = \"Pain over a year\"\ncaption = \"New pain eased fast.\"\ndescription = \"A line chart of pain.\"\nsource = \"Engel, 1977\"\nx_label = \"Weeks\"\nx = [0, 52]\nvalue_label = \"Average pain, out of 100\"\nmax = 100\n[[series]]\nlabel = \"Pain\"\nvalues = [56, 40]\n```\n\nAfter.\n";
        let (html, spoken) = written(figure);
        assert_eq!(spoken.len(), 2, "{spoken:?}");
        assert_eq!(
            spoken[0],
            (
                "say-t-1".into(),
                "Figure 1: Pain over a year. New pain eased fast. A line chart of pain.".into(),
                0
            )
        );
        assert!(
            html.contains("<figure class=\"figure\" data-say id=\"say-t-1\">"),
            "{html}"
        );
        assert_eq!(spoken[1].1, "After.");
    }

    #[test]
    fn a_table_is_read_row_by_row_with_each_cell_named_by_its_column() {
        let (html, spoken) =
            written("| Age | Disc bulge |\n|---|---|\n| 20 | 30 in 100 |\n| 80 | 84 in 100 |\n");
        assert_eq!(
            spoken.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
            [
                "Age: 20. Disc bulge: 30 in 100.",
                "Age: 80. Disc bulge: 84 in 100."
            ]
        );
        // The heading row is not read on its own, nor lit up.
        assert_eq!(html.matches("data-say").count(), 2);
    }

    #[test]
    fn markup_in_text_is_read_as_the_words_shown() {
        assert_eq!(said("a &lt;b&gt; and `<i>`\n")[0].1, "a <b> and <i>");
        assert_eq!(said("two  \nlines\n")[0].1, "two lines");
    }

    #[test]
    fn a_movement_is_read_with_its_amount_and_stop_rule_after_its_description() {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let moving = course
            .guides
            .iter()
            .find(|g| g.id.as_str() == "moving")
            .unwrap();
        let said: Vec<&str> = moving
            .spoken
            .iter()
            .map(|p| p.text.as_str())
            .filter(|t| t.starts_with("Figure "))
            .collect();
        assert_eq!(said.len(), 6, "{said:?}");
        assert!(
            said[0].starts_with("Figure 1: Knee rolls. Roll both bent knees"),
            "{}",
            said[0]
        );
        assert!(
            said[0].ends_with("How many: 8 to 10, changing sides each time. Take care: Only go as far as is comfortable."),
            "{}",
            said[0]
        );
        assert!(
            said[5].contains("How many: Your physiotherapist can tell you how long to hold"),
            "{}",
            said[5]
        );
    }
}
