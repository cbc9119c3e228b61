//! The app as a learner uses it, over WebDriver: waiting for a screen,
//! clicking, pressing keys, reading text and focus, calling Rust as the
//! page does.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use super::{Key, WAIT};

/// WebKitWebDriver's words for an element that left the page between being
/// found and being used.
pub(super) fn is_stale(error: &str) -> bool {
    error.contains("Stale element")
        || (error.contains("Node with identifier") && error.contains("was not found"))
}

/// With `E2E_TRACE=1`, each step is printed, to find where a test hangs.
pub(super) fn trace(step: &str) {
    if std::env::var_os("E2E_TRACE").is_some() {
        eprintln!("e2e: {step}");
    }
}

pub struct App {
    pub client: Client,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Focus {
    /// The element's place in the document, so two stops that look alike
    /// (say, two links both reading "1") are still told apart.
    pub position: usize,
    pub id: String,
    pub tag: String,
    pub text: String,
    pub focus_visible: bool,
    pub in_view: bool,
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Element {
        trace(&format!("wait_for {css}"));
        let deadline = Instant::now() + WAIT;
        loop {
            match self
                .client
                .wait()
                .at_most(WAIT)
                .for_element(Locator::Css(css))
                .await
            {
                Ok(element) => return element,
                // Found on the screen that was being replaced, just as it
                // went: look again on the new one.
                Err(err) if is_stale(&err.to_string()) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("{css} did not appear: {err}"),
            }
        }
    }

    /// From a first start: the disclaimer accepted and the first lesson
    /// completed, as most journeys that need a record begin.
    pub async fn accept_and_complete_the_first_lesson(&self) {
        self.click("#accept-disclaimer").await;
        self.click("#open-lesson-why-ongoing").await;
        self.click("#complete-lesson").await;
        self.wait_for("#completed-note").await;
    }

    pub async fn screen(&self, name: &str) -> Element {
        self.wait_for(&format!("[data-screen=\"{name}\"]")).await
    }

    pub async fn click(&self, css: &str) {
        trace(&format!("click {css}"));
        let deadline = Instant::now() + WAIT;
        loop {
            let element = self.wait_for(css).await;
            match tokio::time::timeout(WAIT, element.click())
                .await
                .unwrap_or_else(|_| panic!("WebDriver did not answer clicking {css}"))
            {
                Ok(_) => break,
                // The element was on a screen being replaced (say, home
                // drawn again): click the new one.
                Err(err) if is_stale(&err.to_string()) && Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("click {css}: {err}"),
            }
        }
    }

    /// The element's rendered text (`innerText`: line breaks between blocks).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        trace(&format!("text {css}"));
        let script = self.client.execute(
            "return arguments[0].innerText;",
            vec![serde_json::to_value(&element).unwrap()],
        );
        let value = tokio::time::timeout(WAIT, script)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer reading {css}"))
            .unwrap();
        value.as_str().unwrap_or_default().trim().to_owned()
    }

    /// What page script `script` returns, as text (empty if not text).
    pub async fn script_text(&self, script: &str) -> String {
        let value = self.client.execute(script, vec![]).await.unwrap();
        value.as_str().unwrap_or_default().to_owned()
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Calls a Rust command through the webview's real IPC, as page script
    /// would: `{"ok": value}` or `{"err": {kind, message}}`. It goes round
    /// `ui/js/api.js`, so the page does not forget the lesson views it kept:
    /// after a change made this way, a lesson reopened through the page is
    /// first drawn as it was (and then as Rust says).
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        let script = "const done = arguments[arguments.length - 1];\
            window.__TAURI__.core.invoke(arguments[0], arguments[1])\
              .then(ok => done({ ok: ok === undefined ? null : ok }), err => done({ err }));";
        let call = self
            .client
            .execute_async(script, vec![json!(command), args]);
        tokio::time::timeout(WAIT, call)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer calling {command}"))
            .unwrap()
    }

    /// Waits until `what` holds, checking every 50 ms, and fails the test
    /// after `WAIT`, naming it: for what the page shows once Rust answers.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut holds: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + WAIT;
        while !holds().await {
            assert!(Instant::now() < deadline, "waited in vain for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Picks a colour theme on "Text and colours", as the learner does,
    /// and waits until it is chosen.
    pub async fn choose_theme(&self, theme: &str) {
        self.choose("theme", theme).await;
    }

    /// Picks a text size step (0 to 4) on "Text and colours", as the
    /// learner does, and waits until it is chosen.
    pub async fn choose_text_size(&self, step: u8) {
        self.choose("text-size", &step.to_string()).await;
    }

    async fn choose(&self, group: &str, value: &str) {
        self.click("#nav-settings").await;
        self.click(&format!("label[for={group}-{value}]")).await;
        self.wait_for(&format!("#{group}-{value}:checked")).await;
    }

    /// Presses keys as a keyboard would: each of `chords` is held down
    /// together (e.g. Alt then Right arrow), then released in reverse.
    pub async fn press(&self, chord: &[Key]) {
        let chars: Vec<char> = chord.iter().map(|&key| key.into()).collect();
        self.press_chars(&chars).await;
    }

    /// As `press`, for chords with letters in them (Key names only the
    /// special keys): e.g. `[Key::Alt.into(), 'l']`.
    pub async fn press_chars(&self, chord: &[char]) {
        trace(&format!("press {chord:?}"));
        let mut keys = KeyActions::new("keyboard".into());
        for &value in chord {
            keys = keys.then(KeyAction::Down { value });
        }
        for &value in chord.iter().rev() {
            keys = keys.then(KeyAction::Up { value });
        }
        tokio::time::timeout(WAIT, self.client.perform_actions(keys))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer pressing {chord:?}"))
            .unwrap();
    }

    /// What has focus: its id, tag and text (for an element named by
    /// another, as a screen or feedback region is, that one's: what a
    /// screen reader says), whether the browser shows a
    /// focus indicator on it, and whether it is inside the window (WCAG
    /// 2.4.11: focus not obscured).
    pub async fn focus(&self) -> Focus {
        let script = "const el = document.activeElement;\
            const r = el.getBoundingClientRect();\
            return { position: Array.prototype.indexOf.call(document.getElementsByTagName('*'), el), id: el.id || '', tag: el.tagName.toLowerCase(),\
              text: ((((el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))) || el).innerText) || '').trim().slice(0, 120),\
              focus_visible: el.matches(':focus-visible'),\
              in_view: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth && r.width > 0 };";
        let value = tokio::time::timeout(WAIT, self.client.execute(script, vec![]))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer reading the focus"))
            .unwrap();
        serde_json::from_value(value).unwrap()
    }

    /// Presses Tab until the element with `id` has focus, checking on the
    /// way that every stop is visible and that focus keeps moving (no trap).
    pub async fn tab_to(&self, id: &str) -> Focus {
        let mut seen = Vec::new();
        for _ in 0..80 {
            self.press(&[Key::Tab]).await;
            let focus = self.focus().await;
            assert!(
                focus.tag != "body",
                "Tab left the page after {seen:?} (looking for #{id})"
            );
            if matches!(focus.tag.as_str(), "a" | "button" | "input") {
                assert!(
                    focus.focus_visible,
                    "{focus:?} has focus but shows no focus indicator"
                );
                assert!(
                    focus.in_view,
                    "{focus:?} has focus but is outside the window"
                );
            }
            if focus.id == id {
                return focus;
            }
            let stop = format!(
                "{}#{} {:?} (element {})",
                focus.tag, focus.id, focus.text, focus.position
            );
            assert!(
                seen.last() != Some(&stop),
                "focus is stuck on {stop} (looking for #{id})"
            );
            seen.push(stop);
        }
        panic!("#{id} was not reached with Tab; stops: {seen:#?}");
    }

    /// Ends the app as a learner closing the window would.
    pub async fn quit(self) {
        let _ = self.client.close().await;
    }
}
