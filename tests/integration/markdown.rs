//! Awkward Markdown put into every page of the shipped course: each change
//! loading makes to the parsed page (read-aloud marks, citation markers,
//! the printed copy's ids) keeps its promises whatever the page holds, and
//! what cannot be shown right is refused with its file and line.

use std::collections::BTreeSet;

use back_pain_course::course::load::files::PackFiles;
use back_pain_course::course::load::links::{GUIDE_LINK_PREFIX, SCREEN_ANCHORS};
use back_pain_course::course::load::spoken::SpokenPart;
use back_pain_course::course::{load_course, Course};

use super::{root, walk};

/// A cite on the shipped references list.
const CITE: &str = "Basbaum et al., 2009";

/// The pages a snippet goes into: each file, and where in it.
const PAGES: [&str; 6] = [
    "disclaimer.md",
    "intro.md",
    "finished.md",
    "get-help.md",
    "lessons/01-why-ongoing.md",
    "guides/03-sleep.md",
];

/// The shipped pack with `snippet` put into `page`: at the end, or for a
/// lesson, under its first heading (its questions must stay last).
fn pack_with(page: &str, snippet: &str) -> (PackFiles, String) {
    let mut pairs = Vec::new();
    let mut changed = String::new();
    let content = root().join("content");
    for entry in walk(&content) {
        let name = entry
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Ok(mut text) = std::fs::read_to_string(&entry) else {
            continue;
        };
        if name == page {
            if name.starts_with("lessons/") {
                let heading = text.find("\n## ").unwrap() + 1;
                let after = heading + text[heading..].find('\n').unwrap() + 1;
                text.insert_str(after, &format!("\n{snippet}\n"));
            } else {
                text.push_str(&format!("\n{snippet}\n"));
            }
            changed = text.clone();
        }
        pairs.push((name, text));
    }
    (PackFiles::from_pairs(pairs), changed)
}

/// Every `name="…"` value in `html`, in order.
fn attributes<'h>(html: &'h str, name: &str) -> Vec<&'h str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let start = at + key.len();
            &html[start..start + html[start..].find('"').unwrap()]
        })
        .collect()
}

/// The ids of elements marked to be read aloud, in order.
fn marked_ids(html: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for (at, _) in html.match_indices(" data-say") {
        let tag_start = html[..at].rfind('<').unwrap();
        let tag_end = at + html[at..].find('>').unwrap();
        ids.extend(attributes(&html[tag_start..=tag_end], "id"));
    }
    ids
}

/// What holds on every page, whatever it contains.
fn assert_sound(course: &Course, case: &str) {
    let references = course.references.len();
    let mut written: Vec<(&str, &str, Option<&[SpokenPart]>)> = vec![
        (
            "disclaimer",
            &course.disclaimer.page.html,
            Some(&course.disclaimer.page.spoken),
        ),
        ("intro", &course.intro.html, None),
        (
            "finished",
            &course.finished.html,
            Some(&course.finished.spoken),
        ),
        (
            "help intro",
            &course.help.intro.html,
            Some(&course.help.intro.spoken),
        ),
    ];
    for group in &course.help.groups {
        written.push(("help group", &group.body.html, Some(&group.body.spoken)));
    }
    for lesson in &course.lessons {
        written.push(("lesson", &lesson.html, Some(&lesson.spoken)));
    }
    for guide in &course.guides {
        written.push(("guide", &guide.html, Some(&guide.spoken)));
    }
    for (name, html, spoken) in written {
        let at = format!("{case}: {name}");
        let ids = attributes(html, "id");
        let unique: BTreeSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{at}: an id twice in {html}");
        for href in attributes(html, "href") {
            let Some(target) = href.strip_prefix('#') else {
                continue;
            };
            let to_reference = target
                .strip_prefix("ref-")
                .and_then(|n| n.parse::<usize>().ok())
                .is_some_and(|n| (1..=references).contains(&n));
            let to_guide = target
                .strip_prefix(GUIDE_LINK_PREFIX)
                .is_some_and(|id| course.guide(id).is_some());
            assert!(
                to_reference
                    || to_guide
                    || SCREEN_ANCHORS.contains(&target)
                    || ids.contains(&target),
                "{at}: #{target} goes nowhere"
            );
        }
        // Read aloud: every marked element is a part, in order, and every
        // part lights up a marked element.
        if let Some(spoken) = spoken {
            let targets: Vec<&str> = spoken.iter().map(|p| p.target.as_str()).collect();
            assert_eq!(marked_ids(html), targets, "{at}: marks and parts differ");
            for part in spoken {
                assert!(!part.text.contains('<'), "{at}: markup said: {part:?}");
            }
        } else {
            assert!(!html.contains("data-say"), "{at}: marked, never read");
        }
    }
    let printed = course
        .lessons
        .iter()
        .map(|l| (l, format!("printed-{}", l.id)))
        .chain(
            course
                .guides
                .iter()
                .map(|g| (g, format!("printed-guide-{}", g.id))),
        );
    for (lesson, prefix) in printed {
        let at = format!("{case}: printed {}", lesson.id);
        let print = &lesson.print_html;
        assert!(!print.contains("data-say"), "{at}");
        let ids = attributes(print, "id");
        for id in &ids {
            assert!(
                id.contains(&prefix),
                "{at}: {id} is not the printed copy's own"
            );
        }
        for href in attributes(print, "href") {
            let Some(target) = href.strip_prefix('#') else {
                continue;
            };
            assert!(
                target.starts_with("ref-")
                    || target
                        .strip_prefix(GUIDE_LINK_PREFIX)
                        .is_some_and(|id| course.guide(id).is_some())
                    || SCREEN_ANCHORS.contains(&target)
                    || ids.contains(&target),
                "{at}: #{target} goes nowhere in print"
            );
        }
    }
}

/// A page that refuses a snippet, and words its problem says.
type Refusal = (&'static str, &'static str);

#[test]
fn awkward_markdown_in_any_page_is_written_soundly_or_refused_on_its_line() {
    // (case, snippet, pages that refuse it with the text its problem names)
    let cases: [(&str, String, &[Refusal]); 7] = [
        (
            "a heading inside a list item",
            "- ## Inside a list\n  with words under it\n- a second item".to_owned(),
            &[("get-help.md", "outside any list or quote")],
        ),
        (
            "a heading inside a quote",
            "> ## Inside a quote\n>\n> A quoted line.".to_owned(),
            &[("get-help.md", "outside any list or quote")],
        ),
        (
            "footnotes",
            format!("A claim with a note.[^n]\n\n[^n]: The note, citing ({CITE})."),
            &[("get-help.md", "footnote")],
        ),
        (
            "code",
            format!("Code `({CITE})` is shown as written.\n\n```\nA block ({CITE}).\n```"),
            &[],
        ),
        (
            "a citation inside a link and over a line break",
            format!("[A link ({CITE})](https://www.example.org/) and (Basbaum\net al., 2009)."),
            &[],
        ),
        (
            "a table with a citation in a cell",
            format!("| Thing | Source |\n|---|---|\n| One | ({CITE}) |"),
            &[],
        ),
        (
            "emphasis inside a citation",
            "A claim (*Basbaum* et al., 2009).".to_owned(),
            &[
                ("disclaimer.md", "split by formatting"),
                ("intro.md", "split by formatting"),
                ("finished.md", "split by formatting"),
                ("get-help.md", "split by formatting"),
                ("lessons/01-why-ongoing.md", "split by formatting"),
                ("guides/03-sleep.md", "split by formatting"),
            ],
        ),
    ];
    for (case, snippet, refused_in) in cases {
        for page in PAGES {
            let (files, text) = pack_with(page, &snippet);
            let at = format!("{case} in {page}");
            match (
                load_course(&files),
                refused_in.iter().find(|(p, _)| *p == page),
            ) {
                (Ok(course), None) => assert_sound(&course, &at),
                (Err(error), Some((_, says))) => {
                    let problem = error
                        .problems
                        .iter()
                        .find(|p| p.message.contains(says))
                        .unwrap_or_else(|| panic!("{at}: no problem says {says:?}: {error:?}"));
                    assert_eq!(problem.file, page, "{at}");
                    // On a line of the snippet.
                    let line = problem.line.unwrap_or_else(|| panic!("{at}: no line"));
                    let first = text.find(snippet.lines().next().unwrap()).unwrap();
                    let first_line = text[..first].matches('\n').count() + 1;
                    let last_line = first_line + snippet.lines().count();
                    assert!(
                        (first_line..=last_line).contains(&line),
                        "{at}: line {line}, the snippet is at {first_line}–{last_line}: {problem:?}"
                    );
                }
                (Ok(_), Some((_, says))) => panic!("{at}: loaded, not refused ({says})"),
                (Err(error), None) => panic!("{at}: refused: {error:?}"),
            }
        }
    }
}

#[test]
fn a_citation_in_a_link_or_code_is_not_a_marker_and_one_over_a_line_break_is() {
    let snippet = format!(
        "[A link ({CITE})](https://www.example.org/), `({CITE})` and (Basbaum\net al., 2009)."
    );
    let markers = |course: &Course| course.finished.html.matches("class=\"cite-link\"").count();
    let before = markers(&load_course(&pack_with("finished.md", "").0).unwrap());
    let (files, _) = pack_with("finished.md", &snippet);
    let course = load_course(&files).unwrap();
    let html = &course.finished.html;
    assert!(html.contains(&format!("A link ({CITE})</a>")), "{html}");
    assert!(html.contains(&format!("<code>({CITE})</code>")), "{html}");
    assert_eq!(markers(&course), before + 1, "{html}");
    // A heading inside a list is no Listen section of its own.
    let (files, _) = pack_with("lessons/01-why-ongoing.md", "- ## Inside a list\n  words");
    let course = load_course(&files).unwrap();
    let spoken = &course.lessons[0].spoken;
    let item = spoken
        .iter()
        .find(|p| p.text.starts_with("Inside a list"))
        .unwrap();
    assert_eq!(item.level, 0, "{item:?}");
    assert_eq!(item.text, "Inside a list. words");
}
