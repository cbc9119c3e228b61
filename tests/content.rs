//! The shipped course meets the standards it promises learners: it loads with
//! no problem, every citation resolves both ways, each lesson's stated minutes
//! match its length, and each reads at grade 8 or below.

use std::path::Path;

use back_pain_course::course::builtin::builtin_course;
use back_pain_course::course::check::{check_pack, MAX_GRADE};
use back_pain_course::course::files::PackFiles;
use back_pain_course::course::readability::markdown_stats;

fn shipped_files() -> PackFiles {
    PackFiles::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .expect("content/ reads")
}

#[test]
fn the_built_in_course_loads_without_a_single_problem() {
    let course = builtin_course().unwrap_or_else(|err| panic!("content problems:\n{err}"));
    assert_eq!(course.lessons.len(), 3);
    let minutes: Vec<u32> = course.lessons.iter().map(|l| l.minutes).collect();
    assert_eq!(
        minutes,
        vec![6, 9, 11],
        "the course page states 6, 9 and 11 minutes"
    );
}

#[test]
fn the_original_eight_references_are_kept_and_additions_are_marked() {
    let course = builtin_course().unwrap();
    let original: Vec<&str> = course
        .references
        .iter()
        .filter(|r| !r.added)
        .map(|r| r.cite.as_str())
        .collect();
    for cite in [
        "Basbaum et al., 2009",
        "Baradaran Mahdavi et al., 2021",
        "Brinjikji et al., 2015",
        "de Campos et al., 2023",
        "Engel, 1977",
        "Hall et al., 2021",
        "Hayden et al., 2021",
        "Slater et al., 2019",
    ] {
        assert!(
            original.contains(&cite),
            "{cite} missing from the original list"
        );
    }
    assert_eq!(
        original.len(),
        8,
        "only the original eight may be unmarked: {original:?}"
    );
}

#[test]
fn each_lesson_meets_the_reading_standards_the_checker_applies() {
    // Stated minutes within 15% of reading time at 200 words a minute, grade
    // 8 or below, every reference cited: `back-pain-course check` applies them.
    let report = check_pack(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    for row in &report.lessons {
        println!(
            "{}: {} words, {:.1} min read vs {} stated, grade {:.1}, {} citations",
            row.file, row.words, row.reading_minutes, row.stated_minutes, row.grade, row.citations
        );
    }
    assert_eq!(report.lessons.len(), 3);
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_disclaimer_intro_and_finished_pages_read_at_grade_eight_or_below() {
    let files = shipped_files();
    for page in ["disclaimer.md", "intro.md", "finished.md"] {
        let grade = markdown_stats(files.get(page).unwrap()).flesch_kincaid_grade();
        assert!(
            grade <= MAX_GRADE,
            "{page}: Flesch–Kincaid grade {grade:.1} is above {MAX_GRADE}"
        );
    }
}

#[test]
fn no_placeholder_text_is_left_in_the_course() {
    let files = shipped_files();
    let course = builtin_course().unwrap();
    let mut pages: Vec<&str> = course.lessons.iter().map(|l| l.file.as_str()).collect();
    pages.extend([
        "disclaimer.md",
        "intro.md",
        "finished.md",
        "course.toml",
        "references.toml",
    ]);
    for page in pages {
        let text = files.get(page).unwrap().to_lowercase();
        for marker in ["placeholder", "lorem ipsum", "todo", "tbd", "xxx"] {
            assert!(!text.contains(marker), "{page} still contains {marker:?}");
        }
    }
}

#[test]
fn the_disclaimer_names_the_provider_and_the_red_flags() {
    let course = builtin_course().unwrap();
    let html = &course.disclaimer.html;
    assert!(html.contains(&course.config.provider), "provider not named");
    for flag in ["bladder", "bowel", "legs", "chest pain", "fever", "cancer"] {
        assert!(
            html.contains(flag),
            "red flag {flag:?} missing from the disclaimer"
        );
    }
}
