//! Loading and rendering the whole course pack, as the app does at start-up
//! (`cargo bench --bench load_render`): the built-in pack from the binary,
//! the same pack read from `content/` as a clinic's folder would be, and
//! every screen's view turned into the JSON the webview receives.

use std::hint::black_box;
use std::path::Path;

use back_pain_course::course::builtin::builtin_course;
use back_pain_course::course::files::PackFiles;
use back_pain_course::course::{load_course, view, LearnerRecord};
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

fn views(c: &mut Criterion) {
    let course = builtin_course().expect("the built-in course loads");
    let record = LearnerRecord::default();
    c.bench_function("every screen's view as JSON", |b| {
        b.iter(|| {
            let mut bytes = serde_json::to_vec(&view::overview(&course, &record)).unwrap();
            // The built-in course is no fallback for a broken pack here.
            bytes.extend(serde_json::to_vec(&view::disclaimer(&course, &record, false)).unwrap());
            for index in 0..course.lessons.len() {
                bytes.extend(serde_json::to_vec(&view::lesson(&course, &record, index)).unwrap());
            }
            bytes.extend(serde_json::to_vec(&view::finished(&course, &record)).unwrap());
            bytes.extend(serde_json::to_vec(&view::references(&course)).unwrap());
            black_box(bytes)
        })
    });
}

criterion_group!(benches, load, views);
criterion_main!(benches);
