//! The learner's file: kept across a restart, set aside when damaged, never
//! overwritten when a newer app wrote it, kept in memory and retried when a
//! save fails, never written by a second copy of the app, and gone when the
//! learner deletes their data.

use serde_json::{json, Value};

use crate::fixture::{temp_store, TestApp};

#[test]
fn a_restart_keeps_consent_progress_and_the_last_lesson() {
    let (_dir, store) = temp_store();
    {
        let app = TestApp::open(store.clone());
        app.consent();
        app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
        app.ok("open_lesson", json!({ "id": "how-long" }));
        app.quit();
    }
    let again = TestApp::open(store);
    let overview = again.ok("get_overview", json!({}));
    assert_eq!(overview["consent_needed"], false);
    assert_eq!(overview["completed"], 1);
    assert_eq!(overview["resume"]["id"], "how-long");
    assert_eq!(again.ok("get_start", json!({}))["notices"], json!([]));
}

#[test]
fn a_damaged_store_is_set_aside_and_the_learner_is_told() {
    let app = TestApp::with_store_file(|path| {
        std::fs::write(path, "{\"learner\": {\"schema_ver").unwrap()
    });
    let notices = app.ok("get_start", json!({}))["notices"].clone();
    let notice = notices[0].as_str().unwrap();
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(notice.contains("learner.json.damaged-"), "{notice}");
    let kept: Vec<_> = std::fs::read_dir(app.store.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("learner.json.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept");
    assert_eq!(
        app.ok("get_start", json!({}))["notices"],
        json!([]),
        "told once"
    );
    assert_eq!(app.ok("get_overview", json!({}))["consent_needed"], true);
}

#[test]
fn a_store_from_a_newer_app_is_never_overwritten() {
    let newer = r#"{"learner": {"schema_version": 99, "future": "data"}}"#;
    let app = TestApp::with_store_file(|path| std::fs::write(path, newer).unwrap());
    let notice = app.ok("get_start", json!({}))["notices"][0]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(notice.contains("newer version"), "{notice}");
    let result = app.ok("accept_disclaimer", json!({}));
    assert!(result["save_error"].is_null());
    assert_eq!(
        app.ok("get_overview", json!({}))["consent_needed"],
        false,
        "works for this session"
    );
    assert_eq!(std::fs::read_to_string(&app.store).unwrap(), newer);
}

#[test]
fn a_failed_save_is_reported_kept_in_memory_and_retried_at_the_next_change() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    let app = TestApp::open(folder.join("learner.json"));
    // The disk goes away under the running app: a file where the store's
    // folder was makes every save fail, even as root. Windows will not
    // remove a folder while the app holds its lock file open, so there a
    // folder takes the backup's name instead, which fails the save as surely.
    let blocker = folder.join("learner.backup.json");
    if cfg!(windows) {
        std::fs::create_dir(&blocker).unwrap();
    } else {
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::write(&folder, "not a folder").unwrap();
    }
    let result = app.ok("accept_disclaimer", json!({}));
    assert_eq!(result["save_error"]["kind"], "store_write", "{result}");
    assert!(result["save_error"]["message"]
        .as_str()
        .unwrap()
        .contains("could not be saved"));
    assert_eq!(app.ok("get_overview", json!({}))["consent_needed"], false);

    // The disk comes back; the next change saves everything, consent included.
    if cfg!(windows) {
        std::fs::remove_dir(&blocker).unwrap();
    } else {
        std::fs::remove_file(&folder).unwrap();
    }
    let lesson = app.ok("open_lesson", json!({ "id": "why-ongoing" }));
    assert!(lesson["save_error"].is_null(), "{lesson}");
    let stored: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("learner.json")).unwrap())
            .unwrap();
    assert!(stored["learner"]["consent"].is_object());
    assert_eq!(stored["learner"]["last_lesson"], "why-ongoing");
}

/// A folder nothing can be written to (a write-protected stick): the
/// progress saved there is shown, the learner is told it cannot be saved,
/// never that the course is open elsewhere, and nothing is written.
#[test]
fn progress_in_a_folder_that_cannot_be_written_is_shown_and_never_said_to_be_saved() {
    let (_dir, store) = temp_store();
    let first = TestApp::open(store.clone());
    first.consent();
    first.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    first.quit();
    let before = std::fs::read(&store).unwrap();
    // The lock file cannot be made: a folder stands where it would be (as
    // root, permissions would not stop the test).
    let lock = store.with_extension("lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();

    let app = TestApp::open(store.clone());
    let notices = app.ok("get_start", json!({}))["notices"].clone();
    let notice = notices[0].as_str().unwrap_or_default();
    assert!(notice.contains("cannot be saved"), "{notices}");
    assert!(!notice.contains("another window"), "{notices}");
    assert_eq!(app.ok("get_overview", json!({}))["completed"], 1);
    let changed = app.ok("complete_lesson", json!({ "id": "how-long" }));
    assert_eq!(changed["session_only"], true, "{changed}");
    assert_eq!(std::fs::read(&store).unwrap(), before, "it wrote");
}

#[test]
fn a_second_copy_of_the_app_shows_progress_but_never_writes() {
    let (_dir, store) = temp_store();
    let first = TestApp::open(store.clone());
    first.consent();
    first.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    let before = std::fs::read(&store).unwrap();

    let second = TestApp::open(store.clone());
    let notice = second.ok("get_start", json!({}))["notices"][0]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        notice.contains("already open in another window"),
        "{notice}"
    );
    assert_eq!(second.ok("get_overview", json!({}))["completed"], 1);
    // It says so with every change, so the page never says "Saved.".
    let changed = second.ok("complete_lesson", json!({ "id": "how-long" }));
    assert_eq!(changed["session_only"], true, "{changed}");
    let plan = second.ok(
        "change_plan",
        json!({ "field": "building_up", "index": null, "text": "A little more each week" }),
    );
    assert_eq!(plan["session_only"], true);
    assert_eq!(
        std::fs::read(&store).unwrap(),
        before,
        "the second copy wrote"
    );
    let written = first.ok("open_lesson", json!({ "id": "how-long" }));
    assert_eq!(written["session_only"], false);

    first.quit();
    let third = TestApp::open(store);
    assert_eq!(
        third.ok("get_start", json!({}))["notices"],
        json!([]),
        "the lock went with the first copy"
    );
}

#[test]
fn delete_my_data_removes_the_files_and_quitting_does_not_bring_them_back() {
    let (dir, store) = temp_store();
    let app = TestApp::open(store.clone());
    app.consent();
    app.ok("set_theme", json!({ "theme": "dark" }));
    assert!(store.exists());
    let overview = app.ok("delete_my_data", json!({}));
    assert_eq!(overview["consent_needed"], true);
    assert_eq!(overview["preferences"]["theme"], "system");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["learner.lock"], "only the empty lock file stays");
    // The learner may carry on; a new start saves afresh.
    app.consent();
    assert!(store.exists());
    app.quit();
}
