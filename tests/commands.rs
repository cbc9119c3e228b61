//! Every command through Tauri's IPC on the mock runtime, with the app's real
//! config and capabilities, the real store plugin writing to a temporary
//! folder, and the real opener plugin calling a recording `xdg-open`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use back_pain_course::course::load::pack_source::{Origin, PackSource};
use back_pain_course::{app_builder, manage_state};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;

const NEXT_STEP: &str = "https://alignmentexercisephysiology.com.au/";

/// The app's own origin as its webview reports it, which the ACL must see
/// to let a command through: `tauri://localhost`, or on Windows wry's
/// stand-in `http://tauri.localhost` (any other origin is refused there).
const APP_ORIGIN: &str = if cfg!(windows) {
    "http://tauri.localhost"
} else {
    "tauri://localhost"
};

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    store: PathBuf,
    _dir: Option<TempDir>,
}

impl TestApp {
    fn new() -> TestApp {
        TestApp::with_store_file(|_| {})
    }

    /// An app whose store file was prepared by `prepare` before start-up.
    fn with_store_file(prepare: impl FnOnce(&Path)) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("learner.json");
        prepare(&store);
        TestApp {
            _dir: Some(dir),
            ..TestApp::open(store)
        }
    }

    /// Starts the app on the store at `store`, as a restart would.
    fn open(store: PathBuf) -> TestApp {
        TestApp::open_with(PackSource::built_in(), store)
    }

    fn open_with(source: PackSource, store: PathBuf) -> TestApp {
        let app = app_builder(mock_builder())
            .build(tauri::generate_context!())
            .expect("the app builds on the mock runtime");
        manage_state(&app, source, store.clone());
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        TestApp {
            _app: app,
            window,
            store,
            _dir: None,
        }
    }

    /// Closes the app as far as the store is concerned, as quitting does.
    fn quit(self) {
        use tauri::Manager;
        self._app
            .state::<back_pain_course::state::AppState>()
            .release_store_lock();
    }

    fn store_path(&self) -> PathBuf {
        self.store.clone()
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: APP_ORIGIN.parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|err| panic!("{cmd} failed: {err}"))
    }

    fn err_kind(&self, cmd: &str, args: Value) -> String {
        let err = self.call(cmd, args).expect_err(cmd);
        assert!(
            err["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{err}"
        );
        err["kind"].as_str().unwrap().to_owned()
    }

    fn stored(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.store_path()).unwrap()).unwrap()
    }

    fn consent(&self) {
        self.ok("accept_disclaimer", json!({}));
    }
}

/// All tests in this binary share one recording `xdg-open` (PATH is
/// process-wide); each checks for its own URL in the log.
fn opener_log() -> &'static Path {
    static LOG: OnceLock<PathBuf> = OnceLock::new();
    LOG.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let log = dir.join("opened.log");
        let script = dir.join("xdg-open");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display()),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = std::env::join_paths(std::iter::once(dir.clone()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        // SAFETY: set once, before any test here spawns a process that reads it.
        unsafe { std::env::set_var("PATH", path) };
        log
    })
}

fn opened() -> Vec<String> {
    std::fs::read_to_string(opener_log())
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn wait_opened(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if opened().iter().any(|l| l == url) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{url} was not opened: {:?}", opened());
}

#[test]
fn get_overview_on_first_start_asks_for_consent_and_lists_three_lessons() {
    let app = TestApp::new();
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["consent_needed"], true);
    assert_eq!(overview["title"], "Persistent Back Pain Mini Course");
    assert_eq!(overview["total"], 3);
    assert_eq!(overview["completed"], 0);
    assert_eq!(overview["total_minutes"], 26);
    let states: Vec<&str> = overview["lessons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["not_started"; 3]);
    assert!(overview["resume"].is_null());
}

#[test]
fn get_disclaimer_shows_the_text_and_whether_it_was_accepted() {
    let app = TestApp::new();
    let before = app.ok("get_disclaimer", json!({}));
    assert_eq!(before["accepted"], false);
    assert!(before["html"]
        .as_str()
        .unwrap()
        .contains("Alignment Exercise Physiology"));
    app.consent();
    let after = app.ok("get_disclaimer", json!({}));
    assert_eq!(after["accepted"], true);
    assert!(after["accepted_at"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn get_help_answers_before_consent_and_the_disclaimer_carries_the_same_help() {
    let app = TestApp::new();
    let help = app.ok("get_help", json!({}));
    assert_eq!(help["region"], "Australia");
    assert_eq!(help["fallback"], false);
    let numbers: Vec<(&str, &str)> = help["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["kind"].as_str().unwrap(),
                g["contacts"][0]["number"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        vec![
            ("emergency", "000"),
            ("urgent", "1800 633 422"),
            ("crisis", "13 11 14")
        ]
    );
    assert_eq!(help["groups"][2]["contacts"][1]["by"], "text");
    assert_eq!(help["checked"], "Numbers checked December 2026.");
    assert!(help["groups"][0]["body_html"]
        .as_str()
        .unwrap()
        .contains("chest pain"));
    // The same groups above the disclaimer; "Listen" on each screen reads
    // its own screen.
    let mut groups = help.clone();
    groups.as_object_mut().unwrap().remove("listen");
    assert_eq!(app.ok("get_disclaimer", json!({}))["help"], groups);
    assert_eq!(help["listen"]["parts"][0]["text"], "Get help now");
    assert!(!app.store.exists(), "reading help stores nothing");
}

#[test]
fn accept_disclaimer_saves_consent_with_version_and_time() {
    let app = TestApp::new();
    let result = app.ok("accept_disclaimer", json!({}));
    assert!(result["save_error"].is_null(), "{result}");
    let consent = &app.stored()["learner"]["consent"];
    assert_eq!(consent["disclaimer_version"].as_str().unwrap().len(), 16);
    assert!(consent["accepted_at"].is_string());
    assert_eq!(app.ok("get_overview", json!({}))["consent_needed"], false);
}

#[test]
fn open_lesson_before_consent_is_refused_and_nothing_is_stored() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("open_lesson", json!({ "id": "why-ongoing" })),
        "consent_required"
    );
    assert!(!app.store_path().exists());
}

#[test]
fn open_lesson_returns_the_rendered_lesson_and_records_it() {
    let app = TestApp::new();
    app.consent();
    let lesson = app.ok("open_lesson", json!({ "id": "how-long" }));
    assert_eq!(
        lesson["title"],
        "How long will it take for my back pain to feel better?"
    );
    assert_eq!(lesson["minutes"], 9);
    assert_eq!(lesson["state"], "in_progress");
    assert_eq!(lesson["previous"]["id"], "why-ongoing");
    assert_eq!(lesson["next"]["id"], "what-to-do");
    assert!(lesson["html"].as_str().unwrap().contains("<h2"));
    assert_eq!(app.stored()["learner"]["last_lesson"], "how-long");
    assert_eq!(
        app.ok("get_overview", json!({}))["resume"]["id"],
        "how-long"
    );
}

#[test]
fn open_lesson_refuses_ids_that_are_not_in_the_course() {
    let app = TestApp::new();
    app.consent();
    for id in ["../../etc/passwd", "", "WHY-ONGOING", &"x".repeat(100_000)] {
        let err = app.call("open_lesson", json!({ "id": id })).unwrap_err();
        assert_eq!(err["kind"], "unknown_lesson");
        assert!(
            err["message"].as_str().unwrap().len() < 200,
            "message echoes a huge id"
        );
    }
}

#[test]
fn answer_question_saves_the_choice_and_only_then_says_whether_it_was_right() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind(
            "answer_question",
            json!({ "lesson": "why-ongoing", "question": "posture", "choice": 1 })
        ),
        "consent_required"
    );
    app.consent();
    let lesson = app.ok("open_lesson", json!({ "id": "why-ongoing" }));
    let questions = lesson["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 3);
    // Nothing on the page can tell the right answer before it is chosen.
    for q in questions {
        assert!(q["answer"].is_null(), "{q}");
        assert!(!q.to_string().contains("feedback"), "{q}");
    }
    let answered = app.ok(
        "answer_question",
        json!({ "lesson": "why-ongoing", "question": "posture", "choice": 1 }),
    );
    assert_eq!(answered["answer"]["choice"], 1);
    assert_eq!(answered["answer"]["correct"], true);
    assert!(answered["answer"]["feedback"]
        .as_str()
        .unwrap()
        .contains("slouching"));
    assert_eq!(
        app.stored()["learner"]["answers"]["why-ongoing"]["posture"]["chosen"],
        "False"
    );
    for (args, kind) in [
        (
            json!({ "lesson": "why-ongoing", "question": "nope", "choice": 0 }),
            "invalid_answer",
        ),
        (
            json!({ "lesson": "why-ongoing", "question": "posture", "choice": 9 }),
            "invalid_answer",
        ),
        (
            json!({ "lesson": "nope", "question": "posture", "choice": 0 }),
            "unknown_lesson",
        ),
    ] {
        assert_eq!(
            app.err_kind("answer_question", args.clone()),
            kind,
            "{args}"
        );
    }
}

#[test]
fn change_plan_saves_each_step_and_refuses_bad_entries_as_data() {
    let app = TestApp::new();
    assert_eq!(app.err_kind("get_plan", json!({})), "consent_required");
    app.consent();
    let plan = app.ok("get_plan", json!({}));
    assert_eq!(plan["empty"], true);
    assert_eq!(plan["steps"].as_array().unwrap().len(), 4);
    assert_eq!(plan["help"][0]["number"], "000");
    let plan = app.ok(
        "change_plan",
        json!({ "field": "activities", "index": null, "text": "Gardening" }),
    );
    assert_eq!(plan["steps"][0]["list"]["entries"], json!(["Gardening"]));
    assert_eq!(plan["steps"][0]["complete"], true);
    assert!(!plan["suggestions"]
        .as_array()
        .unwrap()
        .contains(&json!("Gardening")));
    app.ok(
        "change_plan",
        json!({ "field": "building_up", "index": null, "text": "A little more each week" }),
    );
    let stored = app.stored()["learner"]["plan"].clone();
    assert_eq!(stored["activities"], json!(["Gardening"]));
    assert_eq!(stored["building_up"], "A little more each week");
    let err = app
        .call(
            "change_plan",
            json!({ "field": "activities", "index": null, "text": "  " }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid_plan_entry");
    assert_eq!(err["message"], "Please write something first.");
    assert_eq!(
        app.err_kind(
            "change_plan",
            json!({ "field": "schema_version", "index": null, "text": "9" })
        ),
        "invalid_plan_entry"
    );
}

#[test]
fn complete_lesson_marks_it_complete_and_counts_progress() {
    let app = TestApp::new();
    app.consent();
    let lesson = app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    assert_eq!(lesson["state"], "completed");
    assert_eq!(lesson["all_complete"], false);
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["completed"], 1);
    assert!(app.stored()["learner"]["lessons"]["why-ongoing"]["completed_at"].is_string());
}

#[test]
fn get_finished_reports_progress_and_the_next_step() {
    let app = TestApp::new();
    assert_eq!(app.err_kind("get_finished", json!({})), "consent_required");
    app.consent();
    let finished = app.ok("get_finished", json!({}));
    assert_eq!(finished["all_complete"], false);
    assert_eq!(finished["next_step_url"], NEXT_STEP);
    assert_eq!(finished["next_step_label"], "Find your next step");
}

#[test]
#[cfg_attr(
    any(windows, target_os = "macos"),
    ignore = "skipped on this platform: the recording `xdg-open` works only where the opener runs xdg-open (Linux)"
)]
fn open_next_step_opens_the_configured_url_only_when_every_lesson_is_complete() {
    opener_log();
    let app = TestApp::new();
    app.consent();
    assert_eq!(app.err_kind("open_next_step", json!({})), "not_finished");
    for id in ["why-ongoing", "how-long", "what-to-do"] {
        app.ok("complete_lesson", json!({ "id": id }));
    }
    assert_eq!(app.ok("get_finished", json!({}))["all_complete"], true);
    app.ok("open_next_step", json!({}));
    wait_opened(NEXT_STEP);
}

#[test]
#[cfg_attr(
    any(windows, target_os = "macos"),
    ignore = "skipped on this platform: the recording `xdg-open` works only where the opener runs xdg-open (Linux)"
)]
fn open_link_opens_course_links_and_refuses_everything_else() {
    opener_log();
    let app = TestApp::new();
    let doi = "https://doi.org/10.1136/bmj.n291";
    app.ok("open_link", json!({ "url": doi }));
    wait_opened(doi);
    for url in [
        "https://evil.example/",
        "http://doi.org/10.1136/bmj.n291",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
    ] {
        assert_eq!(
            app.err_kind("open_link", json!({ "url": url })),
            "link_refused",
            "{url}"
        );
    }
    let long = format!("https://doi.org/{}", "a".repeat(10_000));
    assert_eq!(
        app.err_kind("open_link", json!({ "url": long })),
        "link_refused"
    );
    assert!(!opened()
        .iter()
        .any(|l| l.contains("evil") || l.contains("passwd")));
}

#[test]
fn get_references_lists_the_sources_with_doi_links() {
    let app = TestApp::new();
    let refs = app.ok("get_references", json!({}));
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.len(), 19);
    let numbers: Vec<u64> = refs.iter().map(|r| r["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, (1..=19).collect::<Vec<u64>>());
    assert_eq!(
        refs.iter()
            .filter(|r| !r["added"].as_bool().unwrap())
            .count(),
        8
    );
    assert!(refs
        .iter()
        .any(|r| r["doi_url"] == "https://doi.org/10.1126/science.847460"));
}

#[test]
fn a_restart_keeps_consent_progress_and_the_last_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("learner.json");
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

fn fixture_pack(name: &str) -> PackSource {
    PackSource {
        origin: Origin::CommandLine,
        folder: Some(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/packs")
                .join(name),
        ),
    }
}

#[test]
fn a_clinic_pack_is_used_instead_of_the_built_in_course() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::open_with(fixture_pack("clinic"), dir.path().join("learner.json"));
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
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::open_with(fixture_pack("broken"), dir.path().join("learner.json"));
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
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::open_with(fixture_pack("clinic"), dir.path().join("learner.json"));
    let overview = app.ok("use_built_in_course", json!({}))["overview"].clone();
    assert_eq!(overview["provider"], "Riverside Community Physio");
}

#[test]
fn a_pack_with_raw_html_and_script_links_is_refused_with_each_place_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::open_with(
        fixture_pack("hostile-markup"),
        dir.path().join("learner.json"),
    );
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
fn open_link_will_not_open_the_next_step_before_the_course_is_complete() {
    opener_log();
    let app = TestApp::new();
    app.consent();
    assert_eq!(
        app.err_kind("open_link", json!({ "url": NEXT_STEP })),
        "link_refused"
    );
}

#[test]
fn a_second_copy_of_the_app_shows_progress_but_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("learner.json");
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
fn every_command_in_the_list_is_registered_with_the_handler() {
    // On a broken pack every course command stops at "no course" before
    // doing anything, so even the one that shows a save dialog returns.
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::open_with(fixture_pack("broken"), dir.path().join("learner.json"));
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

/// Each display choice, set through its command: kept across a restart,
/// and a value not on offer refused as an invalid setting.
#[test]
fn each_display_choice_is_remembered_and_values_not_on_offer_are_refused() {
    let choices = [
        // (command, argument, a good value, a refused one, the preference)
        ("set_text_size", "step", json!(4), json!(5), "text_size"),
        ("set_theme", "theme", json!("dark"), json!("<b>"), "theme"),
        (
            "set_reading_speed",
            "speed",
            json!("slower"),
            json!("warp"),
            "reading_speed",
        ),
    ];
    for (command, argument, good, refused, preference) in choices {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("learner.json");
        {
            let app = TestApp::open(store.clone());
            let result = app.ok(command, json!({ argument: good }));
            assert_eq!(result[preference], good, "{command}");
            assert_eq!(
                app.err_kind(command, json!({ argument: refused })),
                "invalid_setting",
                "{command}"
            );
            app.quit();
        }
        let again = TestApp::open(store);
        assert_eq!(
            again.ok("get_overview", json!({}))["preferences"][preference],
            good,
            "{command} after a restart"
        );
    }
}

#[test]
fn the_reading_speed_starts_normal_and_the_page_is_offered_the_speeds_with_their_rates() {
    let app = TestApp::new();
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["preferences"]["reading_speed"], "normal");
    // The page offers the speeds this webview can keep up, with their rates.
    let speeds = overview["display"]["reading_speeds"].as_array().unwrap();
    assert_eq!(speeds[0], json!({ "name": "slower", "rate": 0.75 }));
    assert_eq!(speeds[1], json!({ "name": "normal", "rate": 1.0 }));
}

#[test]
fn choose_voice_allows_only_a_local_voice_in_the_course_language() {
    let app = TestApp::new();
    let voice = |name: &str, lang: &str, local: bool| json!({ "name": name, "lang": lang, "local_service": local, "default": false });
    let offered = json!({ "voices": [
        voice("Online English", "en-GB", false),
        voice("Amelie", "fr-CA", true),
        voice("Karen", "en-AU", true),
    ] });
    assert_eq!(app.ok("choose_voice", offered)["voice"], "Karen");
    let none = json!({ "voices": [voice("Online English", "en-GB", false)] });
    assert_eq!(app.ok("choose_voice", none)["voice"], Value::Null);
    // A voice list that is not one is refused, not guessed at.
    assert!(app.call("choose_voice", json!({ "voices": 5 })).is_err());
}

#[test]
fn start_over_is_refused_on_a_personal_device_and_changes_nothing() {
    let app = TestApp::new();
    app.consent();
    app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    assert_eq!(app.err_kind("start_over", json!({})), "not_shared_device");
    assert_eq!(app.ok("get_overview", json!({}))["completed"], 1);
}

#[test]
fn delete_my_data_removes_the_files_and_quitting_does_not_bring_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("learner.json");
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

#[test]
fn the_print_view_needs_consent_then_has_every_lesson() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("get_print_course", json!({})),
        "consent_required"
    );
    app.consent();
    let printed = app.ok("get_print_course", json!({}));
    assert_eq!(printed["lessons"].as_array().unwrap().len(), 3);
    assert!(printed["references"].as_array().unwrap().len() >= 8);
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

/// A copy of a fixture pack with shared-device mode turned on.
fn shared_pack(name: &str) -> (TempDir, PackSource) {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name);
    copy_tree(&from, dir.path());
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
    let data = tempfile::tempdir().unwrap();
    let personal = data.path().join("learner.json");
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
    let data = tempfile::tempdir().unwrap();
    let session = data.path().join("learner.json");
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

#[test]
fn get_start_gives_the_first_screen_in_one_call() {
    let app = TestApp::new();
    let first = app.ok("get_start", json!({}));
    assert_eq!(first["overview"]["consent_needed"], true);
    assert_eq!(first["language"], "en");
    assert_eq!(first["words"]["nav.get-help"], "Get help now");
    // The page's two lists are Rust's, sent here.
    assert_eq!(
        first["read_only_commands"],
        json!(back_pain_course::command_names::READ_ONLY)
    );
    assert_eq!(
        first["screen_anchors"],
        json!(back_pain_course::course::load::links::SCREEN_ANCHORS)
    );
    assert!(first["error"].is_null(), "{first}");
    assert_eq!(
        first["disclaimer"]["help"]["groups"][0]["contacts"][0]["number"], "000",
        "the disclaimer, with where to get help, is the first screen"
    );
    assert_eq!(first["notices"], json!([]));
    app.consent();
    let later = app.ok("get_start", json!({}));
    assert_eq!(later["overview"]["consent_needed"], false);
    assert!(later["disclaimer"].is_null(), "{later}");
}
