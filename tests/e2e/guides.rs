//! The guides, the short everyday pages: reached from home and the tools,
//! from the lessons and from My plan, linked to each other and to their
//! sources (web pages among them), printed with the course, and kept as
//! read across a restart.

use crate::harness::Harness;
use crate::MOVEMENTS;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_guide_opens_from_home_a_lesson_my_plan_and_another_guide_and_is_kept_as_read() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;

    // From home's everyday tools, the first guide: key points first.
    app.wait_for("#tools-panel #tool-card-pain-today").await;
    app.click("#tools-panel #open-tool-pain-today").await;
    app.wait_for("[data-screen=guide][data-guide=pain-today]")
        .await;
    assert_eq!(app.text("#screen-heading").await, "For the pain today");
    assert_eq!(app.count(".key-points li").await, 4);
    assert!(app
        .text(".key-points")
        .await
        .contains("Never use them on skin that feels numb"));
    // The menu marks "Everyday tools" as where the learner is.
    let tools = app.wait_for("#nav-tools").await;
    assert_eq!(
        tools.attr("aria-current").await.unwrap().as_deref(),
        Some("true")
    );
    app.screenshot("guide-pain-today").await;

    // A link in its text to another guide, then a web page source.
    app.click("#guide-text a[href='#guide/medicines']").await;
    app.wait_for("[data-guide=medicines]").await;
    assert_eq!(
        app.text("#screen-heading").await,
        "Medicines: using them safely"
    );
    let marker = app
        .wait_for("#guide-text a.cite-link[aria-label='Source 22: healthdirect']")
        .await;
    marker.click().await.unwrap();
    app.screen("references").await;
    let entry = app.text("#ref-22").await;
    assert!(
        entry.contains("https://www.healthdirect.gov.au/opioid-withdrawal-symptoms")
            && entry.contains("(no date)")
            && entry.contains("Accessed December 2026"),
        "{entry}"
    );

    // Lesson 2's promise of sleep advice leads to the sleep guide.
    app.click("#nav-home").await;
    app.click("#open-lesson-how-long").await;
    app.wait_for("[data-lesson=how-long]").await;
    app.click("#lesson-text a[href='#guide/sleep']").await;
    app.wait_for("[data-guide=sleep]").await;

    // My plan's flare-up step names the guide for a sore day.
    app.click("#nav-tools").await;
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    // and its "Moving more" step the guide for starting to move.
    assert_eq!(app.count("#plan-guide-movement-moving").await, 1);
    app.click("#plan-guide-flare_up-pain-today").await;
    app.wait_for("[data-guide=pain-today]").await;
    app.click("#back-to-tools").await;
    app.screen("tools").await;
    assert_eq!(
        app.count("#tool-list .tool-card").await,
        8,
        "six guides, My plan and My weeks"
    );

    // The whole course printed holds every guide after the lessons.
    app.click("#nav-home").await;
    app.click("#print-course").await;
    app.screen("print").await;
    assert_eq!(app.count(".printed-guide").await, 6);
    assert!(app
        .text("#printed-guide-sleep")
        .await
        .contains("Everyday guide: Sleep"));

    // Read is kept across a restart, in the record's new part.
    app.quit().await;
    let stored = std::fs::read_to_string(harness.data_dir().join("learner.json")).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let read = &stored["learner"]["guides_read"];
    for id in ["pain-today", "medicines", "sleep"] {
        assert!(read[id]["first_read_at"].is_string(), "{id}: {read}");
    }
    assert!(read.get("leg-pain").is_none(), "{read}");
    let app = harness.launch_at("home").await;
    app.quit().await;
}

/// What the movement page shows of each movement: the drawings the learner
/// sees now, with their names and descriptions, and the words under them.
const MOVEMENTS_SHOWN: &str = "return [...document.querySelectorAll('main figure.figure-movement')].map(f => {
    const shown = [...f.querySelectorAll('svg[role=img]')].filter(s => s.getClientRects().length > 0);
    const box = shown[0]?.getBoundingClientRect();
    const column = document.querySelector('#guide-text').getBoundingClientRect();
    return {
      shown: shown.length,
      title: shown[0]?.querySelector('title')?.textContent ?? '',
      description: shown[0]?.querySelector('desc')?.textContent ?? '',
      facts: f.querySelector('.movement-facts')?.innerText ?? '',
      inside: box.left >= column.left - 0.5 && box.right <= column.right + 0.5 && box.width > 100,
    };
  });";

/// A4 less the app's 15 mm print margins, in CSS px (96 to the inch).
const A4_PRINTABLE_WIDTH: f64 = 180.0 / 25.4 * 96.0;
const A4_PRINTABLE_HEIGHT: f64 = 267.0 / 25.4 * 96.0;

/// The page's height with the app's `@media print` rules applied on screen
/// at `width` px (kept until `AS_ON_SCREEN`, for a picture of it).
const AS_PRINTED: &str = "const width = arguments[0];
  const sheet = new CSSStyleSheet();
  for (const s of document.styleSheets)
    for (const r of s.cssRules)
      if (r instanceof CSSMediaRule && r.media.mediaText.includes('print'))
        for (const inner of r.cssRules)
          if (!(inner instanceof CSSPageRule)) sheet.insertRule(inner.cssText, sheet.cssRules.length);
  sheet.insertRule(`body { width: ${width}px !important; margin: 0 !important; }`, sheet.cssRules.length);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  window.asPrinted = sheet;
  return document.body.getBoundingClientRect().height;";

const AS_ON_SCREEN: &str =
    "document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== window.asPrinted);";

/// Whether the page scrolls sideways (something wider than the window).
const SCROLLS_SIDEWAYS: &str =
    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn the_moving_page_pictures_each_movement_and_its_sheet_holds_all_six_on_one_page() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;

    // Reached from Lesson 3's section on moving.
    app.click("#open-lesson-what-to-do").await;
    app.screen("lesson").await;
    app.click("#lesson-text a[href='#guide/moving']").await;
    app.wait_for("[data-guide=moving]").await;

    let mut titles = Vec::new();
    for (width, size) in [(1280u32, 0), (480, 4)] {
        app.client.set_window_size(width, 900).await.unwrap();
        app.choose_text_size(size).await;
        app.click("#nav-tools").await;
        app.click("#open-tool-moving").await;
        app.wait_for("[data-guide=moving]").await;
        let shown = app.client.execute(MOVEMENTS_SHOWN, vec![]).await.unwrap();
        titles.clear();
        for movement in shown.as_array().unwrap() {
            let text = |k: &str| movement[k].as_str().unwrap().to_owned();
            assert_eq!(movement["shown"], 1, "{width} px: {movement}");
            assert_eq!(
                movement["inside"], true,
                "{width} px, step {size}: {movement}"
            );
            assert!(text("description").split(' ').count() > 15, "{movement}");
            let facts = text("facts");
            assert!(
                facts.contains("How many") && facts.contains("Take care"),
                "{facts}"
            );
            titles.push(text("title"));
        }
        let sideways = app.client.execute(SCROLLS_SIDEWAYS, vec![]).await.unwrap();
        assert_eq!(sideways, false, "{width} px, text step {size}");
        for n in 1..=6 {
            let css = format!("main .course-text > figure.figure-movement:nth-of-type({n})");
            app.screenshot_of(&css, &format!("movement-{width}-{size}-{n}"))
                .await;
        }
    }
    assert_eq!(titles, MOVEMENTS);
    app.client.set_window_size(1280, 900).await.unwrap();
    app.choose_text_size(0).await;

    // The sheet: every movement, its picture, how many (the source in
    // words) and its stop rule; and back to the page.
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.click("#open-movement-sheet").await;
    app.screen("movement-sheet").await;
    assert_eq!(app.text("#screen-heading").await, "My movements");
    assert_eq!(app.count("#movement-sheet .sheet-movement").await, 6);
    assert_eq!(
        app.count("#movement-sheet .sheet-movement svg[role=img] title")
            .await,
        6
    );
    let sheet = app.text("#movement-sheet").await;
    for words in [
        "Knee rolls",
        "8 to 10, changing sides each time. (NHS, 2019)",
        "Up to 5 on each side. (Chartered Society of Physiotherapy, n.d.)",
        "Your physiotherapist can tell you how long to hold",
        "Do not bend it backwards",
    ] {
        assert!(
            sheet.to_lowercase().contains(&words.to_lowercase()),
            "{words:?} in {sheet}"
        );
    }
    // Printed, it is one page. WebKitGTK's WebDriver cannot print (it has
    // no Print Page command), so the app's own print rules are applied on
    // screen at an A4 page's printable width, and the page measured.
    let printed = app
        .client
        .execute(AS_PRINTED, vec![serde_json::json!(A4_PRINTABLE_WIDTH)])
        .await
        .unwrap();
    app.screenshot_page("movement-sheet-printed").await;
    app.client.execute(AS_ON_SCREEN, vec![]).await.unwrap();
    let height = printed.as_f64().unwrap();
    println!("My movements, printed: {height:.0} px of A4's {A4_PRINTABLE_HEIGHT:.0}");
    assert!(
        height <= A4_PRINTABLE_HEIGHT,
        "the sheet printed is {height:.0} px tall, over one A4 page"
    );
    app.click("#back-to-guide").await;
    app.wait_for("[data-guide=moving]").await;
    // The page and the sheet in each theme, for a person to look at.
    for theme in ["light", "dark", "high_contrast"] {
        app.choose_theme(theme).await;
        app.click("#nav-tools").await;
        app.click("#open-tool-moving").await;
        app.wait_for("[data-guide=moving]").await;
        app.screenshot_page(&format!("page-{theme}-guide-moving"))
            .await;
        app.click("#open-movement-sheet").await;
        app.screen("movement-sheet").await;
        app.screenshot_page(&format!("movement-sheet-{theme}"))
            .await;
    }
    app.quit().await;
}
