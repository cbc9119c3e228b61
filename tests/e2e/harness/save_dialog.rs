//! The system's save dialog (native GTK, out of WebDriver's reach),
//! answered as a learner does: a file name typed, then Enter, by xdotool on
//! the harness's display.

use std::path::Path;
use std::time::{Duration, Instant};

use super::Harness;

impl Harness {
    /// Runs xdotool on the app's display; what it printed.
    pub fn xdotool(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool runs (run scripts/setup first)");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits for the save dialog the app opened, types `target` into it and
    /// presses Enter.
    pub async fn save_in_dialog(&self, target: &Path) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let dialog = loop {
            let found = self.xdotool(&["search", "--onlyvisible", "--name", "Save"]);
            if let Some(id) = found.lines().last() {
                break id.to_owned();
            }
            assert!(Instant::now() < deadline, "no save dialog appeared");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        self.xdotool(&["windowfocus", "--sync", &dialog]);
        self.xdotool(&["key", "--window", &dialog, "ctrl+a"]);
        let typed = target.display().to_string();
        self.xdotool(&["type", "--window", &dialog, "--delay", "20", &typed]);
        self.xdotool(&["key", "--window", &dialog, "Return"]);
    }
}
