//! Installs the built `.deb` as a learner's computer would (`dpkg -i`), checks
//! what landed where, starts the installed app under its own Xvfb, drives it
//! over WebDriver to its first screen, then removes the package and checks
//! it is gone.
//!
//! It changes the system, so it needs root and a package built first:
//! `scripts/package && cargo test --test install -- --ignored` (scripts/test
//! does both). The package is removed even when a check fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

// The end-to-end tests' harness: display, driver and fresh folders.
#[path = "e2e/harness/mod.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

const BINARY: &str = "/usr/bin/back-pain-course";
const CHECKER: &str = "/usr/bin/back-pain-course-check";
const CATEGORIES: &str = "Categories=Education;MedicalSoftware;";

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "linux",
    ignore = "installs a package system-wide: needs root and `scripts/package` first (scripts/test runs it)"
)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the .deb install test runs on Linux only"
)]
async fn the_deb_installs_runs_and_removes_cleanly() {
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

    // The console checker is installed beside it and checks a pack.
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/broken");
    let checked = run(
        CHECKER,
        &[broken.to_str().unwrap(), "--today", "2026-12-03"],
    );
    assert_eq!(checked.status.code(), Some(1), "{checked:?}");
    assert!(String::from_utf8_lossy(&checked.stdout).contains("has 4 problems"));

    // A fresh learner sees the disclaimer first, with where to get help: the
    // built-in course loaded from the installed binary and its first screen
    // was drawn. Driven over WebDriver like the other journeys, on its own
    // display with fresh data folders.
    {
        let harness = harness::Harness::new();
        let app = harness.launch_binary(BINARY).await;
        app.screen("disclaimer").await;
        assert!(app
            .text("#help-emergency-line-1")
            .await
            .starts_with("Call 000"));
        app.quit().await;
    }

    assert!(run("dpkg", &["-r", &package]).status.success());
    drop(guard);
    assert!(!installed(&package), "{package} is still installed");
    assert!(!Path::new(BINARY).exists(), "{BINARY} is left behind");
    assert!(!Path::new(CHECKER).exists(), "{CHECKER} is left behind");
    assert!(!desktop.exists(), "{} is left behind", desktop.display());
}
