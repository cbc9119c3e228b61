//! End-to-end journeys: the real binary in the real webview, as a learner
//! uses it.

mod a11y_tree;
mod accessibility;
mod engine;
mod figures;
mod guides;
mod harness;
mod learn_by_doing;
mod listen;
mod move_with_me;
mod my_weeks;
mod one_window;
mod orca;
mod portable;
mod screen_reader;
mod shared_device;
mod words;
mod your_data;

use harness::Harness;
use serde_json::json;

pub const NEXT_STEP: &str = "https://alignmentexercisephysiology.com.au/";
/// The built-in movements, pictured on "Starting to move", in page order.
pub const MOVEMENTS: [&str; 6] = [
    "Knee rolls",
    "Pelvic tilt",
    "Bottom to heels",
    "Back extension",
    "Knees to chest",
    "Bridge",
];
pub const LESSONS: [(&str, &str); 3] = [
    ("why-ongoing", "Why is my back pain ongoing?"),
    (
        "how-long",
        "How long will it take for my back pain to feel better?",
    ),
    ("what-to-do", "What do I need to do to get my back better?"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn first_start_shows_the_disclaimer_and_no_lesson_opens_until_it_is_accepted() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    app.screenshot("01-disclaimer").await;
    assert_eq!(
        app.client.title().await.unwrap(),
        "Before you start – Persistent Back Pain Mini Course"
    );
    assert!(app
        .text("#disclaimer-text")
        .await
        .contains("Alignment Exercise Physiology"));
    assert_help_comes_before_acceptance(&app, ["000", "1800 633 422", "13 11 14"]).await;
    assert!(app.text("#help-region").await.contains("Australia"));
    assert_eq!(app.count("#help-fallback").await, 0);
    assert_eq!(app.count("[id^=open-lesson-]").await, 0);

    // Going "home" without consent leads back to the disclaimer.
    app.click("#nav-home").await;
    app.screen("disclaimer").await;

    // The rule is Rust's: even a direct call from page script is refused.
    let refused = app
        .invoke("open_lesson", json!({ "id": "why-ongoing" }))
        .await;
    assert_eq!(refused["err"]["kind"], "consent_required", "{refused}");
    let refused = app.invoke("open_next_step", json!({})).await;
    assert_eq!(refused["err"]["kind"], "consent_required", "{refused}");
    assert!(harness.opened().is_empty());
    assert!(
        !harness.data_dir().join("learner.json").exists(),
        "nothing is stored before consent"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the recording `xdg-open` (links the app opens) works on Linux only"
)]
async fn a_learner_completes_the_course_across_a_restart_and_opens_the_next_step() {
    let harness = Harness::new();
    let app = harness.launch().await;
    app.click("#accept-disclaimer").await;

    // Home: who it is for, three lessons with times and states, progress.
    app.screen("home").await;
    assert!(app.text("#intro-text").await.contains("more than 3 months"));
    assert_eq!(app.text("#progress-text").await, "0 of 3 lessons completed");
    let minutes: Vec<String> = {
        let mut v = Vec::new();
        for el in app
            .client
            .find_all(fantoccini::Locator::Css(".lesson-card .lesson-minutes"))
            .await
            .unwrap()
        {
            v.push(el.text().await.unwrap());
        }
        v
    };
    assert_eq!(minutes, vec!["6 minutes", "9 minutes", "11 minutes"]);
    for (id, _) in LESSONS {
        assert_eq!(
            app.text(&format!("#lesson-state-{id}")).await,
            "Not started"
        );
    }
    app.screenshot("02-home-fresh").await;

    // Lesson 1: open, read, complete, go on to lesson 2.
    app.click("#open-lesson-why-ongoing").await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    assert_eq!(app.text("#screen-heading").await, LESSONS[0].1);
    assert_eq!(app.text("#lesson-state").await, "In progress");
    // Key points first; sources as small numbered links, named in full.
    assert_eq!(app.count(".key-points li").await, 4);
    assert!(!app.text("#lesson-text").await.contains("et al., 2009)"));
    let marker = app
        .wait_for("#lesson-text a.cite-link[href='#ref-1']")
        .await;
    assert_eq!(
        marker.attr("aria-label").await.unwrap().as_deref(),
        Some("Source 1: Basbaum and others, 2009")
    );
    app.screenshot("03-lesson-1").await;
    // Following a marker lands on its entry, with a way back to the lesson.
    app.click("#lesson-text a.cite-link[href='#ref-1']").await;
    app.screen("references").await;
    assert_eq!(app.focus().await.id, "ref-1");
    assert!(app.text("#ref-1").await.starts_with("Basbaum"));
    app.click("#back-to-lesson").await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    // The lesson's own link to "Get help now" opens that screen.
    app.click("#lesson-text a[href='#get-help']").await;
    app.screen("get-help").await;
    app.screenshot("03b-get-help").await;
    app.click("#nav-home").await;
    app.click("#open-lesson-why-ongoing").await;
    app.wait_for("[data-lesson=why-ongoing]").await;
    app.click("#complete-lesson").await;
    app.wait_for("#completed-note").await;
    app.screenshot("04-lesson-1-complete").await;
    app.click("#next-lesson").await;
    app.wait_for("[data-lesson=how-long]").await;

    // Quit in the middle of lesson 2, then start again.
    app.quit().await;
    let app = harness.launch_at("home").await;
    assert_eq!(app.text("#progress-text").await, "1 of 3 lessons completed");
    let bar = app.wait_for("#progress-bar").await;
    assert_eq!(
        bar.attr("aria-valuenow").await.unwrap().as_deref(),
        Some("1")
    );
    assert_eq!(app.text("#lesson-state-why-ongoing").await, "Completed");
    assert_eq!(app.text("#lesson-state-how-long").await, "In progress");
    assert_eq!(
        app.text("#resume").await,
        format!("Continue where you left off: {}", LESSONS[1].1)
    );
    app.screenshot("05-home-after-restart").await;

    // Continue, finish lessons 2 and 3.
    app.click("#resume").await;
    app.wait_for("[data-lesson=how-long]").await;
    app.click("#complete-lesson").await;
    app.click("#next-lesson").await;
    app.wait_for("[data-lesson=what-to-do]").await;
    // Not finished yet: the next step stays closed, whatever the page asks.
    let refused = app.invoke("open_next_step", json!({})).await;
    assert_eq!(refused["err"]["kind"], "not_finished", "{refused}");
    app.click("#complete-lesson").await;
    app.click("#go-finished").await;

    // All finished: the button asks Rust to open the configured link.
    app.screen("finished").await;
    assert_eq!(app.text("#open-next-step").await, "Find your next step");
    assert!(app.text("#next-step-hint").await.contains(NEXT_STEP));
    app.screenshot("06-finished").await;
    app.click("#open-next-step").await;
    harness.wait_opened(NEXT_STEP).await;
    assert_eq!(
        harness.opened(),
        vec![NEXT_STEP.to_owned()],
        "exactly the next step, once"
    );
    app.screen("finished").await;

    // Home now shows the whole course complete.
    app.click("#nav-home").await;
    app.screen("home").await;
    assert_eq!(app.text("#progress-text").await, "3 of 3 lessons completed");
    assert_eq!(app.count("#resume").await, 0);
    app.screenshot("07-home-complete").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn consent_and_the_disclaimer_survive_a_restart_and_can_be_read_again() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    app.quit().await;

    let app = harness.launch_at("home").await;
    app.click("#nav-about").await;
    app.click("#about-disclaimer").await;
    app.screen("disclaimer").await;
    assert!(app
        .text("#accepted-note")
        .await
        .starts_with("You accepted this disclaimer on"));
    assert_eq!(app.count("#accept-disclaimer").await, 0);
    app.click("#disclaimer-continue").await;
    app.screen("home").await;

    // The whole course to print: each lesson's headings one level under its
    // own h2, and every id on the page unique.
    app.click("#print-course").await;
    app.screen("print").await;
    assert_eq!(app.count(".printed-lesson .course-text h2").await, 0);
    assert!(
        app.count("#printed-why-ongoing h3[id^='printed-why-ongoing-section-']")
            .await
            > 3
    );
    let repeated = app
        .client
        .execute(
            "const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.length - new Set(ids).size;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(repeated, json!(0), "ids repeated on the print page");
    assert!(
        app.count(".printed-lesson a.cite-link[href='#ref-1']")
            .await
            > 0
    );
    assert_eq!(app.count(".printed-references #ref-1").await, 1);

    let stored: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(harness.data_dir().join("learner.json")).unwrap(),
    )
    .unwrap();
    let consent = &stored["learner"]["consent"];
    assert_eq!(
        consent["disclaimer_version"].as_str().unwrap().len(),
        16,
        "{stored}"
    );
    assert!(
        consent["accepted_at"].as_str().unwrap().ends_with('Z'),
        "{stored}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the recording `xdg-open` (links the app opens) works on Linux only"
)]
async fn references_list_every_source_and_their_links_open_in_the_browser_only() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    app.click("#nav-about").await;
    app.click("#about-references").await;
    app.screen("references").await;
    assert_eq!(app.count("#reference-list > li").await, 42);
    assert_eq!(
        app.count("#reference-list a.doi").await,
        40,
        "every source but de Campos and the NPS fact sheet has a link: its DOI, or a web page's address"
    );
    // A web page shows its address as the link, "no date" and when it was read.
    assert_eq!(app.count("#reference-list a.shows-address").await, 22);
    assert!(app
        .text("#reference-list")
        .await
        .contains("healthdirect Australia (no date). Back pain self-care. https://www.healthdirect.gov.au/back-pain-self-care Accessed December 2026."));
    assert!(app
        .text("#reference-list")
        .await
        .contains("Engel, G. L. (1977)"));
    app.screenshot("08-references").await;

    app.click("#reference-list a.doi").await;
    let first_doi = "https://doi.org/10.1016/j.cell.2009.09.028";
    harness.wait_opened(first_doi).await;
    app.click("#reference-list a[href='https://www.healthdirect.gov.au/back-pain-self-care']")
        .await;
    harness
        .wait_opened("https://www.healthdirect.gov.au/back-pain-self-care")
        .await;
    // The window stayed on the app's own page.
    app.screen("references").await;
    assert!(app
        .client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .starts_with("tauri://"));

    // A link that is not in the course is refused by Rust, whoever asks.
    let refused = app
        .invoke("open_link", json!({ "url": "https://evil.example/" }))
        .await;
    assert_eq!(refused["err"]["kind"], "link_refused", "{refused}");
    let refused = app
        .invoke("open_link", json!({ "url": "file:///etc/passwd" }))
        .await;
    assert_eq!(refused["err"]["kind"], "link_refused", "{refused}");
    assert_eq!(
        harness.opened(),
        [
            first_doi,
            "https://www.healthdirect.gov.au/back-pain-self-care"
        ]
    );
    // The browser gets none of the engine settings made for the course's
    // own page (src-tauri/src/engine.rs).
    #[cfg(target_os = "linux")]
    assert_eq!(
        harness.opener_engine_settings(),
        ["unset unset", "unset unset"]
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn the_webview_cannot_reach_the_store_or_the_opener_plugin() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    for (command, args) in [
        ("plugin:store|load", json!({ "path": "learner.json" })),
        (
            "plugin:opener|open_url",
            json!({ "url": "https://evil.example/" }),
        ),
    ] {
        let result = app.invoke(command, args).await;
        let refusal = result["err"].to_string();
        assert!(
            refusal.contains("not allowed"),
            "{command} was not refused by the ACL: {result}"
        );
    }
    // Opening happens in the background: give a wrongly allowed call time to land.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(harness.opened().is_empty());
    app.quit().await;
}

/// On the disclaimer screen, where to get help (each group with its number,
/// as text) comes before the legal text, which comes before the accept
/// button: in the page's order, which is also its reading order, and on
/// screen from the top down.
pub async fn assert_help_comes_before_acceptance(app: &harness::App, numbers: [&str; 3]) {
    for (kind, number) in ["emergency", "urgent", "crisis"].iter().zip(numbers) {
        let line = app
            .text(&format!("#disclaimer-help #help-{kind}-line-1"))
            .await;
        assert!(
            line.starts_with(&format!("Call {number}")),
            "{kind}: {line}"
        );
    }
    assert_eq!(
        app.count("#disclaimer-help a[href^='tel'], #disclaimer-help .help-number a")
            .await,
        0,
        "numbers are text, never links"
    );
    let order = app
        .client
        .execute(
            "const ids = ['disclaimer-help-heading', 'help-emergency-heading', 'help-urgent-heading', 'help-crisis-heading', 'disclaimer-text', 'accept-disclaimer'];             const els = ids.map((id) => document.getElementById(id));             return els.map((el, i) => i === 0 || Boolean(els[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && els[i - 1].getBoundingClientRect().top < el.getBoundingClientRect().top);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        order,
        json!([true, true, true, true, true, true]),
        "{order}"
    );
}

/// The first thing to do and the first emergency sign are on screen when a
/// screen with "Get help now" opens in the app's own window (960 × 780, the
/// standard text size, Listen shown), with the action first in the page's
/// order and nothing but the emergency heading and its numbers between them.
pub async fn assert_action_and_first_sign_on_screen(app: &harness::App, scope: &str) {
    let found = app
        .client
        .execute(
            "const scope = document.querySelector(arguments[0]);             const action = scope.querySelector('#help-intro p');             const sign = scope.querySelector('#help-emergency li');             const box = (el) => { const r = el.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.bottom)]; };             const parts = ['h1', '#listen', '#disclaimer-help', '#disclaimer-help-heading', '#help-intro', '#help-emergency-heading', '#help-emergency-line-1', '#help-emergency .help-signs p'].map((css) => { const el = document.querySelector(css); return el ? css + ' ' + box(el).join('-') : css + ' none'; });             return { parts, action: action.textContent, sign: sign.textContent, actionBox: box(action), signBox: box(sign), height: window.innerHeight, width: window.innerWidth, listen: !document.getElementById('listen').hidden, order: Boolean(action.compareDocumentPosition(sign) & Node.DOCUMENT_POSITION_FOLLOWING) };",
            vec![json!(scope)],
        )
        .await
        .unwrap();
    assert_eq!(found["width"], 960, "{found}");
    assert_eq!(found["height"], 780, "{found}");
    assert_eq!(found["listen"], true, "Listen is shown: {found}");
    assert!(
        found["action"].as_str().unwrap().contains("get help now"),
        "{found}"
    );
    assert_eq!(found["order"], true, "the action comes first: {found}");
    let bottom = |key: &str| found[key][1].as_i64().unwrap();
    let top = |key: &str| found[key][0].as_i64().unwrap();
    assert!(
        top("actionBox") >= 0 && bottom("actionBox") <= 780,
        "the action is off screen: {found}"
    );
    assert!(
        top("signBox") >= 0 && bottom("signBox") <= 780,
        "the first emergency sign is off screen: {found}"
    );
}

/// Every screen Rust lets course text link to (`#get-help` and the rest)
/// opens from a link in the text, and a name outside Rust's list opens
/// nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn every_screen_a_course_link_may_name_opens_from_a_link() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    let anchors = app.invoke("get_start", json!({})).await;
    let anchors: Vec<String> =
        serde_json::from_value(anchors["ok"]["screen_anchors"].clone()).unwrap();
    assert!(anchors.contains(&"get-help".to_owned()), "{anchors:?}");
    let add_link = |id: &str| {
        format!("const a = document.createElement('a'); a.href = '#{id}'; a.id = 'test-link'; a.textContent = 'go'; document.querySelector('#screen [data-screen]').append(a);")
    };
    for id in &anchors {
        app.click("#nav-about").await;
        app.screen("about").await;
        app.client.execute(&add_link(id), vec![]).await.unwrap();
        app.click("#test-link").await;
        app.screen(id).await;
    }
    app.click("#nav-about").await;
    app.screen("about").await;
    app.client
        .execute(&add_link("print"), vec![])
        .await
        .unwrap();
    app.click("#test-link").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.count("[data-screen=about]").await,
        1,
        "#print is no screen a link may open"
    );
    app.quit().await;
}

/// No script from course content ever ran: the marker every hostile fixture
/// tries to set is still unset.
async fn assert_nothing_ran(app: &harness::App) {
    let pwned = app
        .client
        .execute(
            "return window.__pwned === undefined ? null : String(window.__pwned);",
            vec![],
        )
        .await
        .unwrap();
    assert!(pwned.is_null(), "course content ran script: {pwned}");
    assert_eq!(
        app.count("#screen script, #screen img, #screen iframe")
            .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_pack_with_raw_html_and_script_links_is_refused_and_shown_as_text() {
    let (_pack_dir, pack) = harness::fixture_copy("hostile-markup");
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch().await;
    app.wait_for("[data-screen=error][data-kind=pack_content]")
        .await;
    // The problems (checked word for word in tests/commands/packs.rs) are listed as
    // text: four items, and no element the markup tried to create.
    assert_eq!(app.count("#error-problems > li").await, 4);
    assert_eq!(
        app.count("#screen script, #screen img, #screen iframe, #screen a")
            .await,
        0
    );
    // Leave the error screen (see `fixture_copy`), then check in the same
    // page that nothing the pack contained ever ran.
    app.click("#use-built-in").await;
    app.screen("disclaimer").await;
    assert_nothing_ran(&app).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn html_in_a_packs_titles_and_config_is_shown_as_plain_text() {
    let (_pack_dir, pack) = harness::fixture_copy("hostile-text");
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch_and_accept().await;
    assert!(app.text("#site-title").await.starts_with("<b onmouseover="));
    assert!(app
        .text("#lesson-card-text")
        .await
        .contains("<img src=x onerror="));
    assert!(app
        .text("#lesson-card-text")
        .await
        .contains("<script>window.__pwned='summary'</script>"));
    app.click("#open-lesson-text").await;
    app.screen("lesson").await;
    assert!(app.text("#screen-heading").await.starts_with("<img src=x"));
    app.screenshot("11-hostile-text-neutralised").await;
    assert_nothing_ran(&app).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_broken_clinic_pack_shows_its_problems_and_can_fall_back_to_the_built_in_course() {
    let (_pack_dir, pack) = harness::fixture_copy("broken");
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch().await;
    app.wait_for("[data-screen=error][data-kind=pack_content]")
        .await;
    // A duplicate id, a citation with no reference, and a figure with
    // markup in its title and a value that is not a number.
    assert_eq!(app.count("#error-problems > li").await, 4);
    let problems = app.text("#error-problems").await;
    assert!(
        problems.contains("must be plain text, without markup"),
        "{problems}"
    );
    assert!(app
        .text("#error-urgent")
        .await
        .contains("local emergency number"));
    app.click("#use-built-in").await;
    app.screen("disclaimer").await;
    assert_eq!(
        app.text("#site-title").await,
        "Persistent Back Pain Mini Course"
    );
    // The standard course's numbers are Australian, not the clinic's: said
    // plainly above them, before anything is accepted.
    let fallback = app.text("#help-fallback").await;
    assert!(
        fallback.contains("not the clinic's") && fallback.contains("Australia"),
        "{fallback}"
    );
    assert_help_comes_before_acceptance(&app, ["000", "1800 633 422", "13 11 14"]).await;
    app.screenshot("12-fallback-to-built-in").await;
    app.click("#nav-get-help").await;
    app.screen("get-help").await;
    assert!(app.text("#help-fallback").await.contains("Australia"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the recording `xdg-open` (links the app opens) works on Linux only"
)]
async fn a_clinic_pack_shows_its_own_name_lessons_and_next_step() {
    let (_pack_dir, pack) = harness::fixture_copy("clinic");
    let harness = Harness::with_env(&[("BACK_PAIN_COURSE_PACK", &pack)]);
    let app = harness.launch_and_accept().await;
    assert_eq!(
        app.text("#site-title").await,
        "Back Pain Basics at Riverside"
    );
    assert_eq!(
        app.text("#site-provider").await,
        "Provided by Riverside Community Physio"
    );
    assert_eq!(app.count("#lesson-list > li").await, 2);
    let lang = app
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang, "en-AU");
    app.screenshot("13-clinic-home").await;

    // A link inside a lesson opens in the browser, and the window stays put.
    app.click("#open-lesson-moving-again").await;
    app.screen("lesson").await;
    app.click("#lesson-text a[href='https://riverside-physio.example/exercise']")
        .await;
    harness
        .wait_opened("https://riverside-physio.example/exercise")
        .await;
    app.screen("lesson").await;

    app.click("#complete-lesson").await;
    app.click("#next-lesson").await;
    app.wait_for("[data-lesson=flare-ups]").await;
    app.click("#complete-lesson").await;
    app.click("#go-finished").await;
    app.screen("finished").await;
    assert_eq!(app.text("#open-next-step").await, "Book a free check-in");
    app.click("#open-next-step").await;
    harness
        .wait_opened("https://riverside-physio.example/book")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_larger_text_size_applies_at_once_and_after_a_restart() {
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    let root_size = "return getComputedStyle(document.documentElement).fontSize;";
    assert_eq!(app.client.execute(root_size, vec![]).await.unwrap(), "18px");
    app.click("#nav-settings").await;
    app.screen("settings").await;
    app.click("label[for=text-size-4]").await;
    app.wait_for("#text-size-4:checked").await;
    assert!(app
        .text("#notices")
        .await
        .starts_with("Text size set to Largest"));
    assert_eq!(app.client.execute(root_size, vec![]).await.unwrap(), "36px");
    app.screenshot("14-text-size-largest").await;
    app.quit().await;

    let app = harness.launch_at("disclaimer").await;
    assert_eq!(app.client.execute(root_size, vec![]).await.unwrap(), "36px");
    app.screenshot("15-disclaimer-at-200-percent").await;
    app.quit().await;
}
