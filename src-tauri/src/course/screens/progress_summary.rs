//! "Save my progress summary": a small web page the learner can keep or
//! show their clinician. It is built here, from the record, so what it says
//! is complete is what the app's rules say; it links to nothing but the
//! next step, and holds no script or style that could go stale. Its words
//! are the course's catalog's.

use jiff::tz::TimeZone;
use time::OffsetDateTime;

use crate::course::html_text::escape as esc;
use crate::course::learner::check_ins::Today;
use crate::course::learner::plan::PlanStep;
use crate::course::learner::record::{LearnerRecord, LessonState};
use crate::course::load::help::{HelpKind, Reach};
use crate::course::load::pack::Course;
use crate::course::screens::my_weeks::{trend_charts, weeks_table};
use crate::course::screens::plan_view::plan_movements;

/// The file name offered in the save dialog.
pub const SUGGESTED_FILE_NAME: &str = "back-pain-course-progress.html";

/// The file type the save dialog offers, in the course's words.
pub fn file_type_label(course: &Course) -> String {
    course.words.text("summary.file-type", &[])
}

/// The summary page, every word from the course's catalog (`summary.*`)
/// and its dates in the same day-month-year form as the page's.
pub fn progress_summary_html(
    course: &Course,
    record: &LearnerRecord,
    now: OffsetDateTime,
    zone: &TimeZone,
) -> String {
    let w = &course.words;
    // Each event is kept as an instant; its day is the one where the
    // summary is made (a lesson done at 9 am in Sydney is that day's).
    let day = |at: OffsetDateTime| w.date(at, zone);
    // Catalog text is plain text too, so each sentence is escaped whole.
    let say = |key: &str, params: &[(&str, &str)]| esc(&w.text(key, params));
    let config = &course.config;
    let mut rows = String::new();
    for (i, lesson) in course.lessons.iter().enumerate() {
        let progress = record.lessons.get(&lesson.id);
        let status = match (record.lesson_state(&lesson.id), progress) {
            (LessonState::Completed, Some(p)) => {
                let date = day(p.completed_at.unwrap_or(p.started_at));
                say("summary.completed-on", &[("date", &date)])
            }
            (LessonState::InProgress, Some(p)) => {
                say("summary.started-on", &[("date", &day(p.started_at))])
            }
            _ => say("state.not_started", &[]),
        };
        rows.push_str(&format!(
            "<tr><td>{}. {}</td><td>{}</td><td>{status}</td></tr>\n",
            i + 1,
            esc(&lesson.title),
            lesson.minutes,
        ));
    }
    let consent = match &record.consent {
        Some(c) if record.has_consented(course) => {
            say("summary.accepted", &[("date", &day(c.accepted_at))])
        }
        _ => say("summary.not-accepted", &[]),
    };
    let contact = config
        .contact
        .as_deref()
        .map(|c| format!("<p>{}</p>\n", esc(c)))
        .unwrap_or_default();
    let url = config.next_step.url.as_str();
    let done = record.completed_count(course).to_string();
    let total = course.lessons.len().to_string();
    let heading = say("summary.title", &[("title", &config.title)]);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{heading}</title>\n</head>\n<body>\n\
         <h1>{heading}</h1>\n\
         <p>{provided_by}</p>\n{contact}\
         <p>{made_on}</p>\n<p>{consent}</p>\n\
         <h2>{lessons}</h2>\n<p>{completed_count}</p>\n\
         <table>\n<tr><th>{lesson}</th><th>{minutes}</th><th>{status}</th></tr>\n{rows}</table>\n\
         {guides}\
         <h2>{next_step}</h2>\n<p><a href=\"{url}\">{label}</a>: {url}</p>\n\
         {plan}{weeks}<p>{private}</p>\n</body>\n</html>\n",
        lang = esc(&config.language),
        provided_by = say("chrome.provided-by", &[("provider", &config.provider)]),
        made_on = say("summary.made-on", &[("date", &day(now))]),
        lessons = say("summary.lessons", &[]),
        completed_count = say(
            "summary.completed-count",
            &[("done", &done), ("total", &total)]
        ),
        lesson = say("summary.lesson", &[]),
        minutes = say("summary.minutes", &[]),
        status = say("summary.status", &[]),
        next_step = say("summary.next-step", &[]),
        url = esc(url),
        label = esc(&config.next_step.label),
        private = say("summary.private", &[]),
        plan = plan_section(course, record),
        weeks = weeks_section(course, record, &Today::at(now, zone)),
        guides = guides_section(course, record, &day),
    )
}

/// The guides the course has, each with when it was first and last read
/// (none when the pack has no guides).
fn guides_section(
    course: &Course,
    record: &LearnerRecord,
    day: &dyn Fn(OffsetDateTime) -> String,
) -> String {
    if course.guides.is_empty() {
        return String::new();
    }
    let w = &course.words;
    let say = |key: &str, params: &[(&str, &str)]| esc(&w.text(key, params));
    let mut rows = String::new();
    for guide in &course.guides {
        let status = match record.guides_read.get(&guide.id) {
            Some(read) if day(read.first_read_at) == day(read.last_read_at) => say(
                "summary.guide-read-on",
                &[("date", &day(read.first_read_at))],
            ),
            Some(read) => say(
                "summary.guide-read-between",
                &[
                    ("first", &day(read.first_read_at)),
                    ("last", &day(read.last_read_at)),
                ],
            ),
            None => say("summary.guide-not-read", &[]),
        };
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{status}</td></tr>\n",
            esc(&guide.title),
            guide.minutes,
        ));
    }
    format!(
        "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n{rows}</table>\n",
        say("summary.guides", &[]),
        say("summary.guide", &[]),
        say("summary.minutes", &[]),
        say("summary.status", &[]),
    )
}

/// "My weeks", when there is a check-in: what each scale means and where
/// it comes from, the charts of the last 12 weeks, and every check-in as a
/// table, dated. No judgement of any number, as on screen.
fn weeks_section(course: &Course, record: &LearnerRecord, today: &Today) -> String {
    if record.check_ins.weeks.is_empty() {
        return String::new();
    }
    let w = &course.words;
    let say = |key: &str| esc(&w.text(key, &[]));
    let mut html = format!(
        "<h2>{}</h2>\n<p>{} {}</p>\n<p>{}</p>\n",
        say("weeks.title"),
        say("weeks.activity.scale"),
        say("weeks.activity.source"),
        say("weeks.pain.scale"),
    );
    for chart in trend_charts(course, record, &today.week) {
        html.push_str(&format!(
            "<h3>{}</h3>\n<div>{}</div>\n",
            esc(&chart.title),
            chart.svg_html
        ));
    }
    let table = weeks_table(course, record);
    html.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        say("weeks.table-caption")
    ));
    for column in &table.columns {
        html.push_str(&format!("<th scope=\"col\">{}</th>", esc(column)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        html.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let cell = esc(cell).replace('\n', "<br>");
            html.push_str(&match i {
                0 => format!("<th scope=\"row\">{cell}</th>"),
                _ => format!("<td>{cell}</td>"),
            });
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n");
    html.push_str(&format!("</table>\n<p>{}</p>\n", say("weeks.not-advice")));
    html
}

/// "My plan", when anything is written: each step that has something, and
/// where to get help, with the numbers as text.
fn plan_section(course: &Course, record: &LearnerRecord) -> String {
    let plan = &record.plan;
    if plan.is_empty() {
        return String::new();
    }
    let w = &course.words;
    let say = |key: &str| esc(&w.text(key, &[]));
    let mut html = format!("<h2>{}</h2>\n", say("plan.heading"));
    for step in PlanStep::ALL {
        let mut body = String::new();
        if let Some(list) = step.list() {
            let items: String = plan
                .list(list)
                .iter()
                .map(|e| format!("<li>{}</li>", esc(e)))
                .collect();
            if !items.is_empty() {
                body = format!("<ul>{items}</ul>\n");
            }
        }
        for field in step.fields() {
            let value = plan.text(*field);
            if !value.is_empty() {
                body.push_str(&format!(
                    "<p><strong>{}</strong><br>{}</p>\n",
                    esc(&w.text(&format!("plan.field.{}", field.name()), &[])),
                    esc(value).replace('\n', "<br>")
                ));
            }
        }
        if step == PlanStep::Movement && !plan.movements.is_empty() {
            let items: String = plan_movements(course, plan)
                .iter()
                .map(|m| match &m.amount {
                    Some(amount) => format!("<li>{}: {}</li>", esc(&m.title), esc(amount)),
                    None => format!("<li>{}</li>", esc(&m.title)),
                })
                .collect();
            body.push_str(&format!(
                "<p><strong>{}</strong></p>\n<ul>{items}</ul>\n",
                say("plan.movements-heading")
            ));
        }
        if !body.is_empty() {
            html.push_str(&format!(
                "<h3>{}</h3>\n{body}",
                esc(&w.text(&format!("plan.step.{}", step.name()), &[]))
            ));
        }
    }
    html.push_str(&format!("<h3>{}</h3>\n<ul>", say("plan.help-heading")));
    for kind in [HelpKind::Emergency, HelpKind::Urgent, HelpKind::Crisis] {
        for line in course.config.help.contacts(kind) {
            let reach = match line.by {
                Reach::Call => say("get-help.call"),
                Reach::Text => say("get-help.text"),
            };
            html.push_str(&format!(
                "<li>{}: {} {}</li>",
                esc(&line.label),
                reach,
                esc(&line.number)
            ));
        }
    }
    html.push_str("</ul>\n");
    html
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

    /// The summary made at noon UTC on 25 November 2026, in UTC.
    fn summary_on_25_november(course: &Course, record: &LearnerRecord) -> String {
        progress_summary_html(
            course,
            record,
            datetime!(2026-11-25 12:00 UTC),
            &TimeZone::UTC,
        )
    }

    /// A record with the disclaimer accepted and lesson "one" completed at
    /// these instants.
    fn accepted_then_completed(
        course: &Course,
        accepted: OffsetDateTime,
        completed: OffsetDateTime,
    ) -> LearnerRecord {
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(course, accepted);
        record.complete_lesson(course, "one", completed).unwrap();
        record
    }

    #[test]
    fn the_summary_lists_each_lesson_with_its_dates_and_the_next_step() {
        let course = course();
        let mut record = accepted_then_completed(
            &course,
            datetime!(2026-11-02 09:00 UTC),
            datetime!(2026-11-03 10:00 UTC),
        );
        record
            .open_lesson(&course, "two", datetime!(2026-11-04 10:00 UTC))
            .unwrap();
        let html = summary_on_25_november(&course, &record);
        for expected in [
            "Disclaimer accepted on 2 November 2026.",
            "Completed on 3 November 2026",
            "Started on, not yet completed 4 November 2026",
            "<p>Lessons completed: 1 of 3.</p>",
            "Summary made on 25 November 2026.",
        ] {
            assert!(html.contains(expected), "{expected}: {html}");
        }
        assert_eq!(html.matches("Not started").count(), 1, "{html}");
        let next = course.config.next_step.url.as_str();
        assert!(html.contains(&format!("<a href=\"{next}\">")), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn the_summary_lists_each_guide_with_when_it_was_read() {
        use crate::course::load::pack::tests::{guide_text, replace};
        let pairs = replace(
            replace(good_pack(), "guides/a.md", &guide_text("sleep", 1, "Rest.")),
            "guides/b.md",
            &guide_text("today", 2, "Move."),
        );
        let course = load_course(&PackFiles::from_pairs(pairs)).unwrap();
        let mut record = accepted_then_completed(
            &course,
            datetime!(2026-11-02 09:00 UTC),
            datetime!(2026-11-03 10:00 UTC),
        );
        record
            .open_guide(&course, "sleep", datetime!(2026-11-05 10:00 UTC))
            .unwrap();
        record
            .open_guide(&course, "sleep", datetime!(2026-11-20 10:00 UTC))
            .unwrap();
        record
            .open_guide(&course, "today", datetime!(2026-11-06 10:00 UTC))
            .unwrap();
        record
            .open_guide(&course, "today", datetime!(2026-11-06 11:00 UTC))
            .unwrap();
        let html = summary_on_25_november(&course, &record);
        for expected in [
            "<h2>Guides</h2>",
            "<tr><td>Guide 1</td><td>1</td><td>First read on 5 November 2026, last read on 20 November 2026</td></tr>",
            "<tr><td>Guide 2</td><td>1</td><td>Read on 6 November 2026</td></tr>",
        ] {
            assert!(html.contains(expected), "{expected}: {html}");
        }
        record.guides_read.clear();
        let html = summary_on_25_november(&course, &record);
        assert_eq!(html.matches("Not opened yet").count(), 2, "{html}");
        // A pack without guides has no such section.
        let html = summary_on_25_november(&super::tests::course(), &record);
        assert!(!html.contains("Guides"), "{html}");
    }

    #[test]
    fn text_from_a_pack_cannot_become_markup_in_the_summary() {
        let mut course = course();
        course.config.title = "<img src=x onerror=alert(1)>".into();
        course.config.contact = Some("Call \"us\" & <b>".into());
        let html = summary_on_25_november(&course, &LearnerRecord::default());
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

    #[test]
    fn the_summary_carries_my_plan_with_the_help_numbers_when_there_is_one() {
        use crate::course::learner::plan::{PlanList, PlanText};
        let course = course();
        let mut record = LearnerRecord::default();
        let html = summary_on_25_november(&course, &record);
        assert!(!html.contains("My plan"), "{html}");
        record
            .plan
            .add(PlanList::Activities, "Walking <the dog>")
            .unwrap();
        record
            .plan
            .set_text(PlanText::FlareUpGetHelp, "If it is new\nor different")
            .unwrap();
        let html = summary_on_25_november(&course, &record);
        assert!(html.contains("<h2>My plan</h2>"), "{html}");
        assert!(html.contains("<li>Walking &lt;the dog&gt;</li>"), "{html}");
        assert!(html.contains("If it is new<br>or different"), "{html}");
        let line = &course.config.help.contacts(HelpKind::Emergency)[0];
        assert!(
            html.contains(&format!("{}: Call {}", line.label, line.number)),
            "{html}"
        );
        assert!(
            !html.contains("Questions for my doctor"),
            "an empty step is left out: {html}"
        );
    }

    #[test]
    fn a_plan_of_movements_alone_is_in_the_summary_with_their_amounts() {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        record
            .plan
            .choose_movement("knee-rolls", "Knee rolls")
            .unwrap();
        record
            .plan
            .choose_movement("side-plank", "Side <plank>")
            .unwrap();
        let html = summary_on_25_november(&course, &record);
        assert!(
            html.contains("<h3>Moving more, step by step</h3>"),
            "{html}"
        );
        assert!(
            html.contains("<li>Knee rolls: 8 to 10, changing sides each time.</li>"),
            "{html}"
        );
        assert!(
            html.contains("<li>Side &lt;plank&gt;</li>"),
            "a movement the course no longer has: {html}"
        );
    }

    #[test]
    fn the_summary_carries_my_weeks_as_charts_and_a_dated_table_with_the_scales_sources() {
        use crate::course::learner::check_ins::{ActivityAnswer, CheckInAnswers, WeekStart};
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        assert!(!summary_on_25_november(&course, &record).contains("My weeks"));
        record.accept_disclaimer(&course, datetime!(2026-11-01 9:00 UTC));
        record
            .change_plan(
                &course,
                "activities",
                None,
                Some("Gardening <outside>"),
                None,
            )
            .unwrap();
        let answers = CheckInAnswers {
            week: "2026-11-16".into(),
            activities: vec![ActivityAnswer {
                activity: "Gardening <outside>".into(),
                rating: Some(3),
            }],
            pain: Some(7),
            pleased: "Walked to the shop".into(),
            next: String::new(),
            replace: false,
        };
        let week = WeekStart::try_from("2026-11-23".to_owned()).unwrap();
        record
            .save_check_in(&course, &answers, &week, datetime!(2026-11-20 9:00 UTC))
            .unwrap();
        let html = summary_on_25_november(&course, &record);
        assert!(html.contains("<h2>My weeks</h2>"), "{html}");
        assert!(html.contains("Patient-Specific Functional Scale (Stratford and others, 1995)"));
        assert!(
            html.contains("<h3>Gardening &lt;outside&gt;</h3>"),
            "{html}"
        );
        assert_eq!(
            html.matches("<svg").count(),
            2,
            "a chart for the activity and one for pain"
        );
        assert!(html.contains("<th scope=\"row\">Monday 16 November 2026 to Sunday 22 November 2026</th><td>3</td><td>7</td><td>Walked to the shop</td>"), "{html}");
        assert!(!html.contains("<script") && !html.contains("<style"));
    }

    /// In Australia a morning is the previous day in UTC: the summary a
    /// learner hands over dates it by their own day, and by the offset in
    /// force that day (daylight saving ends in Sydney on 5 April 2026).
    #[test]
    fn the_summary_dates_each_event_by_the_day_where_it_is_made() {
        let course = course();
        let record = accepted_then_completed(
            &course,
            // 9:30 am on 25 November in Sydney (UTC+11).
            datetime!(2026-11-24 22:30 UTC),
            // 00:30 on 5 April in Sydney, still UTC+11 until 3 am.
            datetime!(2026-04-04 13:30 UTC),
        );
        let now = datetime!(2026-11-24 22:45 UTC);
        let summary = |zone: &str| {
            let zone = TimeZone::get(zone).expect("the system's time-zone database");
            progress_summary_html(&course, &record, now, &zone)
        };
        for (zone, day, completed) in [
            ("Australia/Sydney", "25 November 2026", "5 April 2026"),
            ("America/Los_Angeles", "24 November 2026", "4 April 2026"),
        ] {
            let html = summary(zone);
            for expected in [
                format!("Disclaimer accepted on {day}."),
                format!("Completed on {completed}"),
                format!("Summary made on {day}."),
            ] {
                assert!(html.contains(&expected), "{zone}: {expected}: {html}");
            }
        }
    }
}
