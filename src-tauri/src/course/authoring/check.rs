//! The checks a pack must pass, beyond loading: the standards the built-in
//! course is held to (reading time, reading grade, citations both ways).

use std::path::Path;

use time::Date;

use super::readability::{markdown_stats, TextStats};
use crate::course::load::config::CONFIG_FILE;
use crate::course::load::files::PackFiles;
use crate::course::load::help::{HelpKind, HELP_FILE, HELP_GROUPS};
use crate::course::load::pack::{load_course, Course};
use crate::course::load::problem::Problem;
use crate::course::load::references::REFERENCES_FILE;
use crate::course::words::is_english;
use crate::course::words::pack_catalog::missing_words;

pub const WORDS_PER_MINUTE: f64 = 200.0;
/// How far a lesson's reading time may be from the minutes it states.
pub const MINUTES_TOLERANCE: f64 = 0.15;
pub const MAX_GRADE: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub struct LessonRow {
    pub file: String,
    pub words: usize,
    pub stated_minutes: u32,
    pub reading_minutes: f64,
    pub grade: f64,
    pub citations: usize,
    /// The self-check questions, measured apart: the stated minutes cover
    /// the reading, not the questions.
    pub questions: usize,
    pub question_words: usize,
    pub question_grade: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub lessons: Vec<LessonRow>,
    /// For a pack not in English: the reading time and grade are English
    /// measures, shown but not held to (said under the table).
    pub measures_not_held: Option<String>,
}

impl Report {
    pub fn is_fine(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Numbers to call older than this (in whole months) must be checked again.
pub const MAX_NUMBERS_AGE_MONTHS: i32 = 12;

/// Checks the pack in `folder` as on `today` (which the age of its help
/// numbers is measured from).
pub fn check_pack(folder: &Path, today: Date) -> Report {
    let files = match PackFiles::from_dir(folder) {
        Ok(files) => files,
        Err(err) => {
            return Report {
                problems: err.problems,
                ..Report::default()
            }
        }
    };
    let course = match load_course(&files) {
        Ok(course) => course,
        Err(err) => {
            return Report {
                problems: err.problems,
                ..Report::default()
            }
        }
    };
    let mut report = Report::default();
    // Words a minute and Flesch–Kincaid are made for English text.
    let held_to_measures = is_english(&course.config.language);
    if !held_to_measures {
        report.measures_not_held = Some(course.config.language.clone());
    }
    // The app runs with English in place of a missing word; a pack handed
    // out is held to having every one in its own language.
    report
        .problems
        .extend(missing_words(&files, &course.config.language));
    report.problems.extend(help_problems(&course, today));
    for reference in course.uncited_references() {
        report.problems.push(Problem::in_file(
            REFERENCES_FILE,
            format!("\"{}\" is never cited in the course text", reference.cite),
        ));
    }
    // Guides are held to the same standards as lessons: their stated
    // minutes, grade and citations, in rows of the same table.
    for lesson in course.lessons.iter().chain(&course.guides) {
        let mut stats = markdown_stats(files.get(&lesson.file).unwrap_or_default());
        // The key points are read first, so they count as reading too.
        lesson.key_points.iter().for_each(|p| stats.add_block(p));
        let mut asked = TextStats::default();
        for q in &lesson.questions {
            asked.add_block(&q.prompt);
            q.choices.iter().for_each(|c| asked.add_block(c));
            asked.add_block(&q.feedback);
        }
        let row = LessonRow {
            file: lesson.file.clone(),
            words: stats.words,
            stated_minutes: lesson.minutes,
            reading_minutes: stats.reading_minutes(WORDS_PER_MINUTE),
            grade: stats.flesch_kincaid_grade(),
            citations: course.citations.get(&lesson.file).map_or(0, Vec::len),
            questions: lesson.questions.len(),
            question_words: asked.words,
            question_grade: asked.flesch_kincaid_grade(),
        };
        let stated = f64::from(row.stated_minutes);
        if held_to_measures && (row.reading_minutes - stated).abs() / stated > MINUTES_TOLERANCE {
            report.problems.push(Problem::at_line(
                &lesson.file,
                1,
                format!(
                    "states {} minute{} but reads in about {:.1} ({} words at {WORDS_PER_MINUTE} a minute); keep within 15%",
                    row.stated_minutes,
                    if row.stated_minutes == 1 { "" } else { "s" },
                    row.reading_minutes,
                    row.words
                ),
            ));
        }
        // The lesson's text, then its questions, held to the same grade.
        for (grade, what) in [
            (row.grade, "reads"),
            (row.question_grade, "its questions and their feedback read"),
        ] {
            if held_to_measures && grade > MAX_GRADE {
                report.problems.push(Problem::in_file(
                    &lesson.file,
                    format!(
                        "{what} at grade {grade:.1}; patient text should be grade {MAX_GRADE} or below (shorter sentences, shorter words)"
                    ),
                ));
            }
        }
        report.lessons.push(row);
    }
    report
}

/// What a clinic must fix in its help numbers before handing the pack out;
/// the app itself loads and shows them whatever their age.
fn help_problems(course: &Course, today: Date) -> Vec<Problem> {
    let numbers = &course.config.help;
    let mut problems = Vec::new();
    match numbers.checked {
        None => problems.push(Problem::in_file(
            CONFIG_FILE,
            "`[help]` does not say when its numbers were last checked: call or look up each one with its service, then add `checked = \"YYYY-MM\"` with that month",
        )),
        Some(checked) => {
            let age = checked.months_before(today);
            if age > MAX_NUMBERS_AGE_MONTHS {
                problems.push(Problem::at_line(
                    CONFIG_FILE,
                    checked.line,
                    format!(
                        "the help numbers were last checked in {}-{:02}, {age} months before {today}: check each number with its service again, then set `checked` to this month",
                        checked.year, checked.month
                    ),
                ));
            } else if age < -1 {
                // One month ahead is let through: `today` is the UTC date,
                // and east of UTC a new month starts up to 14 hours sooner.
                problems.push(Problem::at_line(
                    CONFIG_FILE,
                    checked.line,
                    format!(
                        "`checked` is {}-{:02}, after today ({today}): give the month the numbers were really checked",
                        checked.year, checked.month
                    ),
                ));
            }
        }
    }
    let page = &course.help;
    if let Some(first) = page
        .file_order
        .first()
        .filter(|k| **k != HelpKind::Emergency)
    {
        let first = page.groups.iter().find(|g| g.kind == *first);
        let emergency = page.groups.iter().find(|g| g.kind == HelpKind::Emergency);
        problems.push(Problem::new(
            HELP_FILE,
            emergency.map(|g| g.line),
            format!(
                "the emergency section must come first: move it above {:?}, so the signs to act on at once are read before anything else",
                first.map_or("", |g| g.heading.as_str())
            ),
        ));
    }
    for kind in HELP_GROUPS {
        let group = numbers.group(kind);
        if group.heading.is_none() {
            let found = page.groups.iter().find(|g| g.kind == kind);
            problems.push(Problem::at_line(
                CONFIG_FILE,
                group.line,
                format!(
                    "`[help.{}]` names no `heading`: add `heading = {:?}` (the `##` heading of {HELP_FILE} it is shown under; it was matched by order)",
                    kind.name(),
                    found.map_or("", |g| g.heading.as_str())
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::pack::tests::{good_pack, lesson_text, CONFIG, HELP, OLD_SHAPE_HELP};

    const TODAY: Date = time::macros::date!(2026 - 12 - 03);

    fn write_pack(dir: &Path, pairs: Vec<(String, String)>) {
        for (name, text) in pairs {
            let path = dir.join(&name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn a_lesson_far_shorter_than_its_stated_minutes_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| !p.starts_with("lessons/"));
        pairs.push((
            "lessons/01.md".into(),
            lesson_text("one", 5, "Only a few words here."),
        ));
        write_pack(dir.path(), pairs);
        let report = check_pack(dir.path(), TODAY);
        assert!(!report.is_fine());
        let message = report.problems[0].to_string();
        assert!(
            message.starts_with("lessons/01.md:1: states 5 minutes but reads in about 0.0"),
            "{message}"
        );
        assert_eq!(report.lessons.len(), 1);
    }

    /// The good pack in French, with `catalog` as its `locales/fr.json`.
    fn french_pack(dir: &Path, catalog: &str) {
        let mut pairs = good_pack();
        for (name, text) in &mut pairs {
            if name == "course.toml" {
                *text = format!("language = \"fr\"\n{text}");
            }
        }
        pairs.push(("locales/fr.json".into(), catalog.into()));
        write_pack(dir, pairs);
    }

    #[test]
    fn a_misspelt_key_in_a_packs_catalog_is_a_problem_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        french_pack(
            dir.path(),
            "{\n  \"nav.home\": \"Accueil\",\n  \"nav.abuot\": \"À propos\"\n}\n",
        );
        let report = check_pack(dir.path(), TODAY);
        let shown: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["locales/fr.json:3: \"nav.abuot\" is not a key the app uses (misspelt?)"]
        );
    }

    #[test]
    fn a_packs_catalog_is_checked_for_every_word_it_lacks() {
        let dir = tempfile::tempdir().unwrap();
        french_pack(dir.path(), "{ \"nav.home\": \"Accueil\" }");
        let report = check_pack(dir.path(), TODAY);
        assert!(!report.is_fine());
        let lacking: Vec<&Problem> = report
            .problems
            .iter()
            .filter(|p| p.file == "locales/fr.json")
            .collect();
        assert!(lacking
            .iter()
            .any(|p| p.message == "has no \"nav.about\": English is shown there"));
        assert!(!lacking.iter().any(|p| p.message.contains("\"nav.home\"")));
        // The course itself loads: the app shows English for what is missing.
        assert_eq!(report.lessons.len(), 3);
    }

    #[test]
    fn hard_reading_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| !p.starts_with("lessons/"));
        let dense = "Multidisciplinary biopsychosocial rehabilitation interventions demonstrate considerable heterogeneity regarding methodological characteristics and comparative effectiveness estimates. ".repeat(14);
        pairs.push(("lessons/01.md".into(), lesson_text("one", 1, &dense)));
        write_pack(dir.path(), pairs);
        let report = check_pack(dir.path(), TODAY);
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.message.contains("reads at grade")),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn an_uncited_reference_is_a_problem_for_a_pack() {
        let dir = tempfile::tempdir().unwrap();
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| p != "intro.md");
        pairs.push(("intro.md".into(), "No citation.\n".into()));
        write_pack(dir.path(), pairs);
        let report = check_pack(dir.path(), TODAY);
        assert!(report.problems.iter().any(|p| p.to_string()
            == "references.toml: \"Engel, 1977\" is never cited in the course text"));
    }

    /// The problems about the help numbers and page (the small pack's
    /// lessons are far shorter than they say, which is not tested here).
    fn shown(report: &Report) -> Vec<String> {
        report
            .problems
            .iter()
            .filter(|p| p.file == "course.toml" || p.file == "get-help.md")
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn help_numbers_checked_over_twelve_months_before_today_are_refused_on_their_line() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path(), good_pack());
        let line = CONFIG
            .lines()
            .position(|l| l.starts_with("checked"))
            .unwrap()
            + 1;
        for fine in [TODAY, time::macros::date!(2027 - 12 - 31)] {
            assert!(shown(&check_pack(dir.path(), fine)).is_empty(), "{fine}");
        }
        let report = check_pack(dir.path(), time::macros::date!(2028 - 01 - 01));
        assert_eq!(
            shown(&report),
            [format!("course.toml:{line}: the help numbers were last checked in 2026-12, 13 months before 2028-01-01: check each number with its service again, then set `checked` to this month")]
        );
        let report = check_pack(dir.path(), time::macros::date!(2026 - 11 - 30));
        assert!(
            shown(&report).is_empty(),
            "the month ahead, as it is east of UTC"
        );
        let report = check_pack(dir.path(), time::macros::date!(2026 - 10 - 31));
        assert!(
            shown(&report)[0].contains("after today"),
            "{:?}",
            shown(&report)
        );
    }

    #[test]
    fn an_emergency_section_that_is_not_first_is_refused_on_its_heading() {
        let dir = tempfile::tempdir().unwrap();
        let page = "Act now.\n\n## Soon\n\n- a fever\n\n## Emergency\n\n- chest pain\n\n## Feeling low\n\nTalk.\n";
        let mut pairs = good_pack();
        pairs.retain(|(p, _)| p != "get-help.md");
        pairs.push(("get-help.md".into(), page.into()));
        write_pack(dir.path(), pairs);
        assert_eq!(
            shown(&check_pack(dir.path(), TODAY)),
            ["get-help.md:7: the emergency section must come first: move it above \"Soon\", so the signs to act on at once are read before anything else"]
        );
    }

    #[test]
    fn a_pack_in_the_first_shape_is_told_each_missing_heading_and_the_missing_date() {
        let dir = tempfile::tempdir().unwrap();
        let mut pairs = good_pack();
        let head = &CONFIG[..CONFIG.find("[help]").unwrap()];
        let old = format!("{head}{OLD_SHAPE_HELP}");
        pairs.retain(|(p, _)| p != "course.toml");
        pairs.push(("course.toml".into(), old.clone()));
        write_pack(dir.path(), pairs);
        let report = check_pack(dir.path(), TODAY);
        let line = |key: &str| old.lines().position(|l| l.starts_with(key)).unwrap() + 1;
        assert_eq!(
            shown(&report),
            [
                "course.toml: `[help]` does not say when its numbers were last checked: call or look up each one with its service, then add `checked = \"YYYY-MM\"` with that month".to_owned(),
                format!("course.toml:{}: `[help.emergency]` names no `heading`: add `heading = \"Emergency\"` (the `##` heading of get-help.md it is shown under; it was matched by order)", line("emergency")),
                format!("course.toml:{}: `[help.urgent]` names no `heading`: add `heading = \"Soon\"` (the `##` heading of get-help.md it is shown under; it was matched by order)", line("urgent")),
                format!("course.toml:{}: `[help.crisis]` names no `heading`: add `heading = \"Feeling low\"` (the `##` heading of get-help.md it is shown under; it was matched by order)", line("crisis")),
            ]
        );
        assert!(HELP.contains("## Feeling low"));
    }

    #[test]
    fn a_pack_in_another_language_is_not_held_to_the_english_reading_measures() {
        let dir = tempfile::tempdir().unwrap();
        french_pack(dir.path(), "{}");
        let report = check_pack(dir.path(), TODAY);
        // The small pack's lessons are far shorter than they state, which
        // an English pack is refused for.
        assert!(
            !report
                .problems
                .iter()
                .any(|p| p.message.contains("states ")),
            "{:?}",
            report.problems
        );
        assert_eq!(report.measures_not_held.as_deref(), Some("fr"));
        let printed = crate::checker::format_report(dir.path(), &report);
        assert!(printed.contains("English measures"), "{printed}");

        let english = tempfile::tempdir().unwrap();
        write_pack(english.path(), good_pack());
        let report = check_pack(english.path(), TODAY);
        assert!(report
            .problems
            .iter()
            .any(|p| p.message.contains("states 1 minute")));
        assert_eq!(report.measures_not_held, None);
    }
}
