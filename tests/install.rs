//! Installs the built `.deb` as a learner's computer would (`dpkg -i`), checks
//! what landed where, starts the installed app under its own Xvfb and waits
//! for its first screen, then removes the package and checks it is gone.
//!
//! It changes the system, so it needs root and a package built first:
//! `scripts/package && cargo test --test install -- --ignored` (scripts/test
//! does both). The package is removed even when a check fails.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

const BINARY: &str = "/usr/bin/back-pain-course";
const CATEGORIES: &str = "Categories=Education;MedicalSoftware;";
/// Long enough for a cold start on a slow, busy machine; only a hang reaches it.
const START_LIMIT: Duration = Duration::from_secs(90);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn product_name() -> String {
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap())
            .unwrap();
    config["productName"].as_str().unwrap().to_owned()
}

/// The app's `.deb` from `scripts/package` (the baseline's lies beside it).
fn built_deb() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let deb = target.join("release/bundle/deb").join(format!(
        "{}_{}_amd64.deb",
        product_name(),
        env!("CARGO_PKG_VERSION")
    ));
    assert!(
        deb.is_file(),
        "{} is missing: run scripts/package first",
        deb.display()
    );
    deb
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} cannot run: {e}"))
}

fn field(deb: &Path, name: &str) -> String {
    let out = run("dpkg-deb", &["-f", deb.to_str().unwrap(), name]);
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn installed(package: &str) -> bool {
    let out = run("dpkg-query", &["-W", "-f=${Status}", package]);
    String::from_utf8_lossy(&out.stdout).contains("install ok installed")
}

/// Removes the package when dropped, so a failed check never leaves it on
/// the machine.
struct Installed {
    package: String,
}

impl Installed {
    fn install(deb: &Path, package: &str) -> Installed {
        let guard = Installed {
            package: package.to_owned(),
        };
        let deb = deb.to_str().unwrap();
        if !run("dpkg", &["-i", deb]).status.success() {
            // dpkg does not fetch dependencies; apt completes the install.
            let fixed = Command::new("apt-get")
                .args(["install", "-f", "-y", "--no-install-recommends"])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .status()
                .unwrap();
            assert!(fixed.success(), "apt-get could not complete the install");
        }
        assert!(
            installed(package),
            "{package} is not installed after dpkg -i"
        );
        guard
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        if installed(&self.package) {
            let _ = run("dpkg", &["-r", &self.package]);
        }
    }
}

struct Display {
    xvfb: Child,
    name: String,
}

impl Display {
    fn start() -> Display {
        let mut xvfb = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x1024x24"])
            .args(["-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (run scripts/setup first)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.trim().parse::<u32>().is_ok(), "Xvfb said {line:?}");
        Display {
            xvfb,
            name: format!(":{}", line.trim()),
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// The installed app with its WebKit processes, killed together on drop.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = run("kill", &["-KILL", "--", &group]);
        let _ = self.0.wait();
    }
}

/// Starts the installed app with fresh data folders and returns the first
/// screen it reports (`BACK_PAIN_COURSE_BENCH=ready`: once the course has
/// loaded and its first screen is painted).
fn first_screen(display: &Display, home: &Path) -> String {
    let mut command = Command::new(BINARY);
    command
        .env("DISPLAY", &display.name)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("BACK_PAIN_COURSE_BENCH", "ready")
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("NO_AT_BRIDGE", "1")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("BACK_PAIN_COURSE_PACK")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Its own process group, so `Running` ends the WebKit helpers with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().expect("the installed app starts");
    let stdout = child.stdout.take().unwrap();
    let running = Running(child);
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            // `bench ready screen=NAME page_ms=.. ...`
            if let Some(rest) = line.strip_prefix("bench ready screen=") {
                let screen = rest.split_whitespace().next().unwrap_or_default();
                let _ = send.send(screen.to_owned());
                return;
            }
        }
    });
    let screen = receive
        .recv_timeout(START_LIMIT)
        .expect("the installed app reported no first screen");
    drop(running);
    screen
}

#[test]
#[cfg_attr(
    target_os = "linux",
    ignore = "installs a package system-wide: needs root and `scripts/package` first (scripts/test runs it)"
)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the .deb install test runs on Linux only"
)]
fn the_deb_installs_runs_and_removes_cleanly() {
    let deb = built_deb();
    let package = field(&deb, "Package");
    assert_eq!(field(&deb, "Version"), env!("CARGO_PKG_VERSION"));
    assert!(!installed(&package), "{package} was already installed");

    let guard = Installed::install(&deb, &package);
    let desktop =
        PathBuf::from("/usr/share/applications").join(format!("{}.desktop", product_name()));
    let entry =
        std::fs::read_to_string(&desktop).unwrap_or_else(|e| panic!("{}: {e}", desktop.display()));
    assert!(entry.lines().any(|l| l == CATEGORIES), "{entry}");
    assert!(
        entry.lines().any(|l| l == "Exec=back-pain-course"),
        "{entry}"
    );
    assert!(
        Path::new("/usr/share/icons/hicolor/128x128/apps/back-pain-course.png").is_file(),
        "the 128px icon is missing"
    );

    let version = run(BINARY, &["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("back-pain-course {}", env!("CARGO_PKG_VERSION"))
    );

    let home = tempfile::tempdir().unwrap();
    let display = Display::start();
    // A fresh learner sees the disclaimer first: the built-in course loaded
    // from the installed binary and its first screen was drawn.
    assert_eq!(first_screen(&display, home.path()), "disclaimer");

    assert!(run("dpkg", &["-r", &package]).status.success());
    drop(guard);
    assert!(!installed(&package), "{package} is still installed");
    assert!(!Path::new(BINARY).exists(), "{BINARY} is left behind");
    assert!(!desktop.exists(), "{} is left behind", desktop.display());
}
