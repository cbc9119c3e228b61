//! The checks a pack must pass, beyond loading: the standards the built-in
//! course is held to (reading time, reading grade, citations both ways).

use std::path::Path;

use super::readability::{markdown_stats, TextStats};
use crate::course::load::files::PackFiles;
use crate::course::load::pack::load_course;
use crate::course::load::problem::Problem;
use crate::course::load::references::REFERENCES_FILE;
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
}

impl Report {
    pub fn is_fine(&self) -> bool {
        self.problems.is_empty()
    }
}

pub fn check_pack(folder: &Path) -> Report {
    let files = match PackFiles::from_dir(folder) {
        Ok(files) => files,
        Err(err) => {
            return Report {
                problems: err.problems,
                lessons: Vec::new(),
            }
        }
    };
    let course = match load_course(&files) {
        Ok(course) => course,
        Err(err) => {
            return Report {
                problems: err.problems,
                lessons: Vec::new(),
            }
        }
    };
    let mut report = Report::default();
    // The app runs with English in place of a missing word; a pack handed
    // out is held to having every one in its own language.
    report
        .problems
        .extend(missing_words(&files, &course.config.language));
    for reference in course.uncited_references() {
        report.problems.push(Problem::in_file(
            REFERENCES_FILE,
            format!("\"{}\" is never cited in the course text", reference.cite),
        ));
    }
    for lesson in &course.lessons {
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
        if (row.reading_minutes - stated).abs() / stated > MINUTES_TOLERANCE {
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
            if grade > MAX_GRADE {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::pack::tests::{good_pack, lesson_text};

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
        let report = check_pack(dir.path());
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
        let report = check_pack(dir.path());
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
        let report = check_pack(dir.path());
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
        let report = check_pack(dir.path());
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
        let report = check_pack(dir.path());
        assert!(report.problems.iter().any(|p| p.to_string()
            == "references.toml: \"Engel, 1977\" is never cited in the course text"));
    }
}
