//! The W3C Nu Html Checker over pages the tests saved.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Runs the W3C Nu Html Checker (npm `vnu-jar`, on Java) over `files`, once
/// for them all; returns each error as "file:line: message".
pub fn validate_html(files: &[PathBuf]) -> Vec<String> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "{} is missing: run scripts/setup (npm ci)",
        jar.display()
    );
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(files)
        .output()
        .expect("java runs the HTML checker (run scripts/setup)");
    let report: Value = serde_json::from_slice(&output.stderr)
        .or_else(|_| serde_json::from_slice(&output.stdout))
        .unwrap_or_else(|e| {
            panic!(
                "the HTML checker's report is not JSON ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        // Anything but information fails: an error in the page, or a page
        // the checker could not read ("non-document-error").
        .filter(|m| m["type"] != "info")
        .map(|m| {
            let file = m["url"]
                .as_str()
                .unwrap_or_default()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned();
            format!(
                "{file}:{}: {}",
                m["lastLine"],
                m["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}
