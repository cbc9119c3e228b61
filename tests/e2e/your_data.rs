//! The learner's own data: deleted on request, after a question.

use serde_json::json;

use crate::harness::Harness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn delete_my_data_asks_first_then_removes_every_file_and_starts_afresh() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.accept_and_complete_the_first_lesson().await;
    let store = harness.data_dir().join("learner.json");
    let backup = harness.data_dir().join("learner.backup.json");
    assert!(store.exists() && backup.exists());

    app.click("#nav-about").await;
    app.screen("about").await;
    let shown = app.text("#about-data").await;
    assert!(
        shown.contains(&harness.data_dir().display().to_string()),
        "{shown}"
    );
    app.screenshot("23-about-and-your-data").await;
    app.click("#delete-data").await;
    app.screen("confirm-delete").await;
    app.click("#confirm-no").await;
    app.screen("about").await;
    assert!(store.exists(), "\"No\" deleted nothing");

    app.click("#delete-data").await;
    app.click("#confirm-yes").await;
    app.screen("disclaimer").await;
    assert!(app
        .text("#notices")
        .await
        .starts_with("Your data has been deleted."));
    assert!(!store.exists() && !backup.exists(), "the files are gone");
    app.quit().await;
    // Quitting must not write the data back (the store plugin saves its
    // stores on exit).
    assert!(!store.exists(), "learner.json came back on exit");

    let app = harness.launch_at("disclaimer").await;
    let overview = app.invoke("get_overview", json!({})).await;
    assert_eq!(overview["ok"]["completed"], 0, "{overview}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the save dialog is answered with xdotool (GTK under Xvfb): Linux only"
)]
async fn the_progress_summary_is_saved_where_the_learner_chooses_in_the_system_dialog() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.accept_and_complete_the_first_lesson().await;
    app.click("#nav-about").await;
    app.click("#save-summary").await;

    // The learner types a name into the system's save dialog and presses Enter.
    let target = harness.home.path().join("for-my-physio.html");
    harness.save_in_dialog(&target).await;

    app.wait_for("#notices .notice").await;
    assert_eq!(
        app.text("#notices").await,
        format!("Your progress summary was saved to {}.", target.display())
    );
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("Lessons completed: 1 of 3."), "{html}");
    assert!(html.contains("Why is my back pain ongoing?"), "{html}");
    assert!(
        html.contains("https://alignmentexercisephysiology.com.au/"),
        "{html}"
    );
    app.quit().await;
}
