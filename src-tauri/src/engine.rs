//! What the app asks of the web engine before its window opens.
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
use std::sync::atomic::{AtomicBool, Ordering};

/// The environment variable JavaScriptCore reads for its JIT switch.
pub const JIT_VARIABLE: &str = "JSC_useJIT";

/// The value the app gives [`JIT_VARIABLE`] when it is not already set:
/// `None` keeps what is there.
pub fn jit_setting(current: Option<&OsStr>) -> Option<&'static str> {
    match current {
        Some(_) => None,
        None => Some("0"),
    }
}

/// Whether `prepare` set [`JIT_VARIABLE`] (rather than finding it set).
static SET_BY_THE_APP: AtomicBool = AtomicBool::new(false);

/// The variables the app set for its own page, which programs it starts
/// for the learner (the browser) must not inherit.
pub fn set_for_the_page_only() -> &'static [&'static str] {
    if SET_BY_THE_APP.load(Ordering::Relaxed) {
        &[JIT_VARIABLE]
    } else {
        &[]
    }
}

/// Sets up the web engine's environment. Call first thing in `run`, while
/// this is the only thread: changing the environment later could race a
/// library reading it.
pub fn prepare() {
    #[cfg(target_os = "linux")]
    if let Some(value) = jit_setting(std::env::var_os(JIT_VARIABLE).as_deref()) {
        std::env::set_var(JIT_VARIABLE, value);
        SET_BY_THE_APP.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jit_is_turned_off_when_nobody_chose() {
        assert_eq!(jit_setting(None), Some("0"));
    }

    #[test]
    fn a_jit_choice_made_by_whoever_started_the_app_is_kept() {
        assert_eq!(jit_setting(Some(OsStr::new("1"))), None);
        assert_eq!(jit_setting(Some(OsStr::new(""))), None);
    }
}
