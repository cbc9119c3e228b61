//! The accessibility tree a screen reader gets from the webview, read over
//! AT-SPI by `atspi_tree.py` (Debian's python3-pyatspi, system Python), and
//! the checks a blind learner needs of it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::harness::{Harness, WAIT};

/// One accessible object, as AT-SPI gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct Node {
    pub role: String,
    pub name: String,
    pub description: String,
    /// A heading's level, as text ("1"…"6"); empty for anything else.
    pub level: String,
    /// The ARIA role WebKit maps from (landmarks: "banner", "main"…).
    pub xml_roles: String,
    pub tag: String,
    pub id: String,
    pub states: Vec<String>,
    /// The object's own words (a paragraph's, a live region's).
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    /// Every object, the tree's own first, in the order a screen reader's
    /// browse mode reads them.
    pub fn walk(&self) -> Vec<&Node> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.walk());
        }
        all
    }

    pub fn find_id(&self, id: &str) -> Option<&Node> {
        self.walk().into_iter().find(|n| n.id == id)
    }

    /// The headings, as (level, name), in reading order.
    pub fn headings(&self) -> Vec<(u8, String)> {
        self.walk()
            .into_iter()
            .filter(|n| n.role == "heading")
            .map(|n| (n.level.parse().unwrap_or(0), squash(&n.name)))
            .collect()
    }

    /// All the words in this object and those inside it.
    pub fn all_text(&self) -> String {
        self.walk()
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn has_state(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }

    /// The tree as indented text, one object a line, for a person to read.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(0, &mut out);
        out
    }

    fn render_into(&self, depth: usize, out: &mut String) {
        let mut line = format!("{}{}", "  ".repeat(depth), self.role);
        if !self.level.is_empty() {
            line.push_str(&format!(" level {}", self.level));
        }
        if !self.xml_roles.is_empty() && self.xml_roles != self.role {
            line.push_str(&format!(" [{}]", self.xml_roles));
        }
        if !self.name.is_empty() {
            line.push_str(&format!(" \"{}\"", squash(&self.name)));
        }
        // A paragraph's words, when they are not its name already.
        if !self.text.is_empty() && squash(&self.text) != squash(&self.name) {
            line.push_str(&format!(" text \"{}\"", squash(&self.text)));
        }
        if !self.description.is_empty() {
            line.push_str(&format!(" description \"{}\"", squash(&self.description)));
        }
        let shown: Vec<&str> = self
            .states
            .iter()
            .map(String::as_str)
            .filter(|s| !["showing", "focusable"].contains(s))
            .collect();
        if !shown.is_empty() {
            line.push_str(&format!(" ({})", shown.join(", ")));
        }
        if !self.id.is_empty() {
            line.push_str(&format!(" #{}", self.id));
        }
        out.push_str(&line);
        out.push('\n');
        for child in &self.children {
            child.render_into(depth + 1, out);
        }
    }
}

/// Whitespace runs as one space, trimmed: names compared as a listener
/// hears them.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn reader_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/atspi_tree.py")
}

/// Reads the tree once, in the harness's D-Bus session. `None` while the
/// webview has not exposed its document yet.
pub fn read_once(harness: &Harness) -> Option<Node> {
    // The system Python: Debian's pyatspi and gi live there, not in a
    // Python a developer may have first on PATH.
    let output = Command::new("/usr/bin/python3")
        .arg(reader_script())
        .envs(harness.session_env())
        .output()
        .expect("/usr/bin/python3 runs (run scripts/setup: python3-pyatspi)");
    match output.status.code() {
        Some(0) => Some(
            serde_json::from_slice(&output.stdout)
                .unwrap_or_else(|e| panic!("the AT-SPI reader's output is not a tree ({e})")),
        ),
        Some(2) => None,
        _ => panic!(
            "the AT-SPI reader failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// Reads the tree until `ready` holds (the screen the page shows has
/// reached the accessibility tree: WebKit updates it a moment later).
/// Returns the last tree read and whether `ready` held.
pub async fn read_until(harness: &Harness, ready: impl Fn(&Node) -> bool) -> (Node, bool) {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(tree) = read_once(harness) {
            if ready(&tree) {
                return (tree, true);
            }
            if Instant::now() > deadline {
                return (tree, false);
            }
        } else if Instant::now() > deadline {
            panic!("the webview exposed no document over AT-SPI in {WAIT:?}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Saves the tree as text under `target/tmp/a11y-tree/`, for a person.
pub fn save(name: &str, tree: &Node) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("a11y-tree");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(&path, tree.render()).unwrap();
    path
}

/// Roles a learner operates; each must say what it does.
const CONTROL_ROLES: &[&str] = &[
    "push button",
    "toggle button",
    "link",
    "radio button",
    "check box",
    "entry",
    "password text",
    "combo box",
    "spin button",
    "slider",
];

/// Form fields whose role WebKit may give as plain "text" (a textarea).
const FIELD_TAGS: &[&str] = &["input", "textarea", "select"];

/// What a blind learner would miss on this screen, one line a problem:
/// one h1, no skipped heading level, a name on every control, no graphic
/// without a name, and every landmark.
pub fn problems(tree: &Node) -> Vec<String> {
    let mut found = Vec::new();
    let headings = tree.headings();
    let h1s = headings.iter().filter(|(level, _)| *level == 1).count();
    if h1s != 1 {
        found.push(format!("{h1s} headings of level 1: {headings:?}"));
    }
    let mut previous = 0;
    for (level, name) in &headings {
        if *level == 0 || *level > previous + 1 {
            found.push(format!(
                "heading \"{name}\" is level {level} after level {previous}"
            ));
        }
        previous = *level;
    }
    for node in tree.walk() {
        let is_control =
            CONTROL_ROLES.contains(&node.role.as_str()) || FIELD_TAGS.contains(&node.tag.as_str());
        if is_control && squash(&node.name).is_empty() {
            found.push(format!("{} without a name: {}", node.role, describe(node)));
        }
        if node.role == "image" && squash(&node.name).is_empty() {
            found.push(format!("image without a name: {}", describe(node)));
        }
    }
    for landmark in ["banner", "navigation", "main", "contentinfo"] {
        if !tree
            .walk()
            .iter()
            .any(|n| n.xml_roles.split(' ').any(|r| r == landmark))
        {
            found.push(format!("no {landmark} landmark"));
        }
    }
    found
}

fn describe(node: &Node) -> String {
    format!(
        "<{}{}> {:?}",
        node.tag,
        if node.id.is_empty() {
            String::new()
        } else {
            format!(" id={}", node.id)
        },
        squash(&node.all_text())
    )
}
