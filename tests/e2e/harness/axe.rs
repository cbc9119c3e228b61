//! axe-core (vendored from npm in tests/fixtures/axe) on the page as it is.

use std::path::Path;
use std::time::Duration;

use serde_json::json;

use super::webdriver::App;
use super::WAIT;

impl App {
    /// Runs axe-core (vendored from npm in tests/fixtures/axe) on the page
    /// as it is now, for the WCAG 2.0, 2.1 and 2.2 A and AA rules; returns
    /// each violation as "rule: help (targets)".
    pub async fn axe(&self) -> Vec<String> {
        self.run_axe(
            "{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }",
        )
        .await
    }

    /// Runs only axe-core's rules whose outcome can change with the theme or
    /// the text size (contrast, links told apart from text, target size,
    /// scrolling regions): the rest depend on the markup alone, which is the
    /// same in every theme and size, so `axe` covers them once a screen.
    pub async fn axe_colours_and_sizes(&self) -> Vec<String> {
        self.run_axe("{ type: 'rule', values: ['color-contrast', 'link-in-text-block', 'target-size', 'scrollable-region-focusable'] }")
            .await
    }

    async fn run_axe(&self, run_only: &str) -> Vec<String> {
        let loaded = self
            .client
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .unwrap();
        if loaded != json!(true) {
            let source = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/axe/axe.min.js"),
            )
            .unwrap();
            tokio::time::timeout(WAIT, self.client.execute(&source, vec![]))
                .await
                .unwrap_or_else(|_| panic!("WebDriver did not answer loading axe-core"))
                .unwrap();
        }
        let script = format!(
            "const done = arguments[arguments.length - 1];\
            axe.run(document, {{ runOnly: {run_only}, resultTypes: ['violations'] }})\
              .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')),\
                    e => done(['axe failed: ' + e]));"
        );
        let value = tokio::time::timeout(
            Duration::from_secs(90),
            self.client.execute_async(&script, vec![]),
        )
        .await
        .unwrap_or_else(|_| panic!("WebDriver did not answer running axe-core"))
        .unwrap();
        serde_json::from_value(value).unwrap()
    }
}
