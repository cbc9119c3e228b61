//! Pictures for a person to look at (`SCREENSHOTS=1`), and the page saved
//! as HTML for the checker.

use std::path::{Path, PathBuf};

use super::webdriver::App;
use super::WAIT;

impl App {
    /// Saves what the learner sees, for a person to look at, when
    /// `SCREENSHOTS=1` asks for pictures (the run that refreshes
    /// `docs/screenshots/`); otherwise does nothing, to keep the suite fast.
    pub async fn screenshot(&self, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let png = self
            .nudged(name, async { self.client.screenshot().await.unwrap() })
            .await;
        save_screenshot(name, &png);
    }

    /// Saves one element, as the learner sees it (a figure, say), when
    /// `SCREENSHOTS=1`.
    pub async fn screenshot_of(&self, css: &str, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let element = self.wait_for(css).await;
        let png = self
            .nudged(name, async { element.screenshot().await.unwrap() })
            .await;
        save_screenshot(name, &png);
    }

    /// Runs a WebDriver screenshot. WebKitWebDriver answers one only after
    /// the page's next rendering update, and a page where nothing changes
    /// (a short page, or a screen left alone for a while) gets none, so it
    /// would hang. A style change the learner cannot see brings one about.
    async fn nudged(
        &self,
        name: &str,
        shot: impl std::future::Future<Output = Vec<u8>>,
    ) -> Vec<u8> {
        let nudge = "document.body.style.minHeight = 'calc(100vh + 1px)'; document.body.style.paddingBottom = '1px';";
        self.client.execute(nudge, vec![]).await.unwrap();
        let png = tokio::time::timeout(WAIT, shot)
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer the screenshot {name}"));
        self.client
            .execute(
                "document.body.style.minHeight = ''; document.body.style.paddingBottom = '';",
                vec![],
            )
            .await
            .unwrap();
        png
    }

    /// Saves the page's live DOM as an HTML file under `target/tmp/html/`,
    /// for `validate_html`.
    pub async fn save_dom(&self, name: &str) -> PathBuf {
        let html = self
            .client
            .execute("return document.documentElement.outerHTML;", vec![])
            .await
            .unwrap();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.html"));
        std::fs::write(
            &path,
            format!("<!DOCTYPE html>\n{}", html.as_str().unwrap()),
        )
        .unwrap();
        path
    }

    /// Saves the whole screen, top to bottom, when `SCREENSHOTS=1`: the
    /// window is made as tall as the page for the picture, then put back.
    pub async fn screenshot_page(&self, name: &str) {
        if !screenshots_wanted() {
            return;
        }
        let (width, height) = self.client.get_window_size().await.unwrap();
        let (width, height) = (width as u32, height as u32);
        let page = self
            .client
            .execute("return document.documentElement.scrollHeight;", vec![])
            .await
            .unwrap()
            .as_u64()
            .map_or(height, |h| h.clamp(1, 4000) as u32);
        self.client.set_window_size(width, page).await.unwrap();
        self.settle().await;
        self.screenshot(name).await;
        self.client.set_window_size(width, height).await.unwrap();
        self.settle().await;
    }

    /// Waits two frames, so a resize has been laid out before the next step.
    async fn settle(&self) {
        let frames = "const done = arguments[arguments.length - 1];\
            requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        tokio::time::timeout(WAIT, self.client.execute_async(frames, vec![]))
            .await
            .unwrap_or_else(|_| panic!("WebDriver did not answer waiting for a frame"))
            .unwrap();
    }
}

/// Writes a screenshot under `target/tmp/screenshots/`.
fn save_screenshot(name: &str, png: &[u8]) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Pictures are for people to look at, not for the checks: taken only when
/// asked for.
fn screenshots_wanted() -> bool {
    std::env::var_os("SCREENSHOTS").is_some_and(|v| v == "1")
}
