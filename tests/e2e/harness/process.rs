//! The world a test runs in: its own X display, D-Bus session and sound
//! server when asked, tauri-driver, fresh data folders, a recording
//! `xdg-open`, and the app launched into it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::ClientBuilder;
use serde_json::json;
use tempfile::TempDir;

use super::webdriver::{trace, App};
use super::WAIT;

/// One app at a time: two WebKit processes on a 2-core machine make both slow
/// and flaky.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

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
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$OPENER_LOG\"\nprintf '%s %s\\n' \"${JSC_useJIT-unset}\" \"${WEBKIT_DISABLE_COMPOSITING_MODE-unset}\" >> \"$OPENER_LOG.jit\"\n",
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
            // Not WEBKIT_DISABLE_COMPOSITING_MODE: the app sets it for its own
            // page (src-tauri/src/engine.rs), so every test here runs the page
            // as a learner's copy does (tests/e2e/engine.rs checks it is set).
            .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
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

    /// Starts the app and waits for its first screen, `screen`.
    pub async fn launch_at(&self, screen: &str) -> App {
        let app = self.launch().await;
        app.screen(screen).await;
        app
    }

    /// Starts the app as a learner does the first time: the disclaimer
    /// accepted, then home.
    pub async fn launch_and_accept(&self) -> App {
        let app = self.launch().await;
        app.click("#accept-disclaimer").await;
        app.screen("home").await;
        app
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

    /// Linux: the engine settings (the JavaScript JIT's, then compositing's)
    /// each program the app asked to open something with was started with,
    /// one line a request ("unset": none).
    #[cfg(target_os = "linux")]
    pub fn opener_engine_settings(&self) -> Vec<String> {
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

const IDENTIFIER: &str = "au.com.alignmentexercisephysiology.backpaincourse";

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
