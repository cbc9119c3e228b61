//! The guides, the short everyday pages: reached from home and the tools,
//! from the lessons and from My plan, linked to each other and to their
//! sources (web pages among them), printed with the course, and kept as
//! read across a restart.

use crate::harness::Harness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_guide_opens_from_home_a_lesson_my_plan_and_another_guide_and_is_kept_as_read() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;

    // From home's everyday tools, the first guide: key points first.
    app.wait_for("#tools-panel #tool-card-pain-today").await;
    app.click("#tools-panel #open-tool-pain-today").await;
    app.wait_for("[data-screen=guide][data-guide=pain-today]")
        .await;
    assert_eq!(app.text("#screen-heading").await, "For the pain today");
    assert_eq!(app.count(".key-points li").await, 4);
    assert!(app
        .text(".key-points")
        .await
        .contains("Never use them on skin that feels numb"));
    // The menu marks "Everyday tools" as where the learner is.
    let tools = app.wait_for("#nav-tools").await;
    assert_eq!(
        tools.attr("aria-current").await.unwrap().as_deref(),
        Some("true")
    );
    app.screenshot("guide-pain-today").await;

    // A link in its text to another guide, then a web page source.
    app.click("#guide-text a[href='#guide/medicines']").await;
    app.wait_for("[data-guide=medicines]").await;
    assert_eq!(
        app.text("#screen-heading").await,
        "Medicines: using them safely"
    );
    let marker = app
        .wait_for("#guide-text a.cite-link[aria-label='Source 21: healthdirect']")
        .await;
    marker.click().await.unwrap();
    app.screen("references").await;
    let entry = app.text("#ref-21").await;
    assert!(
        entry.contains("https://www.healthdirect.gov.au/opioid-withdrawal-symptoms")
            && entry.contains("(no date)")
            && entry.contains("Accessed December 2026"),
        "{entry}"
    );

    // Lesson 2's promise of sleep advice leads to the sleep guide.
    app.click("#nav-home").await;
    app.click("#open-lesson-how-long").await;
    app.wait_for("[data-lesson=how-long]").await;
    app.click("#lesson-text a[href='#guide/sleep']").await;
    app.wait_for("[data-guide=sleep]").await;

    // My plan's flare-up step names the guide for a sore day.
    app.click("#nav-tools").await;
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    // and its "Moving more" step the guide for starting to move.
    assert_eq!(app.count("#plan-guide-movement-moving").await, 1);
    app.click("#plan-guide-flare_up-pain-today").await;
    app.wait_for("[data-guide=pain-today]").await;
    app.click("#back-to-tools").await;
    app.screen("tools").await;
    assert_eq!(app.count("#tool-list .tool-card").await, 7);

    // The whole course printed holds every guide after the lessons.
    app.click("#nav-home").await;
    app.click("#print-course").await;
    app.screen("print").await;
    assert_eq!(app.count(".printed-guide").await, 6);
    assert!(app
        .text("#printed-guide-sleep")
        .await
        .contains("Everyday guide: Sleep"));

    // Read is kept across a restart, in the record's new part.
    app.quit().await;
    let stored = std::fs::read_to_string(harness.data_dir().join("learner.json")).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let read = &stored["learner"]["guides_read"];
    for id in ["pain-today", "medicines", "sleep"] {
        assert!(read[id]["first_read_at"].is_string(), "{id}: {read}");
    }
    assert!(read.get("leg-pain").is_none(), "{read}");
    let app = harness.launch_at("home").await;
    app.quit().await;
}
