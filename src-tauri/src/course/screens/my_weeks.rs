//! What "My weeks" shows: the week's check-in form (the learner's own
//! activities first, then pain, then the two prompts, and the days "Move
//! with me" was done), their trend over the last 12 weeks as charts, and
//! every check-in in one table. Numbers are shown, never judged.

use serde::Serialize;

use crate::course::html_text::escape;
use crate::course::learner::check_ins::{
    CheckIn, WeekStart, MAX_NOTE_CHARS, MAX_RATING, QUESTION_SET,
};
use crate::course::load::figure::text;
use crate::course::load::figure::week_trend::{self, WeekTrend};
use crate::course::{Course, LearnerRecord};

/// Weeks the charts cover, this one last.
pub const TREND_WEEKS: i64 = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MyWeeksView {
    pub form: CheckInForm,
    /// The weeks the learner may choose to fill in or correct: this one
    /// and the 11 before it, newest first, each marked if it has one.
    pub weeks: Vec<WeekChoice>,
    /// One chart per measure: each activity (those left My plan last),
    /// then pain. Empty until something is rated.
    pub charts: Vec<TrendChart>,
    pub table: WeeksTable,
    pub limits: CheckInLimits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckInForm {
    /// The week's Monday, sent back with the answers.
    pub week: String,
    /// "Monday 30 November to Sunday 6 December 2026".
    pub week_words: String,
    pub is_this_week: bool,
    /// The week already has a check-in: saving changes it.
    pub kept: bool,
    /// The activities in My plan now, in its order, with this week's rating.
    pub activities: Vec<RatingQuestion>,
    pub pain: RatingQuestion,
    pub pleased: NoteQuestion,
    pub next: NoteQuestion,
    /// The days of this week "Move with me" was done, in words.
    pub moved_days: Vec<String>,
    /// Ratings kept this week for activities no longer in My plan: kept as
    /// they are by a correction.
    pub ended_ratings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingQuestion {
    /// The form field's name, which a refusal names too.
    pub field: String,
    /// For an activity, its words in My plan (sent back with its rating).
    pub activity: Option<String>,
    pub chosen: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteQuestion {
    pub field: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekChoice {
    pub week: String,
    pub words: String,
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrendChart {
    /// The measure: an activity's words, or pain.
    pub title: String,
    /// An activity no longer in My plan.
    pub ended: bool,
    /// The drawing: an `<svg role="img">` with its title and description.
    pub svg_html: String,
}

/// Every check-in: a row per week, newest first; a column per measure,
/// then the two prompts and the days moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeeksTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckInLimits {
    pub max_rating: u8,
    pub max_note_chars: usize,
}

/// The measures a trend joins: each activity ever rated, then pain.
struct Measure {
    title: String,
    ended: bool,
    /// The activity's id; none for pain.
    activity: Option<String>,
}

impl Measure {
    fn value(&self, check_in: &CheckIn) -> Option<u8> {
        match &self.activity {
            Some(id) => check_in.activities.get(id).copied(),
            None => check_in.pain,
        }
    }
}

fn measures(course: &Course, record: &LearnerRecord) -> Vec<Measure> {
    let words = &course.words;
    let mut rated: Vec<&crate::course::learner::check_ins::RatedActivity> =
        record.check_ins.activities.iter().collect();
    // In My plan's order, then those that left it.
    rated.sort_by_key(|a| {
        (
            !a.in_plan,
            record
                .plan
                .activities
                .iter()
                .position(|p| *p == a.name)
                .unwrap_or(usize::MAX),
        )
    });
    let mut list: Vec<Measure> = rated
        .into_iter()
        .map(|a| Measure {
            title: a.name.clone(),
            ended: !a.in_plan,
            activity: Some(a.id.clone()),
        })
        .collect();
    list.push(Measure {
        title: words.text("weeks.pain.title", &[]),
        ended: false,
        activity: None,
    });
    list
}

/// "Monday 30 November to Sunday 6 December 2026".
pub fn week_words(course: &Course, week: &WeekStart) -> String {
    let words = &course.words;
    words.text(
        "weeks.week-words",
        &[
            ("start", &words.day(week.day().date())),
            ("end", &words.day(week.last_day().date())),
        ],
    )
}

/// A short date for a chart's rows: "30 Nov".
fn short_day(course: &Course, week: &WeekStart) -> String {
    let date = week.day().date();
    course.words.text(
        "weeks.short-day",
        &[
            ("day", &date.day().to_string()),
            (
                "month",
                &course
                    .words
                    .text(&format!("month-short.{}", date.month()), &[]),
            ),
        ],
    )
}

pub fn my_weeks(
    course: &Course,
    record: &LearnerRecord,
    this_week: &WeekStart,
    shown: &WeekStart,
) -> MyWeeksView {
    let words = &course.words;
    let kept = record.check_ins.weeks.get(shown);
    let activities = record
        .plan
        .activities
        .iter()
        .enumerate()
        .map(|(i, name)| RatingQuestion {
            field: format!("activity-{i}"),
            activity: Some(name.clone()),
            chosen: record
                .check_ins
                .activity_in_plan(name)
                .and_then(|a| kept?.activities.get(&a.id).copied()),
        })
        .collect();
    let ended_ratings = kept
        .map(|c| {
            record
                .check_ins
                .activities
                .iter()
                .filter(|a| !a.in_plan)
                .filter_map(|a| {
                    let r = c.activities.get(&a.id)?;
                    Some(words.text(
                        "weeks.ended-rating",
                        &[("activity", &a.name), ("rating", &r.to_string())],
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let moved_days = record
        .movement_days
        .range(shown.day().clone()..=shown.last_day())
        .map(|(day, _)| words.day(day.date()))
        .collect();
    let form = CheckInForm {
        week: shown.to_string(),
        week_words: week_words(course, shown),
        is_this_week: shown == this_week,
        kept: kept.is_some(),
        activities,
        pain: RatingQuestion {
            field: "pain".into(),
            activity: None,
            chosen: kept.and_then(|c| c.pain),
        },
        pleased: NoteQuestion {
            field: "pleased".into(),
            text: kept.map(|c| c.pleased.clone()).unwrap_or_default(),
        },
        next: NoteQuestion {
            field: "next".into(),
            text: kept.map(|c| c.next.clone()).unwrap_or_default(),
        },
        moved_days,
        ended_ratings,
    };
    let weeks = (0..TREND_WEEKS)
        .map(|n| {
            let week = this_week.plus_weeks(-n);
            WeekChoice {
                words: week_words(course, &week),
                kept: record.check_ins.weeks.contains_key(&week),
                week: week.to_string(),
            }
        })
        .collect();
    MyWeeksView {
        form,
        weeks,
        charts: trend_charts(course, record, this_week),
        table: weeks_table(course, record),
        limits: CheckInLimits {
            max_rating: MAX_RATING,
            max_note_chars: MAX_NOTE_CHARS,
        },
    }
}

/// One chart per measure with a value in the last 12 weeks, of this
/// question set only.
pub fn trend_charts(
    course: &Course,
    record: &LearnerRecord,
    this_week: &WeekStart,
) -> Vec<TrendChart> {
    let words = &course.words;
    let weeks: Vec<WeekStart> = (0..TREND_WEEKS)
        .rev()
        .map(|n| this_week.plus_weeks(-n))
        .collect();
    let value_in = |m: &Measure, week: &WeekStart| {
        record
            .check_ins
            .weeks
            .get(week)
            .filter(|c| c.question_set == QUESTION_SET)
            .and_then(|c| m.value(c))
    };
    measures(course, record)
        .into_iter()
        .filter_map(|m| {
            let values: Vec<(String, Option<u8>)> = weeks
                .iter()
                .map(|w| (short_day(course, w), value_in(&m, w)))
                .collect();
            if values.iter().all(|(_, v)| v.is_none()) {
                return None;
            }
            let trend = WeekTrend {
                scale_label: words.text("weeks.chart-scale", &[]),
                max: MAX_RATING,
                weeks: values.clone(),
                none_label: words.text("weeks.chart-none", &[]),
            };
            let drawn = week_trend::draw(&trend);
            let said: Vec<String> = values
                .iter()
                .map(|(day, v)| match v {
                    Some(v) => words.text("weeks.chart-said", &[("week", day), ("value", &v.to_string())]),
                    None => words.text("weeks.chart-said-none", &[("week", day)]),
                })
                .collect();
            let title = words.text("weeks.chart-title", &[("measure", &m.title)]);
            let description = words.text(
                "weeks.chart-description",
                &[("weeks", &said.join("; "))],
            );
            let svg_html = format!(
                "<svg class=\"figure-svg\" role=\"img\" viewBox=\"0 0 {w} {h}\" width=\"15em\"><title>{}</title><desc>{}</desc>{}</svg>",
                escape(&title),
                escape(&description),
                drawn.svg,
                w = text::coord(drawn.width),
                h = text::coord(drawn.height),
            );
            Some(TrendChart {
                title: m.title,
                ended: m.ended,
                svg_html,
            })
        })
        .collect()
}

/// The whole record as a table: the numbers behind the charts, and more.
pub fn weeks_table(course: &Course, record: &LearnerRecord) -> WeeksTable {
    let words = &course.words;
    let measures = measures(course, record);
    let mut columns = vec![words.text("weeks.table.week", &[])];
    columns.extend(measures.iter().map(|m| match m.ended {
        true => words.text("weeks.table.ended", &[("activity", &m.title)]),
        false => m.title.clone(),
    }));
    columns.push(words.text("weeks.pleased.label", &[]));
    columns.push(words.text("weeks.next.label", &[]));
    columns.push(words.text("weeks.table.moved", &[]));
    let rows = record
        .check_ins
        .weeks
        .iter()
        .rev()
        .map(|(week, c)| {
            let mut row = vec![week_words(course, week)];
            row.extend(
                measures
                    .iter()
                    .map(|m| m.value(c).map(|v| v.to_string()).unwrap_or_default()),
            );
            row.push(c.pleased.clone());
            row.push(c.next.clone());
            let moved = record
                .movement_days
                .range(week.day().clone()..=week.last_day())
                .count();
            row.push(moved.to_string());
            row
        })
        .collect();
    WeeksTable { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::learner::check_ins::tests::week;
    use crate::course::learner::check_ins::{ActivityAnswer, CheckInAnswers};
    use time::macros::datetime;

    fn checked_in() -> (Course, LearnerRecord) {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(&course, datetime!(2026-11-01 9:00 UTC));
        for a in ["Gardening", "Walking"] {
            record
                .change_plan(&course, "activities", None, Some(a), None)
                .unwrap();
        }
        let this_week = week("2026-12-07");
        for (w, g, pain) in [
            ("2026-11-16", 3, Some(6)),
            ("2026-11-30", 4, None),
            ("2026-12-07", 5, Some(5)),
        ] {
            let answers = CheckInAnswers {
                week: w.into(),
                activities: vec![ActivityAnswer {
                    activity: "Gardening".into(),
                    rating: Some(g),
                }],
                pain,
                pleased: "Walked".into(),
                next: String::new(),
                replace: false,
            };
            record
                .save_check_in(
                    &course,
                    &answers,
                    &this_week,
                    datetime!(2026-12-08 9:00 UTC),
                )
                .unwrap();
        }
        (course, record)
    }

    #[test]
    fn two_activities_swapped_by_renames_in_my_plan_each_keep_their_own_line() {
        let (course, mut record) = checked_in();
        // Walking rated too, then the two swapped through a third name.
        let answers = CheckInAnswers {
            week: "2026-12-07".into(),
            activities: vec![ActivityAnswer {
                activity: "Walking".into(),
                rating: Some(9),
            }],
            pain: None,
            pleased: String::new(),
            next: String::new(),
            replace: true,
        };
        let this_week = week("2026-12-07");
        record
            .save_check_in(
                &course,
                &answers,
                &this_week,
                datetime!(2026-12-08 9:00 UTC),
            )
            .unwrap();
        for (index, text, was) in [
            (0, "Swap", "Gardening"),
            (1, "Gardening", "Walking"),
            (0, "Walking", "Swap"),
        ] {
            record
                .change_plan(&course, "activities", Some(index), Some(text), Some(was))
                .unwrap();
        }
        assert_eq!(record.plan.activities, ["Walking", "Gardening"]);
        let view = my_weeks(&course, &record, &this_week, &this_week);
        let asked: Vec<(Option<&str>, Option<u8>)> = view
            .form
            .activities
            .iter()
            .map(|q| (q.activity.as_deref(), q.chosen))
            .collect();
        // Each line follows its entry through the renames, not the words:
        // the first entry (Gardening, rated 5) now reads Walking, and the
        // second (Walking, 9) reads Gardening.
        assert_eq!(
            asked,
            [(Some("Walking"), Some(5)), (Some("Gardening"), Some(9))]
        );
    }

    #[test]
    fn the_form_puts_the_learners_activities_first_with_the_weeks_answers() {
        let (course, record) = checked_in();
        let view = my_weeks(&course, &record, &week("2026-12-07"), &week("2026-11-30"));
        let form = &view.form;
        assert_eq!(form.week, "2026-11-30");
        assert_eq!(
            form.week_words,
            "Monday 30 November 2026 to Sunday 6 December 2026"
        );
        assert!(form.kept && !form.is_this_week);
        let asked: Vec<(Option<&str>, Option<u8>)> = form
            .activities
            .iter()
            .map(|q| (q.activity.as_deref(), q.chosen))
            .collect();
        assert_eq!(
            asked,
            [(Some("Gardening"), Some(4)), (Some("Walking"), None)]
        );
        assert_eq!(form.pain.chosen, None);
        assert_eq!(view.weeks.len(), 12);
        assert_eq!(view.weeks[0].week, "2026-12-07");
        assert!(view.weeks[1].kept && !view.weeks[2].kept);
    }

    #[test]
    fn the_charts_cover_twelve_weeks_with_gaps_and_the_table_every_check_in() {
        let (course, record) = checked_in();
        let charts = trend_charts(&course, &record, &week("2026-12-07"));
        let titles: Vec<&str> = charts.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Gardening", "Pain"], "Walking was never rated");
        let gardening = &charts[0].svg_html;
        assert!(gardening.contains("<title>Gardening"), "{gardening}");
        // 12 rows, 3 with a value; 16 Nov and 30 Nov are two weeks apart,
        // so only 30 Nov and 7 Dec are joined.
        assert_eq!(gardening.matches("<circle").count(), 3);
        assert_eq!(gardening.matches("<polyline").count(), 1);
        assert!(
            gardening.contains("16 Nov: 3"),
            "the description says every week"
        );
        let table = weeks_table(&course, &record);
        assert_eq!(table.columns[0], "Week");
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[0][1], "5", "newest first");
        assert_eq!(table.rows[2][2], "6", "pain in the oldest week");
    }
}
