//! The page's start-up: what `index.html` asks for before its script runs.

use std::collections::BTreeSet;

use crate::root;

/// Each `href` of a `<link rel="modulepreload">` in `html`.
fn preloaded(html: &str) -> BTreeSet<String> {
    html.lines()
        .filter(|line| line.contains(r#"rel="modulepreload""#))
        .filter_map(|line| line.split(r#"href=""#).nth(1)?.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn index_html_preloads_every_module_of_the_page_and_nothing_else() {
    let html = std::fs::read_to_string(root().join("ui/index.html")).unwrap();
    let entry = "js/app.js";
    assert!(
        html.contains(&format!(r#"<script type="module" src="{entry}">"#)),
        "index.html no longer starts {entry}"
    );
    // Every module but the entry point, which the script tag itself loads.
    let modules: BTreeSet<String> = std::fs::read_dir(root().join("ui/js"))
        .unwrap()
        .map(|e| format!("js/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".js") && name != entry)
        .collect();
    let preloaded = preloaded(&html);
    let missing: Vec<_> = modules.difference(&preloaded).collect();
    let stale: Vec<_> = preloaded.difference(&modules).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "ui/index.html: modules not preloaded {missing:?}; preloads of no module {stale:?}"
    );
}

#[test]
fn the_preload_scan_reads_hrefs_of_modulepreload_links_only() {
    let html = r#"<link rel="stylesheet" href="css/app.css">
  <link rel="modulepreload" href="js/a.js">
<link rel="modulepreload" href="js/b.js">"#;
    let found: Vec<_> = preloaded(html).into_iter().collect();
    assert_eq!(found, ["js/a.js", "js/b.js"]);
}

/// The quoted names in `const READ_ONLY = new Set([...])` of `ui/js/api.js`.
fn page_read_only_commands() -> BTreeSet<String> {
    let api = std::fs::read_to_string(root().join("ui/js/api.js")).unwrap();
    let start = api
        .find("const READ_ONLY = new Set([")
        .expect("ui/js/api.js has no READ_ONLY set");
    let list = &api[start..start + api[start..].find("]);").unwrap()];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

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
    use back_pain_course::command_names::{COMMANDS, READ_ONLY};
    let rust: BTreeSet<String> = READ_ONLY.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        page_read_only_commands(),
        rust,
        "ui/js/api.js READ_ONLY differs from command_names.rs READ_ONLY"
    );
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
