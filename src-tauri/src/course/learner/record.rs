//! What the app remembers about a learner, and the rules for changing it:
//! consent to a disclaimer version, and each lesson's progress.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::check_ins::{CheckInAnswers, CheckInProblem, CheckIns, WeekStart};
use super::movement_days::{self, LocalDay, MovementDays};
use super::plan::{Plan, PlanList, PlanProblem, PlanText};
use crate::course::load::lesson::LessonId;
use crate::course::load::pack::Course;
use crate::course::words::{display_in_english, Message};

/// Bumped whenever the stored shape changes, so an older app never
/// misreads (or overwrites) what a newer one saved.
///
/// 1: consent, lessons, last lesson, preferences.
/// 2: adds self-check `answers` and `plan` (`record_file::upgrade` moves a
///    version-1 record up on load).
/// 3: adds `preferences.reading_speed`, for reading aloud.
/// 4: adds `guides_read`, when each guide was first and last read.
/// 5: adds `movement_days` (the days "Move with me" was done) and
///    `plan.movements` (the movements put in My plan).
/// 6: adds `check_ins`, the weekly check-ins of "My weeks".
pub const SCHEMA_VERSION: u32 = 6;

/// Everything stored for the learner: the one record in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnerRecord {
    pub schema_version: u32,
    pub consent: Option<Consent>,
    /// Kept even for lessons a later course no longer has: nothing saved is lost.
    pub lessons: BTreeMap<LessonId, LessonProgress>,
    /// The lesson the learner was last in, to offer to continue there.
    pub last_lesson: Option<LessonId>,
    /// Reading comfort, kept with the rest so it survives a restart.
    #[serde(default)]
    pub preferences: Preferences,
    /// Each self-check question's last answer, by lesson and question id;
    /// kept for lessons and questions a later course no longer has.
    pub answers: BTreeMap<LessonId, BTreeMap<String, Answer>>,
    /// "My plan".
    pub plan: Plan,
    /// Each guide the learner has opened, by id; kept for guides a later
    /// course no longer has.
    pub guides_read: BTreeMap<LessonId, GuideRead>,
    /// Each day the learner said "I did these today", with the movements.
    pub movement_days: MovementDays,
    /// "My weeks": each week's check-in, and the activities rated.
    pub check_ins: CheckIns,
}

/// When a guide was first opened, and last: the progress summary lists
/// what was read, and a guide is read again and again over months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideRead {
    #[serde(with = "time::serde::rfc3339")]
    pub first_read_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_read_at: OffsetDateTime,
}

/// The choice the learner last picked for a question, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The chosen answer's words, not its place: a pack that reorders or
    /// rewrites its choices must not turn an old answer into another one.
    pub chosen: String,
    #[serde(with = "time::serde::rfc3339")]
    pub answered_at: OffsetDateTime,
}

/// The page's root font size at each text size step, as a percentage of the
/// webview's 16px: the standard 18px, then even steps up to twice that.
pub const TEXT_SIZE_PERCENTS: [f64; 5] = [112.5, 140.625, 168.75, 196.875, 225.0];
/// The largest text size step: twice the standard size.
pub const MAX_TEXT_SIZE_STEP: u8 = TEXT_SIZE_PERCENTS.len() as u8 - 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// 0 (standard) to `MAX_TEXT_SIZE_STEP` (200%), in even steps.
    #[serde(default)]
    pub text_size: u8,
    #[serde(default)]
    pub theme: Theme,
    /// How fast "Listen" reads.
    #[serde(default)]
    pub reading_speed: ReadingSpeed,
}

/// How fast read-aloud speaks, as the learner chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingSpeed {
    Slower,
    #[default]
    Normal,
    Faster,
}

impl ReadingSpeed {
    pub const ALL: [ReadingSpeed; 3] = [
        ReadingSpeed::Slower,
        ReadingSpeed::Normal,
        ReadingSpeed::Faster,
    ];

    /// The name the page and the store use; unknown names are refused.
    pub fn from_name(name: &str) -> Option<ReadingSpeed> {
        ReadingSpeed::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            ReadingSpeed::Slower => "slower",
            ReadingSpeed::Normal => "normal",
            ReadingSpeed::Faster => "faster",
        }
    }

    /// The speech rate (1 is the voice's own pace). Slower is a clear step
    /// down for a tired listener; faster a modest step up, as speech much
    /// quicker than this is hard to follow for many older listeners.
    pub fn rate(self) -> f32 {
        match self {
            ReadingSpeed::Slower => 0.75,
            ReadingSpeed::Normal => 1.0,
            ReadingSpeed::Faster => 1.3,
        }
    }
}

/// The colours the app is drawn in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Light or dark, as the operating system is set.
    #[default]
    System,
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [
        Theme::System,
        Theme::Light,
        Theme::Dark,
        Theme::HighContrast,
    ];

    /// The name the webview uses; unknown names are refused, never guessed.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "high_contrast",
        }
    }

    /// The stylesheet's name for the colours drawn (`data-theme`); `None`
    /// for "system", which draws light or dark as the computer is set.
    pub fn draws(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::HighContrast => Some("high-contrast"),
        }
    }
}

impl Default for LearnerRecord {
    fn default() -> Self {
        LearnerRecord {
            schema_version: SCHEMA_VERSION,
            consent: None,
            lessons: BTreeMap::new(),
            last_lesson: None,
            preferences: Preferences::default(),
            answers: BTreeMap::new(),
            plan: Plan::default(),
            guides_read: BTreeMap::new(),
            movement_days: MovementDays::new(),
            check_ins: CheckIns::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The version of the disclaimer text that was accepted.
    pub disclaimer_version: String,
    #[serde(with = "time::serde::rfc3339")]
    pub accepted_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub completed_at: Option<OffsetDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonState {
    NotStarted,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    ConsentRequired,
    UnknownLesson(String),
    UnknownGuide(String),
    NotFinished {
        completed: usize,
        total: usize,
    },
    InvalidTextSize(u8),
    UnknownTheme(String),
    UnknownReadingSpeed(String),
    NotSharedDevice,
    UnknownQuestion(String),
    InvalidChoice,
    Plan(PlanProblem),
    UnknownMovement(String),
    NoMovementsChosen,
    MovementDaysFull(usize),
    CheckIn(CheckInProblem),
    /// My weeks is kept only on a learner's own computer.
    NotOnSharedDevice,
}

impl RuleError {
    /// What the learner is told, in the catalog's words.
    pub fn message(&self) -> Message {
        match self {
            RuleError::ConsentRequired => Message::new("rule.consent-required"),
            RuleError::UnknownLesson(id) => Message::new("rule.unknown-lesson").with("id", id),
            RuleError::UnknownGuide(id) => Message::new("rule.unknown-guide").with("id", id),
            RuleError::NotFinished { completed, total } => Message::new("rule.not-finished")
                .with("completed", completed)
                .with("total", total),
            RuleError::InvalidTextSize(step) => Message::new("rule.invalid-text-size")
                .with("step", step)
                .with("max", MAX_TEXT_SIZE_STEP),
            RuleError::UnknownTheme(name) => Message::new("rule.unknown-theme").with("name", name),
            RuleError::UnknownReadingSpeed(name) => {
                Message::new("rule.unknown-reading-speed").with("name", name)
            }
            RuleError::NotSharedDevice => Message::new("rule.not-shared-device"),
            RuleError::UnknownQuestion(id) => Message::new("rule.unknown-question").with("id", id),
            RuleError::InvalidChoice => Message::new("rule.invalid-choice"),
            RuleError::Plan(problem) => problem.message(),
            RuleError::UnknownMovement(id) => Message::new("rule.unknown-movement").with("id", id),
            RuleError::NoMovementsChosen => Message::new("rule.no-movements-chosen"),
            RuleError::MovementDaysFull(max) => {
                Message::new("rule.movement-days-full").with("max", max)
            }
            RuleError::CheckIn(problem) => problem.message(),
            RuleError::NotOnSharedDevice => Message::new("rule.not-on-shared-device"),
        }
    }
}

display_in_english!(RuleError);

impl LearnerRecord {
    /// Consent counts only for the disclaimer text the learner actually saw.
    pub fn has_consented(&self, course: &Course) -> bool {
        self.consent
            .as_ref()
            .is_some_and(|c| c.disclaimer_version == course.disclaimer.version)
    }

    pub fn accept_disclaimer(&mut self, course: &Course, now: OffsetDateTime) {
        self.consent = Some(Consent {
            disclaimer_version: course.disclaimer.version.clone(),
            accepted_at: now,
        });
    }

    pub fn lesson_state(&self, id: &LessonId) -> LessonState {
        match self.lessons.get(id) {
            None => LessonState::NotStarted,
            Some(p) if p.completed_at.is_some() => LessonState::Completed,
            Some(_) => LessonState::InProgress,
        }
    }

    pub fn completed_count(&self, course: &Course) -> usize {
        course
            .lessons
            .iter()
            .filter(|l| self.lesson_state(&l.id) == LessonState::Completed)
            .count()
    }

    pub fn all_complete(&self, course: &Course) -> bool {
        self.completed_count(course) == course.lessons.len()
    }

    /// Opening a lesson starts it (once) and makes it the one to resume.
    pub fn open_lesson(
        &mut self,
        course: &Course,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<LessonId, RuleError> {
        let id = self.allowed_lesson(course, id)?;
        self.lessons.entry(id.clone()).or_insert(LessonProgress {
            started_at: now,
            completed_at: None,
        });
        self.last_lesson = Some(id.clone());
        Ok(id)
    }

    /// Opening a guide (after consent, as for a lesson) records when it was
    /// read: the first time kept, the last moved on.
    pub fn open_guide(
        &mut self,
        course: &Course,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<usize, RuleError> {
        self.require_consent(course)?;
        let index = course
            .guides
            .iter()
            .position(|g| g.id.as_str() == id)
            .ok_or_else(|| RuleError::UnknownGuide(id.chars().take(80).collect()))?;
        let read = self
            .guides_read
            .entry(course.guides[index].id.clone())
            .or_insert(GuideRead {
                first_read_at: now,
                last_read_at: now,
            });
        read.last_read_at = now;
        Ok(index)
    }

    /// Completing keeps the first completion time: reading a lesson again
    /// does not rewrite history.
    pub fn complete_lesson(
        &mut self,
        course: &Course,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<LessonId, RuleError> {
        let id = self.open_lesson(course, id, now)?;
        if let Some(progress) = self.lessons.get_mut(&id) {
            progress.completed_at.get_or_insert(now);
        }
        Ok(id)
    }

    pub fn check_finished(&self, course: &Course) -> Result<(), RuleError> {
        self.require_consent(course)?;
        if self.all_complete(course) {
            Ok(())
        } else {
            Err(RuleError::NotFinished {
                completed: self.completed_count(course),
                total: course.lessons.len(),
            })
        }
    }

    /// The lesson to offer "continue where you left off" for: the last one
    /// opened if unfinished, else the next unfinished one after it.
    pub fn resume_lesson<'c>(
        &self,
        course: &'c Course,
    ) -> Option<&'c crate::course::load::lesson::Lesson> {
        let last = self.last_lesson.as_ref()?;
        let start = course.lesson_index(last)?;
        let n = course.lessons.len();
        (0..n)
            .map(|k| &course.lessons[(start + k) % n])
            .find(|l| self.lesson_state(&l.id) != LessonState::Completed)
    }

    /// Comfort settings need no consent: they help read the disclaimer too.
    pub fn set_text_size(&mut self, step: u8) -> Result<(), RuleError> {
        if step > MAX_TEXT_SIZE_STEP {
            return Err(RuleError::InvalidTextSize(step));
        }
        self.preferences.text_size = step;
        Ok(())
    }

    /// `offered`: the speeds this webview can keep up (a speed it cannot
    /// would stall the reading), as the page offers them.
    pub fn set_reading_speed(
        &mut self,
        name: &str,
        offered: &[ReadingSpeed],
    ) -> Result<(), RuleError> {
        self.preferences.reading_speed = ReadingSpeed::from_name(name)
            .filter(|speed| offered.contains(speed))
            .ok_or_else(|| RuleError::UnknownReadingSpeed(name.chars().take(80).collect()))?;
        Ok(())
    }

    pub fn set_theme(&mut self, name: &str) -> Result<(), RuleError> {
        self.preferences.theme = Theme::from_name(name)
            .ok_or_else(|| RuleError::UnknownTheme(name.chars().take(80).collect()))?;
        Ok(())
    }

    /// Forgets one person's session on a shared device: consent and every
    /// lesson's progress. Display settings belong to the device and stay.
    pub fn start_over(&mut self) {
        *self = LearnerRecord {
            preferences: self.preferences.clone(),
            ..LearnerRecord::default()
        };
    }

    /// Records an answer to a self-check question: any number of tries, the
    /// last one kept. Returns the lesson and the question's place in it.
    pub fn answer_question(
        &mut self,
        course: &Course,
        lesson: &str,
        question: &str,
        choice: usize,
        now: OffsetDateTime,
    ) -> Result<(usize, usize), RuleError> {
        let id = self.allowed_lesson(course, lesson)?;
        let lesson_index = course
            .lesson_index(&id)
            .ok_or_else(|| RuleError::UnknownLesson(id.to_string()))?;
        let questions = &course.lessons[lesson_index].questions;
        let question_index = questions
            .iter()
            .position(|q| q.id == question)
            .ok_or_else(|| RuleError::UnknownQuestion(question.chars().take(80).collect()))?;
        let Some(chosen) = questions[question_index].choices.get(choice) else {
            return Err(RuleError::InvalidChoice);
        };
        let chosen = chosen.clone();
        self.answers.entry(id).or_default().insert(
            question.to_owned(),
            Answer {
                chosen,
                answered_at: now,
            },
        );
        Ok((lesson_index, question_index))
    }

    /// The learner's last answer to a question, as the place of its choice
    /// today; none if a changed course no longer offers that choice.
    pub fn answer(
        &self,
        lesson: &LessonId,
        question: &crate::course::load::questions::Question,
    ) -> Option<usize> {
        self.answers
            .get(lesson)?
            .get(&question.id)
            .and_then(|a| question.choices.iter().position(|c| *c == a.chosen))
    }

    /// Changes "My plan": a written answer (`field` names it) or a list
    /// entry (add when `index` is `None`, else edit it, or remove it when
    /// `text` is `None`; `expected` is the entry as the learner saw it).
    /// Needs consent, like the lessons it follows.
    pub fn change_plan(
        &mut self,
        course: &Course,
        field: &str,
        index: Option<usize>,
        text: Option<&str>,
        expected: Option<&str>,
    ) -> Result<(), RuleError> {
        self.require_consent(course)?;
        let result = if let Some(field) = PlanText::from_name(field) {
            self.plan.set_text(field, text.unwrap_or_default())
        } else if let Some(list) = PlanList::from_name(field) {
            // An entry is changed or removed only if it is still the one the
            // learner saw there: a second click on "Remove" while the first
            // is on its way must not take the next entry too.
            let moved = index.zip(expected).is_some_and(|(i, seen)| {
                self.plan.list(list).get(i).map(String::as_str) != Some(seen)
            });
            let before = index.and_then(|i| self.plan.list(list).get(i).cloned());
            let result = match (index, text) {
                _ if moved => Err(PlanProblem::NoSuchEntry),
                (None, Some(text)) => self.plan.add(list, text),
                (Some(i), Some(text)) => self.plan.edit(list, i, text),
                (Some(i), None) => self.plan.remove(list, i),
                (None, None) => Err(PlanProblem::NoSuchEntry),
            };
            // An activity's ratings in My weeks follow it: renamed, its
            // line goes on; taken out, its line ends.
            if let (Ok(()), PlanList::Activities, Some(before)) = (&result, list, before) {
                match index
                    .and_then(|i| self.plan.activities.get(i))
                    .filter(|_| text.is_some())
                {
                    Some(after) => {
                        let after = after.clone();
                        self.check_ins.renamed(&before, &after);
                    }
                    None => self.check_ins.left_plan(&before),
                }
            }
            result
        } else {
            Err(PlanProblem::UnknownField(field.chars().take(80).collect()))
        };
        result.map_err(RuleError::Plan)
    }

    /// "I did these today": the movements `done` (each one the course has)
    /// kept for `today`, the learner's own day. Needs consent, like the
    /// movements themselves.
    pub fn keep_movements_done(
        &mut self,
        course: &Course,
        done: &[String],
        today: LocalDay,
    ) -> Result<(), RuleError> {
        self.require_consent(course)?;
        if done.is_empty() {
            return Err(RuleError::NoMovementsChosen);
        }
        let mut ids = Vec::with_capacity(done.len());
        for id in done {
            let (_, movement) = course
                .movement(id)
                .ok_or_else(|| RuleError::UnknownMovement(id.chars().take(80).collect()))?;
            ids.push(movement.id.as_str());
        }
        movement_days::keep(&mut self.movement_days, today, &ids)
            .map_err(RuleError::MovementDaysFull)
    }

    /// "Add to my plan" (`chosen`) or "Take out of my plan" for a movement
    /// the course has.
    pub fn choose_movement(
        &mut self,
        course: &Course,
        id: &str,
        chosen: bool,
    ) -> Result<(), RuleError> {
        self.require_consent(course)?;
        let unknown = || RuleError::UnknownMovement(id.chars().take(80).collect());
        if !chosen {
            // One the course no longer has can still come out of the plan.
            return match self.plan.drop_movement(id) {
                true => Ok(()),
                false if course.movement(id).is_some() => Ok(()),
                false => Err(unknown()),
            };
        }
        let (_, movement) = course.movement(id).ok_or_else(unknown)?;
        self.plan
            .choose_movement(&movement.id, &movement.title)
            .map_err(RuleError::Plan)
    }

    /// A weekly check-in ("My weeks") for its week, on the learner's own
    /// computer only (a shared device keeps no one's weeks), after consent.
    pub fn save_check_in(
        &mut self,
        course: &Course,
        answers: &CheckInAnswers,
        this_week: &WeekStart,
        now: OffsetDateTime,
    ) -> Result<WeekStart, RuleError> {
        self.require_my_weeks(course)?;
        self.check_ins
            .save(answers, &self.plan.activities, this_week, now)
            .map_err(RuleError::CheckIn)
    }

    /// My weeks opens only after consent, and never on a shared device.
    pub fn require_my_weeks(&self, course: &Course) -> Result<(), RuleError> {
        if course.config.shared_device.is_some() {
            return Err(RuleError::NotOnSharedDevice);
        }
        self.require_consent(course)
    }

    pub fn require_consent(&self, course: &Course) -> Result<(), RuleError> {
        if self.has_consented(course) {
            Ok(())
        } else {
            Err(RuleError::ConsentRequired)
        }
    }

    fn allowed_lesson(&self, course: &Course, id: &str) -> Result<LessonId, RuleError> {
        self.require_consent(course)?;
        course
            .lesson(id)
            .map(|l| l.id.clone())
            .ok_or_else(|| RuleError::UnknownLesson(id.chars().take(80).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::files::PackFiles;
    use crate::course::load::pack::{load_course, tests::good_pack};
    use time::macros::datetime;

    #[test]
    fn opening_a_guide_needs_consent_and_keeps_the_first_reading_and_the_last() {
        use crate::course::load::pack::tests::{guide_text, replace};
        let pairs = replace(good_pack(), "guides/a.md", &guide_text("sleep", 1, "Rest."));
        let course = load_course(&PackFiles::from_pairs(pairs)).unwrap();
        let mut record = LearnerRecord::default();
        let first = datetime!(2026-12-01 9:00 UTC);
        assert_eq!(
            record.open_guide(&course, "sleep", first),
            Err(RuleError::ConsentRequired)
        );
        record.accept_disclaimer(&course, first);
        assert_eq!(record.open_guide(&course, "sleep", first), Ok(0));
        let later = datetime!(2026-12-04 20:00 UTC);
        record.open_guide(&course, "sleep", later).unwrap();
        let read = &record.guides_read[&LessonId::parse("sleep").unwrap()];
        assert_eq!((read.first_read_at, read.last_read_at), (first, later));
        assert_eq!(
            record.open_guide(&course, "one", later),
            Err(RuleError::UnknownGuide("one".into())),
            "a lesson is not a guide"
        );
        record.start_over();
        assert!(record.guides_read.is_empty());
    }

    #[test]
    fn movements_done_are_kept_by_the_learners_day_and_only_for_movements_the_course_has() {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        let today = LocalDay::try_from("2026-12-07".to_owned()).unwrap();
        let done = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            record.keep_movements_done(&course, &done(&["bridge"]), today.clone()),
            Err(RuleError::ConsentRequired)
        );
        record.accept_disclaimer(&course, T0);
        assert_eq!(
            record.keep_movements_done(&course, &[], today.clone()),
            Err(RuleError::NoMovementsChosen)
        );
        assert_eq!(
            record.keep_movements_done(&course, &done(&["bridge", "handstand"]), today.clone()),
            Err(RuleError::UnknownMovement("handstand".into()))
        );
        assert!(record.movement_days.is_empty(), "a refusal keeps nothing");
        record
            .keep_movements_done(
                &course,
                &done(&["bridge", "knee-rolls", "bridge"]),
                today.clone(),
            )
            .unwrap();
        let kept: Vec<&str> = record.movement_days[&today]
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(kept, ["bridge", "knee-rolls"]);
        record.start_over();
        assert!(record.movement_days.is_empty());
    }

    #[test]
    fn a_movement_goes_into_my_plan_once_with_its_title_and_comes_out_again() {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        assert_eq!(
            record.choose_movement(&course, "bridge", true),
            Err(RuleError::ConsentRequired)
        );
        record.accept_disclaimer(&course, T0);
        record.choose_movement(&course, "bridge", true).unwrap();
        record.choose_movement(&course, "knee-rolls", true).unwrap();
        record.choose_movement(&course, "bridge", true).unwrap();
        let chosen: Vec<(&str, &str)> = record
            .plan
            .movements
            .iter()
            .map(|m| (m.id.as_str(), m.title.as_str()))
            .collect();
        assert_eq!(chosen, [("bridge", "Bridge"), ("knee-rolls", "Knee rolls")]);
        assert_eq!(
            record.choose_movement(&course, "<b>", true),
            Err(RuleError::UnknownMovement("<b>".into()))
        );
        record.choose_movement(&course, "bridge", false).unwrap();
        assert_eq!(record.plan.movements.len(), 1);
        assert!(!record.plan.is_empty());
        // Taking out one that is not in the plan changes nothing.
        record.choose_movement(&course, "bridge", false).unwrap();
        // One a later course no longer has still comes out of the plan.
        record
            .plan
            .choose_movement("side-plank", "Side plank")
            .unwrap();
        record
            .choose_movement(&course, "side-plank", false)
            .unwrap();
        assert_eq!(record.plan.movements.len(), 1);
        assert_eq!(
            record.choose_movement(&course, "side-plank", false),
            Err(RuleError::UnknownMovement("side-plank".into()))
        );
    }

    fn course() -> Course {
        load_course(&PackFiles::from_pairs(good_pack())).unwrap()
    }

    const T0: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);
    const T1: OffsetDateTime = datetime!(2026-11-24 11:00 UTC);

    fn consented(course: &Course) -> LearnerRecord {
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(course, T0);
        record
    }

    #[test]
    fn no_lesson_opens_before_consent() {
        let course = course();
        let mut record = LearnerRecord::default();
        assert_eq!(
            record.open_lesson(&course, "one", T0),
            Err(RuleError::ConsentRequired)
        );
        assert_eq!(
            record.complete_lesson(&course, "one", T0),
            Err(RuleError::ConsentRequired)
        );
        assert!(record.lessons.is_empty());
    }

    #[test]
    fn consent_records_the_disclaimer_version_and_time() {
        let course = course();
        let record = consented(&course);
        let consent = record.consent.as_ref().unwrap();
        assert_eq!(consent.disclaimer_version, course.disclaimer.version);
        assert_eq!(consent.accepted_at, T0);
        assert!(record.has_consented(&course));
    }

    #[test]
    fn a_changed_disclaimer_asks_for_consent_again() {
        let course = course();
        let mut record = consented(&course);
        record.consent.as_mut().unwrap().disclaimer_version = "older-text".into();
        assert!(!record.has_consented(&course));
        assert_eq!(
            record.open_lesson(&course, "one", T0),
            Err(RuleError::ConsentRequired)
        );
    }

    #[test]
    fn opening_starts_a_lesson_once_and_remembers_it() {
        let course = course();
        let mut record = consented(&course);
        record.open_lesson(&course, "two", T0).unwrap();
        record.open_lesson(&course, "two", T1).unwrap();
        let id = LessonId::parse("two").unwrap();
        assert_eq!(record.lesson_state(&id), LessonState::InProgress);
        assert_eq!(record.lessons[&id].started_at, T0);
        assert_eq!(record.last_lesson, Some(id));
    }

    #[test]
    fn completing_keeps_the_first_completion_time() {
        let course = course();
        let mut record = consented(&course);
        record.complete_lesson(&course, "one", T0).unwrap();
        record.complete_lesson(&course, "one", T1).unwrap();
        let id = LessonId::parse("one").unwrap();
        assert_eq!(record.lesson_state(&id), LessonState::Completed);
        assert_eq!(record.lessons[&id].completed_at, Some(T0));
        assert_eq!(record.completed_count(&course), 1);
    }

    #[test]
    fn unknown_lessons_are_refused_without_changing_anything() {
        let course = course();
        let mut record = consented(&course);
        let before = record.clone();
        assert!(matches!(
            record.open_lesson(&course, "../../etc/passwd", T0),
            Err(RuleError::UnknownLesson(_))
        ));
        assert_eq!(record, before);
    }

    #[test]
    fn the_next_step_needs_every_lesson_complete() {
        let course = course();
        let mut record = consented(&course);
        record.complete_lesson(&course, "one", T0).unwrap();
        record.complete_lesson(&course, "two", T0).unwrap();
        assert_eq!(
            record.check_finished(&course),
            Err(RuleError::NotFinished {
                completed: 2,
                total: 3
            })
        );
        record.complete_lesson(&course, "three", T0).unwrap();
        assert_eq!(record.check_finished(&course), Ok(()));
        assert!(record.all_complete(&course));
    }

    #[test]
    fn resume_offers_the_last_lesson_until_it_is_done_then_the_next_unfinished() {
        let course = course();
        let mut record = consented(&course);
        assert!(record.resume_lesson(&course).is_none());
        record.open_lesson(&course, "two", T0).unwrap();
        assert_eq!(record.resume_lesson(&course).unwrap().id.as_str(), "two");
        record.complete_lesson(&course, "two", T0).unwrap();
        assert_eq!(record.resume_lesson(&course).unwrap().id.as_str(), "three");
        record.complete_lesson(&course, "three", T0).unwrap();
        assert_eq!(record.resume_lesson(&course).unwrap().id.as_str(), "one");
        record.complete_lesson(&course, "one", T0).unwrap();
        assert!(record.resume_lesson(&course).is_none());
    }

    #[test]
    fn text_size_takes_the_five_steps_and_nothing_else() {
        let mut record = LearnerRecord::default();
        for step in 0..=MAX_TEXT_SIZE_STEP {
            record.set_text_size(step).unwrap();
            assert_eq!(record.preferences.text_size, step);
        }
        assert_eq!(record.set_text_size(5), Err(RuleError::InvalidTextSize(5)));
        assert_eq!(record.preferences.text_size, MAX_TEXT_SIZE_STEP);
    }

    #[test]
    fn reading_speed_takes_only_a_speed_the_webview_offers() {
        let mut record = LearnerRecord::default();
        let offered = [ReadingSpeed::Slower, ReadingSpeed::Normal];
        record.set_reading_speed("slower", &offered).unwrap();
        assert_eq!(record.preferences.reading_speed, ReadingSpeed::Slower);
        for refused in ["faster", "warp", ""] {
            assert_eq!(
                record.set_reading_speed(refused, &offered),
                Err(RuleError::UnknownReadingSpeed(refused.into()))
            );
        }
        assert_eq!(record.preferences.reading_speed, ReadingSpeed::Slower);
        record
            .set_reading_speed("faster", &ReadingSpeed::ALL)
            .unwrap();
        assert_eq!(record.preferences.reading_speed, ReadingSpeed::Faster);
    }

    #[test]
    fn theme_takes_the_four_names_and_refuses_others_unchanged() {
        let mut record = LearnerRecord::default();
        assert_eq!(record.preferences.theme, Theme::System);
        for theme in Theme::ALL {
            record.set_theme(theme.name()).unwrap();
            assert_eq!(record.preferences.theme, theme);
        }
        assert_eq!(
            record.set_theme("neon"),
            Err(RuleError::UnknownTheme("neon".into()))
        );
        assert_eq!(record.preferences.theme, Theme::HighContrast);
        let json = serde_json::to_string(&record.preferences).unwrap();
        assert!(json.contains("\"theme\":\"high_contrast\""), "{json}");
    }

    #[test]
    fn starting_over_clears_consent_and_progress_but_keeps_display_settings() {
        let course = course();
        let mut record = consented(&course);
        record.complete_lesson(&course, "one", T1).unwrap();
        record.set_text_size(3).unwrap();
        record.set_theme("dark").unwrap();
        record.start_over();
        assert!(!record.has_consented(&course));
        assert!(record.lessons.is_empty());
        assert!(record.last_lesson.is_none());
        assert_eq!(record.preferences.text_size, 3);
        assert_eq!(record.preferences.theme, Theme::Dark);
    }

    #[test]
    fn a_record_saved_before_preferences_existed_still_loads() {
        let old = r#"{"schema_version":1,"consent":null,"lessons":{},"last_lesson":null}"#;
        let upgraded =
            crate::course::learner::record_file::upgrade(serde_json::from_str(old).unwrap());
        let record: LearnerRecord = serde_json::from_value(upgraded).unwrap();
        assert_eq!(record.preferences, Preferences::default());
    }

    #[test]
    fn the_record_round_trips_through_json_with_readable_times() {
        let course = course();
        let mut record = consented(&course);
        record.complete_lesson(&course, "one", T1).unwrap();
        let json = serde_json::to_string(&record).unwrap();
        assert!(
            json.contains("\"accepted_at\":\"2026-11-24T10:00:00Z\""),
            "{json}"
        );
        let back: LearnerRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }

    fn built_in() -> Course {
        crate::course::load::builtin::builtin_course().unwrap()
    }

    #[test]
    fn a_self_check_answer_needs_consent_and_a_real_question_and_choice() {
        let course = built_in();
        let mut record = LearnerRecord::default();
        let now = datetime!(2026-11-25 10:00 UTC);
        assert_eq!(
            record.answer_question(&course, "why-ongoing", "posture", 1, now),
            Err(RuleError::ConsentRequired)
        );
        record.accept_disclaimer(&course, now);
        assert_eq!(
            record.answer_question(&course, "why-ongoing", "nope", 0, now),
            Err(RuleError::UnknownQuestion("nope".into()))
        );
        assert_eq!(
            record.answer_question(&course, "why-ongoing", "posture", 2, now),
            Err(RuleError::InvalidChoice)
        );
        assert!(
            record.answers.is_empty(),
            "nothing saved for a refused answer"
        );
        assert_eq!(
            record.answer_question(&course, "why-ongoing", "posture", 0, now),
            Ok((0, 2))
        );
        // Not a test: try again, and the last answer is the one kept.
        record
            .answer_question(&course, "why-ongoing", "posture", 1, now)
            .unwrap();
        let lesson = &course.lessons[0];
        assert_eq!(record.answer(&lesson.id, &lesson.questions[2]), Some(1));
        assert_eq!(record.answer(&lesson.id, &lesson.questions[0]), None);
    }

    #[test]
    fn the_plan_changes_only_through_its_rules_and_after_consent() {
        let course = built_in();
        let mut record = LearnerRecord::default();
        assert_eq!(
            record.change_plan(&course, "activities", None, Some("Walking"), None),
            Err(RuleError::ConsentRequired)
        );
        record.accept_disclaimer(&course, datetime!(2026-11-25 10:00 UTC));
        record
            .change_plan(&course, "activities", None, Some("Walking"), None)
            .unwrap();
        record
            .change_plan(
                &course,
                "activities",
                Some(0),
                Some("Walking the dog"),
                None,
            )
            .unwrap();
        record
            .change_plan(
                &course,
                "flare_up_get_help",
                None,
                Some("If it is new"),
                None,
            )
            .unwrap();
        assert_eq!(record.plan.activities, ["Walking the dog"]);
        assert_eq!(
            record.change_plan(&course, "activities", None, Some("walking the DOG"), None),
            Err(RuleError::Plan(PlanProblem::Duplicate))
        );
        assert_eq!(
            record.change_plan(&course, "<script>", None, Some("x"), None),
            Err(RuleError::Plan(PlanProblem::UnknownField(
                "<script>".into()
            )))
        );
        assert_eq!(
            record.change_plan(&course, "activities", Some(0), None, Some("Walking")),
            Err(RuleError::Plan(PlanProblem::NoSuchEntry)),
            "an entry that changed since it was seen is not removed"
        );
        record
            .change_plan(
                &course,
                "activities",
                Some(0),
                None,
                Some("Walking the dog"),
            )
            .unwrap();
        assert!(record.plan.activities.is_empty());
        assert_eq!(record.plan.flare_up_get_help, "If it is new");
    }

    #[test]
    fn starting_over_also_clears_the_answers_and_the_plan() {
        let course = built_in();
        let mut record = LearnerRecord::default();
        let now = datetime!(2026-11-25 10:00 UTC);
        record.accept_disclaimer(&course, now);
        record
            .answer_question(&course, "how-long", "outlook", 1, now)
            .unwrap();
        record
            .change_plan(&course, "questions", None, Some("Can I run?"), None)
            .unwrap();
        record.set_text_size(2).unwrap();
        record.start_over();
        assert!(record.answers.is_empty() && record.plan.is_empty());
        assert_eq!(record.preferences.text_size, 2);
    }

    #[test]
    fn an_answer_follows_its_words_when_a_pack_reorders_or_drops_choices() {
        let mut course = built_in();
        let mut record = LearnerRecord::default();
        let now = datetime!(2026-11-25 10:00 UTC);
        record.accept_disclaimer(&course, now);
        record
            .answer_question(&course, "why-ongoing", "posture", 1, now)
            .unwrap();
        let lesson = course.lessons[0].id.clone();
        let question = &mut course.lessons[0].questions[2];
        question.choices.reverse();
        assert_eq!(record.answer(&lesson, question), Some(0), "still \"False\"");
        question.choices = vec!["Yes".into(), "No".into()];
        assert_eq!(record.answer(&lesson, question), None);
    }
}
