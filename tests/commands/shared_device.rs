//! Shared-device mode: "start over" only on a shared device, a broken
//! shared-device pack falling back to a shared-device course without
//! touching personal progress, and a session that cannot be cleared reported.

use std::path::Path;

use back_pain_course::course::load::pack_source::{Origin, PackSource};
use serde_json::json;
use tempfile::TempDir;

use crate::fixture::{pack_folder, temp_store, TestApp};

#[test]
fn start_over_is_refused_on_a_personal_device_and_changes_nothing() {
    let app = TestApp::new();
    app.consent();
    app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    assert_eq!(app.err_kind("start_over", json!({})), "not_shared_device");
    assert_eq!(app.ok("get_overview", json!({}))["completed"], 1);
}

/// A copy of a fixture pack with shared-device mode turned on.
fn shared_pack(name: &str) -> (TempDir, PackSource) {
    shared_copy(&pack_folder(name))
}

/// A copy of the pack in `from` with shared-device mode turned on.
pub fn shared_copy(from: &Path) -> (TempDir, PackSource) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(from, dir.path());
    let config = dir.path().join("course.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[shared_device]\nenabled = true\nidle_timeout_seconds = 120\n");
    std::fs::write(&config, text).unwrap();
    let source = PackSource {
        origin: Origin::CommandLine,
        folder: Some(dir.path().to_owned()),
    };
    (dir, source)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn a_broken_shared_device_pack_falls_back_to_a_shared_device_course() {
    // Someone's personal progress is on this computer already.
    let (data, personal) = temp_store();
    let app = TestApp::open(personal.clone());
    app.consent();
    app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    app.quit();
    let before = std::fs::read_to_string(&personal).unwrap();

    // A waiting-room pack that fails to load, and the learner carries on.
    let (_pack, source) = shared_pack("broken");
    let app = TestApp::open_with(source, personal.clone());
    assert_eq!(app.err_kind("get_overview", json!({})), "pack_content");
    let overview = app.ok("use_built_in_course", json!({}))["overview"].clone();
    assert_eq!(overview["consent_needed"], true, "{overview}");
    assert_eq!(overview["completed"], 0, "{overview}");
    assert_eq!(overview["idle_timeout_seconds"], 120, "{overview}");
    app.consent();
    app.ok("start_over", json!({}));
    // The session went to the shared-device file; the personal record is
    // exactly as it was.
    assert!(data.path().join("shared-device.json").exists());
    assert_eq!(std::fs::read_to_string(&personal).unwrap(), before);
}

#[test]
fn a_shared_session_that_cannot_be_cleared_at_launch_is_reported() {
    let (data, session) = temp_store();
    let (_pack, source) = shared_pack("clinic");
    let app = TestApp::open_with(source.clone(), session.clone());
    app.consent();
    app.quit();
    // The backup copy, written before every save through a temporary file
    // named for this process, can no longer be written: a folder stands
    // where the temporary file would go (root ignores permissions; this
    // refuses even root).
    let temp = data.path().join(format!(
        ".shared-device.backup.json.{}.tmp",
        std::process::id()
    ));
    std::fs::create_dir(&temp).unwrap();

    let app = TestApp::open_with(source, session);
    let notices = app.ok("get_start", json!({}))["notices"].clone();
    assert!(
        notices.as_array().unwrap().iter().any(|n| n
            .as_str()
            .unwrap()
            .starts_with("Your progress could not be saved")),
        "{notices}"
    );
}
