//! "Listen" in the real app: WebKitGTK's own speech (Flite) reads the
//! longest lesson part by part into a silent sound server that plays at
//! speaking pace, lighting up each part; it pauses, carries on, stops when
//! the screen changes, and keeps its speed across a restart. A course in a
//! language with no voice here shows no control and says why.

use serde_json::Value;

use crate::harness::{fixture_copy, App, Harness, Key};

/// What the page and the webview's speech say now.
const STATE: &str = "return {\
    speaking: speechSynthesis.speaking,\
    paused: speechSynthesis.paused,\
    lit: [...document.querySelectorAll('.listen-current')].map((e) => e.id),\
    status: document.getElementById('listen-status')?.textContent ?? null,\
    play: document.getElementById('listen-play')?.textContent ?? null,\
  };";

async fn state(app: &App) -> Value {
    app.client.execute(STATE, vec![]).await.unwrap()
}

async fn wait_for_state(app: &App, what: &str, holds: impl Fn(&Value) -> bool) -> Value {
    app.wait_until(what, || async { holds(&state(app).await) })
        .await;
    state(app).await
}

async fn open_longest_lesson(app: &App) {
    app.click("#nav-home").await;
    app.click("#open-lesson-what-to-do").await;
    app.screen("lesson").await;
}

/// Waits until the Listen control is shown (a voice is found after the
/// first paint).
async fn listen_shown(app: &App) {
    app.wait_until("the Listen control to be shown", || async {
        app.count("#listen:not([hidden])").await == 1
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the silent sound server is PulseAudio's, on Linux"
)]
async fn with_listen_shown_the_action_and_the_first_emergency_sign_are_on_the_first_screen() {
    let harness = Harness::with_sound();
    let app = harness.launch_at("disclaimer").await;
    // In every theme (their borders and weights differ), on the first
    // screen and on "Get help now".
    for theme in ["light", "dark", "high_contrast"] {
        app.choose_theme(theme).await;
        for (screen, link, picture) in [
            ("disclaimer", "#nav-home", "first-screen"),
            ("get-help", "#nav-get-help", "get-help"),
        ] {
            app.click(link).await;
            app.screen(screen).await;
            listen_shown(&app).await;
            app.screenshot(&format!("{picture}-{theme}")).await;
            crate::assert_action_and_first_sign_on_screen(&app, &format!("[data-screen={screen}]"))
                .await;
        }
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the silent sound server is PulseAudio's, on Linux"
)]
async fn listen_reads_the_longest_lesson_part_by_part_pauses_carries_on_stops_and_keeps_its_speed()
{
    let harness = Harness::with_sound();
    let app = harness.launch_at("disclaimer").await;
    // The disclaimer can be heard before it is accepted.
    listen_shown(&app).await;
    app.click("#accept-disclaimer").await;
    open_longest_lesson(&app).await;
    app.screenshot("listen-control").await;

    // Slower, chosen in the control, is what the learner keeps (WebKitGTK
    // offers no faster: it stalls above the voice's own pace).
    assert_eq!(app.count("#listen-speed option[value=faster]").await, 0);
    app.click("#listen-speed option[value=slower]").await;
    app.wait_until("the speed to be saved", || async {
        app.invoke("get_overview", serde_json::json!({})).await["ok"]["preferences"]
            ["reading_speed"]
            == "slower"
    })
    .await;

    // Start from the lesson's first section: its heading, then its first
    // paragraph.
    let sections: Vec<(String, String)> = serde_json::from_value(
        app.client
            .execute(
                "return [...document.querySelectorAll('#listen-from option')].map((o) => [o.value, o.textContent]);",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    let (first_section, title) = sections
        .iter()
        .find(|(_, title)| title == "The main message")
        .expect("the lesson's first section is offered as a start");
    app.click(&format!("#listen-from option[value=\"{first_section}\"]"))
        .await;
    app.click("#listen-play").await;
    let first_paragraph = app
        .script_text("return document.querySelector('#lesson-text p[data-say]').id;")
        .await;
    // `start` of the first paragraph's utterance lights it up...
    let now = wait_for_state(&app, "the first paragraph to be read", |s| {
        s["lit"][0] == first_paragraph.as_str()
    })
    .await;
    assert_eq!(now["speaking"], true, "{now}");
    assert_eq!(now["status"], format!("Reading: {title}"), "{now}");
    assert_eq!(now["play"], "Pause", "{now}");
    // The control while it reads, and the part lit up, pass axe too.
    let found = app.axe().await;
    assert!(found.is_empty(), "{found:?}");
    app.screenshot("listen-reading").await;
    // ...and its `end` moves on to the next part.
    let now = wait_for_state(&app, "the first paragraph to end", |s| {
        s["lit"][0] != first_paragraph.as_str()
    })
    .await;
    let second_part = now["lit"][0].as_str().unwrap().to_owned();
    assert!(second_part.starts_with("say-lesson-"), "{now}");

    // Pause holds the place; Carry on goes on from it.
    app.click("#listen-play").await;
    let now = wait_for_state(&app, "speech to pause", |s| s["paused"] == true).await;
    assert_eq!(now["status"], format!("Paused: {title}"), "{now}");
    assert_eq!(now["play"], "Carry on", "{now}");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(state(&app).await["lit"][0], second_part.as_str());
    app.click("#listen-play").await;
    let now = wait_for_state(&app, "speech to carry on", |s| {
        s["paused"] == false && s["speaking"] == true
    })
    .await;
    assert_eq!(now["play"], "Pause", "{now}");

    // Alt + L pauses too (and carries on).
    app.press_chars(&[Key::Alt.into(), 'l']).await;
    wait_for_state(&app, "Alt + L to pause", |s| s["paused"] == true).await;
    app.press_chars(&[Key::Alt.into(), 'l']).await;
    wait_for_state(&app, "Alt + L to carry on", |s| s["paused"] == false).await;

    // Leaving the screen stops it.
    app.click("#nav-home").await;
    app.screen("home").await;
    let now = wait_for_state(&app, "speech to stop", |s| s["speaking"] == false).await;
    assert_eq!(now["lit"], serde_json::json!([]), "{now}");
    app.quit().await;

    // The speed is kept across a restart.
    let app = harness.launch_at("home").await;
    open_longest_lesson(&app).await;
    app.wait_until("the kept speed to be shown", || async {
        app.client
            .execute(
                "return document.getElementById('listen-speed').value;",
                vec![],
            )
            .await
            .unwrap()
            == "slower"
    })
    .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the test relies on WebKitGTK's English-only voices"
)]
async fn a_course_in_a_language_with_no_voice_hides_listen_and_says_why() {
    let (dir, pack) = fixture_copy("clinic");
    let config = std::path::Path::new(&pack).join("course.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("language = \"en-AU\"", "language = \"cy\""),
    )
    .unwrap();
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch_at("disclaimer").await;
    app.click("#nav-settings").await;
    app.screen("settings").await;
    app.wait_until("the settings to say Listen is not offered", || async {
        app.text("#listen-offered")
            .await
            .starts_with("Listen is not offered")
    })
    .await;
    app.click("#nav-get-help").await;
    app.screen("get-help").await;
    assert_eq!(app.count("#listen[hidden]").await, 1);
    assert_eq!(app.count("#listen:not([hidden])").await, 0);
    app.quit().await;
    drop(dir);
}

/// Each part "Listen" reads is an element of its screen, met in the order
/// the page shows them: Rust's list and the page's layout cannot drift.
const TARGETS_IN_ORDER: &str = "const targets = arguments[0];\
    const all = [...document.querySelectorAll('#screen *')];\
    const missing = targets.filter((id) => !document.getElementById(id));\
    const places = targets.map((id) => all.indexOf(document.getElementById(id)));\
    const backwards = targets.filter((id, i) => i > 0 && places[i] < places[i - 1]);\
    return { missing, backwards };";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn every_part_listen_reads_is_on_its_screen_in_the_order_shown() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    let mut wrong = Vec::new();
    wrong.extend(parts_out_of_place(&app, "get_disclaimer", serde_json::json!({})).await);
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    for id in ["why-ongoing", "how-long", "what-to-do"] {
        app.click("#nav-home").await;
        app.click(&format!("#open-lesson-{id}")).await;
        app.wait_for(&format!("[data-lesson={id}]")).await;
        wrong
            .extend(parts_out_of_place(&app, "open_lesson", serde_json::json!({ "id": id })).await);
    }
    // Every guide, opened from the everyday tools.
    let overview = app.invoke("get_overview", serde_json::json!({})).await["ok"].clone();
    let guides: Vec<String> = overview["tools"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["guide"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(guides.len(), 6, "{overview}");
    for id in &guides {
        app.click("#nav-tools").await;
        app.click(&format!("#open-tool-{id}")).await;
        app.wait_for(&format!("[data-guide={id}]")).await;
        wrong.extend(parts_out_of_place(&app, "open_guide", serde_json::json!({ "id": id })).await);
    }
    app.click("#nav-get-help").await;
    app.screen("get-help").await;
    wrong.extend(parts_out_of_place(&app, "get_help", serde_json::json!({})).await);
    for (id, _) in crate::LESSONS {
        app.invoke("complete_lesson", serde_json::json!({ "id": id }))
            .await;
    }
    app.click("#nav-home").await;
    app.click("#finished-panel #go-finished").await;
    app.screen("finished").await;
    wrong.extend(parts_out_of_place(&app, "get_finished", serde_json::json!({})).await);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    app.quit().await;
}

/// What is wrong with the parts that `command`'s view reads on the screen
/// now shown: none, or parts missing or out of order.
async fn parts_out_of_place(app: &App, command: &str, args: Value) -> Option<String> {
    let view = app.invoke(command, args).await["ok"].clone();
    let targets: Vec<Value> = view["listen"]["parts"]
        .as_array()
        .map(|parts| parts.iter().map(|p| p["target"].clone()).collect())
        .unwrap_or_default();
    let found = app
        .client
        .execute(TARGETS_IN_ORDER, vec![Value::Array(targets.clone())])
        .await
        .unwrap();
    (targets.is_empty() || found != serde_json::json!({ "missing": [], "backwards": [] }))
        .then(|| format!("{command}: {} parts; {found}", targets.len()))
}
