//! What each screen shows, computed from the course and the learner's record.
//! The webview only draws these; it decides nothing.

use super::listen::{self, ListenView};
use super::self_check::{questions, QuestionView};
use super::voice::Webview;
use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use crate::course::learner::device;
use crate::course::learner::record::{
    LearnerRecord, LessonState, Preferences, Theme, TEXT_SIZE_PERCENTS,
};
use crate::course::load::config::idle_warning_seconds;
use crate::course::load::help::{HelpKind, HelpLine};
use crate::course::load::lesson::Lesson;
use crate::course::load::pack::Course;
use crate::course::load::pack_source::{Origin, PackSource};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonRef {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    /// "6 minutes", in the course's words.
    pub minutes_words: String,
}

impl From<&Lesson> for LessonRef {
    fn from(lesson: &Lesson) -> Self {
        LessonRef {
            id: lesson.id.to_string(),
            title: lesson.title.clone(),
            minutes: lesson.minutes,
            minutes_words: lesson.minutes_words.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonCard {
    #[serde(flatten)]
    pub lesson: LessonRef,
    pub order: u32,
    pub summary: Option<String>,
    pub state: LessonState,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub title: String,
    pub provider: String,
    pub language: String,
    pub consent_needed: bool,
    pub intro_html: String,
    pub lessons: Vec<LessonCard>,
    pub completed: usize,
    pub total: usize,
    pub total_minutes: u32,
    /// "26 minutes", in the course's words.
    pub total_minutes_words: String,
    pub all_complete: bool,
    /// The lesson to offer "continue where you left off" for; never on a
    /// shared device, where the last lesson was someone else's.
    pub resume: Option<LessonRef>,
    pub preferences: Preferences,
    pub contact: Option<String>,
    /// The clinic's logo as a `data:` URL.
    pub logo: Option<String>,
    /// Set on a shared device: seconds without use before the session clears.
    pub idle_timeout_seconds: Option<u32>,
    /// Set on a shared device: seconds of warning before that.
    pub idle_warning_seconds: Option<u32>,
    /// Set on a shared device: the idle time in words ("5 minutes").
    pub idle_timeout_words: Option<String>,
    /// How the page draws the learner's display choices.
    pub display: DisplayRules,
}

/// The display choices there are, and how each is drawn: the page keeps
/// no list of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisplayRules {
    /// The root font size of each text size step, e.g. "112.5%".
    pub text_sizes: Vec<String>,
    pub themes: Vec<ThemeRule>,
    /// What "system" draws when the computer is set to light or to dark.
    pub system_light: &'static str,
    pub system_dark: &'static str,
    /// The reading speeds "Listen" offers in this webview, slowest first,
    /// with their rates.
    pub reading_speeds: Vec<SpeedRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeedRule {
    pub name: &'static str,
    /// The speech rate (1 is the voice's own pace).
    pub rate: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThemeRule {
    pub name: &'static str,
    /// The stylesheet's theme, or `None` to follow the computer.
    pub draws: Option<&'static str>,
}

pub fn display_rules() -> DisplayRules {
    DisplayRules {
        text_sizes: TEXT_SIZE_PERCENTS.iter().map(|p| format!("{p}%")).collect(),
        themes: Theme::ALL
            .into_iter()
            .map(|theme| ThemeRule {
                name: theme.name(),
                draws: theme.draws(),
            })
            .collect(),
        system_light: Theme::Light.draws().unwrap_or_default(),
        system_dark: Theme::Dark.draws().unwrap_or_default(),
        reading_speeds: Webview::current()
            .reading_speeds()
            .into_iter()
            .map(|speed| SpeedRule {
                name: speed.name(),
                rate: speed.rate(),
            })
            .collect(),
    }
}

/// Everything the first screen needs, in one call: the page's chrome and
/// home, the disclaimer when it still needs accepting, and anything the
/// learner must be told (e.g. a damaged save set aside).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StartView {
    pub overview: Overview,
    /// Set when consent is needed: the disclaimer is then the first screen.
    pub disclaimer: Option<DisclaimerView>,
    pub notices: Vec<String>,
}

/// The whole course on one page, for printing or saving as PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintView {
    pub title: String,
    pub provider: String,
    pub lessons: Vec<PrintedLesson>,
    pub references: Vec<ReferenceView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintedLesson {
    #[serde(flatten)]
    pub lesson: LessonRef,
    pub position: usize,
    pub key_points: Vec<String>,
    pub html: String,
}

/// What the About screen shows: which course is in use and where the
/// learner's data is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AboutView {
    pub version: String,
    pub title: Option<String>,
    pub provider: Option<String>,
    pub origin: Origin,
    pub pack_folder: Option<String>,
    pub data_folder: String,
    pub shared_device: bool,
}

/// "Get help now": where to turn, group by group, with the number to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpView {
    /// Where the numbers work, said on screen.
    pub region: String,
    /// True when a clinic's pack failed to load and the built-in course
    /// stands in: these are then not the clinic's numbers, and the screen
    /// says so.
    pub fallback: bool,
    pub intro_html: String,
    /// "Numbers checked December 2026", when the pack says.
    pub checked: Option<String>,
    pub groups: Vec<HelpGroupView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpGroupView {
    pub kind: HelpKind,
    /// The section's heading, as text.
    pub heading: String,
    pub body_html: String,
    /// Every way to reach help for this group, the first the main one.
    pub contacts: Vec<HelpLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclaimerView {
    /// Shown above the legal text, every time the disclaimer is shown.
    pub help: HelpView,
    pub html: String,
    pub accepted: bool,
    /// RFC 3339, when the current text was accepted.
    pub accepted_at: Option<String>,
    pub listen: ListenView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LessonView {
    #[serde(flatten)]
    pub lesson: LessonRef,
    pub position: usize,
    pub total: usize,
    pub key_points: Vec<String>,
    pub html: String,
    pub state: LessonState,
    pub previous: Option<LessonRef>,
    pub next: Option<LessonRef>,
    pub all_complete: bool,
    /// Self-check questions, shown after the text; none for a lesson
    /// without them.
    pub questions: Vec<QuestionView>,
    /// The last lesson leads on to "My plan".
    pub offers_plan: bool,
    pub listen: ListenView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FinishedView {
    pub html: String,
    pub all_complete: bool,
    pub completed: usize,
    pub total: usize,
    pub next_step_label: String,
    /// Shown beside the button so the learner knows where it goes.
    pub next_step_url: String,
    pub listen: ListenView,
}

/// The "Get help now" screen: its groups and what "Listen" reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetHelpView {
    #[serde(flatten)]
    pub help: HelpView,
    pub listen: ListenView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceView {
    /// Its number in the list, which the text's markers link to (`#ref-N`).
    pub number: usize,
    pub authors: String,
    pub year: u16,
    pub title: String,
    pub source: String,
    pub doi: Option<String>,
    pub doi_url: Option<String>,
    pub added: bool,
}

pub fn overview(course: &Course, record: &LearnerRecord) -> Overview {
    let lessons = course
        .lessons
        .iter()
        .map(|l| LessonCard {
            lesson: l.into(),
            order: l.order,
            summary: l.summary.clone(),
            state: record.lesson_state(&l.id),
        })
        .collect();
    let total_minutes = course.lessons.iter().map(|l| l.minutes).sum::<u32>();
    Overview {
        title: course.config.title.clone(),
        provider: course.config.provider.clone(),
        language: course.config.language.clone(),
        consent_needed: !record.has_consented(course),
        intro_html: course.intro.html.clone(),
        lessons,
        completed: record.completed_count(course),
        total: course.lessons.len(),
        total_minutes,
        total_minutes_words: course.words.plural("minutes", total_minutes.into(), &[]),
        all_complete: record.all_complete(course),
        resume: record
            .resume_lesson(course)
            .filter(|_| device::offers_resume(course.config.shared_device))
            .map(LessonRef::from),
        preferences: record.preferences.clone(),
        contact: course.config.contact.clone(),
        logo: course.logo.clone(),
        idle_timeout_seconds: course.config.shared_device.map(|s| s.idle_timeout_seconds),
        idle_timeout_words: course
            .config
            .shared_device
            .map(|s| course.words.duration(s.idle_timeout_seconds.into())),
        idle_warning_seconds: course
            .config
            .shared_device
            .map(|s| idle_warning_seconds(s.idle_timeout_seconds)),
        display: display_rules(),
    }
}

pub fn start(
    course: &Course,
    record: &LearnerRecord,
    fallback: bool,
    notices: Vec<String>,
) -> StartView {
    let overview = overview(course, record);
    StartView {
        disclaimer: overview
            .consent_needed
            .then(|| disclaimer(course, record, fallback)),
        overview,
        notices,
    }
}

pub fn print(course: &Course) -> PrintView {
    PrintView {
        title: course.config.title.clone(),
        provider: course.config.provider.clone(),
        lessons: course
            .lessons
            .iter()
            .enumerate()
            .map(|(i, l)| PrintedLesson {
                lesson: l.into(),
                position: i + 1,
                key_points: l.key_points.clone(),
                html: l.print_html.clone(),
            })
            .collect(),
        references: references(course),
    }
}

pub fn about(
    course: Option<&Course>,
    source: &PackSource,
    data_folder: &std::path::Path,
    version: &str,
) -> AboutView {
    AboutView {
        version: version.to_owned(),
        title: course.map(|c| c.config.title.clone()),
        provider: course.map(|c| c.config.provider.clone()),
        origin: source.origin,
        pack_folder: source.folder.as_ref().map(|f| f.display().to_string()),
        data_folder: data_folder.display().to_string(),
        shared_device: course.is_some_and(|c| c.config.shared_device.is_some()),
    }
}

/// When the pack's numbers were last checked, in the course's words.
pub fn checked_words(course: &Course) -> Option<String> {
    let checked = course.config.help.checked?;
    let words = &course.words;
    let month = words.text(&format!("month.{}", checked.month), &[]);
    Some(words.text(
        "get-help.checked",
        &[("month", &month), ("year", &checked.year.to_string())],
    ))
}

pub fn help(course: &Course, fallback: bool) -> HelpView {
    HelpView {
        region: course.config.help.region.clone(),
        fallback,
        intro_html: course.help.intro.html.clone(),
        checked: checked_words(course),
        groups: course
            .help
            .groups
            .iter()
            .map(|g| HelpGroupView {
                kind: g.kind,
                heading: g.heading.clone(),
                body_html: g.body.html.clone(),
                contacts: course.config.help.contacts(g.kind).to_vec(),
            })
            .collect(),
    }
}

pub fn disclaimer(course: &Course, record: &LearnerRecord, fallback: bool) -> DisclaimerView {
    let accepted = record.has_consented(course);
    DisclaimerView {
        help: help(course, fallback),
        html: course.disclaimer.page.html.clone(),
        accepted,
        accepted_at: record
            .consent
            .as_ref()
            .filter(|_| accepted)
            .and_then(|c| c.accepted_at.format(&Rfc3339).ok()),
        listen: listen::disclaimer(course, fallback),
    }
}

/// The view of lesson `index`, which must exist.
pub fn lesson(course: &Course, record: &LearnerRecord, index: usize) -> LessonView {
    let lesson = &course.lessons[index];
    LessonView {
        lesson: lesson.into(),
        position: index + 1,
        total: course.lessons.len(),
        key_points: lesson.key_points.clone(),
        html: lesson.html.clone(),
        state: record.lesson_state(&lesson.id),
        previous: index.checked_sub(1).map(|i| (&course.lessons[i]).into()),
        next: course.lessons.get(index + 1).map(LessonRef::from),
        all_complete: record.all_complete(course),
        questions: questions(lesson, record),
        offers_plan: index + 1 == course.lessons.len(),
        listen: listen::lesson(course, index),
    }
}

pub fn finished(course: &Course, record: &LearnerRecord) -> FinishedView {
    FinishedView {
        html: course.finished.html.clone(),
        all_complete: record.all_complete(course),
        completed: record.completed_count(course),
        total: course.lessons.len(),
        next_step_label: course.config.next_step.label.clone(),
        next_step_url: course.config.next_step.url.to_string(),
        listen: listen::finished(course),
    }
}

pub fn get_help(course: &Course, fallback: bool) -> GetHelpView {
    GetHelpView {
        help: help(course, fallback),
        listen: listen::get_help(course, fallback),
    }
}

pub fn references(course: &Course) -> Vec<ReferenceView> {
    course
        .references
        .iter()
        .enumerate()
        .map(|(i, r)| ReferenceView {
            number: i + 1,
            authors: r.authors.clone(),
            year: r.year,
            title: r.title.clone(),
            source: r.source.clone(),
            doi: r.doi.clone(),
            doi_url: r.doi_url().map(|u| u.to_string()),
            added: r.added,
        })
        .collect()
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
    fn overview_counts_progress_and_offers_to_resume() {
        let course = course();
        let mut record = LearnerRecord::default();
        let fresh = overview(&course, &record);
        assert!(fresh.consent_needed);
        assert_eq!(
            (fresh.completed, fresh.total, fresh.total_minutes),
            (0, 3, 6)
        );
        assert!(fresh.resume.is_none());

        let now = datetime!(2026-11-24 10:00 UTC);
        record.accept_disclaimer(&course, now);
        record.complete_lesson(&course, "one", now).unwrap();
        record.open_lesson(&course, "two", now).unwrap();
        let later = overview(&course, &record);
        assert!(!later.consent_needed);
        assert_eq!(later.completed, 1);
        let states: Vec<_> = later.lessons.iter().map(|c| c.state).collect();
        assert_eq!(
            states,
            vec![
                LessonState::Completed,
                LessonState::InProgress,
                LessonState::NotStarted
            ]
        );
        assert_eq!(later.resume.unwrap().id, "two");
    }

    #[test]
    fn a_shared_device_never_offers_to_resume_someone_elses_lesson() {
        let mut course = course();
        let mut record = LearnerRecord::default();
        let now = datetime!(2026-11-24 10:00 UTC);
        record.accept_disclaimer(&course, now);
        record.open_lesson(&course, "two", now).unwrap();
        assert!(overview(&course, &record).resume.is_some());
        course.config.shared_device = Some(crate::course::load::config::SharedDevice {
            idle_timeout_seconds: 30,
        });
        let shared = overview(&course, &record);
        assert!(shared.resume.is_none());
        assert_eq!(shared.idle_timeout_seconds, Some(30));
    }

    #[test]
    fn the_print_view_has_every_lesson_in_order_and_the_references() {
        let course = course();
        let printed = print(&course);
        let ids: Vec<_> = printed
            .lessons
            .iter()
            .map(|l| l.lesson.id.as_str())
            .collect();
        assert_eq!(ids, vec!["one", "two", "three"]);
        assert_eq!(printed.lessons[2].position, 3);
        assert_eq!(printed.lessons[0].html, course.lessons[0].print_html);
        assert!(printed.lessons[0]
            .html
            .starts_with("<h3 id=\"printed-one-section-part\">"));
        assert_eq!(printed.references.len(), course.references.len());
    }

    #[test]
    fn about_names_the_pack_folder_and_the_data_folder() {
        let course = course();
        let source = PackSource {
            origin: Origin::CommandLine,
            folder: Some("/media/usb/course-pack".into()),
        };
        let about = about(
            Some(&course),
            &source,
            std::path::Path::new("/home/a/data"),
            "1.2.3",
        );
        assert_eq!(about.pack_folder.as_deref(), Some("/media/usb/course-pack"));
        assert_eq!(about.data_folder, "/home/a/data");
        assert_eq!(about.title.as_deref(), Some(course.config.title.as_str()));
        assert!(!about.shared_device);
        let built_in = super::about(
            None,
            &PackSource::built_in(),
            std::path::Path::new("/d"),
            "1",
        );
        assert_eq!(
            (built_in.origin, built_in.pack_folder),
            (Origin::BuiltIn, None)
        );
    }

    #[test]
    fn lesson_view_links_its_neighbours() {
        let course = course();
        let record = LearnerRecord::default();
        let first = lesson(&course, &record, 0);
        assert!(first.previous.is_none());
        assert_eq!(first.next.as_ref().unwrap().id, "two");
        let last = lesson(&course, &record, 2);
        assert_eq!(last.previous.unwrap().id, "two");
        assert!(last.next.is_none());
        assert_eq!((last.position, last.total), (3, 3));
    }

    #[test]
    fn disclaimer_view_shows_acceptance_only_for_the_current_text() {
        let course = course();
        let mut record = LearnerRecord::default();
        record.accept_disclaimer(&course, datetime!(2026-11-24 10:00 UTC));
        assert_eq!(
            disclaimer(&course, &record, false).accepted_at.as_deref(),
            Some("2026-11-24T10:00:00Z")
        );
        record.consent.as_mut().unwrap().disclaimer_version = "old".into();
        let view = disclaimer(&course, &record, false);
        assert!(!view.accepted);
        assert!(view.accepted_at.is_none());
    }

    #[test]
    fn help_pairs_each_group_with_its_number_and_says_when_it_stands_in() {
        let course = course();
        let view = help(&course, false);
        let numbers: Vec<_> = view
            .groups
            .iter()
            .map(|g| (g.kind, g.contacts[0].number.as_str()))
            .collect();
        assert_eq!(
            numbers,
            vec![
                (HelpKind::Emergency, "000"),
                (HelpKind::Urgent, "1800 633 422"),
                (HelpKind::Crisis, "13 11 14")
            ]
        );
        assert_eq!(
            view.checked.as_deref(),
            Some("Numbers checked December 2026.")
        );
        assert_eq!(view.region, "Australia");
        assert!(!view.fallback);
        assert!(help(&course, true).fallback);
        let record = LearnerRecord::default();
        assert_eq!(disclaimer(&course, &record, true).help, help(&course, true));
    }

    #[test]
    fn the_display_rules_list_every_step_and_theme_as_drawn() {
        let rules = display_rules();
        assert_eq!(
            rules.text_sizes,
            vec!["112.5%", "140.625%", "168.75%", "196.875%", "225%"]
        );
        let drawn: Vec<_> = rules.themes.iter().map(|t| (t.name, t.draws)).collect();
        assert_eq!(
            drawn,
            vec![
                ("system", None),
                ("light", Some("light")),
                ("dark", Some("dark")),
                ("high_contrast", Some("high-contrast"))
            ]
        );
    }

    #[test]
    fn references_carry_doi_links() {
        let refs = references(&course());
        assert_eq!(refs[0].number, 1);
        assert_eq!(
            refs[0].doi_url.as_deref(),
            Some("https://doi.org/10.1126/science.847460")
        );
    }
}
