//! Course packs: a clinic's pack used instead of the built-in course, a
//! broken or hostile one refused with every problem named and a fall-back to
//! the built-in course, and About naming the course and the data folder.

use serde_json::{json, Value};

use crate::fixture::{fixture_pack, TestApp};

#[test]
fn a_clinic_pack_is_used_instead_of_the_built_in_course() {
    let app = TestApp::with_pack(fixture_pack("clinic"));
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["provider"], "Riverside Community Physio");
    assert_eq!(overview["total"], 2);
    app.consent();
    for id in ["moving-again", "flare-ups"] {
        app.ok("complete_lesson", json!({ "id": id }));
    }
    assert_eq!(
        app.ok("get_finished", json!({}))["next_step_url"],
        "https://riverside-physio.example/book"
    );
    let help = app.ok("get_help", json!({}));
    assert_eq!(help["region"], "the United Kingdom");
    assert_eq!(help["groups"][0]["contacts"][0]["number"], "999");
    assert_eq!(help["groups"][2]["contacts"][0]["number"], "116 123");
}

/// An error's problems as "file:line: message", from the data it carries.
fn problem_lines(err: &Value) -> Vec<String> {
    err["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems in {err}"))
        .iter()
        .map(|p| match p["line"].as_u64() {
            Some(line) => format!(
                "{}:{line}: {}",
                p["file"].as_str().unwrap(),
                p["message"].as_str().unwrap()
            ),
            None => format!(
                "{}: {}",
                p["file"].as_str().unwrap(),
                p["message"].as_str().unwrap()
            ),
        })
        .collect()
}

#[test]
fn a_broken_pack_reports_every_problem_and_can_fall_back_to_the_built_in_course() {
    let app = TestApp::with_pack(fixture_pack("broken"));
    let err = app.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "pack_content");
    let problems = problem_lines(&err);
    for expected in [
        "lessons/03-copy.md: has the same id \"second\" as lessons/02-second.md",
        "lessons/02-second.md:8: the citation \"Nobody et al., 2020\"",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "missing {expected:?} in:\n{problems:#?}"
        );
    }
    assert_eq!(app.err_kind("accept_disclaimer", json!({})), "pack_content");
    // The start-up data still answers, with the words for the error screen.
    let start = app.ok("get_start", json!({}));
    assert_eq!(start["error"]["kind"], "pack_content", "{start}");
    assert_eq!(
        start["words"]["error.use-built-in"],
        "Continue with the standard course instead"
    );
    assert!(start["overview"].is_null(), "{start}");
    let overview = app.ok("use_built_in_course", json!({}))["overview"].clone();
    assert_eq!(overview["title"], "Persistent Back Pain Mini Course");
    assert_eq!(app.ok("get_overview", json!({}))["total"], 3);
    // The built-in numbers now on screen are Australian, not the clinic's:
    // the view says it is standing in, for the page to say so.
    let help = app.ok("get_help", json!({}));
    assert_eq!(
        (help["fallback"].as_bool(), help["region"].as_str()),
        (Some(true), Some("Australia"))
    );
    assert_eq!(
        app.ok("get_disclaimer", json!({}))["help"]["fallback"],
        true
    );
}

#[test]
fn use_built_in_course_does_not_replace_a_pack_that_loaded() {
    let app = TestApp::with_pack(fixture_pack("clinic"));
    let overview = app.ok("use_built_in_course", json!({}))["overview"].clone();
    assert_eq!(overview["provider"], "Riverside Community Physio");
}

#[test]
fn a_pack_with_raw_html_and_script_links_is_refused_with_each_place_named() {
    let app = TestApp::with_pack(fixture_pack("hostile-markup"));
    let err = app.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "pack_content");
    let problems = problem_lines(&err);
    for line in [10, 12, 18] {
        let expected = format!("lessons/01-attack.md:{line}: raw HTML is not allowed");
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "missing {expected:?} in:\n{problems:#?}"
        );
    }
}

#[test]
fn about_names_the_built_in_course_and_the_data_folder() {
    let app = TestApp::new();
    let about = app.ok("get_about", json!({}));
    assert_eq!(about["origin"], "built_in");
    assert_eq!(about["pack_folder"], Value::Null);
    assert_eq!(
        about["data_folder"],
        app.store_path().parent().unwrap().display().to_string()
    );
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
}
