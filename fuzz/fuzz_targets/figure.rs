//! A figure block from fuzzer bytes: reading it never panics, and a block
//! that is accepted draws only finite coordinates, with its text escaped
//! and only the tags a figure is made of. Movement blocks are figure blocks,
//! so this is also the fuzz target over the pose parser.
#![no_main]

use back_pain_course::course::load::figure::{figure_html, parse_figure, NO_MARKERS};
use back_pain_course::course::words::Catalog;
use libfuzzer_sys::fuzz_target;

const TAGS: [&str; 23] = [
    "figure", "figcaption", "span", "div", "svg", "title", "desc", "text", "rect", "line",
    "polyline", "circle", "path", "details", "summary", "table", "caption", "thead", "tbody", "tr", "dl", "dt", "dd",
];

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let Ok(figure) = parse_figure("fuzz.md", 1, &body) else {
        return;
    };
    assert!(!figure.drawn.is_empty(), "an accepted figure is laid out");
    let html = figure_html(&figure, 1, Catalog::english(), &NO_MARKERS, None);
    assert!(!html.contains("NaN") && !html.contains("inf"), "{html}");
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            TAGS.contains(&name.as_str()) || ["th", "td", "g"].contains(&name.as_str()),
            "<{name}> in {html}"
        );
        rest = &rest[start + 1..];
    }
});
