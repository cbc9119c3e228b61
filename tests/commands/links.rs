//! Links and the next step: the finished screen, the next step opened only
//! once every lesson is complete, course links opened and every other URL
//! refused, and the references with their DOI links.

use serde_json::json;

use crate::fixture::{opened, opener_log, wait_opened, TestApp};

const NEXT_STEP: &str = "https://alignmentexercisephysiology.com.au/";

#[test]
fn get_finished_reports_progress_and_the_next_step() {
    let app = TestApp::new();
    assert_eq!(app.err_kind("get_finished", json!({})), "consent_required");
    app.consent();
    let finished = app.ok("get_finished", json!({}));
    assert_eq!(finished["all_complete"], false);
    assert_eq!(finished["next_step_url"], NEXT_STEP);
    assert_eq!(finished["next_step_label"], "Find your next step");
}

#[test]
#[cfg_attr(
    any(windows, target_os = "macos"),
    ignore = "skipped on this platform: the recording `xdg-open` works only where the opener runs xdg-open (Linux)"
)]
fn open_next_step_opens_the_configured_url_only_when_every_lesson_is_complete() {
    opener_log();
    let app = TestApp::new();
    app.consent();
    assert_eq!(app.err_kind("open_next_step", json!({})), "not_finished");
    for id in ["why-ongoing", "how-long", "what-to-do"] {
        app.ok("complete_lesson", json!({ "id": id }));
    }
    assert_eq!(app.ok("get_finished", json!({}))["all_complete"], true);
    app.ok("open_next_step", json!({}));
    wait_opened(NEXT_STEP);
}

#[test]
fn open_link_will_not_open_the_next_step_before_the_course_is_complete() {
    opener_log();
    let app = TestApp::new();
    app.consent();
    assert_eq!(
        app.err_kind("open_link", json!({ "url": NEXT_STEP })),
        "link_refused"
    );
}

#[test]
#[cfg_attr(
    any(windows, target_os = "macos"),
    ignore = "skipped on this platform: the recording `xdg-open` works only where the opener runs xdg-open (Linux)"
)]
fn open_link_opens_course_links_and_refuses_everything_else() {
    opener_log();
    let app = TestApp::new();
    let doi = "https://doi.org/10.1136/bmj.n291";
    app.ok("open_link", json!({ "url": doi }));
    wait_opened(doi);
    // A web page on the references list opens as a DOI does.
    let page = "https://www.healthdirect.gov.au/back-pain-self-care";
    app.ok("open_link", json!({ "url": page }));
    wait_opened(page);
    for url in [
        "https://evil.example/",
        "http://doi.org/10.1136/bmj.n291",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
    ] {
        assert_eq!(
            app.err_kind("open_link", json!({ "url": url })),
            "link_refused",
            "{url}"
        );
    }
    let long = format!("https://doi.org/{}", "a".repeat(10_000));
    assert_eq!(
        app.err_kind("open_link", json!({ "url": long })),
        "link_refused"
    );
    assert!(!opened()
        .iter()
        .any(|l| l.contains("evil") || l.contains("passwd")));
}

#[test]
fn get_references_lists_the_sources_with_doi_and_web_page_links() {
    let app = TestApp::new();
    let refs = app.ok("get_references", json!({}));
    let refs = refs.as_array().unwrap();
    let numbers: Vec<u64> = refs.iter().map(|r| r["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=refs.len() as u64).collect::<Vec<u64>>());
    assert_eq!(
        refs.iter()
            .filter(|r| !r["added"].as_bool().unwrap())
            .count(),
        8
    );
    assert!(refs
        .iter()
        .any(|r| r["link_url"] == "https://doi.org/10.1126/science.847460"));
    // A web page: no year, its address as its link, and when it was read
    // (it opens like a DOI: `open_link_opens_course_links_...`).
    let page = refs
        .iter()
        .find(|r| r["link_url"] == "https://www.healthdirect.gov.au/back-pain-self-care")
        .expect("the healthdirect page is on the list");
    assert_eq!(page["date"], "no date");
    assert_eq!(page["accessed"], "Accessed December 2026");
}
