//! "Move with me" in the real webview: a whole session by keyboard, each
//! step focused, announced and checked by axe, the count kept by the
//! learner, Listen's order on a step, "I did these today" kept for the
//! learner's own day across a restart, the session ended by leaving its
//! screen, and a movement put in My plan and printed with its picture.

use serde_json::Value;

use crate::harness::{App, Harness, Key};
use crate::MOVEMENTS;

/// The learner's zone for these tests: far from UTC, so a day reckoned in
/// UTC would often be another day.
const ZONE: &str = "Australia/Sydney";

/// Today in `ZONE`, as the record keeps it and as the page says it.
fn today_in_zone() -> (String, String) {
    let zone = jiff::tz::TimeZone::get(ZONE).unwrap();
    let date = zone.to_datetime(jiff::Timestamp::now()).date();
    let month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][usize::try_from(date.month()).unwrap() - 1];
    (
        date.to_string(),
        format!("{} {month} {}", date.day(), date.year()),
    )
}

async fn wait_step(app: &App, expected: &str) {
    app.wait_for(&format!(
        "[data-screen=move-with-me][data-step=\"{expected}\"]"
    ))
    .await;
}

async fn assert_axe_clean(app: &App, where_: &str) {
    let found = app.axe().await;
    assert!(
        found.is_empty(),
        "axe-core on {where_}:\n{}",
        found.join("\n")
    );
}

async fn notice(app: &App) -> String {
    app.text("#notices").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_whole_session_by_keyboard_is_counted_by_the_learner_and_kept_for_their_day_across_a_restart(
) {
    let harness = Harness::with_env(&[("TZ", ZONE)]);
    let app = harness.launch_and_accept().await;
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.wait_for("[data-guide=moving]").await;
    app.tab_to("open-move-with-me").await;
    app.press(&[Key::Enter]).await;

    // The first step: the guide's safety points before anything else.
    wait_step(&app, "intro").await;
    assert_eq!(app.focus().await.text, "Move with me");
    let order: Value = app
        .client
        .execute(
            "const s = document.querySelector('[data-screen=move-with-me]');\
             const at = (css) => [...s.querySelectorAll('*')].indexOf(s.querySelector(css));\
             return [at('.key-points'), at('#move-intro'), at('#move-start')];",
            vec![],
        )
        .await
        .unwrap();
    let order: Vec<i64> = serde_json::from_value(order).unwrap();
    assert!(
        order[0] >= 0 && order[0] < order[1] && order[1] < order[2],
        "{order:?}"
    );
    assert!(app
        .text(".key-points")
        .await
        .contains("Stop a movement if it makes your symptoms worse"));
    assert!(
        app.text("#move-opening").await.contains("call 000"),
        "the checks before starting"
    );
    assert_axe_clean(&app, "the first step").await;
    app.screenshot("move-intro").await;

    // Space on the screen starts; each movement takes focus and is said.
    app.press(&[Key::Space]).await;
    let counted = [3usize, 2, 0, 1, 0, 4];
    for (i, title) in MOVEMENTS.iter().enumerate() {
        let n = i + 1;
        wait_step(&app, &n.to_string()).await;
        assert_eq!(app.focus().await.text, *title, "movement {n} has focus");
        assert_eq!(notice(&app).await, format!("Movement {n} of 6: {title}"));
        assert_eq!(app.text("#move-count").await, "None counted yet");
        let nothing_to_take_off: bool = app
            .client
            .execute(
                "return document.getElementById('move-take-one-off').offsetParent === null;",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap();
        assert!(nothing_to_take_off, "no Take one off before any is counted");
        assert!(
            app.count("#move-text svg[role=img]").await == 1,
            "{title}: its picture"
        );
        if n == 1 {
            assert_axe_clean(&app, "a movement").await;
            app.screenshot("move-step-1").await;
            app.screenshot_page("move-step-1-page").await;
        }
        // Space or Enter anywhere on the screen counts one, at the
        // learner's pace: nothing counts on its own.
        for k in 1..=counted[i] {
            app.press(&[if k % 2 == 0 { Key::Enter } else { Key::Space }])
                .await;
            let words = if k == 1 {
                "1 counted".to_owned()
            } else {
                format!("{k} counted")
            };
            assert_eq!(app.text("#move-count").await, words);
            assert_eq!(notice(&app).await, words, "each count is said");
        }
        if n == 1 {
            // One too many, taken off with its own button: focus stays on it.
            app.press(&[Key::Space]).await;
            app.tab_to("move-take-one-off").await;
            app.press(&[Key::Enter]).await;
            assert_eq!(app.text("#move-count").await, "3 counted");
            assert_eq!(app.focus().await.id, "move-take-one-off");
            tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            assert_eq!(
                app.text("#move-count").await,
                "3 counted",
                "no timer counts"
            );
        }
        app.tab_to("move-next").await;
        app.press(&[Key::Enter]).await;
    }

    // The end: ticked where counted; kept for the learner's own day.
    wait_step(&app, "end").await;
    assert_eq!(app.focus().await.text, "The end of the movements");
    let ticked: Value = app
        .client
        .execute(
            "return [...document.querySelectorAll('.move-done input')].map((i) => [i.value, i.checked]);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        ticked,
        serde_json::json!([
            ["knee-rolls", true],
            ["pelvic-tilt", true],
            ["bottom-to-heels", false],
            ["back-extension", true],
            ["knees-to-chest", false],
            ["bridge", true]
        ])
    );
    let (day, date) = today_in_zone();
    assert!(
        app.text("[data-step=end]").await.contains(&date),
        "today's date, in {ZONE}"
    );
    assert_axe_clean(&app, "the end").await;
    app.tab_to("move-save").await;
    app.press(&[Key::Enter]).await;
    app.wait_until("kept", || async {
        notice(&app).await == format!("Kept for today, {date}: 4 movements.")
    })
    .await;
    assert_eq!(
        app.text("#move-done-today").await,
        "Already kept for today: Back extension, Bridge, Knee rolls, Pelvic tilt."
    );
    app.screenshot("move-end").await;
    let stored: Value = serde_json::from_str(
        &std::fs::read_to_string(harness.data_dir().join("learner.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        stored["learner"]["movement_days"],
        serde_json::json!({ day.clone(): ["back-extension", "bridge", "knee-rolls", "pelvic-tilt"] })
    );
    app.quit().await;

    // After a restart the day is kept; Escape stops a session.
    let app = harness.launch().await;
    app.screen("home").await;
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.click("#open-move-with-me").await;
    wait_step(&app, "intro").await;
    app.press(&[Key::Space]).await;
    wait_step(&app, "1").await;
    app.press(&[Key::Escape]).await;
    app.wait_for("[data-guide=moving]").await;
    assert_eq!(
        app.focus().await.text,
        "Starting to move",
        "back on the guide, at its top"
    );
    app.click("#open-move-with-me").await;
    for _ in 0..=MOVEMENTS.len() {
        app.click("[data-screen=move-with-me] #move-start, #move-next")
            .await;
    }
    wait_step(&app, "end").await;
    assert_eq!(
        app.text("#move-done-today").await,
        "Already kept for today: Back extension, Bridge, Knee rolls, Pelvic tilt."
    );
    // Nothing ticked: refused, said by the boxes, nothing lost.
    app.click("#move-save").await;
    app.wait_for("#move-save-error:not([hidden])").await;
    assert_eq!(
        app.text("#move-save-error").await,
        "Tick at least one movement you did today first."
    );
    app.quit().await;
}

/// Listen's parts on a step: what it reads, in order, and that each part
/// it lights up is on screen.
const LISTEN_PARTS: &str = "const view = document.getElementById('listen').listenView;\
    return view.parts.map((p) => [p.text.slice(0, 40), Boolean(document.getElementById(p.target))]);";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn listen_reads_a_step_in_order_and_add_to_my_plan_prints_the_movement_with_its_picture() {
    let harness = Harness::new();
    let app = harness.launch_and_accept().await;
    app.click("#nav-tools").await;
    app.click("#open-tool-moving").await;
    app.click("#open-move-with-me").await;
    app.click("#move-start").await;
    app.click("#move-next").await;
    wait_step(&app, "2").await;
    let parts: Vec<(String, bool)> =
        serde_json::from_value(app.client.execute(LISTEN_PARTS, vec![]).await.unwrap()).unwrap();
    let said: Vec<&str> = parts.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        said,
        [
            "Pelvic tilt",
            "Start: lie on your back with your knees ",
            "Move: press the small of your back into ",
            "Figure 2: Pelvic tilt. Press the small o",
        ]
    );
    assert!(parts.iter().all(|(_, shown)| *shown), "{parts:?}");

    // Into My plan, and it says so; then on My plan with its amount and
    // its picture, in print too.
    app.click("#move-add-to-plan").await;
    app.wait_for("#move-in-plan").await;
    assert_eq!(app.focus().await.id, "move-take-out-of-plan");
    assert_eq!(notice(&app).await, "Added to your plan: Pelvic tilt");
    // "Add to my plan", then on at once: the answer, coming after the
    // learner moved on, is not drawn over the next movement.
    app.client
        .execute(
            "document.getElementById('move-previous').click(); document.getElementById('move-add-to-plan').click(); document.getElementById('move-next').click();",
            vec![],
        )
        .await
        .unwrap();
    wait_step(&app, "2").await;
    app.wait_until("knee rolls in the plan", || async {
        app.invoke("get_plan", serde_json::json!({})).await["ok"]["in_plan"]
            == serde_json::json!(["pelvic-tilt", "knee-rolls"])
    })
    .await;
    assert_eq!(
        app.focus().await.text,
        "Pelvic tilt",
        "focus stays where the learner went"
    );
    // Its box is its own: taking out takes out the pelvic tilt.
    app.click("#move-take-out-of-plan").await;
    app.wait_for("#move-add-to-plan").await;
    assert_eq!(
        app.invoke("get_plan", serde_json::json!({})).await["ok"]["in_plan"],
        serde_json::json!(["knee-rolls"])
    );
    app.click("#move-add-to-plan").await;
    app.wait_for("#move-in-plan").await;
    app.click("#move-stop").await;
    app.click("#nav-tools").await;
    app.click("#open-tool-plan").await;
    app.screen("plan").await;
    let listed = app.text("#plan-movement-pelvic-tilt").await;
    assert!(
        listed.contains("Pelvic tilt") && listed.contains("Start with 5 tilts, 3 times a day"),
        "{listed}"
    );
    assert_eq!(
        app.count("#plan-movement-pelvic-tilt svg[role=img]").await,
        1
    );
    assert_eq!(
        app.count("#plan-print .plan-print-movement svg[role=img]")
            .await,
        2
    );
    app.screenshot_page("plan-with-a-movement").await;
    assert_eq!(app.count("#plan-print .plan-print-movement").await, 2);
    app.click("#plan-take-out-0").await;
    app.wait_until("knee rolls taken out", || async {
        app.count("#plan-movement-knee-rolls").await == 0
    })
    .await;
    assert_eq!(
        app.focus().await.id,
        "plan-take-out-0",
        "on the next one's button"
    );
    app.click("#plan-take-out-0").await;
    app.wait_for("#plan-movements-empty").await;
    assert_eq!(app.count("#plan-print .plan-print-movement").await, 0);

    // For docs/screenshots: a step, whole, in each theme (only when
    // pictures are asked for: axe checks every theme in any case).
    if std::env::var_os("SCREENSHOTS").is_some_and(|v| v == "1") {
        for theme in ["light", "dark", "high_contrast"] {
            app.choose_theme(theme).await;
            app.click("#nav-tools").await;
            app.click("#open-tool-moving").await;
            app.click("#open-move-with-me").await;
            app.click("#move-start").await;
            app.click("#move-count-one").await;
            app.screenshot_page(&format!("move-with-me-step-{theme}"))
                .await;
        }
    }
    app.quit().await;
}
