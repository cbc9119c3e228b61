//! Start-up and consent: the first screen in one call, the overview, the
//! disclaimer and where to get help before consent, and accepting it.

use serde_json::json;

use crate::fixture::TestApp;

#[test]
fn get_start_gives_the_first_screen_in_one_call() {
    let app = TestApp::new();
    let first = app.ok("get_start", json!({}));
    assert_eq!(first["overview"]["consent_needed"], true);
    assert_eq!(first["language"], "en");
    assert_eq!(first["words"]["nav.get-help"], "Get help now");
    // The page's two lists are Rust's, sent here.
    assert_eq!(
        first["read_only_commands"],
        json!(back_pain_course::command_names::READ_ONLY)
    );
    assert_eq!(
        first["screen_anchors"],
        json!(back_pain_course::course::load::links::SCREEN_ANCHORS)
    );
    assert!(first["error"].is_null(), "{first}");
    assert_eq!(
        first["disclaimer"]["help"]["groups"][0]["contacts"][0]["number"], "000",
        "the disclaimer, with where to get help, is the first screen"
    );
    assert_eq!(first["notices"], json!([]));
    app.consent();
    let later = app.ok("get_start", json!({}));
    assert_eq!(later["overview"]["consent_needed"], false);
    assert!(later["disclaimer"].is_null(), "{later}");
}

#[test]
fn get_overview_on_first_start_asks_for_consent_and_lists_three_lessons() {
    let app = TestApp::new();
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["consent_needed"], true);
    assert_eq!(overview["title"], "Persistent Back Pain Mini Course");
    assert_eq!(overview["total"], 3);
    assert_eq!(overview["completed"], 0);
    assert_eq!(overview["total_minutes"], 26);
    let states: Vec<&str> = overview["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["not_started"; 3]);
    assert!(overview["resume"].is_null());
}

#[test]
fn get_disclaimer_shows_the_text_and_whether_it_was_accepted() {
    let app = TestApp::new();
    let before = app.ok("get_disclaimer", json!({}));
    assert_eq!(before["accepted"], false);
    assert!(before["html"]
        .as_str()
        .unwrap()
        .contains("Alignment Exercise Physiology"));
    app.consent();
    let after = app.ok("get_disclaimer", json!({}));
    assert_eq!(after["accepted"], true);
    assert!(after["accepted_at"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn get_help_answers_before_consent_and_the_disclaimer_carries_the_same_help() {
    let app = TestApp::new();
    let help = app.ok("get_help", json!({}));
    assert_eq!(help["region"], "Australia");
    assert_eq!(help["fallback"], false);
    let numbers: Vec<(&str, &str)> = help["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["kind"].as_str().unwrap(),
                g["contacts"][0]["number"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        vec![
            ("emergency", "000"),
            ("urgent", "1800 633 422"),
            ("crisis", "13 11 14")
        ]
    );
    assert_eq!(help["groups"][2]["contacts"][1]["by"], "text");
    assert_eq!(help["checked"]["text"], "Numbers checked December 2026.");
    assert!(help["groups"][0]["body_html"]
        .as_str()
        .unwrap()
        .contains("chest pain"));
    // The same groups above the disclaimer (under its own heading);
    // "Listen" on each screen reads its own screen.
    let mut groups = help.clone();
    groups.as_object_mut().unwrap().remove("listen");
    groups.as_object_mut().unwrap().remove("heading");
    assert_eq!(help["heading"]["id"], help["listen"]["parts"][0]["target"]);
    assert_eq!(app.ok("get_disclaimer", json!({}))["help"], groups);
    assert_eq!(help["listen"]["parts"][0]["text"], "Get help now");
    assert!(!app.store.exists(), "reading help stores nothing");
}

#[test]
fn accept_disclaimer_saves_consent_with_version_and_time() {
    let app = TestApp::new();
    let result = app.ok("accept_disclaimer", json!({}));
    assert!(result["save_error"].is_null(), "{result}");
    let consent = &app.stored()["learner"]["consent"];
    assert_eq!(consent["disclaimer_version"].as_str().unwrap().len(), 16);
    assert!(consent["accepted_at"].is_string());
    assert_eq!(app.ok("get_overview", json!({}))["consent_needed"], false);
}
