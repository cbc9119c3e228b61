//! The command list: every command in it is registered with the handler,
//! and a default build has no benchmark command.

use serde_json::json;

use crate::fixture::{fixture_pack, TestApp};

#[test]
fn every_command_in_the_list_is_registered_with_the_handler() {
    // On a broken pack every course command stops at "no course" before
    // doing anything, so even the one that shows a save dialog returns.
    let app = TestApp::with_pack(fixture_pack("broken"));
    // Falling back to the built-in course would let the dialog open: last.
    let mut commands = back_pain_course::command_names::COMMANDS.to_vec();
    commands.sort_by_key(|c| *c == "use_built_in_course");
    for command in commands {
        if let Err(err) = app.call(command, json!({})) {
            let text = err.to_string();
            assert!(!text.contains("not found"), "{command}: {text}");
        }
    }
}

/// The benchmark hooks are not in the product: no command, no permission.
#[cfg(not(feature = "bench"))]
#[test]
fn a_default_build_has_no_benchmark_command() {
    assert!(!back_pain_course::command_names::COMMANDS.contains(&"bench_report"));
    let app = TestApp::new();
    let refused = app
        .call("bench_report", json!({ "report": { "screen": "home" } }))
        .expect_err("bench_report answered in a default build");
    // "not found", or "not allowed" where a bench build on this machine
    // left its generated permission file behind: refused either way.
    let refused = refused.to_string();
    assert!(
        refused.contains("bench_report not found") || refused.contains("bench_report not allowed"),
        "{refused}"
    );
}
