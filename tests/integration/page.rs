//! What the page keeps between calls, checked against Rust.

use crate::root;

/// The text of each `#[tauri::command]` function in commands.rs, by name.
fn command_bodies() -> Vec<(String, String)> {
    let source = std::fs::read_to_string(root().join("src-tauri/src/commands.rs")).unwrap();
    source
        .split("#[tauri::command]")
        .skip(1)
        .filter_map(|body| {
            let name = body.split(" fn ").nth(1)?.split(['(', '<']).next()?;
            Some((name.to_owned(), body.to_owned()))
        })
        .collect()
}

#[test]
fn the_page_keeps_lesson_views_only_across_commands_that_change_no_record() {
    // The page is sent Rust's list at start-up (get_start), so there is one
    // list; each command on it must leave the record alone.
    use back_pain_course::command_names::{COMMANDS, READ_ONLY};
    // What a command that writes calls on the app's state.
    const WRITES: [&str; 6] = [
        ".change(",
        "lesson_change(",
        ".start_over(",
        ".erase_learner_data(",
        ".fall_back_to_built_in(",
        ".clear_shared_session_at_launch(",
    ];
    let bodies = command_bodies();
    for name in READ_ONLY {
        assert!(COMMANDS.contains(name), "{name} is not a command");
        let (_, body) = bodies
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("commands.rs has no command {name}"));
        let writes: Vec<_> = WRITES.iter().filter(|w| body.contains(*w)).collect();
        assert!(
            writes.is_empty(),
            "{name} is listed read-only but calls {writes:?}"
        );
    }
    // The scan sees the writes where they are.
    let (_, complete) = bodies.iter().find(|(n, _)| n == "complete_lesson").unwrap();
    assert!(complete.contains("lesson_change("));
    let (_, answer) = bodies.iter().find(|(n, _)| n == "answer_question").unwrap();
    assert!(WRITES.iter().any(|w| answer.contains(w)));
}
