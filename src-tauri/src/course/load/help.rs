//! Where to get help: the numbers to call from `course.toml`'s `[help]`, and
//! the "Get help now" page (`get-help.md`) split into its three groups.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::problem::{line_of_offset, Problem};

pub const HELP_FILE: &str = "get-help.md";
/// The groups of `get-help.md`, in the order its `##` sections must come.
pub const HELP_GROUPS: [HelpKind; 3] = [HelpKind::Emergency, HelpKind::Urgent, HelpKind::Crisis];
/// A phone number has this many digits at least and at most (E.164 allows 15).
const MIN_DIGITS: usize = 3;
const MAX_DIGITS: usize = 15;
/// A label is a few words beside a number, not a paragraph.
const MAX_LABEL_CHARS: usize = 80;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHelp {
    region: Spanned<String>,
    emergency: RawHelpLine,
    urgent: RawHelpLine,
    crisis: RawHelpLine,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpLine {
    label: Spanned<String>,
    number: Spanned<String>,
}

/// Which kind of help a group of signs calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HelpKind {
    /// Call an ambulance or go to an emergency department now.
    Emergency,
    /// See a doctor within a day or two, or call an advice line.
    Urgent,
    /// Feeling low or hopeless: a crisis line, day and night.
    Crisis,
}

impl HelpKind {
    pub fn name(self) -> &'static str {
        match self {
            HelpKind::Emergency => "emergency",
            HelpKind::Urgent => "urgent",
            HelpKind::Crisis => "crisis",
        }
    }
}

/// One number to call, shown as text to read and copy, never as a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpLine {
    pub label: String,
    pub number: String,
}

/// The pack's numbers, for the country its learners are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpNumbers {
    /// Where these numbers work, e.g. "Australia": said on screen, so a
    /// learner elsewhere knows to use their own.
    pub region: String,
    pub emergency: HelpLine,
    pub urgent: HelpLine,
    pub crisis: HelpLine,
}

impl HelpNumbers {
    pub fn line(&self, kind: HelpKind) -> &HelpLine {
        match kind {
            HelpKind::Emergency => &self.emergency,
            HelpKind::Urgent => &self.urgent,
            HelpKind::Crisis => &self.crisis,
        }
    }
}

/// Why `number` is not a phone number, if it is not one: 3 to 15 digits,
/// with an optional leading `+` and single spaces or hyphens between digits.
pub fn phone_number_problem(number: &str) -> Option<String> {
    let rest = number.strip_prefix('+').unwrap_or(number);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let shape_ok = rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.ends_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && !rest.contains("  ")
        && !rest.contains("--")
        && !rest.contains(" -")
        && !rest.contains("- ");
    if !shape_ok {
        Some(format!(
            "must be digits, with an optional leading + and single spaces or hyphens between them, such as \"000\" or \"+44 20 7946 0000\", not {number:?}"
        ))
    } else if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
        Some(format!(
            "must have {MIN_DIGITS} to {MAX_DIGITS} digits, not {digits} ({number:?})"
        ))
    } else {
        None
    }
}

/// Checks `[help]`; `text` is the whole `course.toml`, for line numbers.
pub(super) fn parse_help(
    file: &str,
    text: &str,
    raw: Option<RawHelp>,
    problems: &mut Vec<Problem>,
) -> Option<HelpNumbers> {
    let Some(raw) = raw else {
        problems.push(Problem::in_file(
            file,
            "`[help]` is missing: every course must give the region its numbers work in and the numbers to call (emergency, urgent and crisis, each with a label and a number; see content/README.md)",
        ));
        return None;
    };
    let before = problems.len();
    let line = |span: std::ops::Range<usize>| Some(line_of_offset(text, span.start));
    let one_line = |value: &Spanned<String>, key: &str, problems: &mut Vec<Problem>| {
        let trimmed = value.get_ref().trim();
        if trimmed.is_empty()
            || trimmed.chars().count() > MAX_LABEL_CHARS
            || trimmed.contains(char::is_control)
            || trimmed.contains(['<', '>'])
        {
            problems.push(Problem::new(
                file,
                line(value.span()),
                format!(
                    "`{key}` must be one line of 1 to {MAX_LABEL_CHARS} characters, without < or >"
                ),
            ));
        }
        trimmed.to_owned()
    };
    let region = one_line(&raw.region, "help.region", problems);
    let mut lines = Vec::new();
    for (kind, raw_line) in HELP_GROUPS
        .into_iter()
        .zip([&raw.emergency, &raw.urgent, &raw.crisis])
    {
        let label = one_line(
            &raw_line.label,
            &format!("help.{}.label", kind.name()),
            problems,
        );
        let number = raw_line.number.get_ref().trim().to_owned();
        if let Some(reason) = phone_number_problem(&number) {
            problems.push(Problem::new(
                file,
                line(raw_line.number.span()),
                format!("`help.{}.number` {reason}", kind.name()),
            ));
        }
        lines.push(HelpLine { label, number });
    }
    if problems.len() > before {
        return None;
    }
    let [emergency, urgent, crisis]: [HelpLine; 3] = lines.try_into().ok()?;
    Some(HelpNumbers {
        region,
        emergency,
        urgent,
        crisis,
    })
}

/// `get-help.md`, rendered: text before the first `##`, then one part a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    pub intro_html: String,
    pub groups: Vec<HelpSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub kind: HelpKind,
    /// The inside of the section's heading, as HTML.
    pub heading_html: String,
    pub body_html: String,
}

/// Splits the rendered page at its `##` headings. Raw HTML is off, so
/// `<h2` in the output can only be a heading comrak wrote.
pub fn help_page(html: &str, text: &str, problems: &mut Vec<Problem>) -> Option<HelpPage> {
    let mut parts = html.split("<h2 ");
    let intro_html = parts.next().unwrap_or_default().to_owned();
    let sections: Vec<&str> = parts.collect();
    let heading_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with('#'))
        .map(|(i, _)| i + 1)
        .collect();
    if html.contains("<h3") || html.contains("<h4") || html.contains("<h5") {
        problems.push(Problem::new(
            HELP_FILE,
            heading_lines.first().copied(),
            "may only have its three `##` headings: the page is shown inside other screens, under their own headings",
        ));
    }
    if sections.len() != HELP_GROUPS.len() {
        problems.push(Problem::new(
            HELP_FILE,
            heading_lines.get(HELP_GROUPS.len()).copied(),
            format!(
                "needs exactly three `##` sections, in this order: emergency now, see a doctor within a day or two, and feeling low or hopeless; found {}",
                sections.len()
            ),
        ));
        return None;
    }
    let groups = HELP_GROUPS
        .into_iter()
        .zip(sections)
        .map(|(kind, section)| {
            // `id="…">heading</h2>` then the body.
            let (heading, body) = section.split_once("</h2>").unwrap_or((section, ""));
            let heading_html = heading.split_once('>').map_or(heading, |(_, h)| h);
            HelpSection {
                kind,
                heading_html: heading_html.trim().to_owned(),
                body_html: body.trim().to_owned(),
            }
        })
        .collect();
    Some(HelpPage { intro_html, groups })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::render::render_markdown;

    #[test]
    fn real_numbers_from_several_countries_are_accepted() {
        for good in [
            "000",
            "13 11 14",
            "1800 022 222",
            "116 123",
            "988",
            "+44 20 7946 0000",
            "111",
            "0477-13-11-14",
        ] {
            assert_eq!(phone_number_problem(good), None, "{good} refused");
        }
    }

    #[test]
    fn letters_markup_empty_and_odd_shapes_are_refused() {
        for bad in [
            "",
            " ",
            "call 000",
            "ooo",
            "<b>000</b>",
            "000<script>",
            "javascript:000",
            "tel:000",
            "00",
            "1234567890123456",
            "+",
            "++44 20",
            "1 2",
            "- 000",
            "000 -",
            "13  11 14",
            "13\n11",
            "13 11 14 ext",
        ] {
            assert!(phone_number_problem(bad).is_some(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_page_with_three_sections_is_split_with_its_headings() {
        let text = "Check for anything new (see below).\n\n## Emergency\n\nCall now if:\n\n- chest pain\n\n## Soon\n\nSee a doctor.\n\n## Low\n\nTalk to someone.\n";
        let mut problems = Vec::new();
        let rendered = render_markdown(HELP_FILE, text, &mut problems);
        let page = help_page(&rendered.html, text, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(page.intro_html.contains("Check for anything new"));
        let kinds: Vec<_> = page.groups.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, HELP_GROUPS);
        assert_eq!(page.groups[0].heading_html, "Emergency");
        assert!(page.groups[0].body_html.contains("<li>chest pain</li>"));
        assert!(!page.groups[0].body_html.contains("Soon"));
        assert_eq!(page.groups[2].heading_html, "Low");
    }

    #[test]
    fn a_page_with_the_wrong_number_of_sections_is_refused_on_the_extra_heading() {
        let text = "Intro.\n\n## A\n\nx\n\n## B\n\ny\n\n## C\n\nz\n\n## D\n\nw\n";
        let mut problems = Vec::new();
        let rendered = render_markdown(HELP_FILE, text, &mut problems);
        assert!(help_page(&rendered.html, text, &mut problems).is_none());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(15), "{}", problems[0]);
        assert!(problems[0].message.contains("found 4"), "{}", problems[0]);

        let mut problems = Vec::new();
        let rendered = render_markdown(HELP_FILE, "Intro only.\n", &mut problems);
        assert!(help_page(&rendered.html, "Intro only.\n", &mut problems).is_none());
        assert!(problems[0].message.contains("found 0"), "{}", problems[0]);
    }

    #[test]
    fn deeper_headings_are_refused() {
        let text = "## A\n\n### Sub\n\n## B\n\n## C\n";
        let mut problems = Vec::new();
        let rendered = render_markdown(HELP_FILE, text, &mut problems);
        help_page(&rendered.html, text, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("only have its three"));
    }
}
