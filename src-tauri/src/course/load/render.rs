//! Markdown to HTML with comrak, and the checks that keep a course page safe
//! to show: no raw HTML, no images from anywhere, only `https` links, headings
//! in order under the page's own title.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Anchorizer, Arena, Options};
use url::Url;

use super::citations::{
    cite_in_words, find_citations, find_in_tree, link_in_tree, marker_html, numbered, Citation,
};
use super::figure::{
    movement_picture, movement_sheet, parse_figure, Drawing, Figure, Markers, FIGURE_FENCE,
};
use super::links::{parse_https_url, GUIDE_LINK_PREFIX, SCREEN_ANCHORS};
use super::problem::Problem;
use super::questions::QUESTIONS_FENCE;
use super::spoken::{self, SpokenPart};
use super::write_html::{fence, Writer};
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
    /// The copy in the whole printed course (when `Writing::print` is set).
    pub print_html: String,
    /// What read-aloud says, part by part (when `Writing::say` is set).
    pub spoken: Vec<SpokenPart>,
    /// Every outbound link in the page, in order.
    pub links: Vec<Url>,
    /// Every citation, in its text, front matter and figures' sources, with
    /// its line, in line order.
    pub citations: Vec<Citation>,
    /// Every heading as (its text, its element id), in order.
    pub headings: Vec<(String, String)>,
    /// The self-check questions block: its fence's line and its TOML.
    pub questions: Option<(usize, String)>,
}

/// How one page is written.
#[derive(Clone, Copy)]
pub struct Writing<'a> {
    /// The course's words (a figure's number, a marker's spoken name).
    pub words: &'a Catalog,
    /// Levels every heading moves down: the page shown under an app
    /// heading of its own, so `##` in the file becomes `<h3>` under the
    /// app's `<h2>` and the page outline stays in order.
    pub nesting: u8,
    /// The references' cites, in list order: a citation group whose every
    /// part is here becomes numbered markers.
    pub cites: &'a [&'a str],
    /// Mark the parts read aloud, with ids `{say}-{n}`.
    pub say: Option<&'a str>,
    /// Write the printed copy too: each lesson is a section under its own
    /// `<h2>` there, so its headings move one level further down, and its
    /// ids (headings, footnotes) and the in-page links to them take this
    /// prefix, so two lessons' "fn-1" never clash.
    pub print: Option<&'a str>,
}

impl<'a> Writing<'a> {
    /// A page on its own: no references, nothing read aloud or printed.
    pub fn plain(words: &'a Catalog) -> Writing<'a> {
        Writing {
            words,
            nesting: 0,
            cites: &[],
            say: None,
            print: None,
        }
    }
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

/// Renders `text`, the whole of `file`, on its own (`Writing::plain`).
/// Problems are added to `problems`; the HTML is safe to show either way.
pub fn render_markdown(file: &str, text: &str, problems: &mut Vec<Problem>) -> Rendered {
    render_with(file, text, &Writing::plain(Catalog::english()), problems)
}

/// Renders `text`, the whole of `file`: parsed and checked, then written.
pub fn render_with(
    file: &str,
    text: &str,
    writing: &Writing<'_>,
    problems: &mut Vec<Problem>,
) -> Rendered {
    let arena = Arena::new();
    let mut page = parse_page(&arena, file, text, problems);
    let rendered = Rendered {
        front_matter: page.front_matter.take(),
        links: std::mem::take(&mut page.links),
        citations: std::mem::take(&mut page.citations),
        headings: page.headings.clone(),
        questions: page.questions.take(),
        ..Rendered::default()
    };
    let written = page.write(&arena, writing);
    Rendered {
        html: written.html,
        print_html: written.print_html,
        spoken: written.spoken,
        ..rendered
    }
}

/// A page parsed and checked, not yet written: what loading needs from it
/// before every page is known (its front matter, links, headings,
/// citations), and its tree, for the writing once they are.
pub struct ParsedPage<'a> {
    root: &'a AstNode<'a>,
    /// The TOML between the `+++` lines, and the file line it starts on.
    pub front_matter: Option<(String, usize)>,
    /// Every outbound link in the page, in order.
    pub links: Vec<Url>,
    /// Every citation, in its text, front matter and figures' sources, with
    /// its line, in line order.
    pub citations: Vec<Citation>,
    /// Every heading as (its text, its element id), in order.
    pub headings: Vec<(String, String)>,
    /// The self-check questions block: its fence's line and its TOML.
    pub questions: Option<(usize, String)>,
    /// Each link to a guide (`#guide/sleep`) as (its line, the guide's id),
    /// checked once every guide is known.
    pub guide_links: Vec<(usize, String)>,
    /// Each figure block, in order (None: refused), and its line.
    figures: Vec<Option<Figure>>,
    figure_lines: Vec<usize>,
}

/// A page written: as shown, as printed, and as read aloud.
pub struct Written {
    pub html: String,
    pub print_html: String,
    pub spoken: Vec<SpokenPart>,
    /// The page's movements as one printable sheet; empty without any.
    pub movement_sheet: String,
    /// Each movement with its section, for "Move with me".
    pub movements: Vec<MovementSection>,
    /// For a page with movements, its first section (heading and all), as
    /// "Move with me" shows it before the first movement: the safety
    /// checks come first on such a page (content/README.md).
    pub opening: Option<OpeningSection>,
}

/// A page's first section, written on its own with ids of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpeningSection {
    pub html: String,
    pub spoken: Vec<SpokenPart>,
}

/// A movement as "Move with me" shows it: its section of the page (from
/// its heading to the next: the start and move steps, the picture with
/// how many and when to stop, any tips), written with ids of its own, and
/// what Listen says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementSection {
    pub id: String,
    pub title: String,
    /// How many, as the picture says it (the amount, or who to ask).
    pub amount: String,
    /// Its picture alone (for My plan's printout).
    pub picture: String,
    pub html: String,
    pub spoken: Vec<SpokenPart>,
}

/// The blocks of the section `block` is in: its siblings back to the
/// heading before it and on to the next heading (headings left out).
fn section_of<'a>(block: &'a AstNode<'a>) -> Vec<&'a AstNode<'a>> {
    let heading = |n: &&'a AstNode<'a>| matches!(n.data().value, NodeValue::Heading(_));
    let mut blocks: Vec<_> = block
        .preceding_siblings()
        .skip(1)
        .take_while(|n| !heading(n))
        .collect();
    blocks.reverse();
    blocks.extend(block.following_siblings().take_while(|n| !heading(n)));
    blocks
}

/// The page's first heading and what follows it, up to the next heading
/// of its level or above.
fn opening_blocks<'a>(root: &'a AstNode<'a>) -> Option<Vec<&'a AstNode<'a>>> {
    let level_of = |n: &AstNode<'_>| match n.data().value {
        NodeValue::Heading(h) => Some(h.level),
        _ => None,
    };
    let first = root.children().find(|n| level_of(n).is_some())?;
    let level = level_of(first)?;
    let mut blocks = vec![first];
    blocks.extend(
        first
            .following_siblings()
            .skip(1)
            .take_while(|n| level_of(n).is_none_or(|l| l > level)),
    );
    Some(blocks)
}

/// How many of the page's figure blocks (`figures`, in page order) come
/// before the first one in `blocks`, a stretch of the page.
fn figures_before<'a>(figures: &[&'a AstNode<'a>], blocks: &[&'a AstNode<'a>]) -> usize {
    let inside = |f: &&'a AstNode<'a>| {
        f.ancestors()
            .any(|a| blocks.iter().any(|b| std::ptr::eq(a, *b)))
    };
    figures.iter().position(inside).unwrap_or(figures.len())
}

/// Every figure block of the page, in the order the checks read them.
fn figure_blocks<'a>(root: &'a AstNode<'a>) -> Vec<&'a AstNode<'a>> {
    root.descendants()
        .filter(|n| matches!(&n.data().value, NodeValue::CodeBlock(b) if fence(&b.info) == FIGURE_FENCE))
        .collect()
}

/// "Move with me" shows a movement's section as its step, so each
/// movement needs a section of its own.
fn check_movement_sections(file: &str, page: &ParsedPage<'_>, problems: &mut Vec<Problem>) {
    let blocks = figure_blocks(page.root);
    let is_movement = |i: usize| matches!(page.figures.get(i), Some(Some(f)) if matches!(f.drawing, Drawing::Movement(_)));
    for (i, block) in blocks.iter().enumerate().filter(|(i, _)| is_movement(*i)) {
        let section = section_of(block);
        let shares = blocks.iter().enumerate().any(|(j, other)| {
            j != i && is_movement(j) && section.iter().any(|b| std::ptr::eq(*b, *other))
        });
        if shares {
            problems.push(Problem::at_line(
                file,
                page.figure_lines[i],
                "figure: each movement needs a heading of its own before its steps (\"Move with me\" shows one section at a time)",
            ));
        }
        // The first section is shown before every movement, on its own.
        let opening = opening_blocks(page.root).unwrap_or_default();
        if opening
            .iter()
            .any(|b| b.descendants().any(|d| std::ptr::eq(d, *block)))
        {
            problems.push(Problem::at_line(
                file,
                page.figure_lines[i],
                "figure: a movement cannot be in the page's first section, which \"Move with me\" shows before the movements (put the checks before starting there, and each movement under a heading of its own after it)",
            ));
        }
    }
}

/// Parses and checks `text`, the whole of `file`, into `arena`.
pub fn parse_page<'a>(
    arena: &'a Arena<'a>,
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> ParsedPage<'a> {
    let root = parse_document(arena, text, &options());
    let mut page = ParsedPage {
        root,
        front_matter: None,
        links: Vec::new(),
        citations: find_in_tree(file, root, problems),
        headings: Vec::new(),
        questions: None,
        guide_links: Vec::new(),
        figures: Vec::new(),
        figure_lines: Vec::new(),
    };
    check_tree(file, &mut page, problems);
    check_movement_sections(file, &page, problems);
    if let Some((front_matter, first_line)) = &page.front_matter {
        let found = find_citations(front_matter).into_iter();
        page.citations.extend(found.map(|c| Citation {
            line: c.line + first_line - 1,
            ..c
        }));
    }
    for (figure, line) in page.figures.iter().zip(&page.figure_lines) {
        let cites = figure
            .iter()
            .flat_map(|f| [f.source.as_ref(), f.stop_source()]);
        for cite in cites.flatten() {
            page.citations.push(Citation {
                cite: cite.clone(),
                line: *line,
            });
        }
    }
    page.citations.sort_by_key(|c| c.line);
    page
}

impl<'a> ParsedPage<'a> {
    /// Each movement's id, with its block's line.
    pub fn movement_ids(&self) -> impl Iterator<Item = (usize, &str)> {
        self.figures
            .iter()
            .zip(&self.figure_lines)
            .filter_map(|(figure, line)| match figure.as_ref().map(|f| &f.drawing) {
                Some(Drawing::Movement(m)) => Some((*line, m.id.as_str())),
                _ => None,
            })
    }

    /// Writes the page: each citation group whose parts are all in
    /// `writing.cites` becomes its marker, then the HTML, marked for
    /// read-aloud and printed as `writing` asks. Writing changes the tree
    /// (the markers, the printed copy's footnotes), so a page is written
    /// once.
    pub fn write(self, arena: &'a Arena<'a>, writing: &Writing<'_>) -> Written {
        let options = options();
        link_in_tree(arena, self.root, writing.cites, writing.words);
        let figure_markers: Vec<Markers> = self
            .figures
            .iter()
            .map(|figure| figure_marker(figure.as_ref(), writing))
            .collect();
        let heading_ids: Vec<String> = self.headings.iter().map(|(_, id)| id.clone()).collect();
        let writer = |nesting: u8| {
            let mut writer =
                Writer::new(writing.words, &heading_ids, &self.figures, &figure_markers);
            writer.nesting = nesting;
            writer
        };
        let mut screen = writer(writing.nesting);
        screen.say = writing.say;
        let (html, spoken) = screen.write(self.root, &options);
        let movements = self.movement_sections(writing, &heading_ids, &figure_markers, &options);
        let opening = (!movements.is_empty())
            .then(|| self.opening_section(writing, &heading_ids, &figure_markers, &options))
            .flatten();
        let mut print_html = String::new();
        if let Some(prefix) = writing.print {
            own_footnotes(self.root, prefix);
            let mut print = writer(writing.nesting + 1);
            print.own_ids = Some(prefix);
            print_html = print.write(self.root, &options).0;
        }
        Written {
            html,
            print_html,
            spoken,
            movement_sheet: movement_sheet(self.figures.iter().flatten(), writing.words),
            movements,
            opening,
        }
    }

    /// The page's first heading and what follows it up to the next heading
    /// of its level or above, with ids under `move-opening`.
    fn opening_section(
        &self,
        writing: &Writing<'_>,
        heading_ids: &[String],
        figure_markers: &[Markers],
        options: &comrak::Options,
    ) -> Option<OpeningSection> {
        let blocks = opening_blocks(self.root)?;
        let figures_before = figures_before(&figure_blocks(self.root), &blocks);
        let mut writer = Writer::new(writing.words, heading_ids, &self.figures, figure_markers);
        writer.nesting = writing.nesting;
        writer.say = Some("move-opening");
        let (html, spoken) = writer.write_blocks(&blocks, figures_before, options);
        Some(OpeningSection { html, spoken })
    }

    /// Each movement's section, written on its own with ids under
    /// `move-{id}` (never the page's own, so the two never clash).
    fn movement_sections(
        &self,
        writing: &Writing<'_>,
        heading_ids: &[String],
        figure_markers: &[Markers],
        options: &comrak::Options,
    ) -> Vec<MovementSection> {
        let blocks = figure_blocks(self.root);
        let mut sections = Vec::new();
        for (at, block) in blocks.iter().enumerate() {
            let Some(Some(figure)) = self.figures.get(at) else {
                continue;
            };
            let Drawing::Movement(movement) = &figure.drawing else {
                continue;
            };
            let section = section_of(block);
            let before = figures_before(&blocks, &section);
            let prefix = format!("move-{}", movement.id);
            let mut writer = Writer::new(writing.words, heading_ids, &self.figures, figure_markers);
            writer.nesting = writing.nesting;
            writer.say = Some(&prefix);
            let (html, spoken) = writer.write_blocks(&section, before, options);
            sections.push(MovementSection {
                id: movement.id.clone(),
                title: figure.title.clone(),
                amount: movement.amount_words(writing.words),
                picture: movement_picture(figure).unwrap_or_default(),
                html,
                spoken,
            });
        }
        sections
    }
}

/// A figure's sources as shown: each its marker, or as written when it is
/// on no list (the pack is refused then).
fn figure_marker(figure: Option<&Figure>, writing: &Writing<'_>) -> Markers {
    let marker = |cite: Option<&String>| match cite {
        None => String::new(),
        Some(cite) => match numbered(cite, writing.cites) {
            Some(numbers) => marker_html(&numbers, writing.words),
            None => cite_in_words(cite),
        },
    };
    Markers {
        source: marker(figure.and_then(|f| f.source.as_ref())),
        stop: marker(figure.and_then(Figure::stop_source)),
    }
}

/// The page's footnotes renamed under `prefix`, for its printed copy.
fn own_footnotes<'a>(root: &'a AstNode<'a>, prefix: &str) {
    for node in root.descendants() {
        match &mut node.data_mut().value {
            NodeValue::FootnoteDefinition(note) => note.name = format!("{prefix}-{}", note.name),
            NodeValue::FootnoteReference(note) => note.name = format!("{prefix}-{}", note.name),
            _ => {}
        }
    }
}

/// The checks on the parsed page, and what the rest of loading needs from
/// it: front matter, links, heading ids, figures, questions.
fn check_tree(file: &str, page: &mut ParsedPage<'_>, problems: &mut Vec<Problem>) {
    let root = page.root;
    let mut last_heading_level = 1u8;
    // Ids as the writer will give them: comrak's anchorizer, fed each
    // heading's text in order.
    let mut heading_ids = Anchorizer::new();
    // `#…` links, checked once every heading's id is known.
    let mut in_page: Vec<(usize, String)> = Vec::new();
    for node in root.descendants() {
        let data = node.data();
        let line = data.sourcepos.start.line;
        match &data.value {
            NodeValue::Heading(heading) => {
                check_heading(file, line, heading.level, &mut last_heading_level, problems);
                // The text the heading adapter is given, breaks as spaces.
                let text = node.collect_text();
                let id = format!("{HEADING_ID_PREFIX}{}", heading_ids.anchorize(&text));
                page.headings.push((text, id));
            }
            NodeValue::FrontMatter(raw) => {
                page.front_matter = Some((strip_delimiters(raw), line + 1));
            }
            NodeValue::Link(link) => {
                if let Some(guide) = link
                    .url
                    .strip_prefix('#')
                    .and_then(|id| id.strip_prefix(GUIDE_LINK_PREFIX))
                {
                    page.guide_links.push((line, guide.to_owned()));
                    continue;
                }
                if let Some(id) = link.url.strip_prefix('#') {
                    in_page.push((line, id.to_owned()));
                    continue;
                }
                match parse_https_url(&link.url) {
                    Ok(url) => page.links.push(url),
                    Err(reason) => {
                        problems.push(Problem::at_line(file, line, format!("the link {reason}")))
                    }
                }
            }
            NodeValue::CodeBlock(block) if fence(&block.info) == FIGURE_FENCE => {
                if node.ancestors().skip(1).any(spoken::outermost) {
                    problems.push(Problem::at_line(
                        file,
                        line,
                        "figure: put a figure on its own, not inside a list item",
                    ));
                }
                // A refused figure keeps its place in the order, drawn as
                // nothing (the course is refused anyway).
                match parse_figure(file, line, &block.literal) {
                    Ok(figure) => {
                        page.figures.push(Some(figure));
                        page.figure_lines.push(line);
                    }
                    Err(found) => {
                        page.figures.push(None);
                        page.figure_lines.push(line);
                        problems.extend(found);
                    }
                }
            }
            NodeValue::CodeBlock(block) if fence(&block.info) == QUESTIONS_FENCE => {
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
                if page.questions.is_some() {
                    problems.push(Problem::at_line(
                        file,
                        line,
                        "questions: a lesson has one questions block",
                    ));
                }
                page.questions = Some((line, block.literal.clone()));
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
        let to_heading = page.headings.iter().any(|(_, h)| *h == id);
        if !to_heading && !SCREEN_ANCHORS.contains(&id.as_str()) {
            let screens: Vec<String> = SCREEN_ANCHORS.iter().map(|s| format!("#{s}")).collect();
            problems.push(Problem::at_line(
                file,
                line,
                format!(
                    "the link #{id} goes to no screen of the app and no heading of this page; a link may name a screen ({}), a guide (#{GUIDE_LINK_PREFIX}ID) or a heading here",
                    screens.join(", ")
                ),
            ));
        }
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
        let writing = Writing {
            nesting: 1,
            ..Writing::plain(Catalog::english())
        };
        let r = render_with("intro.md", "## Who\n\n### More\n", &writing, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            r.html.contains("<h3") && r.html.contains("<h4"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<h2"));
    }

    #[test]
    fn a_lesson_printed_has_deeper_headings_and_its_own_ids() {
        let mut problems = Vec::new();
        let writing = Writing {
            cites: &["Engel, 1977"],
            print: Some("printed-why"),
            say: Some("say-lesson"),
            ..Writing::plain(Catalog::english())
        };
        let text = "## Why\n\n### More\n\nText[^1] (Engel, 1977), [up](#section-why) and [help](#get-help).\n\n[^1]: A note.\n";
        let r = render_with("why.md", text, &writing, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let printed = &r.print_html;
        assert!(
            printed.contains("<h3 id=\"printed-why-section-why\">Why</h3>"),
            "{printed}"
        );
        assert!(
            printed.contains("<h4 id=\"printed-why-section-more\">"),
            "{printed}"
        );
        assert!(
            !printed.contains("<h2") && !printed.contains("data-say"),
            "{printed}"
        );
        assert!(printed.contains("href=\"#fn-printed-why-1\""), "{printed}");
        assert!(printed.contains("id=\"fn-printed-why-1\""), "{printed}");
        assert!(
            printed.contains("href=\"#printed-why-section-why\""),
            "{printed}"
        );
        assert!(printed.contains("href=\"#ref-1\""), "{printed}");
        assert!(printed.contains("href=\"#get-help\""), "{printed}");
        // The screen's copy keeps its own ids.
        assert!(
            r.html.contains("<h2 id=\"section-why\" data-say>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"#fn-1\""), "{}", r.html);
        assert!(r.html.contains("href=\"#section-why\""), "{}", r.html);
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
