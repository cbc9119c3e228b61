//! A whole course pack from fuzzer bytes: the input is split on NUL bytes
//! into the pack's files, so every parser (TOML config, front matter,
//! references, citations, Markdown) sees hostile text, alone and together.
#![no_main]

use back_pain_course::course::load::files::PackFiles;
use back_pain_course::course::load_course;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = [
    "course.toml",
    "disclaimer.md",
    "intro.md",
    "finished.md",
    "references.toml",
    "lessons/01.md",
    "lessons/02.md",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pairs = NAMES.iter().zip(text.split('\0')).map(|(name, body)| (*name, body));
    let files = PackFiles::from_pairs(pairs);
    if let Err(err) = load_course(&files) {
        // Every problem must name a file of the pack.
        for problem in &err.problems {
            assert!(!problem.file.is_empty());
        }
    }
});
