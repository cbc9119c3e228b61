//! The learner's own data: deleted on request, after a question.

use serde_json::json;

use crate::harness::Harness;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_my_data_asks_first_then_removes_every_file_and_starts_afresh() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.click("#accept-disclaimer").await;
    app.click("#open-lesson-why-ongoing").await;
    app.click("#complete-lesson").await;
    app.wait_for("#completed-note").await;
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

    let app = harness.launch().await;
    app.screen("disclaimer").await;
    let overview = app.invoke("get_overview", json!({})).await;
    assert_eq!(overview["ok"]["completed"], 0, "{overview}");
    app.quit().await;
}
