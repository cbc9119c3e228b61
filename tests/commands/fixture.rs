//! The app on Tauri's mock runtime, with the app's real config and
//! capabilities, the real store plugin writing to a temporary folder, and
//! the real opener plugin calling a recording `xdg-open`: the setup every
//! module here shares.

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

/// The app's own origin as its webview reports it, which the ACL must see
/// to let a command through: `tauri://localhost`, or on Windows wry's
/// stand-in `http://tauri.localhost` (any other origin is refused there).
const APP_ORIGIN: &str = if cfg!(windows) {
    "http://tauri.localhost"
} else {
    "tauri://localhost"
};

pub struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    pub store: PathBuf,
    _dir: Option<TempDir>,
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with_store_file(|_| {})
    }

    /// An app whose store file was prepared by `prepare` before start-up.
    pub fn with_store_file(prepare: impl FnOnce(&Path)) -> TestApp {
        let (dir, store) = temp_store();
        prepare(&store);
        TestApp {
            _dir: Some(dir),
            ..TestApp::open(store)
        }
    }

    /// An app on the course from `source`, with its store in a fresh
    /// temporary folder.
    pub fn with_pack(source: PackSource) -> TestApp {
        let (dir, store) = temp_store();
        TestApp {
            _dir: Some(dir),
            ..TestApp::open_with(source, store)
        }
    }

    /// Starts the app on the store at `store`, as a restart would.
    pub fn open(store: PathBuf) -> TestApp {
        TestApp::open_with(PackSource::built_in(), store)
    }

    pub fn open_with(source: PackSource, store: PathBuf) -> TestApp {
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
    pub fn quit(self) {
        use tauri::Manager;
        self._app
            .state::<back_pain_course::state::AppState>()
            .release_store_lock();
    }

    pub fn store_path(&self) -> PathBuf {
        self.store.clone()
    }

    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
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

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|err| panic!("{cmd} failed: {err}"))
    }

    pub fn err_kind(&self, cmd: &str, args: Value) -> String {
        let err = self.call(cmd, args).expect_err(cmd);
        assert!(
            err["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{err}"
        );
        err["kind"].as_str().unwrap().to_owned()
    }

    pub fn stored(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.store_path()).unwrap()).unwrap()
    }

    pub fn consent(&self) {
        self.ok("accept_disclaimer", json!({}));
    }
}

/// A fresh temporary folder and the learner's store file in it (not yet
/// written): keep the folder for as long as the store is used.
pub fn temp_store() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("learner.json");
    (dir, store)
}

/// The folder of the test pack `name` under `tests/fixtures/packs`.
pub fn pack_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name)
}

/// The test pack `name`, given as a clinic would give it.
pub fn fixture_pack(name: &str) -> PackSource {
    PackSource {
        origin: Origin::CommandLine,
        folder: Some(pack_folder(name)),
    }
}

/// All tests in this binary share one recording `xdg-open` (PATH is
/// process-wide); each checks for its own URL in the log.
pub fn opener_log() -> &'static Path {
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

pub fn opened() -> Vec<String> {
    std::fs::read_to_string(opener_log())
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

pub fn wait_opened(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if opened().iter().any(|l| l == url) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{url} was not opened: {:?}", opened());
}
