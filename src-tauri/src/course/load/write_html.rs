//! A parsed, checked page written as HTML: comrak's own writer for every
//! node, except the few the course adds to or writes itself (headings with
//! their ids, the parts read aloud, citation markers, figures, the printed
//! copy's ids). Nothing here takes HTML text apart: each choice is made on
//! the tree.

use std::fmt::{self, Write};

use comrak::html::{format_document_with_formatter, format_node_default, ChildRendering, Context};
use comrak::nodes::{AstNode, NodeValue};
use comrak::options::Plugins;
use comrak::Options;

use super::figure::{figure_html, Figure, Markers, FIGURE_FENCE, NO_MARKERS};
use super::questions::QUESTIONS_FENCE;
use super::spoken::{self, SpokenPart};
use crate::course::html_text::escape;
use crate::course::words::Catalog;

/// What one writing of a page needs and gathers.
pub struct Writer<'w> {
    pub words: &'w Catalog,
    /// How many levels every heading moves down (under the app's own).
    pub nesting: u8,
    /// Each heading's id, in page order, as the checks gave them.
    pub heading_ids: &'w [String],
    /// Each figure block, in page order (None: refused, written as nothing).
    pub figures: &'w [Option<Figure>],
    /// Each figure's source marker, beside `figures`.
    pub figure_markers: &'w [Markers],
    /// Mark the parts read aloud, with ids `{say}-{n}` where they have none.
    pub say: Option<&'w str>,
    /// The printed copy: the page's own ids, and the links to them, take
    /// this prefix.
    pub own_ids: Option<&'w str>,
    headings_written: usize,
    figures_written: usize,
    marked: usize,
    /// The parts marked, in reading order.
    pub parts: Vec<SpokenPart>,
}

impl<'w> Writer<'w> {
    pub fn new(
        words: &'w Catalog,
        heading_ids: &'w [String],
        figures: &'w [Option<Figure>],
        figure_markers: &'w [Markers],
    ) -> Writer<'w> {
        Writer {
            words,
            nesting: 0,
            heading_ids,
            figures,
            figure_markers,
            say: None,
            own_ids: None,
            headings_written: 0,
            figures_written: 0,
            marked: 0,
            parts: Vec::new(),
        }
    }

    /// Writes `root`; returns the HTML and the parts read aloud.
    pub fn write<'a>(self, root: &'a AstNode<'a>, options: &Options) -> (String, Vec<SpokenPart>) {
        let mut html = String::new();
        let plugins = Plugins::default();
        // Writing into a String cannot fail.
        let parts =
            format_document_with_formatter(root, options, &mut html, &plugins, format_node, self)
                .map(|w| w.parts)
                .unwrap_or_default();
        (html, parts)
    }

    /// Writes `blocks` one after another as one stretch of the page (a
    /// movement's section): parts marked and figures numbered on across
    /// them. `figures_before`: how many of the page's figure blocks come
    /// before the first.
    pub fn write_blocks<'a>(
        mut self,
        blocks: &[&'a AstNode<'a>],
        figures_before: usize,
        options: &Options,
    ) -> (String, Vec<SpokenPart>) {
        self.figures_written = figures_before;
        let mut html = String::new();
        let plugins = Plugins::default();
        for block in blocks {
            // Writing into a String cannot fail.
            match format_document_with_formatter(
                block,
                options,
                &mut html,
                &plugins,
                format_node,
                self,
            ) {
                Ok(writer) => self = writer,
                Err(_) => return (html, Vec::new()),
            }
        }
        (html, self.parts)
    }

    /// The next part's id, marked: an element's own id is kept.
    fn mark(&mut self, own_id: Option<&str>) -> Option<String> {
        let prefix = self.say?;
        self.marked += 1;
        Some(own_id.map_or_else(|| format!("{prefix}-{}", self.marked), str::to_owned))
    }

    fn own_id(&self, id: &str) -> String {
        match self.own_ids {
            Some(prefix) => format!("{prefix}-{id}"),
            None => id.to_owned(),
        }
    }
}

/// The fence's language: the first word of its info string.
pub fn fence(info: &str) -> &str {
    info.split_whitespace().next().unwrap_or("")
}

fn format_node<'a>(
    context: &mut Context<Writer<'_>>,
    node: &'a AstNode<'a>,
    entering: bool,
) -> Result<ChildRendering, fmt::Error> {
    // Writing only reads the tree, so this borrow may be shared.
    let data = node.data();
    match &data.value {
        NodeValue::Heading(heading) => {
            let level = (heading.level + context.user.nesting).min(6);
            if entering {
                let writer = &mut context.user;
                let id = writer
                    .heading_ids
                    .get(writer.headings_written)
                    .cloned()
                    .unwrap_or_default();
                writer.headings_written += 1;
                let id = writer.own_id(&id);
                let said = spoken::outermost(node) && writer.say.is_some();
                if said {
                    writer.mark(Some(&id));
                    let text = spoken::words_of(node);
                    writer.parts.push(SpokenPart::new(&id, &text, level));
                }
                context.cr()?;
                // Ids hold only letters, digits, '-' and '_' (comrak's
                // anchorizer and the app's own prefixes).
                write!(context, "<h{level} id=\"{id}\"")?;
                context.write_str(if said { " data-say>" } else { ">" })?;
            } else {
                write!(context, "</h{level}>")?;
                context.lf()?;
            }
            Ok(ChildRendering::HTML)
        }
        // A citation marker (see `citations::link_in_tree`).
        NodeValue::Superscript => {
            if entering {
                if let Some(marker) = node.first_child() {
                    if let NodeValue::HtmlInline(html) = &marker.data().value {
                        context.write_str(html)?;
                    }
                }
            }
            Ok(ChildRendering::Skip)
        }
        NodeValue::CodeBlock(block) if fence(&block.info) == FIGURE_FENCE => {
            if entering {
                let writer = &mut context.user;
                let at = writer.figures_written;
                writer.figures_written += 1;
                let number = writer.figures[..at].iter().flatten().count() + 1;
                if let Some(figure) = writer.figures.get(at).and_then(Option::as_ref) {
                    let markers = writer.figure_markers.get(at).unwrap_or(&NO_MARKERS);
                    let id = writer.mark(None);
                    if let Some(id) = &id {
                        let text = spoken::figure_words(figure, number, writer.words);
                        writer.parts.push(SpokenPart::new(id, &text, 0));
                    }
                    let html = figure_html(figure, number, writer.words, markers, id.as_deref());
                    context.cr()?;
                    context.write_str(&html)?;
                }
            }
            Ok(ChildRendering::Skip)
        }
        // Questions are data for the lesson screen, not part of its text.
        NodeValue::CodeBlock(block) if fence(&block.info) == QUESTIONS_FENCE => {
            Ok(ChildRendering::Skip)
        }
        // In the printed copy, a link to a heading of the page follows it.
        NodeValue::Link(link) if context.user.own_ids.is_some() => {
            let own = link
                .url
                .strip_prefix('#')
                .filter(|id| context.user.heading_ids.iter().any(|h| h == id));
            match own {
                Some(id) if entering => {
                    let href = context.user.own_id(id);
                    write!(context, "<a href=\"#{href}\"")?;
                    if !link.title.is_empty() {
                        write!(context, " title=\"{}\"", escape(&link.title))?;
                    }
                    context.write_str(">")?;
                    Ok(ChildRendering::HTML)
                }
                Some(_) => {
                    context.write_str("</a>")?;
                    Ok(ChildRendering::HTML)
                }
                None => format_node_default(context, node, entering),
            }
        }
        NodeValue::Paragraph | NodeValue::Item(_) | NodeValue::TableRow(false)
            if entering && context.user.say.is_some() && spoken::outermost(node) =>
        {
            let text = spoken::words_of(node);
            let writer = &mut context.user;
            let id = writer.mark(None).unwrap_or_default();
            if !text.is_empty() {
                writer.parts.push(SpokenPart::new(&id, &text, 0));
            }
            context.cr()?;
            match &data.value {
                NodeValue::Paragraph => write!(context, "<p data-say id=\"{id}\">")?,
                NodeValue::Item(_) => write!(context, "<li data-say id=\"{id}\">")?,
                _ => {
                    // The body's first row opens it, as comrak's writer does.
                    let after_head = node
                        .previous_sibling()
                        .is_some_and(|n| matches!(n.data().value, NodeValue::TableRow(true)));
                    if after_head {
                        context.write_str("<tbody>")?;
                        context.lf()?;
                    }
                    write!(context, "<tr data-say id=\"{id}\">")?;
                }
            }
            Ok(ChildRendering::HTML)
        }
        _ => format_node_default(context, node, entering),
    }
}
