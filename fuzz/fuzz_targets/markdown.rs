//! Markdown rendering on its own, written as a lesson is (citation markers,
//! read-aloud marks, the printed copy): whatever the input, every tag in
//! both copies is one the writer makes for Markdown, with no event handler
//! and no script-capable URL (text is escaped, so every '<' in the output
//! opens a real tag; the words "javascript:" in a sentence are harmless
//! text), and every part read aloud lights up an element that exists.
#![no_main]

use back_pain_course::course::load::render::{render_with, Writing};
use back_pain_course::course::words::Catalog;
use libfuzzer_sys::fuzz_target;

const FORBIDDEN_TAGS: [&str; 8] = ["script", "iframe", "object", "embed", "img", "style", "link", "meta"];
const FORBIDDEN_URLS: [&str; 3] = ["javascript:", "data:", "vbscript:"];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut problems = Vec::new();
    let writing = Writing {
        cites: &["Engel, 1977", "Hall et al., 2021"],
        say: Some("say-lesson"),
        print: Some("printed-fuzz"),
        ..Writing::plain(Catalog::english())
    };
    let rendered = render_with("fuzz.md", &text, &writing, &mut problems);
    for part in &rendered.spoken {
        assert!(
            rendered.html.contains(&format!(" id=\"{}\"", part.target)),
            "{part:?} lights up nothing"
        );
    }
    check_tags(&rendered.html);
    check_tags(&rendered.print_html);
    for url in &rendered.links {
        assert_eq!(url.scheme(), "https");
    }
});

fn check_tags(html: &str) {
    let html = html.to_ascii_lowercase();
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start + 1..end];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(!FORBIDDEN_TAGS.contains(&name.as_str()), "<{tag}> in {html}");
        for attribute in tag.split_whitespace().skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            assert!(!key.starts_with("on"), "event handler in <{tag}>");
            let value = value.trim_matches('"');
            for scheme in FORBIDDEN_URLS {
                assert!(!value.starts_with(scheme), "{scheme} URL in <{tag}>");
            }
        }
        rest = &rest[end.min(rest.len())..];
        if rest.is_empty() {
            break;
        }
        rest = &rest[1..];
    }
}
