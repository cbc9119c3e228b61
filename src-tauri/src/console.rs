//! Windows only: printing from a release build started in a terminal.
//!
//! A release build is a GUI program (`windows_subsystem = "windows"` in
//! `main.rs`, so no black console window opens beside the course). Windows
//! gives such a program no console: whatever it prints goes nowhere, so
//! `back-pain-course check DIR` and `--version`, the clinic's tools, would
//! be silent. For those verbs (`cli::needs_console`) the program attaches
//! to the console of the terminal that started it, the usual fix discussed
//! in tauri-apps/tauri#8305. Wine prints even without it, so only real
//! Windows shows the difference (the release workflow runs there).
//!
//! Output that already goes somewhere (a pipe, or a file, as the tests and
//! `| Out-Host` in PowerShell arrange) stays there: attaching replaces the
//! standard handles only when the process was not started with its own
//! (`STARTF_USESTDHANDLES`; see `GetStdHandle` in Microsoft's docs).

/// Attaches to the parent process's console. Does nothing when there is no
/// parent console (started from Explorer), or on other systems.
#[cfg(windows)]
pub fn attach_to_parent() {
    use windows_sys::Win32::System::Console::{AttachConsole, ATTACH_PARENT_PROCESS};
    // SAFETY: takes a plain value and changes only this process's console;
    // it fails harmlessly (returns 0) when there is none to attach to.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

/// Other systems give every program its terminal's output already.
#[cfg(not(windows))]
pub fn attach_to_parent() {}
