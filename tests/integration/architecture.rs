//! `docs/architecture.md` names every module of `src-tauri/src/` and
//! `ui/js/` with a line on its job, and names none that is gone, in its
//! list or in its prose: a module added without its line, or removed or
//! renamed with its name left in the doc, fails here, naming the file.

use std::collections::BTreeSet;

use crate::{root, walk};

const DOC: &str = "docs/architecture.md";
/// The folders whose every module the doc lists, and the module's ending.
const FOLDERS: [(&str, &str); 2] = [("src-tauri/src", "rs"), ("ui/js", "js")];

/// The module paths the doc's list gives: each line "- `path`: its job".
fn listed(doc: &str) -> Vec<(String, String)> {
    doc.lines()
        .filter_map(|line| line.strip_prefix("- `"))
        .filter_map(|rest| rest.split_once("`: "))
        .map(|(path, job)| (path.to_owned(), job.trim().to_owned()))
        .collect()
}

/// Every module on disk, as a path from the repository's root.
fn on_disk() -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for (folder, ending) in FOLDERS {
        for path in walk(&root().join(folder)) {
            if path.extension().is_some_and(|e| e == ending) {
                let relative = path.strip_prefix(root()).unwrap();
                modules.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    modules
}

/// Every module path the doc names anywhere, in a list or in its prose: each
/// run of path characters that starts with one of the folders and ends in
/// its module's ending.
fn mentioned(doc: &str) -> BTreeSet<String> {
    let is_path_char = |c: char| c.is_ascii_alphanumeric() || "_-./".contains(c);
    let mut paths = BTreeSet::new();
    for (folder, ending) in FOLDERS {
        let start = format!("{folder}/");
        for (at, _) in doc.match_indices(&start) {
            let preceded_by_path = doc[..at].chars().next_back().is_some_and(is_path_char);
            let rest = &doc[at..];
            let path = &rest[..rest.find(|c| !is_path_char(c)).unwrap_or(rest.len())];
            let path = path.trim_end_matches('.');
            if !preceded_by_path && path.ends_with(&format!(".{ending}")) {
                paths.insert(path.to_owned());
            }
        }
    }
    paths
}

fn problems(doc: &str, modules: &BTreeSet<String>) -> Vec<String> {
    let lines = listed(doc);
    let named: BTreeSet<&str> = lines.iter().map(|(path, _)| path.as_str()).collect();
    let mut problems = Vec::new();
    for module in modules {
        if !named.contains(module.as_str()) {
            problems.push(format!("{DOC} has no line for {module}"));
        }
    }
    for (path, job) in &lines {
        let under_a_folder = FOLDERS
            .iter()
            .any(|(folder, _)| path.starts_with(&format!("{folder}/")));
        if under_a_folder && !modules.contains(path) {
            problems.push(format!("{DOC} names {path}, which is not there"));
        }
        if job.is_empty() {
            problems.push(format!("{DOC}: {path} has no job written"));
        }
    }
    let in_list: BTreeSet<&str> = lines.iter().map(|(path, _)| path.as_str()).collect();
    for path in mentioned(doc) {
        if !in_list.contains(path.as_str()) && !modules.contains(&path) {
            problems.push(format!("{DOC} names {path}, which is not there"));
        }
    }
    let mut seen = BTreeSet::new();
    for (path, _) in &lines {
        if !seen.insert(path) {
            problems.push(format!("{DOC} names {path} twice"));
        }
    }
    problems
}

#[test]
fn every_module_has_its_line_in_the_architecture_doc_and_the_doc_names_none_that_is_gone() {
    let doc = std::fs::read_to_string(root().join(DOC)).unwrap();
    let modules = on_disk();
    assert!(modules.contains("src-tauri/src/lib.rs") && modules.contains("ui/js/app.js"));
    let found = problems(&doc, &modules);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_names_a_module_without_its_line_and_a_named_module_that_is_gone() {
    let modules: BTreeSet<String> = ["src-tauri/src/lib.rs", "ui/js/new_tool.js"]
        .map(String::from)
        .into();
    let doc = "- `src-tauri/src/lib.rs`: wiring.\n- `ui/js/gone.js`: was here.\n\
               Errors are made in `src-tauri/src/lost.rs`, as src-tauri/src/lib.rs says.\n\
               Not modules: `src-tauri/src/course/` and tests/ui/js/x.js.\n";
    assert_eq!(
        problems(doc, &modules),
        [
            "docs/architecture.md has no line for ui/js/new_tool.js",
            "docs/architecture.md names ui/js/gone.js, which is not there",
            "docs/architecture.md names src-tauri/src/lost.rs, which is not there",
        ]
    );
}
