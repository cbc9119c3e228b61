//! Runs the real app binary in the real webview, driven over WebDriver by
//! tauri-driver, in modules by job: `process` (the display, buses, sound,
//! driver and fresh folders a test runs in), `disk` (what a run left in
//! files), `webdriver` (the app as a
//! learner uses it: clicks, keys, text, focus), `save_dialog` (the system's
//! save dialog, answered by xdotool), `screenshots`, `axe`
//! (axe-core on the page) and `html_check` (the W3C checker).
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

mod axe;
mod disk;
mod html_check;
mod process;
mod save_dialog;
mod screenshots;
mod webdriver;

use std::time::Duration;

pub use disk::{files_holding, files_under};
pub use fantoccini::key::Key;
pub use html_check::validate_html;
pub use process::{app_binary, fixture_copy, Harness};
pub use webdriver::{App, Focus};

/// How long any one step may take before a test fails, naming it.
pub const WAIT: Duration = Duration::from_secs(30);
