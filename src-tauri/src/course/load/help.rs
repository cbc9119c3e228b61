//! Where to get help: the ways to reach help from `course.toml`'s `[help]`,
//! and the "Get help now" page (`get-help.md`) split into its three groups by
//! walking its parsed Markdown.

use comrak::nodes::NodeValue;
use comrak::{parse_document, Arena};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::config::CONFIG_FILE;
use super::pack::Page;
use super::problem::{line_of_offset, Problem};
use super::render::options;

pub const HELP_FILE: &str = "get-help.md";
/// The groups of "Get help now", in the order they are shown and must come
/// in `get-help.md`: the emergency always first.
pub const HELP_GROUPS: [HelpKind; 3] = [HelpKind::Emergency, HelpKind::Urgent, HelpKind::Crisis];
/// A phone number has this many digits at least and at most (E.164 allows 15).
const MIN_DIGITS: usize = 3;
const MAX_DIGITS: usize = 15;
/// A label is a few words beside a number, not a paragraph.
const MAX_LABEL_CHARS: usize = 80;
/// A group lists a few ways to reach help, not a directory.
pub const MAX_CONTACTS: usize = 4;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHelp {
    region: Spanned<String>,
    #[serde(default)]
    checked: Option<Spanned<String>>,
    emergency: Spanned<RawHelpGroup>,
    urgent: Spanned<RawHelpGroup>,
    crisis: Spanned<RawHelpGroup>,
}

/// One group's ways to reach help: either `[[help.X.contact]]` entries, or
/// (the first shape of packs) one `label` and `number` on the group itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpGroup {
    #[serde(default)]
    heading: Option<Spanned<String>>,
    #[serde(default)]
    label: Option<Spanned<String>>,
    #[serde(default)]
    number: Option<Spanned<String>>,
    #[serde(default)]
    contact: Vec<Spanned<RawContact>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    label: Spanned<String>,
    number: Spanned<String>,
    #[serde(default)]
    by: Reach,
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

/// How a number is used: a call, or a text message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    #[default]
    Call,
    Text,
}

/// One way to reach help, shown as text to read and copy, never as a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpLine {
    pub label: String,
    pub number: String,
    pub by: Reach,
}

/// The month the pack's numbers were last checked against their services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckedMonth {
    pub year: i32,
    pub month: u8,
    /// Its line in `course.toml`, for the authoring check.
    #[serde(skip)]
    pub line: usize,
}

impl CheckedMonth {
    /// Whole calendar months from this month to `today`'s.
    pub fn months_before(&self, today: time::Date) -> i32 {
        (today.year() - self.year) * 12
            + (i32::from(u8::from(today.month())) - i32::from(self.month))
    }
}

/// One group's ways to reach help, and the `##` heading it belongs under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpGroupNumbers {
    pub contacts: Vec<HelpLine>,
    /// The heading of `get-help.md` named for it, if the pack names one.
    pub heading: Option<String>,
    /// The group's line in `course.toml`.
    pub line: usize,
}

/// The pack's numbers, for the country its learners are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpNumbers {
    /// Where these numbers work, e.g. "Australia": said on screen, so a
    /// learner elsewhere knows to use their own.
    pub region: String,
    /// `None` in a pack that does not say (the authoring check asks for it).
    pub checked: Option<CheckedMonth>,
    pub emergency: HelpGroupNumbers,
    pub urgent: HelpGroupNumbers,
    pub crisis: HelpGroupNumbers,
}

impl HelpNumbers {
    pub fn group(&self, kind: HelpKind) -> &HelpGroupNumbers {
        match kind {
            HelpKind::Emergency => &self.emergency,
            HelpKind::Urgent => &self.urgent,
            HelpKind::Crisis => &self.crisis,
        }
    }

    pub fn contacts(&self, kind: HelpKind) -> &[HelpLine] {
        &self.group(kind).contacts
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

/// `checked = "YYYY-MM"`, or why it is not that.
fn parse_checked(value: &str) -> Result<(i32, u8), String> {
    let refused = || {
        format!("`help.checked` must be the year and month the numbers were last checked, such as \"2026-12\", not {value:?}")
    };
    let (year, month) = value.trim().split_once('-').ok_or_else(refused)?;
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if year.len() != 4 || month.len() != 2 || !digits(year) || !digits(month) {
        return Err(refused());
    }
    let year: i32 = year.parse().map_err(|_| refused())?;
    let month: u8 = month.parse().map_err(|_| refused())?;
    if !(2000..=9999).contains(&year) || !(1..=12).contains(&month) {
        return Err(refused());
    }
    Ok((year, month))
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
            "`[help]` is missing: every course must give the region its numbers work in and the ways to reach help (emergency, urgent and crisis, each with a label and a number; see content/README.md)",
        ));
        return None;
    };
    let before = problems.len();
    let line = |span: std::ops::Range<usize>| line_of_offset(text, span.start);
    let one_line = |value: &Spanned<String>, key: &str, problems: &mut Vec<Problem>| {
        let trimmed = value.get_ref().trim();
        if trimmed.is_empty()
            || trimmed.chars().count() > MAX_LABEL_CHARS
            || trimmed.contains(char::is_control)
            || trimmed.contains(['<', '>'])
        {
            problems.push(Problem::at_line(
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
    let checked = raw
        .checked
        .as_ref()
        .and_then(|value| match parse_checked(value.get_ref()) {
            Ok((year, month)) => Some(CheckedMonth {
                year,
                month,
                line: line(value.span()),
            }),
            Err(message) => {
                problems.push(Problem::at_line(file, line(value.span()), message));
                None
            }
        });
    let mut groups = Vec::new();
    for (kind, raw_group) in HELP_GROUPS
        .into_iter()
        .zip([&raw.emergency, &raw.urgent, &raw.crisis])
    {
        let name = kind.name();
        let group_line = line(raw_group.span());
        let group = raw_group.get_ref();
        let mut ways: Vec<(&Spanned<String>, &Spanned<String>, Reach, String)> = Vec::new();
        match (&group.label, &group.number, group.contact.is_empty()) {
            (Some(label), Some(number), true) => {
                ways.push((label, number, Reach::Call, format!("help.{name}")))
            }
            (None, None, false) => {
                for (i, contact) in group.contact.iter().enumerate() {
                    let c = contact.get_ref();
                    ways.push((&c.label, &c.number, c.by, format!("help.{name}.contact[{}]", i + 1)));
                }
            }
            (None, None, true) => problems.push(Problem::at_line(
                file,
                group_line,
                format!("`[help.{name}]` gives no way to reach help: add a `[[help.{name}.contact]]` with a `label` and a `number`"),
            )),
            _ => problems.push(Problem::at_line(
                file,
                group_line,
                format!("`[help.{name}]` must give either `[[help.{name}.contact]]` entries or one `label` and `number`, not both or only one of the two"),
            )),
        }
        if ways.len() > MAX_CONTACTS {
            problems.push(Problem::at_line(
                file,
                group_line,
                format!("`[help.{name}]` lists {} ways to reach help; at most {MAX_CONTACTS}, so the first is found at once", ways.len()),
            ));
        }
        let contacts = ways
            .into_iter()
            .map(|(label, number, by, key)| {
                let label = one_line(label, &format!("{key}.label"), problems);
                let digits = number.get_ref().trim().to_owned();
                if let Some(reason) = phone_number_problem(&digits) {
                    problems.push(Problem::at_line(
                        file,
                        line(number.span()),
                        format!("`{key}.number` {reason}"),
                    ));
                }
                HelpLine {
                    label,
                    number: digits,
                    by,
                }
            })
            .collect();
        let heading = group
            .heading
            .as_ref()
            .map(|h| one_line(h, &format!("help.{name}.heading"), problems));
        groups.push(HelpGroupNumbers {
            contacts,
            heading,
            line: group_line,
        });
    }
    if problems.len() > before {
        return None;
    }
    let [emergency, urgent, crisis]: [HelpGroupNumbers; 3] = groups.try_into().ok()?;
    Some(HelpNumbers {
        region,
        checked,
        emergency,
        urgent,
        crisis,
    })
}

/// `get-help.md`, rendered: text before the first `##`, then one part a
/// group, always in `HELP_GROUPS` order, whatever order the file has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    /// The text before the first group.
    pub intro: Page,
    pub groups: Vec<HelpSection>,
    /// The groups in the file's own order, for the authoring check.
    pub file_order: Vec<HelpKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub kind: HelpKind,
    /// The section's heading, as text.
    pub heading: String,
    /// The heading's line in `get-help.md`.
    pub line: usize,
    /// The text under the heading.
    pub body: Page,
}

/// A `##` section of the source, found in the parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSection {
    pub heading: String,
    pub line: usize,
    /// The line `body` starts on.
    pub body_line: usize,
    /// The Markdown under the heading, up to the next.
    pub body: String,
}

/// The Markdown before the first `##`, and each top-level `##` section.
/// Any other heading, or a `##` inside a list or quote, is refused.
pub fn split_sections(text: &str, problems: &mut Vec<Problem>) -> (String, Vec<SourceSection>) {
    let arena = Arena::new();
    let root = parse_document(&arena, text, &options());
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let slice = |from: usize, to: usize| lines[from.min(lines.len())..to.min(lines.len())].concat();
    let mut starts: Vec<(String, usize, usize)> = Vec::new();
    for node in root.descendants() {
        let data = node.data.borrow();
        if let NodeValue::FootnoteReference(_) | NodeValue::FootnoteDefinition(_) = &data.value {
            problems.push(Problem::at_line(
                HELP_FILE,
                data.sourcepos.start.line,
                "may not have footnotes: each group is shown on its own, so a note would be parted from its mark; write it in the sentence",
            ));
            continue;
        }
        let NodeValue::Heading(heading) = &data.value else {
            continue;
        };
        let top_level = node.parent().is_some_and(|p| p.same_node(root));
        if heading.level == 2 && top_level {
            starts.push((
                node.collect_text(),
                data.sourcepos.start.line,
                data.sourcepos.end.line,
            ));
        } else {
            problems.push(Problem::at_line(
                HELP_FILE,
                data.sourcepos.start.line,
                "may only have its three `##` headings, at the start of a line and outside any list or quote: the page is shown inside other screens, under their own headings",
            ));
        }
    }
    let intro_end = starts
        .first()
        .map_or(lines.len(), |(_, start, _)| start - 1);
    let intro = slice(0, intro_end);
    let sections = starts
        .iter()
        .enumerate()
        .map(|(i, (heading, start, end))| {
            let next = starts.get(i + 1).map_or(lines.len(), |(_, s, _)| s - 1);
            SourceSection {
                heading: heading.trim().to_owned(),
                line: *start,
                body_line: end + 1,
                body: slice(*end, next),
            }
        })
        .collect();
    (intro, sections)
}

/// Which group each section of the page is: by the heading the pack names
/// for it, or (a pack that names none) by order.
pub fn assign_groups(
    sections: &[SourceSection],
    numbers: &HelpNumbers,
    problems: &mut Vec<Problem>,
) -> Option<Vec<HelpKind>> {
    if sections.len() != HELP_GROUPS.len() {
        problems.push(Problem::new(
            HELP_FILE,
            sections.get(HELP_GROUPS.len()).map(|s| s.line),
            format!(
                "needs exactly three `##` sections: emergency now, see a doctor within a day or two, and feeling low or hopeless; found {}",
                sections.len()
            ),
        ));
        return None;
    }
    let before = problems.len();
    for (i, first) in HELP_GROUPS.iter().enumerate() {
        for second in &HELP_GROUPS[i + 1..] {
            let named = |k: &HelpKind| numbers.group(*k).heading.clone();
            if named(first).is_some() && named(first) == named(second) {
                problems.push(Problem::at_line(
                    CONFIG_FILE,
                    numbers.group(*second).line,
                    format!(
                        "`help.{}.heading` and `help.{}.heading` both name {:?}: each group goes under a heading of its own",
                        first.name(),
                        second.name(),
                        named(first).unwrap_or_default()
                    ),
                ));
            }
        }
    }
    if problems.len() > before {
        return None;
    }
    let mut kinds: Vec<Option<HelpKind>> = vec![None; sections.len()];
    for kind in HELP_GROUPS {
        let Some(named) = &numbers.group(kind).heading else {
            continue;
        };
        match sections.iter().position(|s| &s.heading == named) {
            Some(i) => kinds[i] = Some(kind),
            None => problems.push(Problem::at_line(
                CONFIG_FILE,
                numbers.group(kind).line,
                format!(
                    "`help.{}.heading` is {named:?}, but {HELP_FILE} has no `##` heading spelled exactly so (its headings: {})",
                    kind.name(),
                    sections.iter().map(|s| format!("{:?}", s.heading)).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
    let named_any = HELP_GROUPS
        .iter()
        .any(|k| numbers.group(*k).heading.is_some());
    // Groups that name no heading take the sections left, in order.
    let mut unnamed = HELP_GROUPS
        .into_iter()
        .filter(|k| numbers.group(*k).heading.is_none());
    for (i, slot) in kinds.iter_mut().enumerate() {
        if slot.is_none() {
            *slot = unnamed.next();
            if named_any && slot.is_none() {
                problems.push(Problem::at_line(
                    HELP_FILE,
                    sections[i].line,
                    format!(
                        "the heading {:?} is named by no `[help.*]` entry in course.toml, so it has no number to show",
                        sections[i].heading
                    ),
                ));
            }
        }
    }
    if problems.len() > before {
        return None;
    }
    kinds.into_iter().collect()
}

/// Puts the rendered sections into the order they are shown.
pub fn help_page(intro: Page, sections: Vec<HelpSection>) -> HelpPage {
    let file_order = sections.iter().map(|s| s.kind).collect();
    let mut groups = sections;
    groups.sort_by_key(|s| HELP_GROUPS.iter().position(|k| *k == s.kind));
    HelpPage {
        intro,
        groups,
        file_order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_page_is_split_at_its_top_level_headings_with_their_lines() {
        let text = "Act now (see below).\n\n## Emergency now\n\nCall if:\n\n- chest pain\n\n## Soon\n\nSee a doctor.\n\nSoon *too*\n---\n\nSetext body.\n";
        let mut problems = Vec::new();
        let (intro, sections) = split_sections(text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(intro, "Act now (see below).\n\n");
        let found: Vec<(&str, usize)> = sections
            .iter()
            .map(|s| (s.heading.as_str(), s.line))
            .collect();
        // A setext `---` heading is level 2 as well, two lines long.
        assert_eq!(found, [("Emergency now", 3), ("Soon", 9), ("Soon too", 13)]);
        assert_eq!(sections[0].body, "\nCall if:\n\n- chest pain\n\n");
        assert_eq!(sections[1].body, "\nSee a doctor.\n\n");
        assert_eq!(sections[2].body, "\nSetext body.\n");
    }

    #[test]
    fn a_heading_in_a_list_or_quote_or_of_another_level_is_refused_on_its_line() {
        for (text, line) in [
            ("## A\n\n- item\n\n  ## Inside a list\n", 5),
            ("## A\n\n> ## Inside a quote\n", 3),
            ("## A\n\n### Deeper\n", 3),
            ("# Higher\n\n## A\n", 1),
        ] {
            let mut problems = Vec::new();
            let (_, sections) = split_sections(text, &mut problems);
            assert_eq!(sections.len(), 1, "{text:?}");
            assert_eq!(problems.len(), 1, "{text:?}: {problems:?}");
            assert_eq!(problems[0].line, Some(line), "{text:?}: {}", problems[0]);
            assert!(problems[0].message.contains("only have its three"));
        }
    }

    #[test]
    fn a_hash_line_inside_code_is_not_a_heading() {
        let text = "Intro.\n\n```\n## not a heading\n```\n\n## Real\n\nBody.\n";
        let mut problems = Vec::new();
        let (intro, sections) = split_sections(text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(intro.contains("## not a heading"));
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].heading, "Real");
    }

    #[test]
    fn the_checked_month_is_a_year_and_month() {
        assert_eq!(parse_checked("2026-12"), Ok((2026, 12)));
        for bad in [
            "2026-13",
            "2026-1",
            "26-12",
            "December 2026",
            "2026-12-03",
            "",
        ] {
            assert!(parse_checked(bad).is_err(), "{bad:?} accepted");
        }
        let checked = CheckedMonth {
            year: 2026,
            month: 12,
            line: 1,
        };
        assert_eq!(
            checked.months_before(time::macros::date!(2027 - 12 - 31)),
            12
        );
        assert_eq!(
            checked.months_before(time::macros::date!(2028 - 01 - 01)),
            13
        );
        assert_eq!(
            checked.months_before(time::macros::date!(2026 - 11 - 30)),
            -1
        );
    }
}
