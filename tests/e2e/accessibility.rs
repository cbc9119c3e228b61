//! Accessibility in the real webview: axe-core on every screen in every
//! theme at standard and double text size, the whole course by keyboard
//! alone, and the display choices kept across a restart.

use serde_json::json;

use crate::harness::{self, App, Harness, Key};
use crate::words::words_not_from_catalog;
use crate::{LESSONS, NEXT_STEP};

/// How to reach each screen from anywhere, by the learner's own clicks.
const SCREENS: &[(&str, &[&str])] = &[
    ("disclaimer", &["#nav-about", "#about-disclaimer"]),
    ("get-help", &["#nav-get-help"]),
    ("tools", &["#nav-tools"]),
    ("plan", &["#nav-tools", "#open-tool-plan"]),
    ("my-weeks", &["#nav-tools", "#open-tool-my-weeks"]),
    ("guide-pain-today", &["#nav-tools", "#open-tool-pain-today"]),
    ("guide-moving", &["#nav-tools", "#open-tool-moving"]),
    (
        "movement-sheet",
        &["#nav-tools", "#open-tool-moving", "#open-movement-sheet"],
    ),
    (
        "move-intro",
        &["#nav-tools", "#open-tool-moving", "#open-move-with-me"],
    ),
    (
        "move-step",
        &[
            "#nav-tools",
            "#open-tool-moving",
            "#open-move-with-me",
            "#move-start",
            "#move-count-one",
        ],
    ),
    (
        "move-end",
        &[
            "#nav-tools",
            "#open-tool-moving",
            "#open-move-with-me",
            "#move-start",
            "#move-next",
            "#move-next",
            "#move-next",
            "#move-next",
            "#move-next",
            "#move-next",
        ],
    ),
    ("guide-sleep", &["#nav-tools", "#open-tool-sleep"]),
    ("guide-medicines", &["#nav-tools", "#open-tool-medicines"]),
    ("guide-leg-pain", &["#nav-tools", "#open-tool-leg-pain"]),
    (
        "guide-getting-help",
        &["#nav-tools", "#open-tool-getting-help"],
    ),
    ("home", &["#nav-home"]),
    ("lesson-1", &["#nav-home", "#open-lesson-why-ongoing"]),
    ("lesson-2", &["#nav-home", "#open-lesson-how-long"]),
    ("lesson-3", &["#nav-home", "#open-lesson-what-to-do"]),
    // The last lesson has a #go-finished of its own: wait for home's.
    ("finished", &["#nav-home", "#finished-panel #go-finished"]),
    ("references", &["#nav-about", "#about-references"]),
    ("settings", &["#nav-settings"]),
    ("help", &["#nav-about", "#about-help"]),
    ("print", &["#nav-home", "#print-course"]),
    ("about", &["#nav-about"]),
    ("confirm-delete", &["#nav-about", "#delete-data"]),
];

/// The screens pictured whole in each theme: the safety screens, a lesson,
/// the ways in, every guide, a step of "Move with me" and its end, and My
/// weeks with a check-in.
const PICTURED: [&str; 16] = [
    "disclaimer",
    "my-weeks",
    "get-help",
    "lesson-1",
    "home",
    "tools",
    "about",
    "guide-pain-today",
    "guide-moving",
    "movement-sheet",
    "move-step",
    "move-end",
    "guide-sleep",
    "guide-medicines",
    "guide-leg-pain",
    "guide-getting-help",
];

/// Page script that puts focus and scroll back at the top of the page, as
/// a fresh screen is before the first Tab.
const FROM_THE_TOP: &str = "document.activeElement.blur(); window.scrollTo(0, 0);";

/// The `data-screen` a name shows: the three lessons are one kind of
/// screen, and the guides another.
fn screen_of(name: &str) -> &str {
    if name.starts_with("guide-") {
        return "guide";
    }
    if name.starts_with("move-") {
        return "move-with-me";
    }
    name.strip_prefix("lesson-").map_or(name, |_| "lesson")
}

const THEMES: &[&str] = &["light", "dark", "high_contrast"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn axe_finds_no_wcag_a_or_aa_violation_on_any_screen_in_any_theme_at_either_text_size() {
    let harness = Harness::new();
    let app = harness.launch().await;
    // Every word on every screen is the catalog's: checked here, on the
    // screens this test visits anyway, plus the states only seen first.
    let mut stray = Vec::new();
    app.screen("disclaimer").await;
    // "Listen" is shown once its voice is found, just after start: then it
    // is in every check below.
    app.wait_until("the Listen control", || async {
        app.count("#listen:not([hidden])").await == 1
    })
    .await;
    stray.extend(words_not_from_catalog(&app, "first start").await);
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    stray.extend(words_not_from_catalog(&app, "home, nothing done").await);
    app.click("#open-lesson-why-ongoing").await;
    app.screen("lesson").await;
    stray.extend(words_not_from_catalog(&app, "lesson in progress").await);
    // The finished screen with its button needs every lesson complete.
    for (id, _) in LESSONS {
        let done = app.invoke("complete_lesson", json!({ "id": id })).await;
        assert!(done.get("ok").is_some(), "{done}");
    }
    // Each lesson with one self-check answered right and one not, so their
    // feedback is checked too; and a plan with something in every step.
    for (lesson, right, wrong) in [
        ("why-ongoing", ("posture", 1), ("scan-changes", 1)),
        ("how-long", ("outlook", 1), ("hope", 0)),
        ("what-to-do", ("rest", 1), ("quick-fix", 0)),
    ] {
        for (question, choice) in [right, wrong] {
            let answered = app
                .invoke(
                    "answer_question",
                    json!({ "lesson": lesson, "question": question, "choice": choice }),
                )
                .await;
            assert!(answered.get("ok").is_some(), "{answered}");
        }
    }
    for (field, text) in [
        ("activities", "Walking"),
        ("movement", "Swimming"),
        ("flare_up_do", "Rest a little, then move"),
        ("questions", "Can I still garden?"),
    ] {
        let changed = app
            .invoke(
                "change_plan",
                json!({ "field": field, "index": null, "text": text }),
            )
            .await;
        assert!(changed.get("ok").is_some(), "{changed}");
    }
    // A check-in, so My weeks shows its charts and table.
    let monday = {
        let today = jiff::tz::TimeZone::system()
            .to_datetime(jiff::Timestamp::now())
            .date();
        let back = i64::from(today.weekday().to_monday_zero_offset());
        today.checked_sub(jiff::Span::new().days(back)).unwrap()
    };
    let kept = app
        .invoke(
            "save_check_in",
            json!({ "answers": { "week": monday.to_string(), "activities": [{ "activity": "Walking", "rating": 6 }], "pain": 4, "pleased": "A walk", "next": "", "replace": false }}),
        )
        .await;
    assert!(kept.get("ok").is_some(), "{kept}");
    // The check can fail: an image with no text alternative is reported.
    app.client
        .execute("const img = document.createElement('img'); img.id = 'planted'; img.src = 'data:,'; document.body.append(img);", vec![])
        .await
        .unwrap();
    let planted = app.axe().await;
    assert!(
        planted
            .iter()
            .any(|v| v.starts_with("image-alt:") && v.contains("#planted")),
        "{planted:?}"
    );
    app.client
        .execute("document.getElementById('planted').remove();", vec![])
        .await
        .unwrap();

    let mut violations = Vec::new();
    let mut checked = 0;
    let mut pages = Vec::new();
    for theme in THEMES {
        for size in [0, 4] {
            app.choose_theme(theme).await;
            app.choose_text_size(size).await;
            for (name, clicks) in SCREENS {
                for css in *clicks {
                    app.click(css).await;
                }
                app.screen(screen_of(name)).await;
                // The whole rule set once a screen; the rules a theme or a
                // text size can change, in every theme and size.
                let found = if *theme == THEMES[0] && size == 0 {
                    app.axe().await
                } else {
                    app.axe_colours_and_sizes().await
                };
                for found in found {
                    violations.push(format!("{theme}, text step {size}, {name}: {found}"));
                }
                checked += 1;
                app.screenshot(&format!("a11y-{theme}-{size}-{name}")).await;
                // Valid HTML, once a screen (the markup is the same in every
                // theme and size).
                if *theme == THEMES[0] && size == 0 {
                    pages.push(app.save_dom(name).await);
                    stray.extend(words_not_from_catalog(&app, name).await);
                }
            }
        }
    }
    assert_eq!(checked, THEMES.len() * 2 * SCREENS.len());
    assert_eq!(pages.len(), SCREENS.len());
    assert!(
        stray.is_empty(),
        "words on screen that are in no catalog entry:\n{}",
        stray.join("\n")
    );
    let invalid = harness::validate_html(&pages);
    assert!(
        invalid.is_empty(),
        "the W3C HTML checker found:\n{}",
        invalid.join("\n")
    );
    assert!(
        violations.is_empty(),
        "axe-core found:\n{}",
        violations.join("\n")
    );

    // Whole-page pictures of the safety screens, a lesson and the ways in
    // (home, the tools, about), per theme, for a person to look at (docs/screenshots/ keeps a set).
    for theme in THEMES {
        app.choose_theme(theme).await;
        app.choose_text_size(0).await;
        for (name, clicks) in SCREENS.iter().filter(|(n, _)| PICTURED.contains(n)) {
            for css in *clicks {
                app.click(css).await;
            }
            app.screen(screen_of(name)).await;
            app.screenshot_page(&format!("page-{theme}-{name}")).await;
        }
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn axe_finds_no_violation_on_the_error_screen() {
    let (_pack_dir, pack) = harness::fixture_copy("broken");
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch().await;
    app.wait_for("[data-screen=error][data-kind=pack_content]")
        .await;
    let violations = app.axe().await;
    let stray = words_not_from_catalog(&app, "error").await;
    assert!(stray.is_empty(), "{}", stray.join("\n"));
    app.screenshot("a11y-error").await;
    let invalid = harness::validate_html(&[app.save_dom("error").await]);
    assert!(invalid.is_empty(), "{}", invalid.join("\n"));
    assert!(
        violations.is_empty(),
        "axe-core found:\n{}",
        violations.join("\n")
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the recording `xdg-open` (links the app opens) works on Linux only"
)]
async fn the_whole_course_can_be_done_by_keyboard_alone_with_focus_on_each_new_screen() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    let start = app.focus().await;
    assert_eq!(
        (start.id.as_str(), start.text.as_str()),
        ("current-screen", "Before you start")
    );

    // The first Tab from the top of the page reaches the skip link.
    app.client.execute(FROM_THE_TOP, vec![]).await.unwrap();
    app.press(&[Key::Tab]).await;
    assert_eq!(app.focus().await.id, "skip-link");

    app.tab_to("accept-disclaimer").await;
    app.press(&[Key::Enter]).await;
    app.screen("home").await;
    assert_eq!(app.focus().await.id, "current-screen");

    app.tab_to("open-lesson-why-ongoing").await;
    app.press(&[Key::Enter]).await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    let heading = app.focus().await;
    assert_eq!(
        (heading.id.as_str(), heading.text.as_str()),
        ("current-screen", LESSONS[0].1)
    );

    // The shortcuts on the help screen: next and previous lesson.
    app.press(&[Key::Alt, Key::Right]).await;
    app.wait_for("[data-lesson=how-long]").await;
    assert_eq!(app.focus().await.text, LESSONS[1].1);
    app.press(&[Key::Alt, Key::Left]).await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    assert_eq!(app.focus().await.text, LESSONS[0].1);

    for (i, (id, _)) in LESSONS.iter().enumerate() {
        app.wait_for(&format!("[data-lesson={id}]")).await;
        app.tab_to("complete-lesson").await;
        app.press(&[Key::Enter]).await;
        app.wait_for("#completed-note").await;
        // Completing moves focus to the way on, so the next Enter goes there.
        let onward = app.focus().await;
        let expected = if i + 1 < LESSONS.len() {
            "next-lesson"
        } else {
            "go-finished"
        };
        assert_eq!(onward.id, expected, "{onward:?}");
        assert!(onward.focus_visible && onward.in_view, "{onward:?}");
        app.press(&[Key::Enter]).await;
        if i + 1 < LESSONS.len() {
            app.wait_for(&format!("[data-lesson={}]", LESSONS[i + 1].0))
                .await;
            assert_eq!(app.focus().await.text, LESSONS[i + 1].1);
        }
    }
    app.screen("finished").await;
    assert_eq!(app.focus().await.text, "All finished?");
    app.tab_to("open-next-step").await;
    app.press(&[Key::Enter]).await;
    harness.wait_opened(NEXT_STEP).await;

    // F1 opens the help screen with the shortcuts listed.
    app.press(&[Key::F1]).await;
    app.screen("help").await;
    assert_eq!(app.focus().await.text, "Using this app");
    assert!(app
        .text("#shortcut-table")
        .await
        .contains("Alt + Right arrow"));
    app.quit().await;
}

/// "Get help now" is the second stop in the navigation of every screen, so
/// a learner who needs it reaches it with three key presses from the top.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn get_help_now_is_reachable_by_keyboard_from_every_screen() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    // Before consent too.
    app.client.execute(FROM_THE_TOP, vec![]).await.unwrap();
    app.tab_to("nav-get-help").await;
    app.press(&[Key::Enter]).await;
    app.screen("get-help").await;
    assert_eq!(app.focus().await.text, "Get help now");
    app.click("#nav-home").await;
    app.click("#accept-disclaimer").await;
    app.screen("home").await;
    for (id, _) in LESSONS {
        let done = app.invoke("complete_lesson", json!({ "id": id })).await;
        assert!(done.get("ok").is_some(), "{done}");
    }
    for (name, clicks) in SCREENS {
        for css in *clicks {
            app.click(css).await;
        }
        app.screen(screen_of(name)).await;
        app.client.execute(FROM_THE_TOP, vec![]).await.unwrap();
        let stop = app.tab_to("nav-get-help").await;
        assert!(stop.focus_visible, "{name}: {stop:?}");
        app.press(&[Key::Enter]).await;
        app.screen("get-help").await;
        assert_eq!(app.focus().await.text, "Get help now", "from {name}");
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_chosen_theme_applies_at_once_and_after_a_restart() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    let drawn = "return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor];";
    // Under Xvfb the system asks for no dark mode: "system" draws light.
    assert_eq!(
        app.client.execute(drawn, vec![]).await.unwrap(),
        json!(["light", "rgb(240, 244, 245)"])
    );
    app.choose_theme("dark").await;
    assert_eq!(
        app.client.execute(drawn, vec![]).await.unwrap(),
        json!(["dark", "rgb(17, 21, 24)"])
    );
    assert!(app
        .text("#notices")
        .await
        .starts_with("Colours set to Dark"));
    app.quit().await;

    let app = harness.launch_at("disclaimer").await;
    assert_eq!(
        app.client.execute(drawn, vec![]).await.unwrap(),
        json!(["dark", "rgb(17, 21, 24)"])
    );
    app.choose_theme("high_contrast").await;
    assert_eq!(
        app.client.execute(drawn, vec![]).await.unwrap(),
        json!(["high-contrast", "rgb(0, 0, 0)"])
    );
    app.quit().await;
}

/// The elements whose content is wider than their box (outside the figures'
/// number tables, which scroll on their own), innermost last.
const OVERFLOWING: &str = "return [...document.querySelectorAll('body *')]\
    .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && !e.closest('details'))\
    .slice(0, 8).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${e.scrollWidth}/${e.clientWidth}`);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn at_the_smallest_window_and_double_text_nothing_scrolls_sideways() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    app.client.set_window_size(480, 480).await.unwrap();
    app.choose_text_size(4).await;
    app.click("#nav-home").await;
    app.click("#accept-disclaimer").await;
    let widths = "return [document.documentElement.scrollWidth, window.innerWidth];";
    let mut too_wide = Vec::new();
    for (name, clicks) in SCREENS.iter().filter(|(n, _)| *n != "finished") {
        for css in *clicks {
            app.click(css).await;
        }
        app.screen(screen_of(name)).await;
        let value = app.client.execute(widths, vec![]).await.unwrap();
        let (scroll, window) = (value[0].as_i64().unwrap(), value[1].as_i64().unwrap());
        assert!(window <= 480, "the window is {window}px wide");
        if scroll > window {
            // What is too wide, to say where to look.
            let wide = app.client.execute(OVERFLOWING, vec![]).await.unwrap();
            too_wide.push(format!(
                "{name}: {scroll}px of content in a {window}px window; overflowing: {wide}"
            ));
        }
        app.screenshot(&format!("reflow-{name}")).await;
    }
    assert!(too_wide.is_empty(), "{}", too_wide.join("\n"));
    app.quit().await;
}

/// Alt+H and Alt+L as macOS sends them: Option turns the letters into "˙"
/// and "¬", and only the key's place (`code`) says which it was. A layout
/// with another letter in that place keeps its own meaning.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn the_alt_shortcuts_work_as_macos_sends_them_and_follow_the_layout() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    let press = |key: &str, code: &str| {
        format!("document.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}', code: '{code}', altKey: true, bubbles: true, cancelable: true }}));")
    };
    app.click("#open-lesson-why-ongoing").await;
    app.screen("lesson").await;
    // Dvorak puts D where QWERTY has H: Alt+D is no shortcut.
    app.client
        .execute(&press("d", "KeyH"), vec![])
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.count("[data-screen=lesson]").await,
        1,
        "Alt+D went home"
    );
    // Option+H on a Mac.
    app.client
        .execute(&press("\u{2d9}", "KeyH"), vec![])
        .await
        .unwrap();
    app.screen("home").await;
}

/// Where each menu entry is drawn: `[id, left, top, right, bottom]`.
const MENU_BOXES: &str =
    "return [...document.querySelectorAll('#menu > li > button')].map((b) => {\
    const r = b.getBoundingClientRect(); return [b.id, r.left, r.top, r.right, r.bottom]; });";

struct MenuBox {
    id: String,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

async fn menu_boxes(app: &App) -> Vec<MenuBox> {
    let value = app.client.execute(MENU_BOXES, vec![]).await.unwrap();
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|b| MenuBox {
            id: b[0].as_str().unwrap().to_owned(),
            left: b[1].as_f64().unwrap(),
            top: b[2].as_f64().unwrap(),
            right: b[3].as_f64().unwrap(),
            bottom: b[4].as_f64().unwrap(),
        })
        .collect()
}

/// The menu entries' ids in the order Tab reaches them from the top.
async fn menu_in_tab_order(app: &App, count: usize) -> Vec<String> {
    app.client.execute(FROM_THE_TOP, vec![]).await.unwrap();
    let mut reached = Vec::new();
    for _ in 0..40 {
        app.press(&[Key::Tab]).await;
        let focus = app.focus().await;
        if focus.id.starts_with("nav-") {
            assert!(focus.focus_visible, "{focus:?}");
            reached.push(focus.id);
        } else if !reached.is_empty() {
            break;
        }
        if reached.len() == count {
            break;
        }
    }
    reached
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn the_menu_stays_on_one_line_at_the_windows_width_and_works_by_keyboard_at_double_text() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    // The window the app opens: 960 px of page.
    let inner = app
        .client
        .execute("return window.innerWidth;", vec![])
        .await
        .unwrap();
    assert_eq!(
        inner.as_f64(),
        Some(960.0),
        "the app's window is 960 px wide"
    );

    // Rust's menu: at most six entries, drawn in its order.
    let start = app.invoke("get_start", json!({})).await;
    let menu: Vec<String> = start["ok"]["menu"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("nav-{}", e["screen"].as_str().unwrap()))
        .collect();
    assert!(!menu.is_empty() && menu.len() <= 6, "{menu:?}");

    // At the standard text size: one line, in Rust's order.
    let boxes = menu_boxes(&app).await;
    assert_eq!(boxes.iter().map(|b| b.id.clone()).collect::<Vec<_>>(), menu);
    for b in &boxes {
        assert_eq!(
            b.top, boxes[0].top,
            "{} is on another line than {}",
            b.id, boxes[0].id
        );
    }
    assert!(boxes.last().unwrap().right <= 960.0);
    app.screenshot("menu-960").await;
    assert_eq!(menu_in_tab_order(&app, menu.len()).await, menu);

    // Where the learner is: the entry for the screen, and the one a screen
    // was reached through.
    let current = "return [...document.querySelectorAll('#menu [aria-current]')].map((b) => b.id + '=' + b.getAttribute('aria-current')).join(' ');";
    assert_eq!(app.script_text(current).await, "nav-home=page");
    app.click("#open-lesson-why-ongoing").await;
    app.screen("lesson").await;
    assert_eq!(app.script_text(current).await, "nav-home=true");
    app.click("#nav-tools").await;
    app.screen("tools").await;
    assert_eq!(app.script_text(current).await, "nav-tools=page");
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    assert_eq!(app.script_text(current).await, "nav-tools=true");

    // At double the standard text it may take two lines, but every entry
    // is whole, in the window, clear of the others, and in the same order
    // for Tab.
    app.choose_text_size(4).await;
    app.click("#nav-home").await;
    app.screen("home").await;
    let boxes = menu_boxes(&app).await;
    for (i, b) in boxes.iter().enumerate() {
        assert!(
            b.left >= 0.0 && b.right <= 960.0,
            "{} leaves the window",
            b.id
        );
        for other in &boxes[i + 1..] {
            let apart = b.right <= other.left
                || other.right <= b.left
                || b.bottom <= other.top
                || other.bottom <= b.top;
            assert!(apart, "{} and {} overlap", b.id, other.id);
        }
    }
    app.screenshot("menu-960-double-text").await;
    assert_eq!(menu_in_tab_order(&app, menu.len()).await, menu);
    app.quit().await;
}
