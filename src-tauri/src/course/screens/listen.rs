//! What "Listen" reads on each screen that has it (a lesson, "Get help now",
//! the disclaimer, "All finished?"): the screen's parts in reading order,
//! each with the element to light up, and the sections to start from.

use serde::Serialize;

use crate::course::load::help::{HelpLine, Reach};
use crate::course::load::lesson::Lesson;
use crate::course::load::spoken::SpokenPart;
use crate::course::screens::shown::{Shown, SCREEN_HEADING};
use crate::course::screens::view_model::{
    DisclaimerView, FinishedView, GetHelpView, HelpView, LessonView,
};
use crate::course::words::Catalog;

/// Read-aloud for one screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListenView {
    pub parts: Vec<ListenPart>,
    /// Where reading may start: the top of the screen, then each section
    /// (every heading down to level 2), in order.
    pub sections: Vec<ListenSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListenPart {
    /// The id of the element lit up while this is read.
    pub target: String,
    pub text: String,
    /// The section it belongs to, for "Reading: …".
    pub section: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListenSection {
    pub title: String,
    /// Its first part.
    pub part: usize,
}

impl ListenView {
    /// Sections are cut at each heading of level 1 or 2.
    fn from_parts(spoken: Vec<SpokenPart>) -> ListenView {
        let mut sections: Vec<ListenSection> = Vec::new();
        let mut parts = Vec::with_capacity(spoken.len());
        for (i, part) in spoken.into_iter().enumerate() {
            if (part.level == 1 || part.level == 2) || sections.is_empty() {
                sections.push(ListenSection {
                    title: part.text.clone(),
                    part: i,
                });
            }
            parts.push(ListenPart {
                target: part.target,
                text: part.text,
                section: sections.len() - 1,
            });
        }
        ListenView { parts, sections }
    }
}

/// A phone number said digit by digit, its groups apart: "000" as "0 0 0",
/// not "zero", and "13 11 14" not "thirteen eleven fourteen".
fn spoken_number(number: &str) -> String {
    number
        .split_whitespace()
        .map(|group| {
            group
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A way to reach help as said: "Call 0 0 0, Ambulance".
pub fn contact_words(words: &Catalog, line: &HelpLine) -> String {
    let number = spoken_number(&line.number);
    let params = [("number", number.as_str()), ("label", line.label.as_str())];
    match line.by {
        Reach::Call => words.text("listen.help-line", &params),
        Reach::Text => words.text("listen.help-text-line", &params),
    }
}

/// "Get help now" as drawn on its own screen (`level` 2) and above the
/// disclaimer (`level` 3).
fn help_parts(help: &HelpView, level: u8, out: &mut Vec<SpokenPart>) {
    out.extend(help.fallback_notice.iter().map(|n| n.said(0)));
    out.extend(help.intro_spoken.iter().cloned());
    for group in &help.groups {
        out.push(group.heading.said(level));
        out.extend(
            group
                .contacts
                .iter()
                .map(|c| SpokenPart::new(&c.id, &c.said, 0)),
        );
        out.extend(group.body_spoken.iter().cloned());
    }
    out.push(help.region_line.said(0));
    out.extend(help.checked.iter().map(|c| c.said(0)));
}

/// A lesson: its title, key points and text (not its self-check
/// questions, which are answered, not listened to).
pub fn lesson(view: &LessonView, lesson: &Lesson) -> ListenView {
    page(
        &lesson.title,
        &view.key_points_heading,
        &view.key_points,
        &lesson.spoken,
    )
}

/// A page with front matter (a lesson or a guide): its title, its key
/// points, then its text.
pub fn page(
    title: &str,
    points_heading: &Shown,
    points: &[Shown],
    text: &[SpokenPart],
) -> ListenView {
    let mut spoken = vec![SpokenPart::new(SCREEN_HEADING, title, 1)];
    if !points.is_empty() {
        spoken.push(points_heading.said(2));
        spoken.extend(points.iter().map(|p| p.said(0)));
    }
    spoken.extend(text.iter().cloned());
    ListenView::from_parts(spoken)
}

pub fn get_help(view: &GetHelpView) -> ListenView {
    let mut spoken = vec![view.heading.said(1)];
    help_parts(&view.help, 2, &mut spoken);
    ListenView::from_parts(spoken)
}

/// Everything above the accept button, which is for the learner to press
/// once they have heard it: where to get help first, then the page's own
/// opening line and text.
pub fn disclaimer(view: &DisclaimerView) -> ListenView {
    let mut spoken = vec![view.heading.said(1), view.help_heading.said(2)];
    help_parts(&view.help, 3, &mut spoken);
    spoken.push(view.intro.said(0));
    spoken.extend(view.spoken.iter().cloned());
    ListenView::from_parts(spoken)
}

pub fn finished(view: &FinishedView, text: &[SpokenPart]) -> ListenView {
    let mut spoken = vec![view.heading.said(1)];
    spoken.extend(text.iter().cloned());
    spoken.push(view.plan_heading.said(2));
    spoken.push(view.plan_intro.said(0));
    ListenView::from_parts(spoken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::learner::record::LearnerRecord;
    use crate::course::load::builtin::builtin_course;
    use crate::course::load::pack::Course;
    use crate::course::screens::view_model;

    // What each screen's view carries for Listen, as the page receives it.
    fn lesson(course: &Course, index: usize) -> ListenView {
        view_model::lesson(course, &LearnerRecord::default(), index).listen
    }
    fn get_help(course: &Course, fallback: bool) -> ListenView {
        view_model::get_help(course, fallback).listen
    }
    fn disclaimer(course: &Course, fallback: bool) -> ListenView {
        view_model::disclaimer(course, &LearnerRecord::default(), fallback).listen
    }
    fn finished(course: &Course) -> ListenView {
        view_model::finished(course, &LearnerRecord::default()).listen
    }

    fn texts(view: &ListenView) -> Vec<&str> {
        view.parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn numbers_are_said_digit_by_digit_in_their_groups() {
        assert_eq!(spoken_number("000"), "0 0 0");
        assert_eq!(spoken_number("13 11 14"), "1 3, 1 1, 1 4");
    }

    #[test]
    fn a_lesson_is_read_from_its_title_through_its_key_points_and_text() {
        let course = builtin_course().unwrap();
        let view = lesson(&course, 2);
        let lesson = &course.lessons[2];
        assert_eq!(view.parts[0].text, lesson.title);
        assert_eq!(view.parts[0].target, "screen-heading");
        assert_eq!(view.parts[1].text, "Key points");
        assert_eq!(view.parts[2].text, lesson.key_points[0]);
        // Every heading of the lesson starts a section, in order.
        let titles: Vec<&str> = view.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles[..2], [lesson.title.as_str(), "Key points"]);
        let h2s = lesson.html.matches("<h2 ").count();
        assert_eq!(view.sections.len(), 2 + h2s);
        // No citation number and no markup is read; no question either.
        let all = texts(&view).join(" ");
        assert!(!all.contains('<') && !all.contains("et al"), "{all}");
        for question in &lesson.questions {
            assert!(!all.contains(&question.prompt), "{}", question.prompt);
        }
        // Each part's target is marked in the HTML or is one the page makes.
        for part in &view.parts[2 + lesson.key_points.len()..] {
            assert!(
                lesson.html.contains(&format!("id=\"{}\"", part.target)),
                "{}",
                part.target
            );
        }
        // Sections point at their first part; parts know their section.
        for (i, section) in view.sections.iter().enumerate() {
            assert_eq!(view.parts[section.part].section, i);
            assert_eq!(view.parts[section.part].text, section.title);
        }
    }

    #[test]
    fn a_lesson_figure_is_read_by_its_words_not_its_numbers() {
        let course = builtin_course().unwrap();
        let view = lesson(&course, 1);
        let figure = view
            .parts
            .iter()
            .find(|p| p.text.starts_with("Figure 1:"))
            .expect("lesson 2 has a figure");
        assert!(figure.text.contains("A line chart"), "{}", figure.text);
        assert!(!figure.text.contains("Show the numbers"), "{}", figure.text);
    }

    #[test]
    fn help_is_read_group_by_group_with_each_number_in_digits() {
        let course = builtin_course().unwrap();
        let view = get_help(&course, false);
        let all = texts(&view);
        assert_eq!(all[0], "Get help now");
        assert!(all.iter().any(|t| t.contains("0 0 0")), "{all:?}");
        assert_eq!(view.sections.len(), 1 + course.help.groups.len());
        let fallback = get_help(&course, true);
        assert_eq!(fallback.parts[1].target, "help-fallback");
    }

    #[test]
    fn the_disclaimer_is_read_help_first_then_its_text_and_finished_ends_with_the_plan() {
        let course = builtin_course().unwrap();
        let view = disclaimer(&course, false);
        let targets: Vec<&str> = view.parts.iter().map(|p| p.target.as_str()).collect();
        assert_eq!(targets[..2], ["screen-heading", "disclaimer-help-heading"]);
        let intro = targets
            .iter()
            .position(|t| *t == "disclaimer-intro")
            .unwrap();
        let checked = targets.iter().position(|t| *t == "help-checked").unwrap();
        assert_eq!(intro, checked + 1, "{targets:?}");
        assert!(targets.last().unwrap().starts_with("say-disclaimer-"));
        let done = finished(&course);
        assert_eq!(done.parts.last().unwrap().target, "finished-plan-intro");
    }
}
