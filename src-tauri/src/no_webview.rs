//! Windows only: the course's own message when the PC lacks WebView2, the
//! engine its window needs, in place of a window that cannot open.
//!
//! Without WebView2 the window cannot be made. Left to itself, Tauri shows
//! a box titled "Error" with a developer's link (release builds only) and
//! the program then ends with a panic nobody sees. A learner needs to know
//! what is missing and what to do, in the course's plain words, so the app
//! asks first, the same way Tauri does (`tauri::webview_version`), and
//! never starts Tauri when the answer is no.
//!
//! Only Windows can lack it: on Linux WebKitGTK is a library the program is
//! linked with (it would not start at all without it), and macOS always has
//! WKWebView.

use crate::course::words::Catalog;

/// The exit status once the learner has closed the message: not 0, so a
/// script or a launcher that started the course knows it did not open.
pub const EXIT_STATUS: i32 = 3;

/// The message's title and text, from the catalog. English: no course pack
/// (and so no pack's language) is read before the window could open.
pub fn message() -> (String, String) {
    let words = Catalog::english();
    (
        words.text("no-webview.title", &[]),
        words.text("no-webview.message", &[]),
    )
}

/// Shows the message and ends the program when WebView2 is missing.
#[cfg(windows)]
pub fn stop_if_missing() {
    if tauri::webview_version().is_ok() {
        return;
    }
    let (title, text) = message();
    show(&title, &text);
    std::process::exit(EXIT_STATUS);
}

/// Other systems always have their web engine (see the module's note).
#[cfg(not(windows))]
pub fn stop_if_missing() {}

/// A plain Windows message box, which needs nothing but Windows itself;
/// returns once the learner presses OK (or Enter, or Escape).
#[cfg(windows)]
fn show(title: &str, text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{
        MessageBoxW, MB_ICONINFORMATION, MB_OK, MB_SETFOREGROUND,
    };
    let wide = |s: &str| s.encode_utf16().chain([0]).collect::<Vec<u16>>();
    let (title, text) = (wide(title), wide(text));
    // SAFETY: both pointers are to NUL-terminated UTF-16 buffers that live
    // until the call returns; a null owner window is allowed.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONINFORMATION | MB_SETFOREGROUND,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_what_is_missing_and_what_to_do() {
        let (title, text) = message();
        assert_eq!(title, "The course cannot open on this computer");
        assert!(text.contains("Microsoft Edge WebView2 Runtime"), "{text}");
        assert!(text.contains("search for \"WebView2 Runtime\""), "{text}");
        assert!(text.contains("start the course again"), "{text}");
        // Plain words for a learner: no codes, no links to click.
        for developer_words in ["0x", "http", "Runtime not found", "error"] {
            assert!(
                !text.contains(developer_words),
                "{developer_words} in {text}"
            );
        }
    }
}
