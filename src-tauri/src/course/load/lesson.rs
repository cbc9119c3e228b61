//! A lesson: its front matter, checked, and its rendered body.

use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::problem::{line_of_offset, Problem};
use super::questions::{parse_questions, Question};
use super::render::{MovementSection, OpeningSection, ParsedPage};
use super::spoken::SpokenPart;
use super::toml_file;
use crate::course::learner::plan::PlanStep;

/// A lesson id: lowercase letters, digits and hyphens, so it is safe in a
/// store key, an element id and a log line alike.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LessonId(String);

pub const MAX_ID_LEN: usize = 64;
pub const MAX_MINUTES: u32 = 120;
/// Key points are the lesson in a glance: a few short lines, not a summary.
pub const MAX_KEY_POINTS: usize = 5;
pub const MAX_KEY_POINT_CHARS: usize = 200;

impl LessonId {
    pub fn parse(text: &str) -> Result<Self, String> {
        let ok = !text.is_empty()
            && text.len() <= MAX_ID_LEN
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(LessonId(text.to_owned()))
        } else {
            Err(format!(
                "lesson id {text:?} must be 1 to {MAX_ID_LEN} lowercase letters, digits or hyphens"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LessonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    title: Spanned<String>,
    minutes: Spanned<u32>,
    order: Spanned<u32>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    key_points: Option<Spanned<Vec<String>>>,
    /// A guide only: the step of "My plan" it helps with, which links to it.
    #[serde(default)]
    plan_step: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: LessonId,
    pub title: String,
    /// Reading time the learner is told.
    pub minutes: u32,
    /// The same in the course's words ("6 minutes"), plural chosen by Rust.
    pub minutes_words: String,
    pub order: u32,
    pub summary: Option<String>,
    /// The lesson's main messages, shown first, for a reader who reads
    /// nothing else.
    pub key_points: Vec<String>,
    pub html: String,
    /// The same, as it sits in the whole course printed on one page (see
    /// `render::Writing::print`); made once, at load.
    pub print_html: String,
    /// What "Listen" reads of `html`, part by part; made once, at load, not
    /// at each open.
    pub spoken: Vec<SpokenPart>,
    /// Its movements as one printable sheet (see `figure::movement_sheet`);
    /// empty for a page without any.
    pub movement_sheet: String,
    /// Its movements, each with its section, for "Move with me".
    pub movements: Vec<MovementSection>,
    /// Its first section, shown before the movements (see `render::Written`).
    pub opening: Option<OpeningSection>,
    /// Where it came from, for messages about it.
    pub file: String,
    /// Self-check questions, shown after the text.
    pub questions: Vec<Question>,
    /// A guide's step of "My plan", which links to it; and the line it was
    /// named on, for a lesson that names one (refused).
    pub plan_step: Option<(PlanStep, usize)>,
}

/// Builds a lesson from its rendered file; problems name the file and line.
pub fn lesson_from(file: &str, rendered: &ParsedPage<'_>) -> Result<Lesson, Vec<Problem>> {
    let Some((toml_text, first_line)) = &rendered.front_matter else {
        return Err(vec![Problem::at_line(
            file,
            1,
            "missing front matter: a lesson starts with a +++ block giving id, title, minutes and order",
        )]);
    };
    let raw: FrontMatter = toml_file::parse(file, toml_text, *first_line).map_err(|p| vec![p])?;
    // The parser's own place for each value, in the file's lines.
    let line_of =
        |span: std::ops::Range<usize>| line_of_offset(toml_text, span.start) + first_line - 1;
    let mut problems = Vec::new();
    let id = LessonId::parse(raw.id.get_ref())
        .map_err(|reason| problems.push(Problem::at_line(file, line_of(raw.id.span()), reason)))
        .ok();
    if raw.title.get_ref().trim().is_empty() {
        problems.push(Problem::at_line(
            file,
            line_of(raw.title.span()),
            "`title` must not be empty",
        ));
    }
    let minutes = *raw.minutes.get_ref();
    if minutes == 0 || minutes > MAX_MINUTES {
        problems.push(Problem::at_line(
            file,
            line_of(raw.minutes.span()),
            format!("`minutes` must be from 1 to {MAX_MINUTES}, not {minutes}"),
        ));
    }
    let order = *raw.order.get_ref();
    if order == 0 {
        problems.push(Problem::at_line(
            file,
            line_of(raw.order.span()),
            "`order` starts at 1",
        ));
    }
    let key_points_line = raw
        .key_points
        .as_ref()
        .map_or(*first_line, |k| line_of(k.span()));
    let key_points: Vec<String> = raw
        .key_points
        .map(Spanned::into_inner)
        .unwrap_or_default()
        .iter()
        .map(|p| p.trim().to_owned())
        .collect();
    let bad_point = key_points.iter().any(|p| {
        p.is_empty() || p.chars().count() > MAX_KEY_POINT_CHARS || p.contains(char::is_control)
    });
    if key_points.len() > MAX_KEY_POINTS || bad_point {
        problems.push(Problem::at_line(
            file,
            key_points_line,
            format!(
                "`key_points` must be at most {MAX_KEY_POINTS} lines of 1 to {MAX_KEY_POINT_CHARS} characters each"
            ),
        ));
    }
    let plan_step = raw.plan_step.as_ref().and_then(|named| {
        let line = line_of(named.span());
        let step = PlanStep::from_name(named.get_ref());
        if step.is_none() {
            let names: Vec<&str> = PlanStep::ALL.iter().map(|s| s.name()).collect();
            problems.push(Problem::at_line(
                file,
                line,
                format!(
                    "`plan_step` {:?} is no step of My plan; use one of {}",
                    named.get_ref(),
                    names.join(", ")
                ),
            ));
        }
        step.map(|s| (s, line))
    });
    let questions = match &rendered.questions {
        Some((line, body)) => parse_questions(file, *line, body, &rendered.headings)
            .map_err(|found| problems.extend(found))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    match id {
        Some(id) if problems.is_empty() => Ok(Lesson {
            id,
            title: raw.title.get_ref().trim().to_owned(),
            minutes,
            minutes_words: String::new(),
            order,
            summary: raw
                .summary
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
            key_points,
            html: String::new(),
            print_html: String::new(),
            spoken: Vec::new(),
            movement_sheet: String::new(),
            movements: Vec::new(),
            opening: None,
            file: file.to_owned(),
            questions,
            plan_step,
        }),
        _ => Err(problems),
    }
}

/// Builds a guide, a short everyday page outside the timed lessons, from
/// its rendered file. It has a lesson's front matter (`order` is its place
/// among the guides) and is held to more: it opens with its key points and
/// is listed with its summary, so both are required, and it has no
/// self-check questions.
pub fn guide_from(file: &str, rendered: &ParsedPage<'_>) -> Result<Lesson, Vec<Problem>> {
    let first_line = rendered.front_matter.as_ref().map_or(1, |(_, line)| *line);
    let mut problems = Vec::new();
    if let Some((line, _)) = rendered.questions {
        problems.push(Problem::at_line(
            file,
            line,
            "questions: a guide has no self-check questions (they belong to the lessons)",
        ));
    }
    let guide = lesson_from(file, rendered);
    if let Ok(guide) = &guide {
        if guide.key_points.is_empty() {
            problems.push(Problem::at_line(
                file,
                first_line,
                "a guide opens with its `key_points`: give one to five",
            ));
        }
        if guide.summary.is_none() {
            problems.push(Problem::at_line(
                file,
                first_line,
                "a guide needs a `summary`: it is shown where the guide is listed",
            ));
        }
    }
    match guide {
        Ok(guide) if problems.is_empty() => Ok(guide),
        Ok(_) => Err(problems),
        Err(found) => Err(problems.into_iter().chain(found).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::render::parse_page;

    fn lesson(text: &str) -> Result<Lesson, Vec<Problem>> {
        let mut problems = Vec::new();
        let arena = comrak::Arena::new();
        let page = parse_page(&arena, "lessons/x.md", text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        lesson_from("lessons/x.md", &page)
    }

    #[test]
    fn complete_front_matter_makes_a_lesson() {
        let l =
            lesson("+++\nid = \"why\"\ntitle = \"Why?\"\nminutes = 6\norder = 1\n+++\n\n## Body\n")
                .unwrap();
        assert_eq!(l.id.as_str(), "why");
        assert_eq!(l.minutes, 6);
        assert_eq!(l.title, "Why?");
        assert_eq!(l.summary, None);
    }

    #[test]
    fn no_front_matter_is_reported_on_line_one() {
        let problems = lesson("## Just text\n").unwrap_err();
        assert_eq!(
            problems[0]
                .to_string()
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            vec!["lessons/x.md", "1"]
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let problems = lesson("+++\nid = \"why\"\ntitle = \"Why?\"\norder = 1\n+++\n").unwrap_err();
        assert!(problems[0].message.contains("minutes"), "{}", problems[0]);
    }

    #[test]
    fn bad_values_are_each_reported_on_their_line() {
        let problems = lesson("+++\nid = \"../etc\"\ntitle = \"\"\nminutes = 0\norder = 0\n+++\n")
            .unwrap_err();
        let lines: Vec<_> = problems.iter().map(|p| p.line.unwrap()).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
    }

    #[test]
    fn a_problem_is_placed_by_the_parser_even_when_a_string_mentions_the_key() {
        let text = "+++\nid = \"why\"\nsummary = \"\"\"\ntitle words in a summary\n\"\"\"\ntitle = \"\"\nminutes = 6\norder = 1\n+++\n";
        let problems = lesson(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(6), "{}", problems[0]);
    }

    #[test]
    fn key_points_are_read_and_checked() {
        let head = "+++\nid = \"why\"\ntitle = \"Why?\"\nminutes = 6\norder = 1\n";
        let l = lesson(&format!(
            "{head}key_points = [\" Pain is an alarm. \", \"It can settle.\"]\n+++\n"
        ))
        .unwrap();
        assert_eq!(l.key_points, vec!["Pain is an alarm.", "It can settle."]);
        for bad in [
            "[\"\"]",
            "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]",
            &format!("[\"{}\"]", "x".repeat(201)),
        ] {
            let problems = lesson(&format!("{head}key_points = {bad}\n+++\n")).unwrap_err();
            assert_eq!(problems[0].line, Some(6), "{bad}: {}", problems[0]);
            assert!(
                problems[0].message.contains("key_points"),
                "{}",
                problems[0]
            );
        }
    }

    fn guide(text: &str) -> Result<Lesson, Vec<Problem>> {
        let mut problems = Vec::new();
        let arena = comrak::Arena::new();
        let page = parse_page(&arena, "guides/x.md", text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        guide_from("guides/x.md", &page)
    }

    #[test]
    fn a_guide_needs_key_points_and_a_summary_and_has_no_questions() {
        let head = "+++\nid = \"sleep\"\ntitle = \"Sleep\"\nminutes = 3\norder = 1\n";
        let whole = format!("{head}summary = \"Habits.\"\nkey_points = [\"Get up at the same time.\"]\n+++\n\n## Body\n");
        assert_eq!(guide(&whole).unwrap().id.as_str(), "sleep");
        let bare = guide(&format!("{head}+++\n")).unwrap_err();
        let said: Vec<String> = bare.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].starts_with("guides/x.md:2: a guide opens with its `key_points`"),
            "{said:?}"
        );
        assert!(said[1].contains("needs a `summary`"), "{said:?}");
        let asked = format!("{whole}\n```questions\n```\n");
        let problems = guide(&asked).unwrap_err();
        assert_eq!(problems[0].line, Some(12), "{problems:?}");
        assert!(problems[0].message.contains("no self-check questions"));
    }

    #[test]
    fn lesson_ids_refuse_path_characters() {
        for bad in ["", "../x", "a/b", "A", "a b", "a.md", &"a".repeat(65)] {
            assert!(LessonId::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(LessonId::parse("why-ongoing-2").is_ok());
    }
}
