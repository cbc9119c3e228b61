//! What the app asks of the web engine before its window opens: no
//! JavaScript JIT and, on Linux, no accelerated compositing (both below).
//!
//! On Linux the page runs in WebKitGTK, whose JavaScriptCore compiles hot
//! script to machine code (its JIT). The course's scripts are a few hundred
//! lines that build a screen when asked; they gain nothing a learner could
//! notice from compiled code, and the JIT costs the web process about
//! 6 MiB of memory for its compilers and their code (docs/benchmarks.md). Without it there is also no
//! writable-then-executable memory in the process showing the course, which
//! is why browsers' hardened modes (Lockdown Mode in Safari, Edge's enhanced
//! security) turn it off too.
//!
//! JavaScriptCore reads its options from `JSC_*` environment variables when
//! the web process starts, and WebKit starts that process from this one, so
//! setting the variable here, before any thread or window exists, reaches it.
//! A value already set by whoever started the app (a developer tracing a
//! problem) is kept. What the app sets is for its own page only: the
//! browser it opens links in does not get it (`browser`).

use std::ffi::OsStr;
use std::sync::Mutex;

/// The environment variable JavaScriptCore reads for its JIT switch.
pub const JIT_VARIABLE: &str = "JSC_useJIT";

/// The environment variable WebKitGTK reads to draw the page without
/// accelerated compositing (its GPU layers).
pub const COMPOSITING_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// What the app asks of the engine for its own page: each variable and its
/// value.
///
/// Compositing off: the course is one column of text with a few drawings
/// and no animation, which WebKit paints as fast without its GPU layers.
/// With them on, its web process keeps composited tiles for the whole
/// scrolling page: 87 MiB more than with them off, and 30 MiB more than a
/// bare Tauri window composited (docs/benchmarks.md, "Issue 25"). Off is
/// also the mode every test here runs the page in (the e2e harness, Listen,
/// the screenshots), and the long-standing fix for the blank white window
/// that WebKitGTK's GPU path gives on some drivers, virtual machines and
/// remote desktops (tauri-apps/tauri#5143, #7927): a clinic PC or an old
/// laptop is where a learner is likeliest to meet one.
pub const PAGE_SETTINGS: [(&str, &str); 2] = [(JIT_VARIABLE, "0"), (COMPOSITING_VARIABLE, "1")];

/// The value the app gives a variable of [`PAGE_SETTINGS`] (`wanted`) when
/// it is not already set: `None` keeps what is there.
pub fn setting(current: Option<&OsStr>, wanted: &'static str) -> Option<&'static str> {
    match current {
        Some(_) => None,
        None => Some(wanted),
    }
}

/// The variables `prepare` set (rather than found set).
static SET_BY_THE_APP: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// The variables the app set for its own page, which programs it starts
/// for the learner (the browser) must not inherit.
pub fn set_for_the_page_only() -> Vec<&'static str> {
    SET_BY_THE_APP
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// Sets up the web engine's environment. Call first thing in `run`, while
/// this is the only thread: changing the environment later could race a
/// library reading it.
pub fn prepare() {
    #[cfg(target_os = "linux")]
    for (variable, wanted) in PAGE_SETTINGS {
        if let Some(value) = setting(std::env::var_os(variable).as_deref(), wanted) {
            std::env::set_var(variable, value);
            SET_BY_THE_APP
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(variable);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JIT's value, as `prepare` gives it.
    fn jit_setting(current: Option<&OsStr>) -> Option<&'static str> {
        let (variable, wanted) = PAGE_SETTINGS[0];
        assert_eq!(variable, JIT_VARIABLE);
        setting(current, wanted)
    }

    #[test]
    fn jit_is_turned_off_when_nobody_chose() {
        assert_eq!(jit_setting(None), Some("0"));
    }

    #[test]
    fn a_jit_choice_made_by_whoever_started_the_app_is_kept() {
        assert_eq!(jit_setting(Some(OsStr::new("1"))), None);
        assert_eq!(jit_setting(Some(OsStr::new(""))), None);
    }

    #[test]
    fn compositing_is_turned_off_unless_whoever_started_the_app_chose() {
        let (variable, wanted) = PAGE_SETTINGS[1];
        assert_eq!(variable, "WEBKIT_DISABLE_COMPOSITING_MODE");
        assert_eq!(setting(None, wanted), Some("1"));
        assert_eq!(setting(Some(OsStr::new("0")), wanted), None);
    }
}
