//! The weekly check-in ("My weeks"): one entry per week (Monday to Sunday
//! on the learner's own calendar), the activities rated by stable ids, and
//! every value checked before it is kept.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::movement_days::LocalDay;
use super::plan::{check_length, clean, PlanProblem};
use crate::course::words::{display_in_english, Message};

/// The version of the check-in's questions (their words are the app's, in
/// its catalog, and fixed once shipped). Each entry keeps the version it
/// answered, and a trend joins only entries of one version: a reworded
/// question is a new line, never a silent change of meaning.
pub const QUESTION_SET: u32 = 1;
/// Ten years of weeks: far more than a record needs, and a bound on its size.
pub const MAX_CHECK_INS: usize = 522;
/// Activities ever rated (each keeps its id after it leaves My plan):
/// far more than ten years of changing a ten-entry list is likely to need.
pub const MAX_RATED_ACTIVITIES: usize = 200;
/// The top of both scales.
pub const MAX_RATING: u8 = 10;
/// Each prompt's answer: a few sentences.
pub const MAX_NOTE_CHARS: usize = 600;
/// Days between check-ins after which home offers the next one.
pub const NUDGE_AFTER_DAYS: i64 = 7;

/// The learner's now: the instant, their day and their week, on their own
/// calendar (the system's time zone, as the commands read it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    pub now: OffsetDateTime,
    pub day: LocalDay,
    pub week: WeekStart,
}

impl Today {
    pub fn at(now: OffsetDateTime, zone: &jiff::tz::TimeZone) -> Today {
        let day = LocalDay::of(now, zone);
        Today {
            now,
            week: WeekStart::containing(&day),
            day,
        }
    }
}

/// The Monday a week starts on, on the learner's calendar.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WeekStart(LocalDay);

impl WeekStart {
    /// The week `day` falls in.
    pub fn containing(day: &LocalDay) -> WeekStart {
        let date = day.date();
        let back = i64::from(date.weekday().to_monday_zero_offset());
        WeekStart(LocalDay::from_date(days_after(date, -back)))
    }

    pub fn day(&self) -> &LocalDay {
        &self.0
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The week `weeks` after this one (before it, if negative).
    pub fn plus_weeks(&self, weeks: i64) -> WeekStart {
        WeekStart(LocalDay::from_date(days_after(self.0.date(), 7 * weeks)))
    }

    /// Its Sunday.
    pub fn last_day(&self) -> LocalDay {
        LocalDay::from_date(days_after(self.0.date(), 6))
    }
}

fn days_after(date: jiff::civil::Date, days: i64) -> jiff::civil::Date {
    date.checked_add(jiff::Span::new().days(days))
        .unwrap_or(date)
}

impl TryFrom<String> for WeekStart {
    type Error = String;

    /// Only a Monday: a week is kept under the day it starts.
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let day = LocalDay::try_from(text)?;
        match WeekStart::containing(&day) {
            week if week.0 == day => Ok(week),
            _ => Err(format!("{day} is not a Monday, the day a week starts")),
        }
    }
}

impl From<WeekStart> for String {
    fn from(week: WeekStart) -> String {
        week.0.into()
    }
}

impl fmt::Display for WeekStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An activity from "Things I want to get back to", given an id when it was
/// first rated: renaming it in My plan keeps its line, and taking it out
/// keeps its past ratings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatedActivity {
    pub id: String,
    /// Its words in My plan, kept up to date as they change there.
    pub name: String,
    /// False once it has left My plan: its line is shown as ended.
    pub in_plan: bool,
}

/// One week's check-in, every answer optional (but not all empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// The `QUESTION_SET` it answered.
    pub question_set: u32,
    /// Each activity's rating, 0 to 10, by the activity's id.
    pub activities: BTreeMap<String, u8>,
    /// Average pain over the past 7 days, 0 to 10.
    pub pain: Option<u8>,
    /// "Something I am pleased about", in the learner's words.
    pub pleased: String,
    /// "Something to do next".
    pub next: String,
    /// When it was last saved (a correction moves it on).
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: OffsetDateTime,
}

/// Every check-in, by week, and the activities they rated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIns {
    pub activities: Vec<RatedActivity>,
    pub weeks: BTreeMap<WeekStart, CheckIn>,
}

/// A check-in as the page sends it. Ratings come as numbers, any number, so
/// that one out of range is refused with a message, not a decoding error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInAnswers {
    /// The week's Monday, `YYYY-MM-DD`.
    pub week: String,
    /// Each activity in My plan, by its words as shown, with its rating if
    /// one is picked.
    pub activities: Vec<ActivityAnswer>,
    pub pain: Option<i64>,
    pub pleased: String,
    pub next: String,
    /// Set once the learner has been told the week already has a check-in,
    /// and chose to change it.
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityAnswer {
    pub activity: String,
    pub rating: Option<i64>,
}

/// The field a refusal is about, by the name the page's form uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInField {
    Week,
    /// The activity at this place in the form.
    Activity(usize),
    Pain,
    Pleased,
    Next,
}

impl CheckInField {
    pub fn name(&self) -> String {
        match self {
            CheckInField::Week => "week".into(),
            CheckInField::Activity(i) => format!("activity-{i}"),
            CheckInField::Pain => "pain".into(),
            CheckInField::Pleased => "pleased".into(),
            CheckInField::Next => "next".into(),
        }
    }
}

/// Why a check-in was not kept; nothing is changed by a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInProblem {
    NotAWeek(String),
    FutureWeek,
    NothingAnswered,
    OutOfRange(CheckInField, i64),
    TooLong(CheckInField, usize, usize),
    /// No longer in My plan (changed in another window, say).
    UnknownActivity(CheckInField),
    /// That week has one: saving again changes it, once the learner says so.
    AlreadyKept(WeekStart),
    Full(usize),
    ActivitiesFull(usize),
}

impl CheckInProblem {
    /// The field to show the message by, if it is about one.
    pub fn field(&self) -> Option<&CheckInField> {
        match self {
            CheckInProblem::OutOfRange(field, _)
            | CheckInProblem::TooLong(field, _, _)
            | CheckInProblem::UnknownActivity(field) => Some(field),
            CheckInProblem::NotAWeek(_) | CheckInProblem::FutureWeek => Some(&CheckInField::Week),
            _ => None,
        }
    }

    pub fn message(&self) -> Message {
        match self {
            CheckInProblem::NotAWeek(text) => {
                Message::new("weeks.problem.not-a-week").with("week", text)
            }
            CheckInProblem::FutureWeek => Message::new("weeks.problem.future-week"),
            CheckInProblem::NothingAnswered => Message::new("weeks.problem.nothing-answered"),
            CheckInProblem::OutOfRange(_, value) => Message::new("weeks.problem.out-of-range")
                .with("value", value)
                .with("max", MAX_RATING),
            CheckInProblem::TooLong(_, max, length) => Message::new("weeks.problem.too-long")
                .with("max", max)
                .with("length", length),
            CheckInProblem::UnknownActivity(_) => Message::new("weeks.problem.unknown-activity"),
            CheckInProblem::AlreadyKept(_) => Message::new("weeks.problem.already-kept"),
            CheckInProblem::Full(max) => Message::new("weeks.problem.full").with("max", max),
            CheckInProblem::ActivitiesFull(max) => {
                Message::new("weeks.problem.activities-full").with("max", max)
            }
        }
    }
}

display_in_english!(CheckInProblem);

fn rating(field: CheckInField, value: Option<i64>) -> Result<Option<u8>, CheckInProblem> {
    match value {
        None => Ok(None),
        Some(v) if (0..=i64::from(MAX_RATING)).contains(&v) => Ok(u8::try_from(v).ok()),
        Some(v) => Err(CheckInProblem::OutOfRange(field, v)),
    }
}

fn note(field: CheckInField, text: &str) -> Result<String, CheckInProblem> {
    let text = clean(text);
    match check_length(&text, MAX_NOTE_CHARS) {
        Err(PlanProblem::TooLong { max, length }) => {
            Err(CheckInProblem::TooLong(field, max, length))
        }
        _ => Ok(text),
    }
}

/// The week `text` names, if it is one the learner may open: a Monday, and
/// not after `this_week`.
pub fn week_to_show(text: &str, this_week: &WeekStart) -> Result<WeekStart, CheckInProblem> {
    let week = WeekStart::try_from(text.to_owned())
        .map_err(|_| CheckInProblem::NotAWeek(text.chars().take(40).collect()))?;
    if week > *this_week {
        return Err(CheckInProblem::FutureWeek);
    }
    Ok(week)
}

impl CheckIns {
    /// The activity in My plan called `name`, if it has been rated.
    pub fn activity_in_plan(&self, name: &str) -> Option<&RatedActivity> {
        self.activities.iter().find(|a| a.in_plan && a.name == name)
    }

    /// An activity renamed in My plan keeps its id (and so its line).
    pub fn renamed(&mut self, before: &str, after: &str) {
        if let Some(a) = self
            .activities
            .iter_mut()
            .find(|a| a.in_plan && a.name == before)
        {
            a.name = after.to_owned();
        }
    }

    /// An activity taken out of My plan: its ratings stay, its line ends.
    pub fn left_plan(&mut self, name: &str) {
        if let Some(a) = self
            .activities
            .iter_mut()
            .find(|a| a.in_plan && a.name == name)
        {
            a.in_plan = false;
        }
    }

    /// When the latest week's check-in was saved (a correction of an older
    /// week is not a new check-in).
    pub fn last_saved_at(&self) -> Option<OffsetDateTime> {
        self.weeks.values().next_back().map(|c| c.saved_at)
    }

    /// Keeps `answers` for their week, given My plan's activities now and
    /// the learner's week now. Returns the week kept. Everything is checked
    /// before anything changes.
    pub fn save(
        &mut self,
        answers: &CheckInAnswers,
        plan_activities: &[String],
        this_week: &WeekStart,
        now: OffsetDateTime,
    ) -> Result<WeekStart, CheckInProblem> {
        let week = week_to_show(&answers.week, this_week)?;
        let mut rated: Vec<(&str, Option<u8>)> = Vec::new();
        for (i, answer) in answers.activities.iter().enumerate() {
            let field = CheckInField::Activity(i);
            if !plan_activities.contains(&answer.activity) {
                return Err(CheckInProblem::UnknownActivity(field));
            }
            rated.push((&answer.activity, rating(field, answer.rating)?));
        }
        let pain = rating(CheckInField::Pain, answers.pain)?;
        let pleased = note(CheckInField::Pleased, &answers.pleased)?;
        let next = note(CheckInField::Next, &answers.next)?;

        let earlier = self.weeks.get(&week);
        if earlier.is_some() && !answers.replace {
            return Err(CheckInProblem::AlreadyKept(week));
        }
        if earlier.is_none() && self.weeks.len() >= MAX_CHECK_INS {
            return Err(CheckInProblem::Full(MAX_CHECK_INS));
        }
        // A correction changes only the activities it names (a rating of
        // none clears one): the rest, those no longer in My plan among
        // them, keep what the week had.
        let mut ratings: BTreeMap<String, u8> =
            earlier.map(|c| c.activities.clone()).unwrap_or_default();
        for (name, value) in &rated {
            if value.is_none() {
                if let Some(a) = self.activity_in_plan(name) {
                    ratings.remove(&a.id);
                }
            }
        }
        let new_ids = rated
            .iter()
            .filter(|(name, r)| r.is_some() && self.activity_in_plan(name).is_none())
            .count();
        if self.activities.len() + new_ids > MAX_RATED_ACTIVITIES {
            return Err(CheckInProblem::ActivitiesFull(MAX_RATED_ACTIVITIES));
        }
        let nothing = rated.iter().all(|(_, r)| r.is_none())
            && pain.is_none()
            && pleased.is_empty()
            && next.is_empty()
            && ratings.is_empty();
        if nothing {
            return Err(CheckInProblem::NothingAnswered);
        }
        for (name, value) in rated {
            let Some(value) = value else { continue };
            let id = match self.activity_in_plan(name) {
                Some(a) => a.id.clone(),
                None => self.add_activity(name),
            };
            ratings.insert(id, value);
        }
        self.weeks.insert(
            week.clone(),
            CheckIn {
                question_set: QUESTION_SET,
                activities: ratings,
                pain,
                pleased,
                next,
                saved_at: now,
            },
        );
        Ok(week)
    }

    fn add_activity(&mut self, name: &str) -> String {
        // Ids are never reused: a number past every one given so far (or,
        // in a record edited by hand up to the largest, the first free one).
        let taken: Vec<u32> = self
            .activities
            .iter()
            .filter_map(|a| a.id.strip_prefix("activity-")?.parse::<u32>().ok())
            .collect();
        let next = taken
            .iter()
            .max()
            .map_or(Some(1), |m| m.checked_add(1))
            .unwrap_or_else(|| (1..).find(|n| !taken.contains(n)).unwrap_or(0));
        let id = format!("activity-{next}");
        self.activities.push(RatedActivity {
            id: id.clone(),
            name: name.to_owned(),
            in_plan: true,
        });
        id
    }

    /// Whether home should offer the next check-in: there is an earlier
    /// one, none for this week, and a week or more since the last save.
    pub fn nudge_due(&self, this_week: &WeekStart, now: OffsetDateTime) -> bool {
        let Some(last) = self.last_saved_at() else {
            return false;
        };
        !self.weeks.contains_key(this_week) && (now - last).whole_days() >= NUDGE_AFTER_DAYS
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::datetime;

    pub fn week(text: &str) -> WeekStart {
        WeekStart::try_from(text.to_owned()).unwrap()
    }

    fn answers(
        week: &str,
        activities: &[(&str, Option<i64>)],
        pain: Option<i64>,
    ) -> CheckInAnswers {
        CheckInAnswers {
            week: week.into(),
            activities: activities
                .iter()
                .map(|(a, r)| ActivityAnswer {
                    activity: (*a).into(),
                    rating: *r,
                })
                .collect(),
            pain,
            pleased: String::new(),
            next: String::new(),
            replace: false,
        }
    }

    const NOW: OffsetDateTime = datetime!(2026-12-09 10:00 UTC);

    #[test]
    fn a_week_runs_monday_to_sunday_and_is_kept_under_its_monday() {
        let day = |t: &str| LocalDay::try_from(t.to_owned()).unwrap();
        assert_eq!(
            WeekStart::containing(&day("2026-12-07")).as_str(),
            "2026-12-07"
        );
        assert_eq!(
            WeekStart::containing(&day("2026-12-13")).as_str(),
            "2026-12-07"
        );
        assert_eq!(
            WeekStart::containing(&day("2026-12-14")).as_str(),
            "2026-12-14"
        );
        // Across a year's end.
        assert_eq!(
            WeekStart::containing(&day("2027-01-01")).as_str(),
            "2026-12-28"
        );
        assert_eq!(week("2026-12-07").last_day().as_str(), "2026-12-13");
        assert_eq!(week("2026-12-07").plus_weeks(-1).as_str(), "2026-11-30");
        assert!(
            WeekStart::try_from("2026-12-08".to_owned()).is_err(),
            "a Tuesday"
        );
        assert!(serde_json::from_str::<WeekStart>("\"2026-12-09\"").is_err());
    }

    #[test]
    fn ratings_and_notes_are_checked_by_field_and_a_refusal_changes_nothing() {
        let plan = vec!["Gardening".to_owned(), "Walking".to_owned()];
        let this_week = week("2026-12-07");
        let mut kept = CheckIns::default();
        let refused = |kept: &mut CheckIns, a: &CheckInAnswers| {
            kept.save(a, &plan, &this_week, NOW).unwrap_err()
        };

        let out = answers(
            "2026-12-07",
            &[("Gardening", Some(4)), ("Walking", Some(11))],
            None,
        );
        assert_eq!(
            refused(&mut kept, &out),
            CheckInProblem::OutOfRange(CheckInField::Activity(1), 11)
        );
        assert_eq!(
            refused(&mut kept, &answers("2026-12-07", &[], Some(-1))).field(),
            Some(&CheckInField::Pain)
        );
        assert_eq!(
            refused(&mut kept, &answers("2026-12-14", &[], Some(3))),
            CheckInProblem::FutureWeek
        );
        assert_eq!(
            refused(&mut kept, &answers("2026-12-08", &[], Some(3))),
            CheckInProblem::NotAWeek("2026-12-08".into())
        );
        assert_eq!(
            refused(
                &mut kept,
                &answers("2026-12-07", &[("Swimming", Some(3))], None)
            ),
            CheckInProblem::UnknownActivity(CheckInField::Activity(0))
        );
        assert_eq!(
            refused(
                &mut kept,
                &answers("2026-12-07", &[("Gardening", None)], None)
            ),
            CheckInProblem::NothingAnswered
        );
        let mut long = answers("2026-12-07", &[], None);
        long.next = "a".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            refused(&mut kept, &long),
            CheckInProblem::TooLong(CheckInField::Next, MAX_NOTE_CHARS, MAX_NOTE_CHARS + 1)
        );
        assert_eq!(kept, CheckIns::default(), "nothing kept on refusal");

        let mut note_only = answers("2026-12-07", &[], None);
        note_only.pleased = "  Walked\u{7} to the shop \n".into();
        kept.save(&note_only, &plan, &this_week, NOW).unwrap();
        assert_eq!(kept.weeks[&this_week].pleased, "Walked to the shop");
        assert_eq!(kept.weeks[&this_week].question_set, QUESTION_SET);
    }

    #[test]
    fn a_second_check_in_in_a_week_changes_it_only_when_told_to() {
        let plan = vec!["Gardening".to_owned()];
        let this_week = week("2026-12-07");
        let mut kept = CheckIns::default();
        kept.save(
            &answers("2026-11-30", &[("Gardening", Some(3))], Some(6)),
            &plan,
            &this_week,
            NOW,
        )
        .unwrap();
        let correction = answers("2026-11-30", &[("Gardening", Some(5))], None);
        let before = kept.clone();
        assert_eq!(
            kept.save(&correction, &plan, &this_week, NOW),
            Err(CheckInProblem::AlreadyKept(week("2026-11-30")))
        );
        assert_eq!(kept, before);
        let later = datetime!(2026-12-10 10:00 UTC);
        kept.save(
            &CheckInAnswers {
                replace: true,
                ..correction
            },
            &plan,
            &this_week,
            later,
        )
        .unwrap();
        let entry = &kept.weeks[&week("2026-11-30")];
        assert_eq!(entry.activities["activity-1"], 5);
        assert_eq!(entry.pain, None, "the correction is the week's answers now");
        assert_eq!(entry.saved_at, later);
    }

    #[test]
    fn a_renamed_activity_keeps_its_line_and_a_removed_one_keeps_its_ratings() {
        let this_week = week("2026-12-07");
        let mut kept = CheckIns::default();
        let plan = vec!["Gardening".to_owned(), "Walking".to_owned()];
        kept.save(
            &answers(
                "2026-11-30",
                &[("Gardening", Some(3)), ("Walking", Some(6))],
                None,
            ),
            &plan,
            &this_week,
            NOW,
        )
        .unwrap();
        kept.renamed("Gardening", "Gardening at the weekend");
        kept.left_plan("Walking");
        let plan = vec!["Gardening at the weekend".to_owned(), "Walking".to_owned()];
        // "Walking" added again is a new line: the old one ended.
        kept.save(
            &answers(
                "2026-12-07",
                &[("Gardening at the weekend", Some(4)), ("Walking", Some(7))],
                None,
            ),
            &plan,
            &this_week,
            NOW,
        )
        .unwrap();
        let ids: Vec<(&str, &str, bool)> = kept
            .activities
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str(), a.in_plan))
            .collect();
        assert_eq!(
            ids,
            [
                ("activity-1", "Gardening at the weekend", true),
                ("activity-2", "Walking", false),
                ("activity-3", "Walking", true)
            ]
        );
        assert_eq!(kept.weeks[&this_week].activities["activity-1"], 4);
        // Correcting the first week keeps the ended activity's rating.
        kept.save(
            &CheckInAnswers {
                replace: true,
                ..answers("2026-11-30", &[("Gardening at the weekend", Some(2))], None)
            },
            &plan,
            &this_week,
            NOW,
        )
        .unwrap();
        let first = &kept.weeks[&week("2026-11-30")].activities;
        assert_eq!(first.get("activity-1"), Some(&2));
        assert_eq!(first.get("activity-2"), Some(&6));
    }

    #[test]
    fn ten_years_of_weeks_is_the_most_and_a_full_record_refuses_a_new_week() {
        let plan: Vec<String> = Vec::new();
        let this_week = week("2026-12-07");
        let mut kept = CheckIns::default();
        for n in 0..MAX_CHECK_INS as i64 {
            let w = this_week.plus_weeks(-n);
            kept.save(
                &answers(w.as_str(), &[], Some(n % 11)),
                &plan,
                &this_week,
                NOW,
            )
            .unwrap();
        }
        let before = kept.clone();
        let older = this_week.plus_weeks(-(MAX_CHECK_INS as i64));
        assert_eq!(
            kept.save(
                &answers(older.as_str(), &[], Some(1)),
                &plan,
                &this_week,
                NOW
            ),
            Err(CheckInProblem::Full(MAX_CHECK_INS))
        );
        assert_eq!(kept, before);
        // A week already kept can still be corrected.
        let fix = CheckInAnswers {
            replace: true,
            ..answers(this_week.as_str(), &[], Some(2))
        };
        kept.save(&fix, &plan, &this_week, NOW).unwrap();
    }

    #[test]
    fn home_offers_the_next_check_in_a_week_after_the_last_and_not_before() {
        let plan: Vec<String> = Vec::new();
        let mut kept = CheckIns::default();
        let last_week = week("2026-11-30");
        assert!(!kept.nudge_due(&last_week, NOW), "never checked in");
        let saved = datetime!(2026-12-01 09:00 UTC);
        kept.save(
            &answers("2026-11-30", &[], Some(4)),
            &plan,
            &last_week,
            saved,
        )
        .unwrap();
        let this_week = week("2026-12-07");
        assert!(
            !kept.nudge_due(&this_week, datetime!(2026-12-08 08:00 UTC)),
            "six days"
        );
        assert!(
            kept.nudge_due(&this_week, datetime!(2026-12-08 09:00 UTC)),
            "seven days"
        );
        kept.save(&answers("2026-12-07", &[], Some(4)), &plan, &this_week, NOW)
            .unwrap();
        assert!(
            !kept.nudge_due(&this_week, datetime!(2026-12-13 09:00 UTC)),
            "this week's is done"
        );
    }
}
