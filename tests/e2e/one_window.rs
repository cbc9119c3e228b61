//! One window at a time: a second launch while the course is open (an icon
//! double-clicked again) brings the open window forward and ends, so there
//! is never a second window on the same record that cannot save.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::{app_binary, Harness};

/// The X windows on the harness's display with the course's title.
fn course_windows(harness: &Harness) -> usize {
    let out = Command::new("xdotool")
        .args(["search", "--name", "^Persistent Back Pain Mini Course$"])
        .envs(harness.session_env())
        .output()
        .expect("xdotool runs (scripts/setup installs it)");
    String::from_utf8_lossy(&out.stdout).lines().count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped off Linux: the window count is read from X (xdotool)"
)]
async fn a_second_launch_brings_the_open_window_forward_and_opens_no_other() {
    // Its own D-Bus session: where a running course makes itself known.
    let harness = Harness::with_screen_reader_bus();
    let app = harness.launch_and_accept().await;
    let before = course_windows(&harness);
    assert!(before >= 1, "the course's window is not on the display");

    let mut second = Command::new(app_binary())
        .envs(harness.session_env())
        .env("NO_AT_BRIDGE", "1")
        .spawn()
        .expect("the app starts a second time");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second launch is still running: it opened a course of its own");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second launch ended with {status}");
    assert_eq!(course_windows(&harness), before, "a second window opened");

    // The open course goes on as it was, the learner's consent kept.
    app.click("#nav-tools").await;
    app.screen("tools").await;
    app.quit().await;
}
