//! Display and reading settings: each choice remembered across a restart,
//! values not on offer refused, the reading speeds, and the voice.

use serde_json::{json, Value};

use crate::fixture::{temp_store, TestApp};

/// Each display choice, set through its command: kept across a restart,
/// and a value not on offer refused as an invalid setting.
#[test]
fn each_display_choice_is_remembered_and_values_not_on_offer_are_refused() {
    let choices = [
        // (command, argument, a good value, a refused one, the preference)
        ("set_text_size", "step", json!(4), json!(5), "text_size"),
        ("set_theme", "theme", json!("dark"), json!("<b>"), "theme"),
        (
            "set_reading_speed",
            "speed",
            json!("slower"),
            json!("warp"),
            "reading_speed",
        ),
    ];
    for (command, argument, good, refused, preference) in choices {
        let (_dir, store) = temp_store();
        {
            let app = TestApp::open(store.clone());
            let result = app.ok(command, json!({ argument: good }));
            assert_eq!(result[preference], good, "{command}");
            assert_eq!(
                app.err_kind(command, json!({ argument: refused })),
                "invalid_setting",
                "{command}"
            );
            app.quit();
        }
        let again = TestApp::open(store);
        assert_eq!(
            again.ok("get_overview", json!({}))["preferences"][preference],
            good,
            "{command} after a restart"
        );
    }
}

#[test]
fn the_reading_speed_starts_normal_and_the_page_is_offered_the_speeds_with_their_rates() {
    let app = TestApp::new();
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["preferences"]["reading_speed"], "normal");
    // The page offers the speeds this webview can keep up, with their rates.
    let speeds = overview["display"]["reading_speeds"].as_array().unwrap();
    assert_eq!(speeds[0], json!({ "name": "slower", "rate": 0.75 }));
    assert_eq!(speeds[1], json!({ "name": "normal", "rate": 1.0 }));
}

#[test]
fn choose_voice_allows_only_a_local_voice_in_the_course_language() {
    let app = TestApp::new();
    let voice = |name: &str, lang: &str, local: bool| json!({ "name": name, "lang": lang, "local_service": local, "default": false });
    let offered = json!({ "voices": [
        voice("Online English", "en-GB", false),
        voice("Amelie", "fr-CA", true),
        voice("Karen", "en-AU", true),
    ] });
    assert_eq!(app.ok("choose_voice", offered)["voice"], "Karen");
    let none = json!({ "voices": [voice("Online English", "en-GB", false)] });
    assert_eq!(app.ok("choose_voice", none)["voice"], Value::Null);
    // A voice list that is not one is refused, not guessed at.
    assert!(app.call("choose_voice", json!({ "voices": 5 })).is_err());
}
