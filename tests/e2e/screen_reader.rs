//! What a screen reader gets: the real app with the accessibility bus on,
//! its tree read over AT-SPI on every screen (saved as text under
//! `target/tmp/a11y-tree/`), checked for what a blind learner needs, and
//! compared with the page WebDriver sees, so the order read out is the
//! order shown. axe checks the markup; this checks what WebKit hands on.

use serde_json::{json, Value};

use crate::a11y_tree::{self, squash, Node};
use crate::harness::{App, Harness};
use crate::{LESSONS, MOVEMENTS};

/// The page's own view of a screen, to hold the tree against: its visible
/// headings, its ids in document order, its question groups and figures,
/// and the words of descriptions it hides (a message not shown yet).
const DOM_SCRIPT: &str = r#"
const words = (el) => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
const shown = (el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]');
return {
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown)
    .map((h) => [Number(h.tagName[1]), words(h)]),
  ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
  groups: [...document.querySelectorAll('#screen fieldset')].filter(shown).map((f) => ({
    legend: words(f.querySelector('legend')),
    choices: [...f.querySelectorAll('input[type=radio]')].map((i) => words(i.labels[0])),
  })),
  hidden_descriptions: [...document.querySelectorAll('[aria-describedby]')]
    .flatMap((el) => el.getAttribute('aria-describedby').split(/\s+/))
    .map((id) => document.getElementById(id))
    .filter((d) => d && !shown(d) && words(d)).map(words),
  figures: [...document.querySelectorAll('#screen svg[role=img]')].filter(shown)
    .map((s) => [words(s.querySelector('title')), words(s.querySelector('desc'))]),
};
"#;

/// Reads the screen's tree once it matches the page (retrying while WebKit
/// catches up), saves it, and adds what a blind learner would miss to
/// `found`.
async fn check_screen(harness: &Harness, app: &App, name: &str, found: &mut Vec<String>) -> Node {
    let dom: Value = app.client.execute(DOM_SCRIPT, vec![]).await.unwrap();
    let dom_headings: Vec<(u8, String)> = serde_json::from_value(dom["headings"].clone()).unwrap();
    let (tree, same) = a11y_tree::read_until(harness, |t| t.headings() == dom_headings).await;
    a11y_tree::save(name, &tree);
    let mut here = a11y_tree::problems(&tree);
    // Reading order: the headings in the order the page shows them...
    if !same {
        here.push(format!(
            "headings read {:?}, page shows {dom_headings:?}",
            tree.headings()
        ));
    }
    // ...and every object the page gave an id, in the page's order.
    let ids: Vec<String> = serde_json::from_value(dom["ids"].clone()).unwrap();
    let position = |id: &str| ids.iter().position(|i| i == id);
    let read: Vec<(usize, &str)> = tree
        .walk()
        .into_iter()
        .filter_map(|n| position(&n.id).map(|p| (p, n.id.as_str())))
        .collect();
    for pair in read.windows(2) {
        if pair[1].0 < pair[0].0 {
            here.push(format!("#{} is read before #{}", pair[0].1, pair[1].1));
        }
    }
    // Each question is a group named by its legend, holding its choices.
    let groups: Vec<&Node> = tree
        .walk()
        .into_iter()
        .filter(|n| n.tag == "fieldset")
        .collect();
    let dom_groups = dom["groups"].as_array().unwrap();
    if groups.len() != dom_groups.len() {
        here.push(format!(
            "{} groups read, {} fieldsets on the page",
            groups.len(),
            dom_groups.len()
        ));
    }
    for (group, dom_group) in groups.iter().zip(dom_groups) {
        let choices: Vec<String> = group
            .walk()
            .into_iter()
            .filter(|n| n.role == "radio button")
            .map(|n| squash(&n.name))
            .collect();
        let read = json!({ "legend": squash(&group.name), "choices": choices });
        if !["panel", "grouping"].contains(&group.role.as_str()) || &read != dom_group {
            here.push(format!(
                "group read as {} {read}, page has {dom_group}",
                group.role
            ));
        }
    }
    // A description is read with its control (`aria-describedby` reads
    // hidden text too): one the page hides, say an error not made yet,
    // would be heard as if it had been.
    let hidden: Vec<String> = serde_json::from_value(dom["hidden_descriptions"].clone()).unwrap();
    for node in tree.walk() {
        let description = squash(&node.description);
        if let Some(words) = hidden
            .iter()
            .find(|w| !w.is_empty() && description.contains(w.as_str()))
        {
            here.push(format!(
                "{} \"{}\" is described by {words:?}, which the page does not show",
                node.role,
                squash(&node.name)
            ));
        }
    }
    // Each figure is read by its title and its description.
    let figures: Vec<Value> = tree
        .walk()
        .into_iter()
        .filter(|n| n.tag == "svg")
        .map(|n| json!([squash(&n.name), squash(&n.description)]))
        .collect();
    if figures.as_slice() != dom["figures"].as_array().unwrap().as_slice() {
        here.push(format!(
            "figures read as {figures:?}, page has {}",
            dom["figures"]
        ));
    }
    found.extend(here.into_iter().map(|p| format!("{name}: {p}")));
    tree
}

/// The object that has focus, which a screen reader reads out when focus
/// moves.
fn focused(tree: &Node) -> Option<&Node> {
    tree.walk()
        .into_iter()
        .find(|n| n.has_state("focused") && n.role != "document web")
}

/// Waits until the live region `id` reads `expected` on the bus.
async fn assert_live_region(harness: &Harness, id: &str, role: &str, expected: &str) {
    let (tree, ok) = a11y_tree::read_until(harness, |t| {
        t.find_id(id)
            .is_some_and(|n| n.all_text().contains(expected))
    })
    .await;
    let region = tree.find_id(id);
    assert!(
        ok,
        "#{id} should read {expected:?}: {:?}",
        region.map(Node::render)
    );
    assert_eq!(region.unwrap().role, role, "#{id}'s role");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: AT-SPI is the Linux accessibility bus"
)]
async fn a_screen_reader_gets_one_h1_named_controls_groups_figures_and_the_page_order_on_every_screen(
) {
    let harness = Harness::with_screen_reader_bus();
    let app = harness.launch().await;
    let mut found = Vec::new();

    app.screen("disclaimer").await;
    check_screen(&harness, &app, "disclaimer", &mut found).await;

    // The check can fail: a button with no name is reported.
    app.client
        .execute(
            "const b = document.createElement('button'); b.id = 'planted'; document.querySelector('main').append(b);",
            vec![],
        )
        .await
        .unwrap();
    // The tree has the same headings as before: wait for the button itself.
    a11y_tree::read_until(&harness, |t| t.find_id("planted").is_some()).await;
    let mut planted = Vec::new();
    check_screen(&harness, &app, "planted", &mut planted).await;
    assert!(
        planted
            .iter()
            .any(|p| p.contains("push button without a name") && p.contains("id=planted")),
        "{planted:?}"
    );
    app.client
        .execute("document.getElementById('planted').remove();", vec![])
        .await
        .unwrap();

    app.click("#nav-get-help").await;
    app.screen("get-help").await;
    check_screen(&harness, &app, "get-help", &mut found).await;

    // Accepting moves focus to the home screen, a region named by its
    // heading, which a screen reader reads out (Orca 43 says nothing for
    // focus on a bare heading, and then falls silent).
    app.click("#nav-home").await;
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    let home = check_screen(&harness, &app, "home", &mut found).await;
    let focus = focused(&home).map(|n| (n.role.clone(), n.name.clone()));
    assert_eq!(
        focus,
        Some(("landmark".into(), "Persistent Back Pain Mini Course".into())),
        "after accepting"
    );
    // The menu: a navigation landmark named for the course, holding one
    // button per entry of Rust's menu, by its label, in its order.
    let nav = home.find_id("site-nav").expect("the menu is in the tree");
    assert_eq!(
        (nav.xml_roles.as_str(), nav.name.as_str()),
        ("navigation", "Course")
    );
    let read: Vec<String> = nav
        .walk()
        .into_iter()
        .filter(|n| n.role == "push button")
        .map(|n| squash(&n.name))
        .collect();
    let start = app.invoke("get_start", json!({})).await;
    let labels: Vec<String> = start["ok"]["menu"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(read, labels, "the menu a screen reader gets");

    for (n, (id, _)) in LESSONS.iter().enumerate() {
        app.click("#nav-home").await;
        app.click(&format!("#open-lesson-{id}")).await;
        app.wait_for(&format!("[data-lesson={id}]")).await;
        check_screen(&harness, &app, &format!("lesson-{}", n + 1), &mut found).await;
    }

    // The movement pictures, each read by its title and description, on
    // their page and on the sheet to print.
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.wait_for("[data-guide=moving]").await;
    let moving = check_screen(&harness, &app, "guide-moving", &mut found).await;
    app.click("#open-movement-sheet").await;
    app.screen("movement-sheet").await;
    let sheet = check_screen(&harness, &app, "movement-sheet", &mut found).await;
    for tree in [&moving, &sheet] {
        let pictures: Vec<String> = tree
            .walk()
            .into_iter()
            .filter(|n| n.role == "image" && !n.description.is_empty())
            .map(|n| squash(&n.name))
            .collect();
        assert_eq!(
            pictures, MOVEMENTS,
            "the movement pictures a screen reader gets"
        );
    }

    // "Move with me": each step a region named by its heading, with focus
    // on it, its count announced politely, its picture named and
    // described; the end a group of named boxes.
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.click("#open-move-with-me").await;
    app.wait_for("[data-step=intro]").await;
    check_screen(&harness, &app, "move-intro", &mut found).await;
    app.click("#move-start").await;
    for (n, title) in MOVEMENTS.iter().enumerate() {
        app.wait_for(&format!("[data-step=\"{}\"]", n + 1)).await;
        let tree = check_screen(&harness, &app, &format!("move-step-{}", n + 1), &mut found).await;
        let picture: Vec<String> = tree
            .walk()
            .into_iter()
            .filter(|node| node.role == "image" && !node.description.is_empty())
            .map(|node| squash(&node.name))
            .collect();
        assert_eq!(picture, [*title], "step {}", n + 1);
        if n == 0 {
            assert_eq!(
                focused(&tree).map(|f| squash(&f.name)),
                Some(title.to_string())
            );
            app.click("#move-count-one").await;
            assert_live_region(&harness, "notices", "status bar", "1 counted").await;
            let (tree, _) = a11y_tree::read_until(&harness, |_| true).await;
            let count_one = tree
                .walk()
                .into_iter()
                .any(|node| node.role == "push button" && squash(&node.name) == "Count one");
            assert!(count_one, "the count's button is named");
        }
        app.click("#move-next").await;
    }
    app.wait_for("[data-step=end]").await;
    let end = check_screen(&harness, &app, "move-end", &mut found).await;
    let boxes: Vec<String> = end
        .walk()
        .into_iter()
        .filter(|node| node.role == "check box")
        .map(|node| squash(&node.name))
        .collect();
    assert_eq!(boxes, MOVEMENTS, "each box named by its movement");

    // A self-check answered: its feedback has focus, and is read.
    app.click("#nav-home").await;
    app.click("#open-lesson-why-ongoing").await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    app.click("label[for=question-posture-1]").await;
    app.click("#question-posture-check").await;
    app.wait_for("#feedback-posture").await;
    a11y_tree::read_until(&harness, |t| t.find_id("feedback-posture").is_some()).await;
    let answered = check_screen(&harness, &app, "lesson-1-answered", &mut found).await;
    let feedback = answered.find_id("feedback-posture");
    assert!(
        feedback.is_some_and(|n| n.all_text().contains("Right.") && n.name.starts_with("Right.")),
        "the feedback is named by its verdict: {feedback:?}"
    );

    // Completing moves focus to the way on, and the lesson says it is done.
    app.click("#complete-lesson").await;
    app.wait_for("#next-lesson").await;
    let (completed, ok) = a11y_tree::read_until(&harness, |t| {
        focused(t).is_some_and(|n| n.id == "next-lesson")
    })
    .await;
    a11y_tree::save("lesson-1-completed", &completed);
    assert!(
        ok,
        "after completing, focus is on {:?}",
        focused(&completed).map(|n| &n.id)
    );
    assert!(completed
        .all_text()
        .contains("You have completed this lesson."));

    for (id, _) in LESSONS {
        let done = app.invoke("complete_lesson", json!({ "id": id })).await;
        assert!(done.get("ok").is_some(), "{done}");
    }
    app.click("#nav-home").await;
    app.click("#finished-panel #go-finished").await;
    app.screen("finished").await;
    check_screen(&harness, &app, "finished", &mut found).await;

    // My weeks: each question a group named by its question and described
    // by its scale's words.
    let added = app
        .invoke(
            "change_plan",
            json!({ "field": "activities", "index": null, "text": "Gardening", "expected": null }),
        )
        .await;
    assert!(added.get("ok").is_some(), "{added}");
    app.click("#nav-tools").await;
    app.click("#open-tool-my-weeks").await;
    app.screen("my-weeks").await;
    let weeks = check_screen(&harness, &app, "my-weeks", &mut found).await;
    let questions: Vec<(String, String)> = weeks
        .walk()
        .into_iter()
        .filter(|n| n.tag == "fieldset")
        .map(|n| (squash(&n.name), squash(&n.description)))
        .collect();
    assert_eq!(
        questions,
        [
            (
                "Gardening: how well can you do this now?".to_owned(),
                "0 means you cannot do it. 10 means you can do it as well as you would like."
                    .to_owned()
            ),
            (
                "Over the past 7 days, how bad was your pain on average?".to_owned(),
                "0 means no pain. 10 means pain as bad as you can imagine.".to_owned()
            ),
        ]
    );

    for (name, nav) in [
        ("references", &["#nav-about", "#about-references"][..]),
        ("settings", &["#nav-settings"]),
        ("help", &["#nav-about", "#about-help"]),
        ("about", &["#nav-about"]),
        ("tools", &["#nav-tools"]),
        ("guide", &["#nav-tools", "#open-tool-medicines"]),
        ("plan", &["#nav-tools", "#open-tool-plan"]),
    ] {
        for click in nav {
            app.click(click).await;
        }
        app.screen(name).await;
        check_screen(&harness, &app, name, &mut found).await;
    }

    // Saving a plan field is announced in the polite live region.
    let movement = app.wait_for("#plan-field-movement").await;
    movement.send_keys("Walking by the river").await.unwrap();
    app.press(&[crate::harness::Key::Tab]).await;
    app.wait_for("#notices .notice").await;
    assert_live_region(&harness, "notices", "status bar", "Saved.").await;

    // An error (the progress file cannot be written: its folder is gone and
    // a file stands in its way) is announced in the assertive one.
    let data = harness.data_dir();
    std::fs::rename(&data, data.with_extension("moved")).unwrap();
    std::fs::write(&data, "not a folder").unwrap();
    app.click("#nav-settings").await;
    app.click("label[for=theme-dark]").await;
    app.wait_for("#alerts .notice").await;
    // ATK's word for ARIA's "alert" is "notification".
    assert_live_region(&harness, "alerts", "notification", "could not be saved").await;

    assert!(
        found.is_empty(),
        "a screen reader would miss:\n{}",
        found.join("\n")
    );
    app.quit().await;
}
