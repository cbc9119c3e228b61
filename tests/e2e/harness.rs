//! Runs the real app binary in the real webview, driven over WebDriver by
//! tauri-driver.
//!
//! - Linux: WebKitGTK through WebKitWebDriver, under the harness's own Xvfb
//!   display, with its own data folders (`XDG_*`), and a recording
//!   `xdg-open` first on the app's PATH, so a link the app opens lands in a
//!   file the test reads instead of a browser.
//! - Windows (the release workflow): WebView2 through `msedgedriver` (the
//!   `MSEDGEDRIVER` environment variable names it; it must match the WebView2
//!   runtime's version). The app keeps its data in the real
//!   `%APPDATA%\<identifier>`, which Windows does not let a test move, so the
//!   harness empties it before and after each test, and only on CI (see
//!   `windows_data_dir`). The opener calls the shell, which nothing can
//!   record: the tests that check opened links run on Linux only.
//! - macOS has no WebDriver for WKWebView: every test says it is skipped.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
pub use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;

/// One app at a time: two WebKit processes on a 2-core machine make both slow
/// and flaky.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub const WAIT: Duration = Duration::from_secs(30);

pub struct Harness {
    _turn: MutexGuard<'static, ()>,
    /// Linux only: the harness's own X display.
    xvfb: Option<Child>,
    /// The harness's own D-Bus session, when the accessibility bus is on
    /// (`with_screen_reader_bus`), and its address.
    session_bus: Option<(Child, String)>,
    /// A PulseAudio server with a silent sink (`with_sound`).
    sound: Option<Child>,
    driver: Child,
    port: u16,
    /// The X display the app draws on, for tools that drive native dialogs
    /// (empty on Windows).
    pub display: String,
    pub home: TempDir,
    pub opener_log: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[cfg(not(windows))]
fn start_xvfb() -> (Option<Child>, String) {
    use std::io::{BufRead, BufReader};
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts (run scripts/setup first)");
    let mut line = String::new();
    BufReader::new(xvfb.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let display = format!(":{}", line.trim());
    assert!(
        line.trim().parse::<u32>().is_ok(),
        "Xvfb gave no display number: {line:?}"
    );
    (Some(xvfb), display)
}

/// A PulseAudio server of the harness's own, its socket in `runtime`, with
/// one silent sink (`module-null-sink`, which plays in real time).
#[cfg(not(windows))]
fn start_sound(env: &[(&str, std::ffi::OsString)], runtime: &Path) -> Child {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(runtime).unwrap();
    std::fs::set_permissions(runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    let child = Command::new("pulseaudio")
        .args([
            "--daemonize=no",
            "-n",
            "--load=module-null-sink",
            "--load=module-native-protocol-unix",
            "--exit-idle-time=-1",
            "--disallow-exit",
        ])
        .envs(env.iter().cloned())
        .env("XDG_RUNTIME_DIR", runtime)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("pulseaudio starts (run scripts/setup first)");
    let socket = runtime.join("pulse/native");
    let deadline = Instant::now() + WAIT;
    while !socket.exists() {
        assert!(
            Instant::now() < deadline,
            "pulseaudio made no socket at {}",
            socket.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

#[cfg(windows)]
fn start_sound(_: &[(&str, std::ffi::OsString)], _: &Path) -> Child {
    unreachable!("WebView2 speaks through Windows' own audio")
}

/// A D-Bus session of the harness's own, as `dbus-run-session` starts one,
/// but as a child the harness can stop by its pid; returns it with its
/// address.
fn start_session_bus(env: &[(&str, std::ffi::OsString)]) -> (Child, String) {
    use std::io::{BufRead, BufReader};
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .envs(env.iter().cloned())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon starts (run scripts/setup first)");
    let mut address = String::new();
    BufReader::new(bus.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    let address = address.trim().to_owned();
    assert!(
        address.starts_with("unix:"),
        "dbus-daemon gave no address: {address:?}"
    );
    (bus, address)
}

/// Windows draws on the runner's own desktop.
#[cfg(windows)]
fn start_xvfb() -> (Option<Child>, String) {
    (None, String::new())
}

/// Windows: the app's real data folder, emptied so each test starts afresh.
/// Refuses outside CI, so running the suite on a learner's or developer's
/// own computer never deletes their progress.
#[cfg(windows)]
fn windows_data_dir() -> PathBuf {
    let dir =
        PathBuf::from(std::env::var_os("APPDATA").expect("%APPDATA% is set")).join(IDENTIFIER);
    assert!(
        std::env::var_os("CI").is_some() || !dir.exists(),
        "the end-to-end tests empty {}; run them on CI (CI=true) or move that folder away first",
        dir.display()
    );
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => panic!("cannot empty {}: {err}", dir.display()),
    }
    dir
}

impl Harness {
    /// Starts a display and a driver with fresh data folders, optionally with
    /// extra environment for the app (e.g. a course pack).
    pub fn new() -> Harness {
        Harness::with_env(&[])
    }

    pub fn with_env(env: &[(&str, &str)]) -> Harness {
        Harness::start(env, false, false)
    }

    /// Like `new`, with a sound server whose only output is a silent sink
    /// that plays at real speed: speech then takes as long as it would on
    /// speakers (with no audio device at all, WebKit finishes each
    /// utterance at once, and nothing could be paused).
    pub fn with_sound() -> Harness {
        Harness::start(&[], false, true)
    }

    /// Like `new`, but with the accessibility bus on, as a screen reader
    /// needs it: the app runs in the harness's own D-Bus session (what
    /// `dbus-run-session` would give it), without `NO_AT_BRIDGE`, so D-Bus
    /// starts the accessibility bus when the app first asks for it. Tools
    /// reading that bus use `session_env`.
    pub fn with_screen_reader_bus() -> Harness {
        Harness::start(&[], true, false)
    }

    fn start(env: &[(&str, &str)], screen_reader_bus: bool, with_sound: bool) -> Harness {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let home = tempfile::tempdir().unwrap();
        let bin = home.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let opener_log = home.path().join("opened.log");
        let recorder = bin.join("xdg-open");
        std::fs::write(
            &recorder,
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$OPENER_LOG\"\nprintf '%s\\n' \"${JSC_useJIT-unset}\" >> \"$OPENER_LOG.jit\"\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&recorder, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        #[cfg(windows)]
        windows_data_dir();
        let (xvfb, display) = start_xvfb();
        // The folders and display every process of this harness shares: the
        // accessibility bus's launcher, started by D-Bus, keeps its socket
        // by them, where the app and the reader both look.
        let shared_env = [
            ("DISPLAY", std::ffi::OsString::from(&display)),
            ("HOME", home.path().into()),
            ("XDG_DATA_HOME", home.path().join("data").into()),
            ("XDG_CONFIG_HOME", home.path().join("config").into()),
            ("XDG_CACHE_HOME", home.path().join("cache").into()),
        ];
        let session_bus = screen_reader_bus.then(|| start_session_bus(&shared_env));
        let runtime = home.path().join("runtime");
        let sound = with_sound.then(|| start_sound(&shared_env, &runtime));
        let port = free_port();
        let native_port = free_port();
        let path = std::env::join_paths(std::iter::once(bin.clone()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .unwrap();
        // The driver's and the app's output, for when a test fails.
        let logs = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-logs");
        std::fs::create_dir_all(&logs).unwrap();
        let log = std::fs::File::create(logs.join(format!("driver-{port}.log"))).unwrap();
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(shared_env.iter().cloned())
            .env("PATH", path)
            .env("OPENER_LOG", &opener_log)
            // Software rendering under Xvfb: without this the window is blank.
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log));
        if sound.is_some() {
            command.env("XDG_RUNTIME_DIR", &runtime).env(
                "PULSE_SERVER",
                format!("unix:{}", runtime.join("pulse/native").display()),
            );
        }
        match &session_bus {
            Some((_, address)) => {
                command.env("DBUS_SESSION_BUS_ADDRESS", address);
            }
            // No accessibility bus here; without this start-up waits for it.
            None => {
                command.env("NO_AT_BRIDGE", "1");
            }
        }
        // Windows: the WebView2 runtime's own driver, when not on PATH.
        if let Some(native) = std::env::var_os("MSEDGEDRIVER") {
            command.arg("--native-driver").arg(native);
        }
        for (key, value) in env {
            command.env(key, value);
        }
        let driver = command
            .spawn()
            .expect("tauri-driver starts (run scripts/setup first)");
        Harness {
            _turn: turn,
            xvfb,
            session_bus,
            sound,
            driver,
            port,
            display,
            home,
            opener_log,
        }
    }

    /// The environment a tool needs to read the app's accessibility tree:
    /// the harness's D-Bus session, display and folders (empty without
    /// `with_screen_reader_bus`).
    pub fn session_env(&self) -> Vec<(String, PathBuf)> {
        let Some((_, address)) = &self.session_bus else {
            return Vec::new();
        };
        let home = self.home.path();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS".into(), address.into()),
            ("DISPLAY".into(), self.display.clone().into()),
            ("HOME".into(), home.into()),
            ("XDG_DATA_HOME".into(), home.join("data")),
            ("XDG_CONFIG_HOME".into(), home.join("config")),
            ("XDG_CACHE_HOME".into(), home.join("cache")),
        ]
    }

    /// Where the app keeps the learner's files in this harness.
    pub fn data_dir(&self) -> PathBuf {
        if cfg!(windows) {
            PathBuf::from(std::env::var_os("APPDATA").unwrap_or_default()).join(IDENTIFIER)
        } else {
            self.home.path().join("data").join(IDENTIFIER)
        }
    }

    /// Starts the app and connects to it.
    pub async fn launch(&self) -> App {
        self.launch_binary(app_binary()).await
    }

    /// Starts the program at `binary` (say, an installed copy) and connects.
    pub async fn launch_binary(&self, binary: &str) -> App {
        trace("launch");
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": binary }));
        let url = format!("http://127.0.0.1:{}", self.port);
        let deadline = Instant::now() + WAIT;
        // The driver may accept connections before its native driver is ready.
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(err) if Instant::now() < deadline => {
                    let _ = err;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(err) => panic!("could not start the app over WebDriver: {err}"),
            }
        };
        App { client }
    }

    /// Linux: every process the harness's driver started, at any depth (the
    /// native driver, the app, WebKit's processes), as (pid, name).
    #[cfg(target_os = "linux")]
    pub fn started_processes(&self) -> Vec<(u32, String)> {
        // (pid, parent, name) of every process, from /proc/PID/stat, whose
        // name is in brackets and may hold spaces.
        let all: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|entry| {
                let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
                let (head, tail) = stat.rsplit_once(')')?;
                let name = head.split_once('(')?.1.to_owned();
                let parent = tail.split_whitespace().nth(1)?.parse().ok()?;
                Some((pid, parent, name))
            })
            .collect();
        let mut found = vec![self.driver.id()];
        let mut started = Vec::new();
        while let Some(parent) = found.pop() {
            for (pid, _, name) in all.iter().filter(|(_, p, _)| *p == parent) {
                found.push(*pid);
                started.push((*pid, name.clone()));
            }
        }
        started
    }

    /// What the app asked the system to open, one line a request.
    pub fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(&self.opener_log)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Linux: the JavaScript JIT setting each program the app asked to open
    /// something with was started with, one line a request ("unset": none).
    #[cfg(target_os = "linux")]
    pub fn opener_jit_settings(&self) -> Vec<String> {
        std::fs::read_to_string(self.opener_log.with_extension("log.jit"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Waits until the app has asked to open something (it is opened detached).
    pub async fn wait_opened(&self, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.opened().iter().any(|l| l == expected) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{expected} was not opened; opened: {:?}", self.opened());
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // The bus goes after the app, and takes the accessibility bus it
        // started with it (its launcher leaves when the session does).
        if let Some((bus, _)) = &mut self.session_bus {
            let _ = bus.kill();
            let _ = bus.wait();
        }
        if let Some(sound) = &mut self.sound {
            let _ = sound.kill();
            let _ = sound.wait();
        }
        if let Some(xvfb) = &mut self.xvfb {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
        // Best effort: a panic here would abort the whole run.
        #[cfg(windows)]
        let _ = std::fs::remove_dir_all(self.data_dir());
    }
}

/// A copy of a fixture pack in a fresh temporary folder, so a test may
/// change it and the path the app shows is the same length on every machine.
pub fn fixture_copy(name: &str) -> (TempDir, String) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join(name);
    copy_dir(&from, &to);
    let shown = to.display().to_string();
    (dir, shown)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub const IDENTIFIER: &str = "au.com.alignmentexercisephysiology.backpaincourse";

pub fn app_binary() -> &'static str {
    env!("CARGO_BIN_EXE_back-pain-course")
}

fn tauri_driver() -> PathBuf {
    if let Ok(path) = std::env::var("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(&std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    let candidate = cargo_home
        .join("bin")
        .join(format!("tauri-driver{}", std::env::consts::EXE_SUFFIX));
    if candidate.exists() {
        candidate
    } else {
        PathBuf::from("tauri-driver")
    }
}

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

/// WebKitWebDriver's words for an element that left the page between being
/// found and being used.
fn is_stale(error: &str) -> bool {
    error.contains("Stale element")
        || (error.contains("Node with identifier") && error.contains("was not found"))
}

/// With `E2E_TRACE=1`, each step is printed, to find where a test hangs.
fn trace(step: &str) {
    if std::env::var_os("E2E_TRACE").is_some() {
        eprintln!("e2e: {step}");
    }
}

pub struct App {
    pub client: Client,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Focus {
    /// The element's place in the document, so two stops that look alike
    /// (say, two links both reading "1") are still told apart.
    pub position: usize,
    pub id: String,
    pub tag: String,
    pub text: String,
    pub focus_visible: bool,
    pub in_view: bool,
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Element {
        trace(&format!("wait_for {css}"));
        let deadline = Instant::now() + WAIT;
        loop {
            match self
                .client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css(css))
                .await
            {
                Ok(element) => return element,
                // Found on the screen that was being replaced, just as it
                // went: look again on the new one.
                Err(err) if is_stale(&err.to_string()) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("{css} did not appear: {err}"),
            }
        }
    }

    /// From a first start: the disclaimer accepted and the first lesson
    /// completed, as most journeys that need a record begin.
    pub async fn accept_and_complete_the_first_lesson(&self) {
        self.click("#accept-disclaimer").await;
        self.click("#open-lesson-why-ongoing").await;
        self.click("#complete-lesson").await;
        self.wait_for("#completed-note").await;
    }

    pub async fn screen(&self, name: &str) -> Element {
        self.wait_for(&format!("[data-screen=\"{name}\"]")).await
    }

    pub async fn click(&self, css: &str) {
        trace(&format!("click {css}"));
        let deadline = Instant::now() + WAIT;
        loop {
            let element = self.wait_for(css).await;
            match tokio::time::timeout(WAIT, element.click())
                .await
                .unwrap_or_else(|_| panic!("WebDriver did not answer clicking {css}"))
            {
                Ok(_) => break,
                // The element was on a screen being replaced (say, home
                // drawn again): click the new one.
                Err(err) if is_stale(&err.to_string()) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("click {css}: {err}"),
            }
        }
    }

    /// The element's rendered text (`innerText`: line breaks between blocks).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        trace(&format!("text {css}"));
        let script = self.client.execute(
            "return arguments[0].innerText;",
            vec![serde_json::to_value(&element).unwrap()],
        );
        let value = tokio::time::timeout(WAIT, script)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer reading {css}"))
            .unwrap();
        value.as_str().unwrap_or_default().trim().to_owned()
    }

    /// What page script `script` returns, as text (empty if not text).
    pub async fn script_text(&self, script: &str) -> String {
        let value = self.client.execute(script, vec![]).await.unwrap();
        value.as_str().unwrap_or_default().to_owned()
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Calls a Rust command through the webview's real IPC, as page script
    /// would: `{"ok": value}` or `{"err": {kind, message}}`. It goes round
    /// `ui/js/api.js`, so the page does not forget the lesson views it kept:
    /// after a change made this way, a lesson reopened through the page is
    /// first drawn as it was (and then as Rust says).
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        let script = "const done = arguments[arguments.length - 1];\
            window.__TAURI__.core.invoke(arguments[0], arguments[1])\
              .then(ok => done({ ok: ok === undefined ? null : ok }), err => done({ err }));";
        let call = self
            .client
            .execute_async(script, vec![json!(command), args]);
        tokio::time::timeout(WAIT, call)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer calling {command}"))
            .unwrap()
    }

    /// Waits until `what` holds, checking every 50 ms, and fails the test
    /// after `WAIT`, naming it: for what the page shows once Rust answers.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut holds: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + WAIT;
        while !holds().await {
            assert!(Instant::now() < deadline, "waited in vain for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Picks a colour theme on "Text and colours", as the learner does,
    /// and waits until it is chosen.
    pub async fn choose_theme(&self, theme: &str) {
        self.choose("theme", theme).await;
    }

    /// Picks a text size step (0 to 4) on "Text and colours", as the
    /// learner does, and waits until it is chosen.
    pub async fn choose_text_size(&self, step: u8) {
        self.choose("text-size", &step.to_string()).await;
    }

    async fn choose(&self, group: &str, value: &str) {
        self.click("#nav-settings").await;
        self.click(&format!("label[for={group}-{value}]")).await;
        self.wait_for(&format!("#{group}-{value}:checked")).await;
    }

    /// Saves what the learner sees, for a person to look at, when
    /// `SCREENSHOTS=1` asks for pictures (the run that refreshes
    /// `docs/screenshots/`); otherwise does nothing, to keep the suite fast.
    pub async fn screenshot(&self, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let png = self
            .nudged(name, async { self.client.screenshot().await.unwrap() })
            .await;
        save_screenshot(name, &png);
    }

    /// Saves one element, as the learner sees it (a figure, say), when
    /// `SCREENSHOTS=1`.
    pub async fn screenshot_of(&self, css: &str, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let element = self.wait_for(css).await;
        let png = self
            .nudged(name, async { element.screenshot().await.unwrap() })
            .await;
        save_screenshot(name, &png);
    }

    /// Runs a WebDriver screenshot. WebKitWebDriver answers one only after
    /// the page's next rendering update, and a page where nothing changes
    /// (a short page, or a screen left alone for a while) gets none, so it
    /// would hang. A style change the learner cannot see brings one about.
    async fn nudged(
        &self,
        name: &str,
        shot: impl std::future::Future<Output = Vec<u8>>,
    ) -> Vec<u8> {
        let nudge = "document.body.style.minHeight = 'calc(100vh + 1px)'; document.body.style.paddingBottom = '1px';";
        self.client.execute(nudge, vec![]).await.unwrap();
        let png = tokio::time::timeout(WAIT, shot)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer the screenshot {name}"));
        self.client
            .execute(
                "document.body.style.minHeight = ''; document.body.style.paddingBottom = '';",
                vec![],
            )
            .await
            .unwrap();
        png
    }

    /// Saves the page's live DOM as an HTML file under `target/tmp/html/`,
    /// for `validate_html`.
    pub async fn save_dom(&self, name: &str) -> PathBuf {
        let html = self
            .client
            .execute("return document.documentElement.outerHTML;", vec![])
            .await
            .unwrap();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.html"));
        std::fs::write(
            &path,
            format!("<!DOCTYPE html>\n{}", html.as_str().unwrap()),
        )
        .unwrap();
        path
    }

    /// Saves the whole screen, top to bottom, when `SCREENSHOTS=1`: the
    /// window is made as tall as the page for the picture, then put back.
    pub async fn screenshot_page(&self, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let (width, height) = self.client.get_window_size().await.unwrap();
        let (width, height) = (width as u32, height as u32);
        let page = self
            .client
            .execute("return document.documentElement.scrollHeight;", vec![])
            .await
            .unwrap()
            .as_u64()
            .map_or(height, |h| h.clamp(1, 4000) as u32);
        self.client.set_window_size(width, page).await.unwrap();
        self.settle().await;
        self.screenshot(name).await;
        self.client.set_window_size(width, height).await.unwrap();
        self.settle().await;
    }

    /// Waits two frames, so a resize has been laid out before the next step.
    async fn settle(&self) {
        let frames = "const done = arguments[arguments.length - 1];\
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        tokio::time::timeout(WAIT, self.client.execute_async(frames, vec![]))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer waiting for a frame"))
            .unwrap();
    }

    /// Presses keys as a keyboard would: each of `chords` is held down
    /// together (e.g. Alt then Right arrow), then released in reverse.
    pub async fn press(&self, chord: &[Key]) {
        let chars: Vec<char> = chord.iter().map(|&key| key.into()).collect();
        self.press_chars(&chars).await;
    }

    /// As `press`, for chords with letters in them (Key names only the
    /// special keys): e.g. `[Key::Alt.into(), 'l']`.
    pub async fn press_chars(&self, chord: &[char]) {
        trace(&format!("press {chord:?}"));
        let mut keys = KeyActions::new("keyboard".into());
        for &value in chord {
            keys = keys.then(KeyAction::Down { value });
        }
        for &value in chord.iter().rev() {
            keys = keys.then(KeyAction::Up { value });
        }
        tokio::time::timeout(WAIT, self.client.perform_actions(keys))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer pressing {chord:?}"))
            .unwrap();
    }

    /// What has focus: its id, tag and text (for an element named by
    /// another, as a screen or feedback region is, that one's: what a
    /// screen reader says), whether the browser shows a
    /// focus indicator on it, and whether it is inside the window (WCAG
    /// 2.4.11: focus not obscured).
    pub async fn focus(&self) -> Focus {
        let script = "const el = document.activeElement;\
            const r = el.getBoundingClientRect();\
            return { position: Array.prototype.indexOf.call(document.getElementsByTagName('*'), el), id: el.id || '', tag: el.tagName.toLowerCase(),\
              text: ((((el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))) || el).innerText) || '').trim().slice(0, 120),\
              focus_visible: el.matches(':focus-visible'),\
              in_view: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth && r.width > 0 };";
        let value = tokio::time::timeout(WAIT, self.client.execute(script, vec![]))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer reading the focus"))
            .unwrap();
        serde_json::from_value(value).unwrap()
    }

    /// Presses Tab until the element with `id` has focus, checking on the
    /// way that every stop is visible and that focus keeps moving (no trap).
    pub async fn tab_to(&self, id: &str) -> Focus {
        let mut seen = Vec::new();
        for _ in 0..80 {
            self.press(&[Key::Tab]).await;
            let focus = self.focus().await;
            assert!(
                focus.tag != "body",
                "Tab left the page after {seen:?} (looking for #{id})"
            );
            if matches!(focus.tag.as_str(), "a" | "button" | "input") {
                assert!(
                    focus.focus_visible,
                    "{focus:?} has focus but shows no focus indicator"
                );
                assert!(
                    focus.in_view,
                    "{focus:?} has focus but is outside the window"
                );
            }
            if focus.id == id {
                return focus;
            }
            let stop = format!(
                "{}#{} {:?} (element {})",
                focus.tag, focus.id, focus.text, focus.position
            );
            assert!(
                seen.last() != Some(&stop),
                "focus is stuck on {stop} (looking for #{id})"
            );
            seen.push(stop);
        }
        panic!("#{id} was not reached with Tab; stops: {seen:#?}");
    }

    /// Runs axe-core (vendored from npm in tests/fixtures/axe) on the page
    /// as it is now, for the WCAG 2.0, 2.1 and 2.2 A and AA rules; returns
    /// each violation as "rule: help (targets)".
    pub async fn axe(&self) -> Vec<String> {
        self.run_axe(
            "{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }",
        )
        .await
    }

    /// Runs only axe-core's rules whose outcome can change with the theme or
    /// the text size (contrast, links told apart from text, target size,
    /// scrolling regions): the rest depend on the markup alone, which is the
    /// same in every theme and size, so `axe` covers them once a screen.
    pub async fn axe_colours_and_sizes(&self) -> Vec<String> {
        self.run_axe("{ type: 'rule', values: ['color-contrast', 'link-in-text-block', 'target-size', 'scrollable-region-focusable'] }")
            .await
    }

    async fn run_axe(&self, run_only: &str) -> Vec<String> {
        let loaded = self
            .client
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .unwrap();
        if loaded != json!(true) {
            let source = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/axe/axe.min.js"),
            )
            .unwrap();
            tokio::time::timeout(WAIT, self.client.execute(&source, vec![]))
                .await
                .unwrap_or_else(|_| panic!("WebDriver did not answer loading axe-core"))
                .unwrap();
        }
        let script = format!(
            "const done = arguments[arguments.length - 1];\
            axe.run(document, {{ runOnly: {run_only}, resultTypes: ['violations'] }})\
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')),\
                    e => done(['axe failed: ' + e]));"
        );
        let value = tokio::time::timeout(
            Duration::from_secs(90),
            self.client.execute_async(&script, vec![]),
        )
        .await
        .unwrap_or_else(|_| panic!("WebDriver did not answer running axe-core"))
        .unwrap();
        serde_json::from_value(value).unwrap()
    }

    /// Ends the app as a learner closing the window would.
    pub async fn quit(self) {
        let _ = self.client.close().await;
    }
}

/// Writes a screenshot under `target/tmp/screenshots/`.
fn save_screenshot(name: &str, png: &[u8]) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Pictures are for people to look at, not for the checks: taken only when
/// asked for.
fn screenshots_wanted() -> bool {
    std::env::var_os("SCREENSHOTS").is_some_and(|v| v == "1")
}
