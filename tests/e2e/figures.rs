//! Figures in the real webview: each in its lesson with its name and
//! description and one drawing shown, its numbers opened by keyboard, and
//! its labels never much smaller than the text around it, from the widest
//! window at standard text to 480 px at double text.

use serde_json::Value;

use crate::harness::{Harness, Key};
use crate::LESSONS;

/// What a lesson's figures show, read from the page: for each figure, its
/// caption, and the drawing the learner sees now (exactly one of its
/// layouts is displayed) with its title and description.
const FIGURES: &str = "return [...document.querySelectorAll('main figure.figure')].map(f => {
    const shown = [...f.querySelectorAll('svg[role=img]')].filter(s => s.getClientRects().length > 0);
    return {
      caption: f.querySelector('figcaption').innerText,
      shown: shown.length,
      title: shown[0]?.querySelector('title')?.textContent ?? '',
      description: shown[0]?.querySelector('desc')?.textContent ?? '',
      numbers: f.querySelectorAll('details table tbody tr').length,
    };
  });";

/// The smallest figure label on screen, as a share of the lesson's body
/// text size.
const SMALLEST_LABEL: &str = "const body = parseFloat(getComputedStyle(document.querySelector('main .course-text p')).fontSize);
  let smallest = Infinity;
  for (const text of document.querySelectorAll('main svg.figure-svg text')) {
    if (text.getClientRects().length === 0) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    smallest = Math.min(smallest, size / body);
  }
  return smallest;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn each_figure_is_in_its_lesson_named_and_described_and_its_numbers_open_by_keyboard() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    let mut titles = Vec::new();
    for (id, _) in LESSONS {
        app.click("#nav-home").await;
        app.click(&format!("#open-lesson-{id}")).await;
        app.screen("lesson").await;
        let figures = app.client.execute(FIGURES, vec![]).await.unwrap();
        for figure in figures.as_array().unwrap() {
            let text = |k: &str| figure[k].as_str().unwrap().to_owned();
            assert_eq!(figure["shown"], 1, "{id}: one drawing shown: {figure}");
            assert!(text("caption").starts_with("Figure "), "{figure}");
            assert!(text("caption").contains(&text("title")), "{figure}");
            assert!(text("description").len() > 40, "{figure}");
            titles.push(text("title"));
        }
    }
    assert_eq!(
        titles,
        [
            "Scan changes in people with no back pain",
            "How the pain alarm may settle",
            "Average pain over a year",
            "Building up step by step",
        ]
    );

    // Lesson 2's numbers, opened from the keyboard: Tab to "Show the
    // numbers", then Enter.
    app.click("#nav-home").await;
    app.click("#open-lesson-how-long").await;
    app.screen("lesson").await;
    let mut reached = false;
    for _ in 0..80 {
        app.press(&[Key::Tab]).await;
        let focus = app.focus().await;
        if focus.tag == "summary" {
            assert_eq!(focus.text, "Show the numbers for figure 1");
            assert!(focus.focus_visible && focus.in_view, "{focus:?}");
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached \"Show the numbers\"");
    let open = "return [document.querySelector('main details.figure-numbers').open, document.querySelector('main details.figure-numbers table').checkVisibility()];";
    assert_eq!(
        app.client.execute(open, vec![]).await.unwrap(),
        serde_json::json!([false, false])
    );
    app.press(&[Key::Enter]).await;
    let opened: Value = app.client.execute(open, vec![]).await.unwrap();
    assert_eq!(
        opened,
        serde_json::json!([true, true]),
        "Enter opens the numbers"
    );
    let rows = app.text("main details.figure-numbers tbody").await;
    for row in ["0\t56\t56", "6\t48\t26", "26\t43\t22", "52\t40\t21"] {
        assert!(rows.contains(row), "{row:?} in {rows:?}");
    }

    // Every figure in each theme, for a person to look at (docs/screenshots/
    // keeps a set).
    for theme in ["light", "dark", "high_contrast"] {
        app.choose_theme(theme).await;
        for (id, _) in LESSONS {
            app.click("#nav-home").await;
            app.click(&format!("#open-lesson-{id}")).await;
            app.screen("lesson").await;
            let count = app.count("main figure.figure").await;
            for n in 1..=count {
                let css = format!("main .course-text > figure.figure:nth-of-type({n})");
                app.screenshot_of(&css, &format!("figure-{theme}-{id}-{n}"))
                    .await;
            }
        }
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn figure_labels_stay_near_the_body_text_size_at_every_text_size_and_window_width() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    let mut smallest = Vec::new();
    for width in [1280u32, 480] {
        app.client.set_window_size(width, 900).await.unwrap();
        for size in 0..=4 {
            app.choose_text_size(size).await;
            // Each lesson, and the movement pictures of "Starting to move".
            let pages = LESSONS.iter().map(|(id, _)| *id).chain(["moving"]);
            for id in pages {
                if id == "moving" {
                    app.click("#nav-tools").await;
                    app.click("#open-tool-moving").await;
                    app.wait_for("[data-guide=moving]").await;
                } else {
                    app.click("#nav-home").await;
                    app.click(&format!("#open-lesson-{id}")).await;
                    app.screen("lesson").await;
                }
                let ratio = app.client.execute(SMALLEST_LABEL, vec![]).await.unwrap();
                let ratio = ratio.as_f64().expect("every page here has a figure");
                println!("{width} px, text step {size}, {id}: smallest label {ratio:.3} of the body text");
                smallest.push((ratio, format!("{width} px, text step {size}, {id}")));
            }
        }
    }
    let too_small: Vec<_> = smallest.iter().filter(|(r, _)| *r < 0.875).collect();
    assert!(
        too_small.is_empty(),
        "labels below 0.875 of the body text: {too_small:?}"
    );
    app.quit().await;
}
