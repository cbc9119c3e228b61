//! Loading and rendering the whole course pack, as the app does at start-up
//! (`cargo bench --bench load_render`): the built-in pack from the binary,
//! the same pack read from `content/` as a clinic's folder would be, and
//! every built-in figure read, checked and drawn, every movement picture
//! drawn from its pose data, and every screen's view turned into the JSON
//! the webview receives.

use std::hint::black_box;
use std::path::Path;

use back_pain_course::course::load::builtin::builtin_course;
use back_pain_course::course::load::figure::movement;
use back_pain_course::course::load::figure::{figure_html, parse_figure, Drawing, NO_MARKERS};
use back_pain_course::course::load::files::PackFiles;
use back_pain_course::course::screens::view_model;
use back_pain_course::course::words::Catalog;
use back_pain_course::course::{load_course, LearnerRecord};
use criterion::{criterion_group, criterion_main, Criterion};

fn content() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

fn load(c: &mut Criterion) {
    c.bench_function("load built-in pack (parse, check, render Markdown)", |b| {
        b.iter(|| black_box(builtin_course().expect("the built-in course loads")))
    });
    c.bench_function(
        "load content/ folder (read files, parse, check, render)",
        |b| {
            b.iter(|| {
                let files = PackFiles::from_dir(black_box(content())).expect("content/ reads");
                black_box(load_course(&files).expect("content/ loads"))
            })
        },
    );
}

fn figures(c: &mut Criterion) {
    let lessons: Vec<String> = std::fs::read_dir(content().join("lessons"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let blocks: Vec<String> = lessons
        .iter()
        .flat_map(|l| l.split("```figure\n").skip(1))
        .map(|rest| rest[..rest.find("```").unwrap()].to_owned())
        .collect();
    c.bench_function("read, check and draw every built-in figure", |b| {
        b.iter(|| {
            for block in &blocks {
                let figure = parse_figure("bench.md", 1, black_box(block)).unwrap();
                black_box(figure_html(
                    &figure,
                    1,
                    Catalog::english(),
                    &NO_MARKERS,
                    None,
                ));
            }
        })
    });
}

/// Issue 27's target: every built-in movement drawn from its pose data in
/// under 1 ms in all.
fn movements(c: &mut Criterion) {
    let guide = std::fs::read_to_string(content().join("guides/02-moving.md")).unwrap();
    let poses: Vec<movement::Movement> = guide
        .split("```figure\n")
        .skip(1)
        .map(|rest| parse_figure("bench.md", 1, &rest[..rest.find("```").unwrap()]).unwrap())
        .filter_map(|figure| match figure.drawing {
            Drawing::Movement(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(poses.len(), 6);
    c.bench_function(
        "draw every built-in movement picture from its pose data",
        |b| {
            b.iter(|| {
                for movement in &poses {
                    black_box(movement::draw(black_box(movement)).unwrap());
                }
            })
        },
    );
}

fn views(c: &mut Criterion) {
    let course = builtin_course().expect("the built-in course loads");
    let record = LearnerRecord::default();
    let today = back_pain_course::course::learner::check_ins::Today::at(
        time::OffsetDateTime::now_utc(),
        &jiff::tz::TimeZone::UTC,
    );
    c.bench_function("every screen's view as JSON", |b| {
        b.iter(|| {
            let mut bytes =
                serde_json::to_vec(&view_model::overview(&course, &record, &today)).unwrap();
            bytes.extend(
                serde_json::to_vec(&view_model::disclaimer(&course, &record, false)).unwrap(),
            );
            for index in 0..course.lessons.len() {
                bytes.extend(
                    serde_json::to_vec(&view_model::lesson(&course, &record, index)).unwrap(),
                );
            }
            bytes.extend(serde_json::to_vec(&view_model::finished(&course, &record)).unwrap());
            bytes.extend(serde_json::to_vec(&view_model::references(&course)).unwrap());
            black_box(bytes)
        })
    });
}

criterion_group!(benches, load, figures, movements, views);
criterion_main!(benches);
