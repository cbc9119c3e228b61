//! Markdown rendering on its own: whatever the input, the HTML carries no
//! script, event handler or javascript: URL.
#![no_main]

use back_pain_course::course::render::render_markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut problems = Vec::new();
    let rendered = render_markdown("fuzz.md", &text, &mut problems);
    let html = rendered.html.to_ascii_lowercase();
    assert!(!html.contains("<script"), "script in {html}");
    assert!(!html.contains("javascript:"), "javascript: in {html}");
    assert!(!html.contains("<iframe"), "iframe in {html}");
    for url in &rendered.links {
        assert_eq!(url.scheme(), "https");
    }
});
