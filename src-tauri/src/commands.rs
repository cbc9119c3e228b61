//! The commands the webview may call. Each is a thin adapter: it picks the
//! state, calls the course's rules and returns a view or an `Error`.

use std::collections::BTreeMap;

use crate::command_names::READ_ONLY;
use crate::course::load::links::{GUIDE_LINK_PREFIX, SCREEN_ANCHORS};

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use time::OffsetDateTime;
use url::Url;

use crate::course::learner::atomic_write::write_atomically;
use crate::course::learner::check_ins::{week_to_show, CheckInAnswers, Today};
use crate::course::learner::movement_days::LocalDay;
use crate::course::learner::record::Preferences;
use crate::course::screens::guide_view::{self, GuideView};
use crate::course::screens::menu::{menu, MenuEntry, MAX_ENTRIES};
use crate::course::screens::move_with_me::{self, MoveWithMeView, TodayView};
use crate::course::screens::my_weeks::{self, MyWeeksView};
use crate::course::screens::plan_view::{self, PlanView};
use crate::course::screens::progress_summary::{
    file_type_label, progress_summary_html, SUGGESTED_FILE_NAME,
};
use crate::course::screens::self_check::{self, QuestionView};
use crate::course::screens::shown::SCREEN_HEADING;
use crate::course::screens::view_model::{
    self, AboutView, DisclaimerView, FinishedView, GetHelpView, LessonView, Overview, PrintView,
    ReferenceView, StartView,
};
use crate::course::screens::voice::{self, OfferedVoice, VoiceChoice, Webview};
use crate::course::screens::weekly_reminder;
use crate::course::words::Catalog;
use crate::course::RuleError;
use crate::error::Error;
use crate::state::{AppState, Changed};

/// The first screen's data in one round trip (at start-up the page's first
/// calls are the slowest, while WebKit is still starting): the words in the
/// course's language, and the first screen or why the course could not
/// load, so even the error screen has its words.
#[derive(Debug, Serialize)]
pub struct Start {
    pub language: String,
    pub words: BTreeMap<String, String>,
    /// The screens a link in course text may open (Rust's list: the loader
    /// refuses a pack that links to any other).
    pub screen_anchors: &'static [&'static str],
    /// What a link to a guide starts with after its `#` (`guide/sleep`).
    pub guide_link_prefix: &'static str,
    /// The commands that change nothing a lesson view shows: the page keeps
    /// the lesson views it has across these calls only.
    pub read_only_commands: &'static [&'static str],
    /// The id of every screen's `<h1>`, which "Listen" lights up.
    pub screen_heading_id: &'static str,
    /// The menu's entries, in the course's words.
    pub menu: [MenuEntry; MAX_ENTRIES],
    pub error: Option<Error>,
    #[serde(flatten)]
    pub course: Option<StartView>,
}

#[tauri::command]
pub fn get_start(state: State<'_, AppState>) -> Start {
    start(&state)
}

fn start(state: &AppState) -> Start {
    let words = state.words();
    let (course, error) = match start_view(state, &words) {
        Ok(view) => (Some(view), None),
        Err(error) => (None, Some(error)),
    };
    Start {
        language: words.language().to_owned(),
        words: words.entries().clone(),
        screen_anchors: &SCREEN_ANCHORS,
        guide_link_prefix: GUIDE_LINK_PREFIX,
        read_only_commands: READ_ONLY,
        screen_heading_id: SCREEN_HEADING,
        menu: menu(&words),
        error,
        course,
    }
}

fn start_view(state: &AppState, words: &Catalog) -> Result<StartView, Error> {
    let fallback = state.is_fallback();
    // Checked first, so notices wait until there is a course to show them on.
    state.read(|_, _| Ok(()))?;
    let notices = state.take_notices().iter().map(|m| words.say(m)).collect();
    let today = learners_today();
    state.read(|course, record| Ok(view_model::start(course, record, fallback, notices, &today)))
}

#[tauri::command]
pub fn get_overview(state: State<'_, AppState>) -> Result<Overview, Error> {
    let today = learners_today();
    state.read(|course, record| Ok(view_model::overview(course, record, &today)))
}

#[tauri::command]
pub fn get_disclaimer(state: State<'_, AppState>) -> Result<DisclaimerView, Error> {
    let fallback = state.is_fallback();
    state.read(|course, record| Ok(view_model::disclaimer(course, record, fallback)))
}

/// "Get help now": open to everyone, before consent too.
#[tauri::command]
pub fn get_help(state: State<'_, AppState>) -> Result<GetHelpView, Error> {
    let fallback = state.is_fallback();
    state.read(|course, _| Ok(view_model::get_help(course, fallback)))
}

/// The voice "Listen" may use, from those the webview offers: none means
/// the control stays hidden.
#[tauri::command]
pub fn choose_voice(
    state: State<'_, AppState>,
    voices: Vec<OfferedVoice>,
) -> Result<VoiceChoice, Error> {
    state.read(|course, _| {
        Ok(voice::choose(
            &course.config.language,
            &voices,
            Webview::current(),
        ))
    })
}

#[tauri::command]
pub fn accept_disclaimer(state: State<'_, AppState>) -> Result<Changed<DisclaimerView>, Error> {
    let now = OffsetDateTime::now_utc();
    let fallback = state.is_fallback();
    state.change(
        |course, record| {
            record.accept_disclaimer(course, now);
            Ok(())
        },
        |course, record, ()| view_model::disclaimer(course, record, fallback),
    )
}

#[tauri::command]
pub fn open_lesson(state: State<'_, AppState>, id: String) -> Result<Changed<LessonView>, Error> {
    lesson_change(&state, |course, record, now| {
        record.open_lesson(course, &id, now)
    })
}

#[tauri::command]
pub fn complete_lesson(
    state: State<'_, AppState>,
    id: String,
) -> Result<Changed<LessonView>, Error> {
    lesson_change(&state, |course, record, now| {
        record.complete_lesson(course, &id, now)
    })
}

/// A guide, the short everyday page: opened after consent, as a lesson is,
/// and kept in the record as read.
#[tauri::command]
pub fn open_guide(state: State<'_, AppState>, id: String) -> Result<Changed<GuideView>, Error> {
    let now = OffsetDateTime::now_utc();
    state.change(
        |course, record| Ok(record.open_guide(course, &id, now)?),
        |course, _, index| guide_view::guide(course, index),
    )
}

/// Now, and the learner's day and week, in the system's time zone.
fn learners_today() -> Today {
    Today::at(OffsetDateTime::now_utc(), &jiff::tz::TimeZone::system())
}

/// "My weeks": the check-in form for `week` (this week when none; a week
/// not yet begun, or no Monday, is refused by its field), the charts and
/// the table. Changes nothing.
#[tauri::command]
pub fn get_my_weeks(
    state: State<'_, AppState>,
    week: Option<String>,
) -> Result<MyWeeksView, Error> {
    let today = learners_today();
    state.read(|course, record| {
        record.require_my_weeks(course)?;
        let shown = match &week {
            Some(week) => week_to_show(week, &today.week).map_err(RuleError::CheckIn)?,
            None => today.week.clone(),
        };
        Ok(my_weeks::my_weeks(course, record, &today.week, &shown))
    })
}

/// Keeps a week's check-in; My weeks as it then stands, on that week.
#[tauri::command]
pub fn save_check_in(
    state: State<'_, AppState>,
    answers: CheckInAnswers,
) -> Result<Changed<MyWeeksView>, Error> {
    let today = learners_today();
    state.change(
        |course, record| Ok(record.save_check_in(course, &answers, &today.week, today.now)?),
        |course, record, week| my_weeks::my_weeks(course, record, &today.week, &week),
    )
}

/// Asks where to save the weekly reminder's calendar file (the system's
/// save dialog) and writes it there; `None` when the learner cancelled.
#[tauri::command]
pub async fn save_weekly_reminder<R: Runtime>(
    app: AppHandle<R>,
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, Error> {
    let today = learners_today();
    let (ics, file_type) = state.read(|course, record| {
        record.require_my_weeks(course)?;
        Ok((
            weekly_reminder::reminder_ics(&course.words, &today.day, today.now),
            course.words.text("weeks.reminder-file-type", &[]),
        ))
    })?;
    save_through_dialog(
        &app,
        &window,
        weekly_reminder::SUGGESTED_FILE_NAME,
        (file_type, &["ics"]),
        ics.as_bytes(),
    )
    .map_err(Error::ReminderNotSaved)
}

/// "Move with me" for a guide with movements: its steps, and what is kept
/// for the learner's day so far. Changes nothing.
#[tauri::command]
pub fn get_move_with_me(
    state: State<'_, AppState>,
    guide: String,
) -> Result<MoveWithMeView, Error> {
    let (today, date) = learners_day(&state);
    state.read(|course, record| {
        record.require_consent(course)?;
        let page = course
            .guide(&guide)
            .filter(|g| !g.movements.is_empty())
            .ok_or_else(|| RuleError::UnknownGuide(guide.chars().take(80).collect()))?;
        Ok(move_with_me::move_with_me(
            course, record, page, &today, date,
        ))
    })
}

/// "I did these today": the movements kept for the learner's own day.
#[tauri::command]
pub fn keep_movements_done(
    state: State<'_, AppState>,
    movements: Vec<String>,
) -> Result<Changed<TodayView>, Error> {
    let (today, date) = learners_day(&state);
    state.change(
        |course, record| Ok(record.keep_movements_done(course, &movements, today.clone())?),
        |course, record, ()| move_with_me::today_view(course, record, &today, date),
    )
}

/// "Add to my plan" (`chosen`) or "Take out of my plan" for a movement;
/// My plan as it then stands.
#[tauri::command]
pub fn choose_movement(
    state: State<'_, AppState>,
    id: String,
    chosen: bool,
) -> Result<Changed<PlanView>, Error> {
    state.change(
        |course, record| Ok(record.choose_movement(course, &id, chosen)?),
        |course, record, ()| plan_view::plan(course, record),
    )
}

/// Today on the learner's own calendar (the system's time zone), and in
/// the course's words.
fn learners_day(state: &AppState) -> (LocalDay, String) {
    let now = OffsetDateTime::now_utc();
    let zone = jiff::tz::TimeZone::system();
    (LocalDay::of(now, &zone), state.words().date(now, &zone))
}

fn lesson_change(
    state: &AppState,
    rule: impl FnOnce(
        &crate::course::Course,
        &mut crate::course::LearnerRecord,
        OffsetDateTime,
    ) -> Result<crate::course::load::lesson::LessonId, RuleError>,
) -> Result<Changed<LessonView>, Error> {
    let now = OffsetDateTime::now_utc();
    state.change(
        |course, record| {
            let opened = rule(course, record, now)?;
            // The lesson the rule opened, never a guess: a lesson it names
            // that the course lacks is an error, not lesson 1.
            course
                .lesson_index(&opened)
                .ok_or_else(|| RuleError::UnknownLesson(opened.to_string()).into())
        },
        view_model::lesson,
    )
}

/// A self-check answer: saved, and the question shown again with whether
/// it was right and why.
#[tauri::command]
pub fn answer_question(
    state: State<'_, AppState>,
    lesson: String,
    question: String,
    choice: usize,
) -> Result<Changed<QuestionView>, Error> {
    let now = OffsetDateTime::now_utc();
    state.change(
        |course, record| Ok(record.answer_question(course, &lesson, &question, choice, now)?),
        |course, record, (lesson, question)| {
            self_check::question(&course.lessons[lesson], record, question)
        },
    )
}

/// "My plan", as saved.
#[tauri::command]
pub fn get_plan(state: State<'_, AppState>) -> Result<PlanView, Error> {
    state.read(|course, record| {
        record.require_consent(course)?;
        Ok(plan_view::plan(course, record))
    })
}

/// One change to "My plan": a written answer (`field`, `text`), or a list
/// entry added (`index` none), edited, or removed (`text` none); for an
/// edit or removal, `expected` is the entry the learner saw.
#[tauri::command]
pub fn change_plan(
    state: State<'_, AppState>,
    field: String,
    index: Option<usize>,
    text: Option<String>,
    expected: Option<String>,
) -> Result<Changed<PlanView>, Error> {
    state.change(
        |course, record| {
            Ok(record.change_plan(course, &field, index, text.as_deref(), expected.as_deref())?)
        },
        |course, record, ()| plan_view::plan(course, record),
    )
}

#[tauri::command]
pub fn get_finished(state: State<'_, AppState>) -> Result<FinishedView, Error> {
    state.read(|course, record| {
        record.require_consent(course)?;
        Ok(view_model::finished(course, record))
    })
}

/// Opens the course's configured next step: the webview names no URL, so it
/// cannot ask for any other.
#[tauri::command]
pub fn open_next_step<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), Error> {
    let url = state.read(|course, record| {
        record.check_finished(course)?;
        Ok(course.config.next_step.url.clone())
    })?;
    open_in_browser(&app, &url)
}

/// Opens a link from the course text, if the course really contains it.
#[tauri::command]
pub fn open_link<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    url: String,
) -> Result<(), Error> {
    let url = state.read(|course, _| Ok(course.links.check(&url)?))?;
    open_in_browser(&app, &url)
}

#[tauri::command]
pub fn get_references(state: State<'_, AppState>) -> Result<Vec<ReferenceView>, Error> {
    state.read(|course, _| Ok(view_model::references(course)))
}

fn open_in_browser<R: Runtime>(app: &AppHandle<R>, url: &Url) -> Result<(), Error> {
    crate::browser::open(app, url)
}

/// After a clinic's pack failed to load, carries on with the built-in course:
/// its first screen, as at start-up.
#[tauri::command]
pub fn use_built_in_course(state: State<'_, AppState>) -> Start {
    state.fall_back_to_built_in();
    start(&state)
}

/// Sets the text size step (0 to 4), remembered for next time.
#[tauri::command]
pub fn set_text_size(state: State<'_, AppState>, step: u8) -> Result<Changed<Preferences>, Error> {
    state.change(
        |_, record| record.set_text_size(step).map_err(Error::from),
        |_, record, ()| record.preferences.clone(),
    )
}

/// Sets the colour theme ("system", "light", "dark" or "high_contrast").
#[tauri::command]
pub fn set_theme(state: State<'_, AppState>, theme: String) -> Result<Changed<Preferences>, Error> {
    state.change(
        |_, record| record.set_theme(&theme).map_err(Error::from),
        |_, record, ()| record.preferences.clone(),
    )
}

/// Sets how fast "Listen" reads ("slower", "normal" or "faster").
#[tauri::command]
pub fn set_reading_speed(
    state: State<'_, AppState>,
    speed: String,
) -> Result<Changed<Preferences>, Error> {
    state.change(
        |_, record| {
            record
                .set_reading_speed(&speed, &Webview::current().reading_speeds())
                .map_err(Error::from)
        },
        |_, record, ()| record.preferences.clone(),
    )
}

/// On a shared device: clears consent and progress for the next person,
/// and everything the webview itself keeps (its storage, cookies and
/// caches), so nothing of this person's session is left for the next one.
/// The record is cleared first: if the webview then fails to clear, the
/// learner's own data is gone all the same and the failure is logged.
#[tauri::command]
pub fn start_over<R: Runtime>(
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Changed<Overview>, Error> {
    let today = learners_today();
    let cleared =
        state.start_over(|course, record| view_model::overview(course, record, &today))?;
    if let Err(err) = window.clear_all_browsing_data() {
        eprintln!("back-pain-course: the webview's own data could not be cleared: {err}");
    }
    Ok(cleared)
}

/// Deletes everything the app stored about the learner.
#[tauri::command]
pub fn delete_my_data(state: State<'_, AppState>) -> Result<Overview, Error> {
    state.erase_learner_data()?;
    let today = learners_today();
    state.read(|course, record| Ok(view_model::overview(course, record, &today)))
}

#[tauri::command]
pub fn get_about(state: State<'_, AppState>) -> AboutView {
    state.about(env!("CARGO_PKG_VERSION"))
}

/// The whole course on one page, to print or save as PDF.
#[tauri::command]
pub fn get_print_course(state: State<'_, AppState>) -> Result<PrintView, Error> {
    state.read(|course, record| {
        record.require_consent(course)?;
        Ok(view_model::print(course))
    })
}

/// Asks the learner where to save their progress summary (the system's own
/// save dialog, shown by Rust: the webview has no file access) and writes it
/// there. `None` when the learner cancelled. Async, so the dialog does not
/// block the window's own thread.
#[tauri::command]
pub async fn save_progress_summary<R: Runtime>(
    app: AppHandle<R>,
    window: tauri::WebviewWindow<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>, Error> {
    let (html, file_type) = state.read(|course, record| {
        // The learner's own zone, from the system (TZ, or its settings).
        let zone = jiff::tz::TimeZone::system();
        let html = progress_summary_html(course, record, OffsetDateTime::now_utc(), &zone);
        Ok((html, file_type_label(course)))
    })?;
    save_through_dialog(
        &app,
        &window,
        SUGGESTED_FILE_NAME,
        (file_type, &["html", "htm"]),
        html.as_bytes(),
    )
    .map_err(Error::SummaryNotSaved)
}

/// Asks where to save a file in the system's own save dialog (shown by
/// Rust: the webview has no file access), modal to the course window (no
/// second dialog, no other action while it is open), and writes `bytes`
/// there whole or not at all. The path written, or `None` when the learner
/// cancelled; why not, when it could not be written.
fn save_through_dialog<R: Runtime>(
    app: &AppHandle<R>,
    window: &tauri::WebviewWindow<R>,
    file_name: &str,
    (file_type, extensions): (String, &[&str]),
    bytes: &[u8],
) -> Result<Option<String>, String> {
    use tauri_plugin_dialog::DialogExt;
    let chosen = app
        .dialog()
        .file()
        .set_file_name(file_name)
        .set_parent(window)
        .add_filter(file_type, extensions)
        .blocking_save_file();
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|err| err.to_string())?;
    write_atomically(&path, bytes).map_err(|err| format!("{}: {err}", path.display()))?;
    Ok(Some(path.display().to_string()))
}
