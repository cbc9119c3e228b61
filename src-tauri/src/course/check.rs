//! The checks a pack must pass, beyond loading: the standards the built-in
//! course is held to (reading time, reading grade, citations both ways).

use std::path::Path;

use super::files::PackFiles;
use super::pack::load_course;
use super::problem::Problem;
use super::readability::markdown_stats;
use super::references::REFERENCES_FILE;

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
    for reference in course.uncited_references() {
        report.problems.push(Problem::in_file(
            REFERENCES_FILE,
            format!("\"{}\" is never cited in the course text", reference.cite),
        ));
    }
    for lesson in &course.lessons {
        let stats = markdown_stats(files.get(&lesson.file).unwrap_or_default());
        let row = LessonRow {
            file: lesson.file.clone(),
            words: stats.words,
            stated_minutes: lesson.minutes,
            reading_minutes: stats.reading_minutes(WORDS_PER_MINUTE),
            grade: stats.flesch_kincaid_grade(),
            citations: course.citations.get(&lesson.file).map_or(0, Vec::len),
        };
        let stated = f64::from(row.stated_minutes);
        if (row.reading_minutes - stated).abs() / stated > MINUTES_TOLERANCE {
            report.problems.push(Problem::at_line(
                &lesson.file,
                1,
                format!(
                    "states {} minutes but reads in about {:.1} ({} words at {WORDS_PER_MINUTE} a minute); keep within 15%",
                    row.stated_minutes, row.reading_minutes, row.words
                ),
            ));
        }
        if row.grade > MAX_GRADE {
            report.problems.push(Problem::in_file(
                &lesson.file,
                format!(
                    "reads at grade {:.1}; patient text should be grade {MAX_GRADE} or below (shorter sentences, shorter words)",
                    row.grade
                ),
            ));
        }
        report.lessons.push(row);
    }
    report
}
