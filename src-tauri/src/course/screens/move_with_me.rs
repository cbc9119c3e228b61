//! "Move with me": a guide's movements one at a time (its safety points
//! first), each its own section of the page with its picture, the count the
//! learner keeps and Listen; then "I did these today".

use serde::Serialize;

use super::listen::{self, ListenView};
use super::shown::Shown;
use super::view_model::{key_points, LessonRef};
use crate::course::learner::movement_days::LocalDay;
use crate::course::load::lesson::Lesson;
use crate::course::load::pack::Course;
use crate::course::LearnerRecord;

/// The most the count goes to: more than any movement's amount, and few
/// enough to send every count's words with the view.
pub const MAX_COUNT: u64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoveWithMeView {
    /// The guide the movements are from.
    pub guide: LessonRef,
    /// The first step: what this is, and the guide's key points (its
    /// safety rules among them), before any movement.
    pub heading: Shown,
    pub intro: Shown,
    pub key_points_heading: Shown,
    pub key_points: Vec<Shown>,
    /// The guide's first section (its checks before starting), as written.
    pub opening_html: String,
    pub listen: ListenView,
    pub movements: Vec<MoveStepView>,
    /// How the count reads after each press: `counts[n]` after `n`, to
    /// `MAX_COUNT`.
    pub counts: Vec<String>,
    pub today: TodayView,
    /// The movements in My plan, by id.
    pub in_plan: Vec<String>,
    /// On a shared device, what is kept lasts only until "Start over".
    pub shared_device: bool,
}

/// One movement as its step shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoveStepView {
    pub id: String,
    pub title: String,
    /// "Movement 2 of 6".
    pub position: String,
    /// Said politely when the step opens: its place and its name.
    pub announce: String,
    pub html: String,
    pub listen: ListenView,
}

/// The learner's day, as "I did these today" keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayView {
    /// "7 December 2026".
    pub date: String,
    /// The movements already kept for today, by id.
    pub done: Vec<String>,
    /// "Already kept for today: Knee rolls, Bridge.", or empty.
    pub done_words: String,
    /// Said once "I did these today" has kept them: "Kept for today, 7
    /// December 2026: 2 movements."
    pub saved_words: String,
}

/// The session for `guide`, whose movements must not be none, as the
/// learner's day `today` (`date` in words) finds it.
pub fn move_with_me(
    course: &Course,
    record: &LearnerRecord,
    guide: &Lesson,
    today: &LocalDay,
    date: String,
) -> MoveWithMeView {
    let words = &course.words;
    let (key_points_heading, key_points) = key_points(course, guide, "move-key-points");
    let heading = Shown::screen_heading(words.text("move.heading", &[]));
    let intro = Shown::new("move-intro", words.text("move.intro", &[]));
    let opening = guide.opening.clone().unwrap_or_default();
    let mut first_step = opening.spoken;
    first_step.push(intro.said(0));
    let listen = listen::page(&heading.text, &key_points_heading, &key_points, &first_step);
    let total = guide.movements.len().to_string();
    let movements = guide
        .movements
        .iter()
        .enumerate()
        .map(|(i, movement)| {
            let n = (i + 1).to_string();
            let position = words.text("move.position", &[("n", &n), ("total", &total)]);
            let announce = words.text(
                "move.announce",
                &[("position", &position), ("title", &movement.title)],
            );
            MoveStepView {
                id: movement.id.clone(),
                title: movement.title.clone(),
                position,
                announce,
                html: movement.html.clone(),
                listen: listen::page(&movement.title, &key_points_heading, &[], &movement.spoken),
            }
        })
        .collect();
    MoveWithMeView {
        guide: guide.into(),
        heading,
        intro,
        key_points_heading,
        key_points,
        opening_html: opening.html,
        listen,
        movements,
        counts: counts(course),
        today: today_view(course, record, today, date),
        in_plan: super::plan_view::in_plan(&record.plan),
        shared_device: course.config.shared_device.is_some(),
    }
}

/// Each count's words, from none to `MAX_COUNT`.
fn counts(course: &Course) -> Vec<String> {
    let words = &course.words;
    (0..=MAX_COUNT)
        .map(|n| match n {
            0 => words.text("move.count.none", &[]),
            n => words.plural("move.count", n, &[]),
        })
        .collect()
}

/// What is kept for `today`, in the course's words: a movement the course
/// no longer has is left out of the words, never out of the record.
pub fn today_view(
    course: &Course,
    record: &LearnerRecord,
    today: &LocalDay,
    date: String,
) -> TodayView {
    let done: Vec<String> = record
        .movement_days
        .get(today)
        .map(|ids| ids.iter().cloned().collect())
        .unwrap_or_default();
    let titles: Vec<&str> = done
        .iter()
        .filter_map(|id| course.movement(id).map(|(_, m)| m.title.as_str()))
        .collect();
    let done_words = if titles.is_empty() {
        String::new()
    } else {
        course
            .words
            .text("move.done-today", &[("movements", &titles.join(", "))])
    };
    let saved_words = course.words.plural(
        "move.saved",
        u64::try_from(done.len()).unwrap_or(u64::MAX),
        &[("date", &date)],
    );
    TodayView {
        date,
        done,
        done_words,
        saved_words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::builtin::builtin_course;
    use time::macros::datetime;

    fn today() -> LocalDay {
        LocalDay::try_from("2026-12-07".to_owned()).unwrap()
    }

    #[test]
    fn the_session_holds_the_safety_points_first_then_each_movement_with_its_own_listen() {
        let course = builtin_course().unwrap();
        let guide = course.guide("moving").unwrap();
        let view = move_with_me(
            &course,
            &LearnerRecord::default(),
            guide,
            &today(),
            "7 December 2026".into(),
        );
        assert_eq!(view.key_points.len(), guide.key_points.len());
        let said: Vec<&str> = view.listen.parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(said[0], "Move with me");
        assert_eq!(said[2], guide.key_points[0]);
        // Then the guide's first section, the checks before starting, and
        // how the session goes.
        let opening = 2 + guide.key_points.len();
        assert_eq!(said[opening], "Before you start");
        assert!(
            said[opening + 1].starts_with("If you have chest pain now"),
            "{said:?}"
        );
        assert!(view.opening_html.contains("call 000"));
        assert!(
            !view.opening_html.contains("Walking is the base"),
            "the first section only"
        );
        assert_eq!(*said.last().unwrap(), view.intro.text);
        let ids: Vec<&str> = view.movements.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "knee-rolls",
                "pelvic-tilt",
                "bottom-to-heels",
                "back-extension",
                "knees-to-chest",
                "bridge"
            ]
        );
        let second = &view.movements[1];
        assert_eq!(second.position, "Movement 2 of 6");
        assert_eq!(second.announce, "Movement 2 of 6: Pelvic tilt");
        let said: Vec<&str> = second
            .listen
            .parts
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(said[0], "Pelvic tilt");
        assert!(said[1].starts_with("Start: lie on your back"), "{said:?}");
        assert!(
            said[2].starts_with("Move: press the small of your back"),
            "{said:?}"
        );
        assert!(said[3].starts_with("Figure 2: Pelvic tilt."), "{said:?}");
        assert!(
            said[3].contains("Take care: Stop if it makes your symptoms worse"),
            "{said:?}"
        );
        for part in &second.listen.parts[1..] {
            assert!(
                second.html.contains(&format!("id=\"{}\"", part.target)),
                "{}",
                part.target
            );
        }
        assert_eq!(view.counts.len(), MAX_COUNT as usize + 1);
        assert_eq!(
            [&view.counts[0], &view.counts[1], &view.counts[2]],
            ["None counted yet", "1 counted", "2 counted"]
        );
        assert!(!view.shared_device);
    }

    #[test]
    fn today_names_what_is_kept_for_the_day_and_leaves_out_a_movement_now_gone() {
        let course = builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(&course, datetime!(2026-12-07 9:00 UTC));
        let none = today_view(&course, &record, &today(), "7 December 2026".into());
        assert!(none.done.is_empty() && none.done_words.is_empty());
        record
            .keep_movements_done(&course, &["bridge".into(), "knee-rolls".into()], today())
            .unwrap();
        record
            .movement_days
            .get_mut(&today())
            .unwrap()
            .insert("an-old-movement".into());
        let view = today_view(&course, &record, &today(), "7 December 2026".into());
        assert_eq!(view.done, ["an-old-movement", "bridge", "knee-rolls"]);
        assert_eq!(
            view.done_words,
            "Already kept for today: Bridge, Knee rolls."
        );
        let yesterday = LocalDay::try_from("2026-12-06".to_owned()).unwrap();
        assert!(today_view(&course, &record, &yesterday, String::new())
            .done
            .is_empty());
    }
}
