//! Opens a link Rust has checked in the system's own browser.
//!
//! On Linux the browser must not inherit the engine settings made for the
//! course's own page (`engine`): a WebKit browser started from here (GNOME
//! Web, say) would otherwise run every site without its JIT. So there the
//! launchers the opener plugin would try (`open::commands`: xdg-open, gio
//! open, ...) are started here, in the same order and the same way (a
//! launcher that fails does so within a moment, and the next is tried; one
//! still running then has handed the link on), with that setting removed.
//! Elsewhere the opener plugin opens it as it is.

#[cfg(target_os = "linux")]
use std::time::Duration;

use tauri::{AppHandle, Runtime};
use url::Url;

use crate::error::Error;

/// How long a launcher has to fail before it counts as having opened the
/// link: the `open` crate's own wait for detached launchers.
#[cfg(target_os = "linux")]
const FAILURE_WINDOW: Duration = Duration::from_millis(250);

#[cfg(target_os = "linux")]
pub fn open<R: Runtime>(_app: &AppHandle<R>, url: &Url) -> Result<(), Error> {
    let launchers = open::commands(url.as_str());
    launch_first(launchers, &crate::engine::set_for_the_page_only())
        .map_err(|err| Error::Opener(err.to_string()))
}

#[cfg(not(target_os = "linux"))]
pub fn open<R: Runtime>(app: &AppHandle<R>, url: &Url) -> Result<(), Error> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|err| Error::Opener(err.to_string()))
}

/// Starts each launcher in turn, without the variables in `unset`, until
/// one opens the link; the first launcher's failure is the one reported.
#[cfg(target_os = "linux")]
pub fn launch_first(launchers: Vec<std::process::Command>, unset: &[&str]) -> std::io::Result<()> {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    use std::time::Instant;
    let mut first_failure = None;
    let mut last_spawn_error = None;
    for mut command in launchers {
        for name in unset {
            command.env_remove(name);
        }
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: the launcher and the browser it starts
            // outlive the course window.
            .process_group(0);
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(err) => {
                last_spawn_error = Some(err);
                continue;
            }
        };
        let started = Instant::now();
        let status = loop {
            match child.try_wait()? {
                Some(status) => break Some(status),
                None if started.elapsed() >= FAILURE_WINDOW => break None,
                None => std::thread::sleep(Duration::from_millis(10)),
            }
        };
        match status {
            Some(status) if status.success() => return Ok(()),
            Some(status) => {
                let program = command.get_program().to_string_lossy().into_owned();
                first_failure.get_or_insert_with(|| {
                    std::io::Error::other(format!("{program} failed ({status})"))
                });
            }
            None => {
                // Still running (some launchers wait for the browser): reaped
                // when it ends, so it never lingers as a zombie.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
        }
    }
    Err(first_failure.or(last_spawn_error).unwrap_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::NotFound, "no program to open links")
    }))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::process::Command;

    fn shell(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn the_first_launcher_that_works_opens_the_link_and_later_ones_never_start() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let log = log.display();
        let launchers = vec![
            Command::new("/nonexistent/xdg-open"),
            shell(&format!("echo second >> {log}; exit 3")),
            shell(&format!("echo third >> {log}")),
            shell(&format!("echo fourth >> {log}")),
        ];
        launch_first(launchers, &[]).unwrap();
        let ran = std::fs::read_to_string(dir.path().join("log")).unwrap();
        assert_eq!(ran, "second\nthird\n");
    }

    #[test]
    fn a_launcher_still_running_after_the_failure_window_has_opened_the_link() {
        let launchers = vec![shell("sleep 2"), shell("exit 1")];
        launch_first(launchers, &[]).unwrap();
    }

    #[test]
    fn when_every_launcher_fails_the_first_failure_is_reported() {
        let launchers = vec![shell("exit 4"), Command::new("/nonexistent/gio")];
        let err = launch_first(launchers, &[]).unwrap_err().to_string();
        assert!(err.starts_with("sh failed"), "{err}");
        assert!(err.contains('4'), "{err}");
        let none = launch_first(vec![], &[]).unwrap_err();
        assert_eq!(none.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn the_launcher_does_not_inherit_the_variables_it_is_told_to_drop() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("env");
        let script = format!(
            "printf '%s|%s' \"${{BPC_DROPPED-unset}}\" \"${{BPC_KEPT-unset}}\" > {}",
            log.display()
        );
        let mut command = shell(&script);
        command.env("BPC_DROPPED", "0").env("BPC_KEPT", "1");
        launch_first(vec![command], &["BPC_DROPPED"]).unwrap();
        assert_eq!(std::fs::read_to_string(&log).unwrap(), "unset|1");
    }
}
