//! Learning by doing, in the real webview: each lesson's self-checks give
//! their feedback and a way back to the lesson, and remember the answer;
//! "My plan" is built step by step, saved as it goes, kept across a
//! restart, and printed as text with the help numbers.

use serde_json::{json, Value};

use crate::harness::{App, Harness, Key};

/// Waits until `check` holds of the saved plan (read back from Rust), so a
/// test never races a save that is still on its way.
async fn wait_for_plan(app: &App, what: &str, check: impl Fn(&Value) -> bool) {
    app.wait_until(what, || async {
        check(&app.invoke("get_plan", json!({})).await["ok"])
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn self_checks_explain_each_answer_point_back_to_the_lesson_and_are_remembered() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.click("#accept-disclaimer").await;
    app.click("#open-lesson-why-ongoing").await;
    app.screen("lesson").await;
    assert_eq!(app.count("#self-check-heading").await, 1);
    assert_eq!(app.count(".question").await, 3);

    // Checking with nothing chosen says so, by the question, and saves nothing.
    app.click("#question-posture-check").await;
    assert_eq!(
        app.text("#question-posture-error").await,
        "Choose an answer first."
    );
    let lesson = app
        .invoke("open_lesson", json!({ "id": "why-ongoing" }))
        .await;
    assert!(
        lesson["ok"]["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["answer"].is_null()),
        "{lesson}"
    );

    // A right answer: its feedback, read out because focus moves to it.
    app.click("label[for=question-posture-1]").await;
    app.click("#question-posture-check").await;
    app.wait_for("#feedback-posture").await;
    let feedback = app.text("#feedback-posture").await;
    assert!(feedback.starts_with("Right."), "{feedback}");
    assert!(
        feedback.contains("Read this part again: Is my posture to blame?"),
        "{feedback}"
    );
    assert_eq!(app.focus().await.id, "feedback-posture");
    // A wrong one says so kindly, and the way back leads to the section.
    app.click("label[for=question-scan-changes-1]").await;
    app.click("#question-scan-changes-check").await;
    app.wait_for("#feedback-scan-changes").await;
    assert!(app
        .text("#feedback-scan-changes")
        .await
        .starts_with("Not quite."));
    app.click("#feedback-scan-changes a").await;
    assert_eq!(
        app.focus().await.id,
        "section-what-scans-can-and-cannot-show"
    );
    // Trying again is allowed: the last answer is the one kept.
    app.click("label[for=question-scan-changes-0]").await;
    app.click("#question-scan-changes-check").await;
    app.wait_for("#feedback-scan-changes.feedback-right").await;

    // Opened again, the lesson shows the answers. Read in the click's own
    // task: a view the page kept from before them, if it were drawn, would
    // be on screen then (Rust's answer replaces it a moment later).
    let reopen = "document.getElementById('open-lesson-why-ongoing').click();
        const screen = document.querySelector('#screen > [data-screen]').dataset.screen;
        return screen + ' ' + document.querySelectorAll('.question input:checked').length;";
    app.click("#back-home").await;
    app.screen("home").await;
    assert_eq!(
        app.script_text(reopen).await,
        "home 0",
        "drawn from a kept view"
    );
    app.screen("lesson").await;
    app.wait_for("#question-scan-changes-0:checked").await;
    assert_eq!(app.count(".question input:checked").await, 2);
    assert_eq!(app.count(".feedback-right").await, 2);
    // Once more with nothing changed since: the lesson is drawn in the
    // click's own task, from the view Rust gave the last time, answers and
    // all.
    app.click("#back-home").await;
    app.screen("home").await;
    assert_eq!(app.script_text(reopen).await, "lesson 2");
    assert_eq!(app.count(".feedback-right").await, 2);
    app.quit().await;

    // After a restart the answers and their feedback are still there.
    let app = harness.launch_at("home").await;
    app.click("#open-lesson-why-ongoing").await;
    app.screen("lesson").await;
    assert_eq!(app.count("#question-posture-1:checked").await, 1);
    assert_eq!(app.count("#question-scan-changes-0:checked").await, 1);
    assert_eq!(app.count(".feedback-right").await, 2);
    assert_eq!(app.count("#feedback-pain-and-damage").await, 0);
    app.screenshot_of(".self-check", "self-check-answered")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn my_plan_is_built_step_by_step_saved_as_it_goes_and_kept_after_a_restart() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.click("#accept-disclaimer").await;
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    assert_eq!(app.count(".plan-step").await, 4);
    assert_eq!(app.text("#plan-status-activities").await, "Not finished");

    // Step 1: one from the short list, one in my own words, one changed, one removed.
    assert_eq!(app.text("#plan-suggestion-0").await, "Walking");
    app.click("#plan-suggestion-0").await;
    app.wait_for("#plan-entry-activities-0").await;
    assert_eq!(app.text("#notices").await, "Added to your plan: Walking");
    assert_eq!(app.focus().await.id, "plan-add-activities");
    // Adding nothing is refused, with the reason by the field.
    app.press(&[Key::Enter]).await;
    app.wait_for("#plan-add-activities[aria-invalid=true]")
        .await;
    assert_eq!(
        app.text("#plan-add-activities-error").await,
        "Please write something first."
    );
    let input = app.wait_for("#plan-add-activities").await;
    input.send_keys("Swimming with my sister").await.unwrap();
    app.press(&[Key::Enter]).await;
    app.wait_for("#plan-entry-activities-1").await;
    app.click("#plan-change-activities-0").await;
    let editor = app.wait_for("#plan-edit-activities-0").await;
    editor.clear().await.unwrap();
    editor.send_keys("Walking the dog").await.unwrap();
    app.click("#plan-edit-activities-0-save").await;
    app.wait_for("#plan-change-activities-0").await;
    app.click("#plan-remove-activities-1").await;
    wait_for_plan(&app, "one activity", |p| {
        p["steps"][0]["list"]["entries"] == json!(["Walking the dog"])
    })
    .await;
    app.wait_until("the removed entry to leave the screen", || async {
        app.count(".plan-entry").await == 1
    })
    .await;
    assert!(app
        .text("#plan-list-activities")
        .await
        .contains("Walking the dog"));
    assert_eq!(app.text("#plan-status-activities").await, "Written");

    // Step 2: saved when the box is left, with "Saved".
    let movement = app.wait_for("#plan-field-movement").await;
    movement.send_keys("Walking by the river").await.unwrap();
    app.press(&[Key::Tab]).await;
    wait_for_plan(&app, "the movement", |p| {
        p["steps"][1]["fields"][0]["value"] == "Walking by the river"
    })
    .await;
    app.wait_until("\"Saved.\" after the save", || async {
        app.text("#notices").await == "Saved."
    })
    .await;
    assert_eq!(
        app.focus().await.id,
        "plan-field-starting_amount",
        "focus stays where the learner went"
    );
    assert_eq!(app.text("#plan-status-movement").await, "Not finished");

    // Step 3 shows where to get help, with the numbers as text.
    let help = app.text("#plan-help").await;
    assert!(help.contains("000") && help.contains("13 11 14"), "{help}");
    let flare = app.wait_for("#plan-field-flare_up_get_help").await;
    flare
        .send_keys("If the pain is new or different")
        .await
        .unwrap();
    app.press(&[Key::Tab]).await;
    wait_for_plan(&app, "the flare-up answer", |p| {
        p["steps"][2]["fields"][2]["value"] == "If the pain is new or different"
    })
    .await;
    // Typing that pauses is saved without leaving the box, so closing the
    // window mid-plan loses nothing.
    let building = app.wait_for("#plan-field-building_up").await;
    building.send_keys("A little more each week").await.unwrap();
    wait_for_plan(&app, "text saved after a pause in typing", |p| {
        p["steps"][1]["fields"][2]["value"] == "A little more each week"
    })
    .await;
    app.screenshot_page("plan-in-progress").await;
    app.quit().await;

    // Kept across a restart, and printable as text with the numbers.
    let app = harness.launch_at("home").await;
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    assert!(app
        .text("#plan-list-activities")
        .await
        .contains("Walking the dog"));
    let kept = app
        .script_text("return document.getElementById('plan-field-movement').value;")
        .await;
    assert_eq!(kept, "Walking by the river");
    let printed: String = app
        .client
        .execute(
            "return document.getElementById('plan-print').textContent;",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    for expected in [
        "Walking the dog",
        "Walking by the river",
        "If the pain is new or different",
        "000",
        "1800 633 422",
        "13 11 14",
    ] {
        assert!(printed.contains(expected), "{expected:?} in {printed:?}");
    }
    app.quit().await;
}
