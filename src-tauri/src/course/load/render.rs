//! Markdown to HTML with comrak, and the checks that keep a course page safe
//! to show: no raw HTML, no images from anywhere, only `https` links, headings
//! in order under the page's own title.

use std::fmt;
use std::sync::Mutex;

use comrak::adapters::{CodefenceRendererAdapter, HeadingAdapter, HeadingMeta};
use comrak::nodes::{NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{format_html_with_plugins, parse_document, Anchorizer, Arena, Options};
use url::Url;

use super::citations::Citation;
use super::figure::{figure_html, parse_figure, FIGURE_FENCE};
use super::links::{parse_https_url, SCREEN_ANCHORS};
use super::problem::Problem;
use super::questions::QUESTIONS_FENCE;
use crate::course::words::Catalog;

pub const FRONT_MATTER_DELIMITER: &str = "+++";
/// Heading ids get a prefix so a heading named "main" cannot clash with the
/// app's own element ids.
pub const HEADING_ID_PREFIX: &str = "section-";

/// A Markdown file rendered to HTML, with what was found on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The TOML between the `+++` lines, and the file line it starts on.
    pub front_matter: Option<(String, usize)>,
    pub html: String,
    /// Every outbound link in the page, in order.
    pub links: Vec<Url>,
    /// The source each figure cites, with the line of its block.
    pub figure_sources: Vec<Citation>,
    /// Every heading as (its text, its element id), in order.
    pub headings: Vec<(String, String)>,
    /// The self-check questions block: its fence's line and its TOML.
    pub questions: Option<(usize, String)>,
}

/// The Markdown the course is written in: rendering and the reading
/// measures parse it alike, so a table or footnote is measured as shown.
pub fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.footnotes = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.extension.front_matter_delimiter = Some(FRONT_MATTER_DELIMITER.to_owned());
    // Raw HTML is never passed through (comrak's default, stated here because
    // it is a security property): it becomes a comment, and is also reported.
    options.render.r#unsafe = false;
    options
}

/// Renders `text`, the whole of `file`. Problems are added to `problems`;
/// the HTML is safe to show either way.
pub fn render_markdown(file: &str, text: &str, problems: &mut Vec<Problem>) -> Rendered {
    render_markdown_nested(file, text, 0, problems)
}

/// As `render_markdown`, for text shown under a heading of the app's own:
/// every heading moves down `nesting` levels, so `##` in the file becomes
/// `<h3>` under the app's `<h2>` and the page outline stays in order.
pub fn render_markdown_nested(
    file: &str,
    text: &str,
    nesting: u8,
    problems: &mut Vec<Problem>,
) -> Rendered {
    render_with(file, text, nesting, Catalog::english(), problems)
}

/// As `render_markdown_nested`, with the words a figure adds (its number,
/// "Show the numbers") in the course's language.
pub fn render_with(
    file: &str,
    text: &str,
    nesting: u8,
    words: &Catalog,
    problems: &mut Vec<Problem>,
) -> Rendered {
    let arena = Arena::new();
    let options = options();
    let root = parse_document(&arena, text, &options);
    let mut rendered = Rendered::default();
    let mut last_heading_level = 1u8;
    let mut figures = FigureBlocks::default();

    // Ids as the heading adapter will give them: the same anchorizer, fed
    // the same headings in the same order.
    let mut heading_ids = Anchorizer::new();
    // `#…` links, checked once every heading's id is known.
    let mut in_page: Vec<(usize, String)> = Vec::new();
    for node in root.descendants() {
        let mut data = node.data_mut();
        let line = data.sourcepos.start.line;
        if let NodeValue::Heading(heading) = &mut data.value {
            check_heading(file, line, heading.level, &mut last_heading_level, problems);
            heading.level = (heading.level + nesting).min(6);
            drop(data);
            // The text the heading adapter is given, breaks as spaces.
            let text = node.collect_text();
            let id = format!("{HEADING_ID_PREFIX}{}", heading_ids.anchorize(&text));
            rendered.headings.push((text, id));
            continue;
        }
        match &data.value {
            NodeValue::FrontMatter(raw) => {
                rendered.front_matter = Some((strip_delimiters(raw), line + 1));
            }
            NodeValue::Link(link) => {
                if let Some(id) = link.url.strip_prefix('#') {
                    in_page.push((line, id.to_owned()));
                    continue;
                }
                match parse_https_url(&link.url) {
                    Ok(url) => rendered.links.push(url),
                    Err(reason) => {
                        problems.push(Problem::at_line(file, line, format!("the link {reason}")))
                    }
                }
            }
            NodeValue::CodeBlock(block)
                if block.info.split_whitespace().next() == Some(FIGURE_FENCE) =>
            {
                match parse_figure(file, line, &block.literal) {
                    Ok(figure) => {
                        let number = figures.html.iter().filter(|h| !h.is_empty()).count() + 1;
                        if let Some(cite) = &figure.source {
                            rendered.figure_sources.push(Citation {
                                cite: cite.clone(),
                                line,
                            });
                        }
                        figures
                            .html
                            .push(figure_html(&figure, number, &figure.drawn, words));
                    }
                    Err(found) => {
                        // Nothing is written for it (the course is refused),
                        // but it keeps its place in the order.
                        figures.html.push(String::new());
                        problems.extend(found);
                    }
                }
            }
            NodeValue::CodeBlock(block)
                if block.info.split_whitespace().next() == Some(QUESTIONS_FENCE) =>
            {
                // The page shows the questions after the lesson, so the block
                // must be where they appear: at the end.
                let mut after = node.following_siblings().skip(1);
                if after.any(|n| !matches!(n.data().value, NodeValue::FootnoteDefinition(_))) {
                    problems.push(Problem::at_line(
                        file,
                        line,
                        "questions: put the questions block at the end of the lesson, where the app shows them",
                    ));
                }
                if rendered.questions.is_some() {
                    problems.push(Problem::at_line(
                        file,
                        line,
                        "questions: a lesson has one questions block",
                    ));
                }
                rendered.questions = Some((line, block.literal.clone()));
            }
            NodeValue::Image(image) => problems.push(Problem::at_line(
                file,
                line,
                format!("images are not supported in course text ({})", image.url),
            )),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => problems.push(Problem::at_line(
                file,
                line,
                "raw HTML is not allowed; write it in Markdown",
            )),
            _ => {}
        }
    }
    for (line, id) in in_page {
        let to_heading = rendered.headings.iter().any(|(_, h)| *h == id);
        if !to_heading && !SCREEN_ANCHORS.contains(&id.as_str()) {
            let screens: Vec<String> = SCREEN_ANCHORS.iter().map(|s| format!("#{s}")).collect();
            problems.push(Problem::at_line(
                file,
                line,
                format!(
                    "the link #{id} goes to no screen of the app and no heading of this page; a link may name a screen ({}) or a heading here",
                    screens.join(", ")
                ),
            ));
        }
    }

    let headings = SectionHeadings {
        anchorizer: Mutex::new(Anchorizer::new()),
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&headings);
    plugins
        .render
        .codefence_renderers
        .insert(FIGURE_FENCE.to_owned(), &figures);
    // Questions are data for the lesson screen, not part of its text.
    plugins
        .render
        .codefence_renderers
        .insert(QUESTIONS_FENCE.to_owned(), &NOTHING);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = format_html_with_plugins(root, &options, &mut html, &plugins);
    rendered.html = html;
    rendered
}

/// A lesson's HTML as it sits in the whole course printed on one page: each
/// lesson is a section under its own `<h2>` there, so its headings move one
/// level down, and its ids (headings, footnotes) and the in-page links to
/// them take `prefix`, so two lessons' "fn-1" never clash. Links to the
/// references (`#ref-N`) and to app screens stay as they are. Raw HTML is
/// off, so every tag and attribute here is comrak's own.
pub fn nest_for_print(html: &str, prefix: &str) -> String {
    // One pass over the tags (text holds no '<': comrak escapes it), each
    // tag changed on its own: lessons with figures are long, and searching
    // the whole page again for each change was most of loading's time.
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let close = rest.find('>').map_or(rest.len(), |c| c + 1);
        nest_tag(&rest[..close], prefix, &mut out);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// One tag for print: a heading one level down, its own ids and the
/// in-page links to them prefixed.
fn nest_tag(tag: &str, prefix: &str, out: &mut String) {
    let own = |id: &str| id.starts_with(HEADING_ID_PREFIX) || id.starts_with("fn");
    let name_at = if tag.starts_with("</") { 2 } else { 1 };
    let bytes = tag.as_bytes();
    let heading = bytes.get(name_at) == Some(&b'h')
        && bytes
            .get(name_at + 1)
            .is_some_and(|l| (b'2'..=b'5').contains(l))
        && bytes
            .get(name_at + 2)
            .is_some_and(|c| *c == b' ' || *c == b'>');
    let mut copied = 0;
    if heading {
        out.push_str(&tag[..name_at + 1]);
        out.push(char::from(bytes[name_at + 1] + 1));
        copied = name_at + 2;
    }
    let mut starts: Vec<usize> = ["id=\"", "href=\"#"]
        .into_iter()
        .flat_map(|attr| tag.match_indices(attr).map(move |(at, _)| at + attr.len()))
        .filter(|start| *start >= copied)
        .collect();
    starts.sort_unstable();
    for start in starts {
        let end = tag[start..].find('"').map_or(tag.len(), |e| start + e);
        if own(&tag[start..end]) {
            out.push_str(&tag[copied..start]);
            out.push_str(prefix);
            out.push('-');
            copied = start;
        }
    }
    out.push_str(&tag[copied..]);
}

/// Figure blocks, drawn while the tree was checked, written in place of
/// their fenced code in the same (document) order: comrak gives the
/// renderer no position unless every element carries one.
#[derive(Default)]
struct FigureBlocks {
    html: Vec<String>,
    written: std::sync::atomic::AtomicUsize,
}

impl CodefenceRendererAdapter for FigureBlocks {
    fn write(
        &self,
        output: &mut dyn fmt::Write,
        _lang: &str,
        _meta: &str,
        _code: &str,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let next = self
            .written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        output.write_str(self.html.get(next).map_or("", String::as_str))
    }
}

/// Writes nothing in place of a block.
struct Nothing;
static NOTHING: Nothing = Nothing;

impl CodefenceRendererAdapter for Nothing {
    fn write(
        &self,
        _: &mut dyn fmt::Write,
        _: &str,
        _: &str,
        _: &str,
        _: Option<Sourcepos>,
    ) -> fmt::Result {
        Ok(())
    }
}

/// Headings with ids (for in-page links) but without comrak's empty
/// "link to this heading" anchors, which would be a silent extra tab stop
/// after every heading for keyboard and screen-reader users.
struct SectionHeadings {
    anchorizer: Mutex<Anchorizer>,
}

impl HeadingAdapter for SectionHeadings {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _: Option<Sourcepos>,
    ) -> fmt::Result {
        // Slugs hold only letters, digits, '-' and '_': safe in an attribute.
        let slug = self
            .anchorizer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .anchorize(&heading.content);
        write!(
            output,
            "<h{} id=\"{HEADING_ID_PREFIX}{slug}\">",
            heading.level
        )
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        write!(output, "</h{}>", heading.level)
    }
}

fn check_heading(
    file: &str,
    line: usize,
    level: u8,
    last_level: &mut u8,
    problems: &mut Vec<Problem>,
) {
    if level == 1 {
        problems.push(Problem::at_line(
            file,
            line,
            "use ## for headings: the page title is the only top-level heading",
        ));
    } else if level > *last_level + 1 {
        problems.push(Problem::at_line(
            file,
            line,
            format!(
                "heading level {level} follows level {}: headings must not skip a level",
                *last_level
            ),
        ));
    }
    *last_level = level;
}

fn strip_delimiters(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.lines().collect();
    if lines.first().map(|l| l.trim()) == Some(FRONT_MATTER_DELIMITER) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if lines.last().map(|l| l.trim()) == Some(FRONT_MATTER_DELIMITER) {
        lines.pop();
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> (Rendered, Vec<Problem>) {
        let mut problems = Vec::new();
        let rendered = render_markdown("t.md", text, &mut problems);
        (rendered, problems)
    }

    #[test]
    fn front_matter_is_split_off_with_its_first_line_and_not_rendered() {
        let (r, problems) = render("+++\nid = \"a\"\ntitle = \"T\"\n+++\n\n## Hello\n");
        assert!(problems.is_empty(), "{problems:?}");
        let (toml, line) = r.front_matter.unwrap();
        assert_eq!(toml, "id = \"a\"\ntitle = \"T\"\n");
        assert_eq!(line, 2);
        assert!(!r.html.contains("id ="));
        assert!(r.html.contains("<h2"));
    }

    #[test]
    fn raw_html_is_neither_rendered_nor_accepted() {
        let (r, problems) =
            render("## A\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>\n");
        assert!(!r.html.contains("<script"));
        assert!(!r.html.contains("onerror"));
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].message.contains("raw HTML"));
    }

    #[test]
    fn javascript_links_are_emptied_and_reported() {
        let (r, problems) = render("## A\n\n[click](javascript:alert(1))\n");
        assert!(!r.html.contains("javascript:"));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
    }

    #[test]
    fn the_word_javascript_in_text_is_only_text() {
        // Found by the fuzzer: a scheme name in a sentence is not a link.
        let (r, problems) = render("javascript:\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(r.html, "<p>javascript:</p>\n");
    }

    #[test]
    fn https_links_and_autolinks_are_collected() {
        let (r, problems) =
            render("## A\n\nSee [x](https://a.example/1) and https://b.example/2.\n");
        assert!(problems.is_empty(), "{problems:?}");
        let links: Vec<&str> = r.links.iter().map(Url::as_str).collect();
        assert_eq!(links, vec!["https://a.example/1", "https://b.example/2"]);
        assert!(r.html.contains("href=\"https://b.example/2\""));
    }

    #[test]
    fn a_link_to_a_screen_that_does_not_exist_is_refused_on_its_line() {
        let (_, problems) = render(
            "## A\n\nFine: [help](#get-help), [home](#home).\n\nSee [Get help now](#get-hlep).\n",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(5));
        assert!(
            problems[0].message.starts_with(
                "the link #get-hlep goes to no screen of the app and no heading of this page"
            ),
            "{}",
            problems[0]
        );
        // A heading of another page is no target either.
        let (_, problems) = render("## A\n\n[up](#section-b).\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn in_page_anchors_are_allowed_and_not_collected() {
        let (r, problems) = render("## A\n\nText[^1] and [up](#section-a).\n\n[^1]: A note.\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(r.links.is_empty());
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn headings_get_prefixed_ids() {
        let (r, _) = render("## How pain works\n");
        assert!(
            r.html.contains("id=\"section-how-pain-works\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_level_one_heading_and_a_skipped_level_are_reported() {
        let (_, problems) = render("# Big\n\n## Ok\n\n#### Skipped\n");
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(1), Some(5)]);
    }

    #[test]
    fn nested_text_moves_its_headings_down_a_level() {
        let mut problems = Vec::new();
        let r = render_markdown_nested("intro.md", "## Who\n\n### More\n", 1, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            r.html.contains("<h3") && r.html.contains("<h4"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<h2"));
    }

    #[test]
    fn a_lesson_nested_for_print_has_deeper_headings_and_its_own_ids() {
        let (r, _) = render("## Why\n\n### More\n\nText[^1].\n\n[^1]: A note.\n");
        let html = format!(
            "{}<a href=\"#ref-3\">3</a><a href=\"#get-help\">help</a>",
            r.html
        );
        let printed = nest_for_print(&html, "printed-why");
        assert!(
            printed.contains("<h3 id=\"printed-why-section-why\">Why</h3>"),
            "{printed}"
        );
        assert!(
            printed.contains("<h4 id=\"printed-why-section-more\">"),
            "{printed}"
        );
        assert!(!printed.contains("<h2"), "{printed}");
        assert!(printed.contains("href=\"#printed-why-fn-1\""), "{printed}");
        assert!(printed.contains("id=\"printed-why-fn-1\""), "{printed}");
        assert!(printed.contains("href=\"#ref-3\""), "{printed}");
        assert!(printed.contains("href=\"#get-help\""), "{printed}");
    }

    #[test]
    fn images_are_refused() {
        let (_, problems) = render("## A\n\n![x](https://tracker.example/pixel.png)\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("images"));
    }

    #[test]
    fn tables_render() {
        let (r, problems) = render("## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(problems.is_empty());
        assert!(r.html.contains("<table>"));
    }

    #[test]
    fn a_questions_block_at_the_end_is_kept_as_data_and_not_shown() {
        let text = "## Why it hurts\n\nText.\n\n## Why it hurts\n\n```questions\n[[question]]\nid = \"a\"\n```\n";
        let (r, problems) = render(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            !r.html.contains("question") && !r.html.contains("<pre"),
            "{}",
            r.html
        );
        assert_eq!(
            r.questions,
            Some((7, "[[question]]\nid = \"a\"\n".to_owned()))
        );
        // The ids the page will have, the second made unique as comrak does.
        let ids: Vec<&str> = r.headings.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["section-why-it-hurts", "section-why-it-hurts-1"]);
        assert!(
            r.html.contains("id=\"section-why-it-hurts-1\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_questions_block_before_more_text_is_reported() {
        let (_, problems) = render("## A\n\n```questions\n[[question]]\n```\n\nMore text.\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert!(
            problems[0].message.contains("at the end of the lesson"),
            "{problems:?}"
        );
    }
}
