//! `back-pain-course check DIR`: the pack checker clinics run before handing
//! out a course. Prints every problem as `file:line: message`, then a table
//! of the lessons; exits 0 when the pack is fine, 1 when it is not.

use std::fmt::Write;
use std::path::Path;

use crate::course::authoring::check::{check_pack, Report, WORDS_PER_MINUTE};

pub fn run(folder: &Path, today: time::Date) -> i32 {
    let report = check_pack(folder, today);
    print!("{}", format_report(folder, &report));
    if report.is_fine() {
        0
    } else {
        1
    }
}

/// The clock's date (UTC): numbers are checked by the month, so the hours
/// between UTC and the clinic's zone move the limit by a day at most (and
/// the check lets a `checked` month one ahead of UTC's through).
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

pub fn format_report(folder: &Path, report: &Report) -> String {
    let mut out = String::new();
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    if !report.lessons.is_empty() {
        if !report.problems.is_empty() {
            out.push('\n');
        }
        let width = report
            .lessons
            .iter()
            .map(|l| l.file.len())
            .max()
            .unwrap_or(0)
            .max(6);
        let _ = writeln!(
            out,
            "{:<width$}  {:>5}  {:>6}  {:>7}  {:>5}  {:>9}",
            "page", "words", "stated", "reading", "grade", "citations"
        );
        for l in &report.lessons {
            let _ = writeln!(
                out,
                "{:<width$}  {:>5}  {:>6}  {:>7.1}  {:>5.1}  {:>9}",
                l.file,
                l.words,
                format!("{} min", l.stated_minutes),
                l.reading_minutes,
                l.grade,
                l.citations
            );
        }
        if report.lessons.iter().any(|l| l.questions > 0) {
            let _ = writeln!(
                out,
                "\n{:<width$}  {:>9}  {:>5}  {:>5}",
                "self-checks", "questions", "words", "grade"
            );
            for l in report.lessons.iter().filter(|l| l.questions > 0) {
                let _ = writeln!(
                    out,
                    "{:<width$}  {:>9}  {:>5}  {:>5.1}",
                    l.file, l.questions, l.question_words, l.question_grade
                );
            }
        }
    }
    if let Some(language) = &report.measures_not_held {
        let _ = writeln!(
            out,
            "\nThe course is in {language:?}: the reading time ({WORDS_PER_MINUTE} words a minute) and the grade (Flesch–Kincaid) are English measures, so they are shown here but not held to. Every other check applies."
        );
    }
    let verdict = if report.is_fine() {
        "is fine".to_owned()
    } else {
        let n = report.problems.len();
        format!("has {n} problem{}", if n == 1 { "" } else { "s" })
    };
    let _ = writeln!(out, "\nThe course pack in {} {verdict}.", folder.display());
    out
}
