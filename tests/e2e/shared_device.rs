//! A clinic's waiting-room machine: one person after another, nobody's
//! progress left for the next, and the clinic's branding on show.

use std::time::{Duration, Instant};

use serde_json::json;

#[cfg(target_os = "linux")]
use crate::harness::files_holding;
use crate::harness::{self, Harness};

/// The clinic fixture, with shared-device mode on and a short idle timeout.
fn shared_clinic_pack(idle_seconds: u32) -> (tempfile::TempDir, String) {
    let (dir, pack) = harness::fixture_copy("clinic");
    let config = std::path::Path::new(&pack).join("course.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&format!(
        "\n[shared_device]\nenabled = true\nidle_timeout_seconds = {idle_seconds}\n"
    ));
    std::fs::write(&config, text).unwrap();
    (dir, pack)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn start_over_asks_first_then_clears_consent_and_progress_for_the_next_person() {
    let (_pack_dir, pack) = shared_clinic_pack(600);
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch_and_accept().await;
    assert_eq!(
        app.text("#start-over").await,
        "Start over for the next person"
    );
    app.click("#open-lesson-moving-again").await;
    app.click("#complete-lesson").await;
    app.wait_for("#completed-note").await;
    // Something in "My plan" too, which is as personal as it gets.
    let planned = app
        .invoke(
            "change_plan",
            json!({ "field": "questions", "index": null, "text": "Is my knee related?" }),
        )
        .await;
    assert!(planned.get("ok").is_some(), "{planned}");
    app.click("#nav-home").await;
    app.screen("home").await;
    // Someone else's last lesson is never offered to "continue".
    assert_eq!(app.count("#resume").await, 0);
    app.screenshot("20-shared-device-home").await;

    // "No" changes nothing.
    app.click("#start-over").await;
    app.screen("confirm-start-over").await;
    let stray = crate::words::words_not_from_catalog(&app, "confirm-start-over").await;
    assert!(stray.is_empty(), "{}", stray.join("\n"));
    app.screenshot("21-shared-device-confirm").await;
    app.click("#confirm-no").await;
    app.screen("home").await;
    assert_eq!(app.text("#progress-text").await, "1 of 2 lessons completed");

    // What the webview itself keeps goes too: a stand-in for anything a
    // page script or the engine might have stored this session.
    const STORED: &str = "return localStorage.getItem('left-by-this-person');";
    app.client
        .execute(
            "localStorage.setItem('left-by-this-person', 'yes');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(app.client.execute(STORED, vec![]).await.unwrap(), "yes");
    // The scan below can find what a session leaves: the plan is on disk now.
    #[cfg(target_os = "linux")]
    assert!(
        !files_holding(harness.home.path(), &["Is my knee related?"]).is_empty(),
        "the plan's text is in no file before Start over"
    );

    app.click("#start-over").await;
    app.click("#confirm-yes").await;
    app.screen("disclaimer").await;
    assert_eq!(
        app.text("#notices").await,
        "The course has been cleared for the next person."
    );
    app.wait_until("the webview's own storage to be cleared", || async {
        app.client.execute(STORED, vec![]).await.unwrap().is_null()
    })
    .await;
    // And on disk: no file in any folder the app or its webview uses (the
    // whole home of this run: data, config, cache) still holds what this
    // person wrote or left.
    #[cfg(target_os = "linux")]
    {
        let left = files_holding(
            harness.home.path(),
            &["Is my knee related?", "left-by-this-person"],
        );
        assert!(left.is_empty(), "left behind after Start over: {left:?}");
    }
    // The next person sees where to get help, with the clinic's own numbers,
    // before they can accept anything.
    crate::assert_help_comes_before_acceptance(&app, ["999", "111", "116 123"]).await;
    assert!(app.text("#help-region").await.contains("United Kingdom"));
    let overview = app.invoke("get_overview", json!({})).await;
    assert_eq!(overview["ok"]["consent_needed"], true, "{overview}");
    assert_eq!(overview["ok"]["completed"], 0, "{overview}");
    // The plan went with the rest.
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    let plan = app.invoke("get_plan", json!({})).await;
    assert_eq!(plan["ok"]["empty"], true, "{plan}");
    app.quit().await;

    // The next launch starts nobody's session either, and the clinic's own
    // name, contact and logo are shown.
    let app = harness.launch_at("disclaimer").await;
    assert_eq!(
        app.text("#site-contact").await,
        "Phone 07 5555 0123, Monday to Friday"
    );
    let logo = app.wait_for("#site-logo").await;
    assert!(logo.is_displayed().await.unwrap());
    app.click("#nav-about").await;
    assert!(
        app.text("#about-pack").await.contains(&pack),
        "the About screen names {pack}"
    );
    assert!(app.text("#about-shared").await.contains("shared"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn the_idle_timeout_warns_first_then_clears_the_session_and_the_disclaimer_returns() {
    // 30 s, the shortest allowed: the warning comes 20 s before the clear.
    let (_pack_dir, pack) = shared_clinic_pack(30);
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch().await;
    app.click("#accept-disclaimer").await;
    app.click("#open-lesson-moving-again").await;
    app.screen("lesson").await;

    // Nobody touches anything (finding elements sends the page no events):
    // the warning comes, with a way to stay.
    let left = Instant::now();
    app.wait_for("#idle-warning #still-here").await;
    let waited = left.elapsed();
    assert!(
        waited >= Duration::from_secs(9),
        "warned after only {waited:?}"
    );
    let warning = app.text("#idle-warning").await;
    assert!(warning.starts_with("Are you still there?"), "{warning}");
    // No screenshot here: WebKitWebDriver may wait for the page's next
    // rendering update, which on this still screen is the clear itself.
    app.click("#still-here").await;
    let answered = Instant::now();
    while app.count("#idle-warning").await > 0 {
        assert!(
            answered.elapsed() < Duration::from_secs(5),
            "answering the warning removes it"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let now_showing = app
        .client
        .execute(
            "return document.querySelector('#screen > [data-screen]').dataset.screen;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        now_showing, "lesson",
        "answering the warning leaves the lesson open"
    );

    // Left alone again, the session clears 30 s after that click.
    let left = answered;
    tokio::time::sleep(Duration::from_secs(20)).await;
    assert_eq!(
        app.count("[data-screen=disclaimer]").await,
        0,
        "cleared too early"
    );
    app.wait_for("[data-screen=disclaimer] #accept-disclaimer")
        .await;
    let waited = left.elapsed();
    assert!(
        waited >= Duration::from_secs(28),
        "cleared after only {waited:?}"
    );
    assert!(app
        .text("#notices")
        .await
        .contains("cleared after 30 seconds without use"));
    let overview = app.invoke("get_overview", json!({})).await;
    assert_eq!(overview["ok"]["consent_needed"], true, "{overview}");
    assert_eq!(
        overview["ok"]["lessons"][0]["state"], "not_started",
        "{overview}"
    );
    assert!(
        harness.data_dir().join("shared-device.json").exists()
            && !harness.data_dir().join("learner.json").exists(),
        "a shared device keeps its sessions apart from any personal record: {:?}",
        std::fs::read_dir(harness.data_dir())
            .map(|d| d.flatten().map(|e| e.file_name()).collect::<Vec<_>>())
    );
    app.quit().await;
}
