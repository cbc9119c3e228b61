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
