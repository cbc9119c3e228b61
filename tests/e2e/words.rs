//! Every word on screen comes from the catalog: the text of each element
//! outside course content (marked `data-content` by the page) must match an
//! entry of `ui/locales/en.json`, with its placeholders as wildcards. Called
//! on screens the other journeys already reach, so it costs no launch.

use crate::harness::App;

/// Each text piece on the page outside course content: text nodes, and the
/// labels and values read out by screen readers. (The page title is the
/// screen's h1 and the course title, both checked where they are shown.)
const COLLECT: &str = r#"
const pieces = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const isContent = (el) => el.closest('[data-content="html"]') || el.dataset.content === "text";
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!isContent(node.parentElement)) pieces.push(node.textContent);
}
for (const el of document.querySelectorAll("[aria-label], [aria-valuetext], [title]")) {
  if (isContent(el)) continue;
  for (const name of ["aria-label", "aria-valuetext", "title"]) {
    if (el.hasAttribute(name)) pieces.push(el.getAttribute(name));
  }
}
return pieces;
"#;

/// An entry as the fixed text between its placeholders.
fn segments(entry: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = entry;
    while let Some(open) = rest.find('{') {
        out.last_mut().unwrap().push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                out.push(String::new());
                rest = &rest[open + close + 1..];
            }
            None => {
                out.last_mut().unwrap().push('{');
                rest = &rest[open + 1..];
            }
        }
    }
    out.last_mut().unwrap().push_str(rest);
    out
}

/// Whether `piece` is `entry` with anything in its placeholders.
fn matches(piece: &str, entry: &[String]) -> bool {
    let (first, rest) = entry.split_first().unwrap();
    let Some(mut left) = piece.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return left.is_empty();
    };
    for part in middle {
        match left.find(part.as_str()) {
            Some(at) => left = &left[at + part.len()..],
            None => return false,
        }
    }
    left.ends_with(last.as_str())
}

fn catalog() -> Vec<Vec<String>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/locales/en.json");
    let entries: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    entries
        .values()
        // An entry of placeholders alone would match anything.
        .filter(|text| {
            segments(text)
                .iter()
                .any(|s| s.chars().any(char::is_alphabetic))
        })
        .map(|text| segments(text.trim()))
        .collect()
}

/// The pieces of the current screen that come from no catalog entry.
/// Pieces with no letter (numbers, dashes) carry no words.
pub async fn words_not_from_catalog(app: &App, screen: &str) -> Vec<String> {
    let catalog = catalog();
    let pieces = app.client.execute(COLLECT, vec![]).await.unwrap();
    let pieces: Vec<String> = serde_json::from_value(pieces).unwrap();
    pieces
        .iter()
        .map(|p| p.trim())
        .filter(|p| p.chars().any(char::is_alphabetic))
        .filter(|p| !catalog.iter().any(|entry| matches(p, entry)))
        .map(|p| format!("{screen}: {p:?}"))
        .collect()
}

#[test]
fn a_piece_matches_an_entry_with_anything_in_its_placeholders() {
    let entry = segments("Lesson {n} of {total}");
    assert!(matches("Lesson 2 of 3", &entry));
    assert!(!matches("Lesson 2 from 3", &entry));
    assert!(!matches("Chapter 2 of 3", &entry));
    assert!(matches("Home", &segments("Home")));
    assert!(!matches("Homes", &segments("Home")));
    assert!(matches(
        "Provided by A – B",
        &segments("Provided by {provider}")
    ));
}
