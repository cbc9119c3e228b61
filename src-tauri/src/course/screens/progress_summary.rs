//! "Save my progress summary": a small web page the learner can keep or
//! show their clinician. It is built here, from the record, so what it says
//! is complete is what the app's rules say; it links to nothing but the
//! next step, and holds no script or style that could go stale.

use time::macros::format_description;
use time::OffsetDateTime;

use crate::course::learner::record::{LearnerRecord, LessonState};
use crate::course::load::pack::Course;

/// The file name offered in the save dialog.
pub const SUGGESTED_FILE_NAME: &str = "back-pain-course-progress.html";

/// Every word the summary uses, in one place for translation (the
/// interface's own words are in `ui/js/strings.js`).
struct Words {
    heading: &'static str,
    made_on: &'static str,
    provided_by: &'static str,
    accepted: &'static str,
    not_accepted: &'static str,
    lessons: &'static str,
    lesson: &'static str,
    minutes: &'static str,
    status: &'static str,
    completed_on: &'static str,
    started_on: &'static str,
    not_started: &'static str,
    completed_count: &'static str,
    of: &'static str,
    next_step: &'static str,
    private: &'static str,
    file_type: &'static str,
}

const WORDS: Words = Words {
    heading: "My progress",
    made_on: "Summary made on",
    provided_by: "Provided by",
    accepted: "Disclaimer accepted on",
    not_accepted: "The disclaimer has not been accepted yet.",
    lessons: "Lessons",
    lesson: "Lesson",
    minutes: "Minutes",
    status: "Status",
    completed_on: "Completed on",
    started_on: "Started on, not yet completed",
    not_started: "Not started",
    completed_count: "Lessons completed:",
    of: "of",
    next_step: "Your next step",
    private: "This file was made on this computer by the course app. Nothing was sent anywhere.",
    file_type: "Web page",
};

/// The file type the save dialog offers.
pub fn file_type_label() -> &'static str {
    WORDS.file_type
}

fn date(at: OffsetDateTime) -> String {
    at.format(format_description!(
        "[day padding:none] [month repr:long] [year]"
    ))
    .unwrap_or_default()
}

/// Escapes text for HTML: titles and names come from a clinic's pack.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn progress_summary_html(
    course: &Course,
    record: &LearnerRecord,
    now: OffsetDateTime,
) -> String {
    let w = &WORDS;
    let config = &course.config;
    let mut rows = String::new();
    for (i, lesson) in course.lessons.iter().enumerate() {
        let progress = record.lessons.get(&lesson.id);
        let status = match (record.lesson_state(&lesson.id), progress) {
            (LessonState::Completed, Some(p)) => {
                format!(
                    "{} {}",
                    w.completed_on,
                    date(p.completed_at.unwrap_or(p.started_at))
                )
            }
            (LessonState::InProgress, Some(p)) => {
                format!("{} {}", w.started_on, date(p.started_at))
            }
            _ => w.not_started.to_owned(),
        };
        rows.push_str(&format!(
            "<tr><td>{}. {}</td><td>{}</td><td>{}</td></tr>\n",
            i + 1,
            esc(&lesson.title),
            lesson.minutes,
            esc(&status)
        ));
    }
    let consent = match &record.consent {
        Some(c) if record.has_consented(course) => {
            format!("{} {}.", w.accepted, date(c.accepted_at))
        }
        _ => w.not_accepted.to_owned(),
    };
    let contact = config
        .contact
        .as_deref()
        .map(|c| format!("<p>{}</p>\n", esc(c)))
        .unwrap_or_default();
    let url = config.next_step.url.as_str();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{heading}: {title}</title>\n</head>\n<body>\n\
         <h1>{heading}: {title}</h1>\n\
         <p>{provided_by} {provider}</p>\n{contact}\
         <p>{made_on} {today}.</p>\n<p>{consent}</p>\n\
         <h2>{lessons}</h2>\n<p>{completed_count} {done} {of} {total}.</p>\n\
         <table>\n<tr><th>{lesson}</th><th>{minutes}</th><th>{status}</th></tr>\n{rows}</table>\n\
         <h2>{next_step}</h2>\n<p><a href=\"{url}\">{label}</a>: {url}</p>\n\
         <p>{private}</p>\n</body>\n</html>\n",
        lang = esc(&config.language),
        heading = w.heading,
        title = esc(&config.title),
        provided_by = w.provided_by,
        provider = esc(&config.provider),
        made_on = w.made_on,
        today = date(now),
        lessons = w.lessons,
        done = record.completed_count(course),
        completed_count = w.completed_count,
        of = w.of,
        total = course.lessons.len(),
        lesson = w.lesson,
        minutes = w.minutes,
        status = w.status,
        next_step = w.next_step,
        url = esc(url),
        label = esc(&config.next_step.label),
        private = w.private,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::files::PackFiles;
    use crate::course::load::pack::{load_course, tests::good_pack};
    use time::macros::datetime;

    fn course() -> Course {
        load_course(&PackFiles::from_pairs(good_pack())).unwrap()
    }

    #[test]
    fn the_summary_lists_each_lesson_with_its_dates_and_the_next_step() {
        let course = course();
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(&course, datetime!(2026-11-02 09:00 UTC));
        record
            .complete_lesson(&course, "one", datetime!(2026-11-03 10:00 UTC))
            .unwrap();
        record
            .open_lesson(&course, "two", datetime!(2026-11-04 10:00 UTC))
            .unwrap();
        let html = progress_summary_html(&course, &record, datetime!(2026-11-25 12:00 UTC));
        assert!(
            html.contains("Disclaimer accepted on 2 November 2026."),
            "{html}"
        );
        assert!(html.contains("Completed on 3 November 2026"), "{html}");
        assert!(
            html.contains("Started on, not yet completed 4 November 2026"),
            "{html}"
        );
        assert_eq!(html.matches("Not started").count(), 1, "{html}");
        assert!(html.contains("<p>Lessons completed: 1 of 3.</p>"), "{html}");
        assert!(html.contains("Summary made on 25 November 2026."), "{html}");
        let next = course.config.next_step.url.as_str();
        assert!(html.contains(&format!("<a href=\"{next}\">")), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn text_from_a_pack_cannot_become_markup_in_the_summary() {
        let mut course = course();
        course.config.title = "<img src=x onerror=alert(1)>".into();
        course.config.contact = Some("Call \"us\" & <b>".into());
        let html = progress_summary_html(
            &course,
            &LearnerRecord::default(),
            datetime!(2026-11-25 12:00 UTC),
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(
            html.contains("Call &quot;us&quot; &amp; &lt;b&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("The disclaimer has not been accepted yet."),
            "{html}"
        );
    }
}
