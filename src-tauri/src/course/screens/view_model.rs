//! What each screen shows, computed from the course and the learner's record.
//! The webview only draws these; it decides nothing.

use super::guide_view::printed_guides;
use super::listen::{self, ListenView};
use super::self_check::{questions, QuestionView};
use super::shown::Shown;
use super::tools::{tool_cards, ToolCard};
use super::voice::Webview;
use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use crate::course::learner::check_ins::Today;
use crate::course::learner::device;
use crate::course::learner::record::{
    LearnerRecord, LessonState, Preferences, Theme, TEXT_SIZE_PERCENTS,
};
use crate::course::load::config::idle_warning_seconds;
use crate::course::load::figure;
use crate::course::load::help::{HelpKind, HelpLine};
use crate::course::load::lesson::Lesson;
use crate::course::load::pack::Course;
use crate::course::load::pack_source::{Origin, PackSource};
use crate::course::load::spoken::SpokenPart;

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
    /// The everyday tools, listed on home below the lessons.
    pub tools: Vec<ToolCard>,
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
    /// "My weeks" on home.
    pub weeks: HomeWeeks,
}

/// What home says about "My weeks": on a shared device, that it is not
/// kept there; else whether a week or more has passed since the last
/// check-in (a nudge, with a button; never a reminder of any score).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HomeWeeks {
    pub on_this_device: bool,
    pub due: bool,
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
    /// The column width from which a figure shows its wide layout (each
    /// layout's own width is in its HTML).
    pub figure_wide_from: String,
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
        figure_wide_from: format!("{}em", figure::text::number(figure::wide_from_em())),
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
    /// The guides, after the lessons (none for a pack without them).
    pub guides: Vec<PrintedLesson>,
    pub references: Vec<ReferenceView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintedLesson {
    #[serde(flatten)]
    pub lesson: LessonRef,
    pub position: usize,
    pub key_points_heading: Shown,
    pub key_points: Vec<Shown>,
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
/// Every part is drawn where its id says, and read aloud from here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpView {
    /// Where the numbers work.
    pub region: String,
    /// True when a clinic's pack failed to load and the built-in course
    /// stands in: these are then not the clinic's numbers, and the screen
    /// says so (`fallback_notice`).
    pub fallback: bool,
    pub fallback_notice: Option<Shown>,
    pub intro_html: String,
    #[serde(skip)]
    pub intro_spoken: Vec<SpokenPart>,
    pub groups: Vec<HelpGroupView>,
    /// "These numbers are for …", after the groups.
    pub region_line: Shown,
    /// "Numbers checked December 2026", when the pack says.
    pub checked: Option<Shown>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HelpGroupView {
    pub kind: HelpKind,
    /// The group's section element, labelled by its heading.
    pub id: String,
    pub heading: Shown,
    /// Every way to reach help for this group, the first the main one.
    pub contacts: Vec<ContactView>,
    pub body_html: String,
    #[serde(skip)]
    pub body_spoken: Vec<SpokenPart>,
}

/// One way to reach help, on its own line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactView {
    pub id: String,
    #[serde(flatten)]
    pub line: HelpLine,
    /// As read aloud: "Call 0 0 0, Ambulance".
    #[serde(skip)]
    pub said: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclaimerView {
    pub heading: Shown,
    /// Shown above the legal text, every time the disclaimer is shown,
    /// under `help_heading`.
    pub help_heading: Shown,
    pub help: HelpView,
    /// The line before the legal text.
    pub intro: Shown,
    pub html: String,
    #[serde(skip)]
    pub spoken: Vec<SpokenPart>,
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
    pub key_points_heading: Shown,
    pub key_points: Vec<Shown>,
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
    pub heading: Shown,
    pub html: String,
    pub all_complete: bool,
    pub completed: usize,
    pub total: usize,
    pub next_step_label: String,
    /// Shown beside the button so the learner knows where it goes.
    pub next_step_url: String,
    pub plan_heading: Shown,
    pub plan_intro: Shown,
    pub listen: ListenView,
}

/// The "Get help now" screen: its groups and what "Listen" reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GetHelpView {
    pub heading: Shown,
    #[serde(flatten)]
    pub help: HelpView,
    pub listen: ListenView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceView {
    /// Its number in the list, which the text's markers link to (`#ref-N`).
    pub number: usize,
    pub authors: String,
    /// The year, or "no date" in the course's words for a web page that
    /// gives none.
    pub date: String,
    pub title: String,
    /// Empty for a web page that needs none.
    pub source: String,
    /// Where the entry's link goes (its DOI, else its web page), and what
    /// the link says ("DOI: 10.…" or the page's address).
    pub link_url: Option<String>,
    pub link_label: Option<String>,
    /// "Accessed December 2026", for a web page.
    pub accessed: Option<String>,
    pub added: bool,
}

pub fn overview(course: &Course, record: &LearnerRecord, today: &Today) -> Overview {
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
        tools: tool_cards(course),
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
        weeks: HomeWeeks {
            on_this_device: course.config.shared_device.is_none(),
            due: course.config.shared_device.is_none()
                && record.has_consented(course)
                && record.check_ins.nudge_due(&today.week, today.now),
        },
    }
}

pub fn start(
    course: &Course,
    record: &LearnerRecord,
    fallback: bool,
    notices: Vec<String>,
    today: &Today,
) -> StartView {
    let overview = overview(course, record, today);
    StartView {
        disclaimer: overview
            .consent_needed
            .then(|| disclaimer(course, record, fallback)),
        overview,
        notices,
    }
}

/// Each page (a lesson or a guide) as the printed course holds it, its ids
/// under `prefix`-{id}.
pub(crate) fn printed(course: &Course, pages: &[Lesson], prefix: &str) -> Vec<PrintedLesson> {
    pages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (key_points_heading, key_points) =
                key_points(course, l, &format!("{prefix}-{}-key-points", l.id));
            PrintedLesson {
                lesson: l.into(),
                position: i + 1,
                key_points_heading,
                key_points,
                html: l.print_html.clone(),
            }
        })
        .collect()
}

pub fn print(course: &Course) -> PrintView {
    PrintView {
        title: course.config.title.clone(),
        provider: course.config.provider.clone(),
        lessons: printed(course, &course.lessons, "printed"),
        guides: printed_guides(course),
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
    let words = &course.words;
    let region = course.config.help.region.as_str();
    let at = [("region", region)];
    HelpView {
        region: region.to_owned(),
        fallback,
        fallback_notice: fallback
            .then(|| Shown::new("help-fallback", words.text("get-help.fallback", &at))),
        intro_html: course.help.intro.html.clone(),
        intro_spoken: course.help.intro.spoken.clone(),
        groups: course
            .help
            .groups
            .iter()
            .map(|g| {
                let kind = g.kind.name();
                let contacts = course.config.help.contacts(g.kind);
                HelpGroupView {
                    kind: g.kind,
                    id: format!("help-{kind}"),
                    heading: Shown::new(format!("help-{kind}-heading"), g.heading.clone()),
                    contacts: contacts
                        .iter()
                        .enumerate()
                        .map(|(i, line)| ContactView {
                            id: format!("help-{kind}-line-{}", i + 1),
                            line: line.clone(),
                            said: listen::contact_words(words, line),
                        })
                        .collect(),
                    body_html: g.body.html.clone(),
                    body_spoken: g.body.spoken.clone(),
                }
            })
            .collect(),
        region_line: Shown::new("help-region", words.text("get-help.region", &at)),
        checked: checked_words(course).map(|text| Shown::new("help-checked", text)),
    }
}

pub fn disclaimer(course: &Course, record: &LearnerRecord, fallback: bool) -> DisclaimerView {
    let accepted = record.has_consented(course);
    let words = &course.words;
    let mut view = DisclaimerView {
        heading: Shown::screen_heading(words.text("disclaimer.heading", &[])),
        help_heading: Shown::new(
            "disclaimer-help-heading",
            words.text("get-help.heading", &[]),
        ),
        help: help(course, fallback),
        intro: Shown::new("disclaimer-intro", words.text("disclaimer.intro", &[])),
        html: course.disclaimer.page.html.clone(),
        spoken: course.disclaimer.page.spoken.clone(),
        accepted,
        accepted_at: record
            .consent
            .as_ref()
            .filter(|_| accepted)
            .and_then(|c| c.accepted_at.format(&Rfc3339).ok()),
        listen: ListenView::default(),
    };
    view.listen = listen::disclaimer(&view);
    view
}

/// A lesson's key points, each with the id it is drawn with under `id`.
pub(crate) fn key_points(course: &Course, lesson: &Lesson, id: &str) -> (Shown, Vec<Shown>) {
    let heading = Shown::new(
        format!("{id}-heading"),
        course.words.text("lesson.key-points", &[]),
    );
    let points = lesson
        .key_points
        .iter()
        .enumerate()
        .map(|(i, point)| Shown::new(format!("{id}-{}", i + 1), point.clone()))
        .collect();
    (heading, points)
}

/// The view of lesson `index`, which must exist.
pub fn lesson(course: &Course, record: &LearnerRecord, index: usize) -> LessonView {
    let lesson = &course.lessons[index];
    let (key_points_heading, key_points) = key_points(course, lesson, "key-points");
    let mut view = LessonView {
        lesson: lesson.into(),
        position: index + 1,
        total: course.lessons.len(),
        key_points_heading,
        key_points,
        html: lesson.html.clone(),
        state: record.lesson_state(&lesson.id),
        previous: index.checked_sub(1).map(|i| (&course.lessons[i]).into()),
        next: course.lessons.get(index + 1).map(LessonRef::from),
        all_complete: record.all_complete(course),
        questions: questions(lesson, record),
        offers_plan: index + 1 == course.lessons.len(),
        listen: ListenView::default(),
    };
    view.listen = listen::lesson(&view, lesson);
    view
}

pub fn finished(course: &Course, record: &LearnerRecord) -> FinishedView {
    let words = &course.words;
    let mut view = FinishedView {
        heading: Shown::screen_heading(words.text("finished.heading", &[])),
        html: course.finished.html.clone(),
        all_complete: record.all_complete(course),
        completed: record.completed_count(course),
        total: course.lessons.len(),
        next_step_label: course.config.next_step.label.clone(),
        next_step_url: course.config.next_step.url.to_string(),
        plan_heading: Shown::new(
            "finished-plan-heading",
            words.text("finished.plan-heading", &[]),
        ),
        plan_intro: Shown::new(
            "finished-plan-intro",
            words.text("finished.plan-intro", &[]),
        ),
        listen: ListenView::default(),
    };
    view.listen = listen::finished(&view, &course.finished.spoken);
    view
}

pub fn get_help(course: &Course, fallback: bool) -> GetHelpView {
    let mut view = GetHelpView {
        heading: Shown::screen_heading(course.words.text("get-help.heading", &[])),
        help: help(course, fallback),
        listen: ListenView::default(),
    };
    view.listen = listen::get_help(&view);
    view
}

pub fn references(course: &Course) -> Vec<ReferenceView> {
    let words = &course.words;
    course
        .references
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let link_label = match (&r.doi, r.page_url()) {
                (Some(doi), _) => Some(words.text("references.doi", &[("doi", doi)])),
                (None, Some(url)) => Some(url.to_string()),
                (None, None) => None,
            };
            let accessed = r.accessed_month().map(|m| {
                let month = words.text(&format!("month.{}", m.month), &[]);
                words.text(
                    "references.accessed",
                    &[("month", &month), ("year", &m.year.to_string())],
                )
            });
            ReferenceView {
                number: i + 1,
                authors: r.authors.clone(),
                date: r
                    .year
                    .map_or_else(|| words.text("references.no-date", &[]), |y| y.to_string()),
                title: r.title.clone(),
                source: r.source.clone(),
                link_url: r.link().map(|u| u.to_string()),
                link_label,
                accessed,
                added: r.added,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {

    /// A fixed now, the learner in UTC.
    fn today() -> Today {
        Today::at(
            time::macros::datetime!(2026-12-07 10:00 UTC),
            &jiff::tz::TimeZone::UTC,
        )
    }
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
        let fresh = overview(&course, &record, &today());
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
        let later = overview(&course, &record, &today());
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
        assert!(overview(&course, &record, &today()).resume.is_some());
        course.config.shared_device = Some(crate::course::load::config::SharedDevice {
            idle_timeout_seconds: 30,
        });
        let shared = overview(&course, &record, &today());
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
            .map(|g| (g.kind, g.contacts[0].line.number.as_str()))
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
            view.checked.map(|c| c.text).as_deref(),
            Some("Numbers checked December 2026.")
        );
        assert_eq!(view.region, "Australia");
        assert!(!view.fallback && view.fallback_notice.is_none());
        let standing_in = help(&course, true);
        assert!(standing_in.fallback);
        assert!(standing_in
            .fallback_notice
            .unwrap()
            .text
            .contains("Australia"));
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
            refs[0].link_url.as_deref(),
            Some("https://doi.org/10.1126/science.847460")
        );
        assert_eq!(
            refs[0].link_label.as_deref(),
            Some("DOI: 10.1126/science.847460")
        );
        assert_eq!(
            (refs[0].date.as_str(), refs[0].accessed.as_deref()),
            ("1977", None)
        );
    }

    #[test]
    fn a_web_page_reference_shows_no_date_its_address_and_when_it_was_read() {
        use crate::course::load::pack::tests::{good_pack_with, WEB_REF};
        let course = load_course(&PackFiles::from_pairs(good_pack_with(WEB_REF))).unwrap();
        let page = references(&course).pop().unwrap();
        assert_eq!(page.date, "no date");
        assert_eq!(
            page.link_url.as_deref(),
            Some("https://www.healthdirect.gov.au/back-pain-self-care")
        );
        assert_eq!(page.link_label, page.link_url);
        assert_eq!(page.accessed.as_deref(), Some("Accessed December 2026"));
        assert_eq!(page.source, "");
    }
}
