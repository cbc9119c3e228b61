//! A guide's screen, and the guides in the printed course: its key points
//! first, its text, and the way back to the everyday tools.

use serde::Serialize;

use super::listen::{self, ListenView};
use super::shown::Shown;
use super::view_model::{key_points, printed, LessonRef, PrintedLesson};
use crate::course::load::pack::Course;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuideView {
    #[serde(flatten)]
    pub guide: LessonRef,
    pub key_points_heading: Shown,
    pub key_points: Vec<Shown>,
    pub html: String,
    pub listen: ListenView,
    /// The guide's movements as one sheet to print, if it has any.
    pub movement_sheet: Option<String>,
    /// Whether "Move with me" goes through its movements.
    pub move_with_me: bool,
}

/// The view of guide `index`, which must exist.
pub fn guide(course: &Course, index: usize) -> GuideView {
    let guide = &course.guides[index];
    let (key_points_heading, key_points) = key_points(course, guide, "key-points");
    let mut view = GuideView {
        guide: guide.into(),
        key_points_heading,
        key_points,
        html: guide.html.clone(),
        listen: ListenView::default(),
        movement_sheet: Some(guide.movement_sheet.clone()).filter(|s| !s.is_empty()),
        move_with_me: !guide.movements.is_empty(),
    };
    view.listen = listen::page(
        &guide.title,
        &view.key_points_heading,
        &view.key_points,
        &guide.spoken,
    );
    view
}

/// Every guide as the whole printed course holds it, after the lessons.
pub fn printed_guides(course: &Course) -> Vec<PrintedLesson> {
    printed(course, &course.guides, "printed-guide")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::builtin::builtin_course;

    #[test]
    fn a_guide_opens_with_its_key_points_and_listen_reads_them_first() {
        let course = builtin_course().unwrap();
        let index = course
            .guides
            .iter()
            .position(|g| g.id.as_str() == "sleep")
            .unwrap();
        let view = guide(&course, index);
        assert_eq!(view.guide.title, "Sleep");
        assert_eq!(view.guide.minutes_words, "2 minutes");
        assert!(view.key_points.len() >= 3);
        let said: Vec<&str> = view.listen.parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(said[0], "Sleep");
        assert_eq!(said[1], view.key_points_heading.text);
        assert_eq!(said[2], view.key_points[0].text);
        assert!(said.len() > 2 + view.key_points.len(), "{said:?}");
    }

    #[test]
    fn the_printed_guides_come_whole_with_ids_of_their_own() {
        let course = builtin_course().unwrap();
        let printed = printed_guides(&course);
        assert_eq!(printed.len(), course.guides.len());
        for (p, g) in printed.iter().zip(&course.guides) {
            assert_eq!(p.html, g.print_html);
            assert!(
                p.key_points_heading.id.starts_with("printed-guide-"),
                "{:?}",
                p.key_points_heading
            );
            assert!(
                !p.html.contains("id=\"section-"),
                "{}: an id that would clash on the printed page",
                g.file
            );
        }
    }
}
