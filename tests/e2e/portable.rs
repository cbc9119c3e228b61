//! A portable copy (the USB-stick zip, with `portable.toml` beside the
//! program): the web engine's storage stays in the copy's own folder, and
//! the learner's record too where the clinic asks for it.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::harness::{self, files_holding, files_under, Harness};

/// What the learner wrote, and what the page stored: the two things a
/// scan of the disk looks for.
const PLAN_TEXT: &str = "Ask about the stick copy";
const STORED_MARK: &str = "left-by-the-portable-copy";

/// A folder holding the app's binary (a hard link, so nothing is copied)
/// and `portable.toml` with `settings`, as the zip unpacked on a stick.
fn portable_copy(settings: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let binary = folder.path().join(
        Path::new(harness::app_binary())
            .file_name()
            .expect("the binary has a name"),
    );
    std::fs::hard_link(harness::app_binary(), &binary)
        .or_else(|_| std::fs::copy(harness::app_binary(), &binary).map(|_| ()))
        .unwrap();
    // Windows: the loader the -gnu build needs beside the .exe, if any.
    let beside = Path::new(harness::app_binary()).with_file_name("WebView2Loader.dll");
    if beside.exists() {
        std::fs::copy(&beside, folder.path().join("WebView2Loader.dll")).unwrap();
    }
    std::fs::write(folder.path().join("portable.toml"), settings).unwrap();
    (folder, binary)
}

/// Accepts the disclaimer, writes a plan line and stores a mark in the
/// page's own storage, then closes the app.
async fn a_session(harness: &Harness, binary: &Path) {
    let app = harness.launch_binary(binary.to_str().unwrap()).await;
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    let planned = app
        .invoke(
            "change_plan",
            json!({ "field": "questions", "index": null, "text": PLAN_TEXT }),
        )
        .await;
    assert!(planned.get("ok").is_some(), "{planned}");
    app.client
        .execute(
            &format!("localStorage.setItem('{STORED_MARK}', 'yes');"),
            vec![],
        )
        .await
        .unwrap();
    app.quit().await;
}

/// Linux: every file the app or its engine wrote in the run's home (the
/// user's folders), leaving out the harness's own (its bus, the recording
/// opener) and the desktop's shared caches.
#[cfg(target_os = "linux")]
fn written_in_home(harness: &Harness) -> Vec<String> {
    const NOT_THE_APPS: &[&str] = &[
        ".dbus/",
        "bin/",
        "cache/at-spi/",
        "cache/dconf/",
        "cache/fontconfig/",
        "cache/mesa_shader_cache/",
        "runtime/",
    ];
    files_under(harness.home.path())
        .into_iter()
        .filter(|f| !NOT_THE_APPS.iter().any(|prefix| f.starts_with(prefix)))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_portable_copy_asked_to_keep_the_record_here_leaves_nothing_in_the_users_folders() {
    let harness = Harness::new();
    let (folder, binary) = portable_copy("# As the clinic chose.\nrecord = \"here\"\n");
    a_session(&harness, &binary).await;

    let data = folder.path().join("data");
    let kept = files_under(&data);
    assert!(kept.contains(&"learner.json".to_owned()), "{kept:?}");
    assert!(
        kept.iter().any(|f| f.starts_with("webview")),
        "the engine wrote nothing in the copy's folder: {kept:?}"
    );
    assert!(
        !files_holding(&data, &[PLAN_TEXT]).is_empty(),
        "the plan is not in the copy's folder"
    );
    assert!(
        !files_holding(&data.join("webview"), &[STORED_MARK]).is_empty(),
        "the page's storage is not in the copy's folder"
    );
    assert!(
        !harness.data_dir().join("learner.json").exists(),
        "a record in the user's data folder"
    );
    // Nothing of the session in the user's own folders (data, config,
    // cache), byte for byte, and nothing of the app's there at all: only
    // the Linux harness gives the app a home of its own to scan.
    #[cfg(target_os = "linux")]
    {
        let left = files_holding(harness.home.path(), &[PLAN_TEXT, STORED_MARK]);
        assert!(left.is_empty(), "left in the user's folders: {left:?}");
        let written = written_in_home(&harness);
        assert!(
            written.is_empty(),
            "written in the user's folders: {written:?}"
        );
    }

    // The next start on this stick finds the learner's record there, and
    // says where it is.
    let app = harness.launch_binary(binary.to_str().unwrap()).await;
    app.screen("home").await;
    app.click("#nav-about").await;
    let about = app.text("#about-data").await;
    assert!(
        about.contains(&data.display().to_string()),
        "About does not name {}: {about}",
        data.display()
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_portable_copy_keeps_the_engines_storage_in_its_folder_and_the_record_on_the_computer() {
    let harness = Harness::new();
    let (folder, binary) = portable_copy("# Nothing set: the record stays on the computer.\n");
    a_session(&harness, &binary).await;

    let data = folder.path().join("data");
    let kept = files_under(&data);
    assert!(
        !kept.is_empty() && kept.iter().all(|f| f.starts_with("webview")),
        "the copy's folder should hold the engine's files only: {kept:?}"
    );
    assert!(
        !files_holding(&data, &[STORED_MARK]).is_empty(),
        "the page's storage is not in the copy's folder"
    );
    // The stick carries nothing the learner typed.
    let on_stick = files_holding(&data, &[PLAN_TEXT]);
    assert!(
        on_stick.is_empty(),
        "the plan is on the stick: {on_stick:?}"
    );
    let record = harness.data_dir().join("learner.json");
    assert!(
        std::fs::read_to_string(&record)
            .unwrap_or_default()
            .contains(PLAN_TEXT),
        "the plan is not in {}",
        record.display()
    );
    // In the user's folders, only the record: not the page's storage.
    #[cfg(target_os = "linux")]
    {
        let left = files_holding(harness.home.path(), &[STORED_MARK]);
        assert!(
            left.is_empty(),
            "page storage in the user's folders: {left:?}"
        );
        let written = written_in_home(&harness);
        assert!(
            !written.is_empty()
                && written.iter().all(|f| f.ends_with("learner.json")
                    || f.ends_with("learner.backup.json")
                    || f.ends_with("learner.lock")),
            "the app or its engine wrote more than the record in the user's folders: {written:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_portable_folder_that_cannot_be_written_says_where_the_record_is_kept_instead() {
    let harness = Harness::new();
    let (folder, binary) = portable_copy("record = \"here\"\n");
    // A file where the data folder would be: nothing can be written there
    // (a write-protected stick; permissions would not stop a test run as
    // root).
    std::fs::write(folder.path().join("data"), b"").unwrap();
    let app = harness.launch_binary(binary.to_str().unwrap()).await;
    app.screen("disclaimer").await;
    app.wait_for("#alerts .notice").await;
    let notice = app.text("#alerts").await;
    assert!(
        notice.contains("cannot save to its own folder")
            && notice.contains(&folder.path().join("data").display().to_string())
            && notice.contains(&harness.data_dir().display().to_string()),
        "{notice}"
    );
    app.screenshot("60-portable-folder-read-only").await;
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    app.quit().await;
    // Kept on the computer, as the notice said.
    assert!(harness.data_dir().join("learner.json").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_record_the_copy_kept_in_its_other_place_is_named_and_left_as_it_was() {
    let harness = Harness::new();
    // A session on the stick, then the copy set back to the computer (as
    // when a new release is unzipped over the folder's settings).
    let (folder, binary) = portable_copy("record = \"here\"\n");
    a_session(&harness, &binary).await;
    let on_stick = folder.path().join("data").join("learner.json");
    let before = std::fs::read(&on_stick).unwrap();
    std::fs::write(
        folder.path().join("portable.toml"),
        "record = \"computer\"\n",
    )
    .unwrap();
    let app = harness.launch_binary(binary.to_str().unwrap()).await;
    app.screen("disclaimer").await;
    app.wait_for("#alerts .notice").await;
    let notice = app.text("#alerts").await;
    assert!(
        notice.contains("Progress it saved before")
            && notice.contains(&folder.path().join("data").display().to_string()),
        "{notice}"
    );
    app.quit().await;
    assert_eq!(
        std::fs::read(&on_stick).unwrap(),
        before,
        "the stick's record changed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_stick_that_became_write_protected_shows_its_own_learners_progress_read_only() {
    let harness = Harness::new();
    let (folder, binary) = portable_copy("record = \"here\"\n");
    a_session(&harness, &binary).await;
    let data = folder.path().join("data");
    let before = std::fs::read(data.join("learner.json")).unwrap();
    // Nothing can be written in the data folder now: folders stand where
    // the write test and the lock would be made (as root, permissions
    // would not stop the test).
    std::fs::create_dir(data.join(".write-test")).unwrap();
    std::fs::remove_file(data.join("learner.lock")).unwrap();
    std::fs::create_dir(data.join("learner.lock")).unwrap();
    let app = harness.launch_binary(binary.to_str().unwrap()).await;
    // The learner's own progress (the disclaimer accepted), not a fresh or
    // someone else's one from this computer, and told it cannot be saved.
    app.screen("home").await;
    app.wait_for("#alerts .notice").await;
    let notice = app.text("#alerts").await;
    assert!(notice.contains("cannot be saved"), "{notice}");
    app.quit().await;
    assert_eq!(std::fs::read(data.join("learner.json")).unwrap(), before);
    assert!(!harness.data_dir().join("learner.json").exists());
}
