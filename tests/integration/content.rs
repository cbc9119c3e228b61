//! The shipped course meets the standards it promises learners: it loads with
//! no problem, every citation resolves both ways, each lesson's stated minutes
//! match its length, and each reads at grade 8 or below.

use std::path::Path;

use back_pain_course::course::authoring::check::{check_pack, MAX_GRADE};
use back_pain_course::course::authoring::readability::markdown_stats;
use back_pain_course::course::load::builtin::builtin_course;
use back_pain_course::course::load::files::PackFiles;

use crate::snapshot::snapshot;

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
    for page in ["disclaimer.md", "intro.md", "finished.md", "get-help.md"] {
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
fn the_disclaimer_names_the_provider() {
    let course = builtin_course().unwrap();
    assert!(
        course.disclaimer.html.contains(&course.config.provider),
        "provider not named"
    );
}

/// The standard the brief sets for "Get help now": every sign in its group,
/// framed as new or different, and the Australian numbers it gives.
#[test]
fn get_help_lists_every_warning_sign_in_its_group_with_australian_numbers() {
    let course = builtin_course().unwrap();
    let group = |i: usize| course.help.groups[i].body_html.to_lowercase();
    let expected: [&[&str]; 3] = [
        &[
            "genitals",
            "wipe",
            "bladder or bowel",
            "sexual",
            "both legs",
            "even in one leg",
            "chest pain",
            "accident or fall",
        ],
        &[
            "fever",
            "weight loss",
            "cancer",
            "lump",
            "worse at night",
            "cough",
            "shoulder blades",
            "inject drugs",
            "immune system",
            "thin bones",
            "steroid",
            "50",
        ],
        &["low or hopeless", "harming yourself"],
    ];
    for (i, signs) in expected.iter().enumerate() {
        for sign in *signs {
            assert!(group(i).contains(sign), "group {i} lacks {sign:?}");
        }
    }
    assert!(course.help.intro_html.contains("new or different"));
    let help = &course.config.help;
    assert_eq!(help.region, "Australia");
    assert_eq!(
        [
            &help.emergency.number,
            &help.urgent.number,
            &help.crisis.number
        ],
        ["000", "1800 022 222", "13 11 14"]
    );
}

#[test]
fn every_lesson_has_key_points_and_links_to_get_help_now() {
    let course = builtin_course().unwrap();
    for lesson in &course.lessons {
        assert!(
            (3..=4).contains(&lesson.key_points.len()),
            "{}: {} key points",
            lesson.file,
            lesson.key_points.len()
        );
        assert!(
            lesson.html.contains("href=\"#get-help\""),
            "{} does not link to Get help now",
            lesson.file
        );
        assert!(
            !lesson.html.contains("Before you start\" page"),
            "{} still sends readers to the disclaimer for warning signs",
            lesson.file
        );
    }
}

/// What the evidence revision took out must not come back.
#[test]
fn superseded_and_misread_figures_are_gone_from_the_course() {
    let files = shipped_files();
    let course = builtin_course().unwrap();
    let mut pages: Vec<&str> = course.lessons.iter().map(|l| l.file.as_str()).collect();
    pages.extend(["finished.md", "get-help.md", "intro.md", "disclaimer.md"]);
    for page in pages {
        let text = files.get(page).unwrap();
        for gone in [
            "Menezes Costa",
            "times the odds",
            "5 to 10% of cases",
            "same day",
        ] {
            assert!(!text.contains(gone), "{page} still says {gone:?}");
        }
        // One pain scale, out of 100, as the studies report it.
        let out_of_ten = text
            .match_indices("out of 10")
            .any(|(i, m)| !text[i + m.len()..].starts_with('0'));
        assert!(!out_of_ten, "{page} gives a pain score out of 10");
    }
}

/// Every figure of the built-in course as the learner gets it, compared with
/// `tests/snapshots/figures/`: a change to a chart's drawing, its numbers or
/// its words shows up in review.
#[test]
fn the_built_in_figures_are_drawn_as_their_snapshots() {
    let course = builtin_course().unwrap();
    let mut counts = Vec::new();
    for lesson in &course.lessons {
        let figures: Vec<&str> = lesson
            .html
            .split("<figure class=\"figure\"")
            .skip(1)
            // After the start tag, which also carries the marks "Listen" reads by.
            .map(|rest| {
                &rest[rest.find('>').unwrap() + 1..rest.find("</figure>").expect("a figure ends")]
            })
            .collect();
        for (i, figure) in figures.iter().enumerate() {
            snapshot(&format!("figures/{}-{}.html", lesson.id, i + 1), figure);
        }
        counts.push(figures.len());
    }
    // Lesson 1: scan findings by age and the pain alarm; Lesson 2: pain over
    // a year; Lesson 3: building up step by step.
    assert_eq!(counts, [2, 1, 1]);
}

#[test]
fn each_built_in_figure_is_named_described_sourced_and_referred_to_in_its_text() {
    let course = builtin_course().unwrap();
    for lesson in &course.lessons {
        let figures = lesson.html.matches("<figure class=\"figure\">").count();
        for n in 1..=figures {
            assert!(
                lesson.html.contains(&format!("Figure {n} "))
                    || lesson.html.contains(&format!("Figure {n}.")),
                "{}: the text never refers to figure {n}",
                lesson.file
            );
        }
        for svg in lesson.html.split("<svg ").skip(1) {
            assert!(
                svg.starts_with("class=\"figure-svg\" role=\"img\""),
                "{}",
                lesson.file
            );
            let title = svg
                .split("<title>")
                .nth(1)
                .and_then(|t| t.split("</title>").next());
            let desc = svg
                .split("<desc>")
                .nth(1)
                .and_then(|t| t.split("</desc>").next());
            assert!(
                title.is_some_and(|t| !t.is_empty()),
                "{}: a drawing without a title",
                lesson.file
            );
            assert!(
                desc.is_some_and(|d| d.len() > 40),
                "{}: a drawing without a description",
                lesson.file
            );
        }
    }
    // The charts' sources became numbered markers in their captions.
    let lesson_1 = &course.lessons[0].html;
    let caption = lesson_1.split("<figcaption").nth(1).unwrap();
    let caption = &caption[..caption.find("</figcaption>").unwrap()];
    assert!(
        caption.contains("aria-label=\"Source 3: Brinjikji"),
        "{caption}"
    );
    assert!(caption.contains("Ages 60 and 70 are left out"), "{caption}");
}
