//! "My weeks" in the real webview: a check-in by mouse and keyboard across a
//! restart, a past week corrected, an activity renamed and one taken out of
//! My plan, the charts and the table; home's nudge a week after the last
//! check-in; and the weekly reminder saved through the system's own save
//! dialog and read back by an independent iCalendar parser.

use serde_json::{json, Value};

use crate::harness::{App, Harness};

/// The learner's zone: far from UTC, so weeks reckoned in UTC would often
/// start on another day.
const ZONE: &str = "Australia/Sydney";

fn monday_weeks_ago(n: i64) -> String {
    let zone = jiff::tz::TimeZone::get(ZONE).unwrap();
    let today = zone.to_datetime(jiff::Timestamp::now()).date();
    let back = i64::from(today.weekday().to_monday_zero_offset()) + 7 * n;
    today
        .checked_sub(jiff::Span::new().days(back))
        .unwrap()
        .to_string()
}

async fn add_activity(app: &App, text: &str) {
    app.invoke(
        "change_plan",
        json!({ "field": "activities", "index": null, "text": text, "expected": null }),
    )
    .await;
}

async fn open_my_weeks(app: &App) {
    app.click("#nav-tools").await;
    app.click("#open-tool-my-weeks").await;
    app.screen("my-weeks").await;
}

async fn checked(app: &App, id: &str) -> bool {
    app.script_text(&format!(
        "return String(document.getElementById('{id}').checked)"
    ))
    .await
        == "true"
}

async fn assert_axe_clean(app: &App, where_: &str) {
    let found = app.axe().await;
    assert!(
        found.is_empty(),
        "axe-core on {where_}:\n{}",
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn a_check_in_is_kept_across_a_restart_corrected_and_follows_a_renamed_and_a_removed_activity(
) {
    let harness = Harness::with_env(&[("TZ", ZONE)]);
    let app = harness.launch_and_accept().await;
    add_activity(&app, "Gardening").await;
    add_activity(&app, "Walking to the shop").await;
    open_my_weeks(&app).await;
    assert_eq!(app.count("#weeks-form fieldset.rating-group").await, 3);
    assert_eq!(app.count("#activity-0-group input[type=radio]").await, 11);
    assert_eq!(
        app.text("#activity-0-group legend").await,
        "Gardening: how well can you do this now?"
    );
    assert!(app
        .text("#weeks-trend-empty")
        .await
        .contains("once you have saved"));
    // The one link always there is to Get help now, above the questions.
    assert_eq!(app.count("#weeks-get-help").await, 1);
    assert_axe_clean(&app, "My weeks, empty").await;

    // This week: by mouse, then the prompt typed.
    app.click("label[for=activity-0-4]").await;
    app.click("label[for=activity-1-7]").await;
    app.click("label[for=pain-6]").await;
    app.click("#activity-1-clear").await;
    assert!(!checked(&app, "activity-1-7").await, "cleared");
    let pleased = app.wait_for("#pleased-text").await;
    pleased
        .send_keys("Walked to the shop and back")
        .await
        .unwrap();
    app.click("#weeks-save").await;
    app.wait_until("the check-in is saved", || async {
        app.text("#notices")
            .await
            .starts_with("Check-in saved for Monday")
    })
    .await;
    assert_eq!(app.count("#weeks-kept-note").await, 1);
    assert_eq!(app.count(".weeks-chart").await, 2, "Gardening and pain");
    assert_eq!(app.count("#weeks-table tbody tr").await, 1);
    assert_axe_clean(&app, "My weeks, one check-in").await;
    app.quit().await;

    // After a restart: the week's answers are back, and saving changes them.
    let app = harness.launch().await;
    open_my_weeks(&app).await;
    assert!(checked(&app, "activity-0-4").await);
    assert!(checked(&app, "pain-6").await);
    assert!(!checked(&app, "activity-1-7").await);
    assert_eq!(
        app.script_text("return document.getElementById('pleased-text').value")
            .await,
        "Walked to the shop and back"
    );

    // A past week, filled in from the week chooser.
    let last_week = monday_weeks_ago(1);
    app.click("#weeks-chooser summary").await;
    app.click(&format!("#weeks-open-{last_week}")).await;
    app.wait_for("#weeks-past-note").await;
    assert_eq!(app.count("#weeks-kept-note").await, 0);
    app.click("label[for=activity-0-2]").await;
    app.click("label[for=activity-1-5]").await;
    app.click("#weeks-save").await;
    app.wait_for("#weeks-kept-note").await;
    // Corrected: 2 becomes 3, and the week is changed, not added.
    app.click("label[for=activity-0-3]").await;
    app.click("#weeks-save").await;
    app.wait_until("the correction is saved", || async {
        // Behind "Show the numbers", closed: read as the page holds it.
        app.script_text(
            "return document.querySelector('#weeks-table tbody tr:nth-child(2) td').textContent",
        )
        .await
            == "3"
    })
    .await;
    assert_eq!(app.count("#weeks-table tbody tr").await, 2);

    // Renamed in My plan, Gardening keeps its line; Walking, taken out,
    // keeps its rating, marked as no longer in My plan.
    app.invoke(
        "change_plan",
        json!({ "field": "activities", "index": 0, "text": "Gardening at the weekend", "expected": "Gardening" }),
    )
    .await;
    app.invoke(
        "change_plan",
        json!({ "field": "activities", "index": 1, "text": null, "expected": "Walking to the shop" }),
    )
    .await;
    open_my_weeks(&app).await;
    let charts: Value = app
        .client
        .execute(
            "return [...document.querySelectorAll('.weeks-chart figcaption')].map((c) => c.textContent)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        charts,
        json!([
            "Gardening at the weekend",
            "Walking to the shop No longer in My plan",
            "Pain"
        ])
    );
    assert!(
        checked(&app, "activity-0-4").await,
        "this week's rating kept its line"
    );
    let headers: Value = app
        .client
        .execute(
            "return [...document.querySelectorAll('#weeks-table thead th')].map((c) => c.textContent)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(headers[2], "Walking to the shop (no longer in My plan)");
    app.screenshot_page("my-weeks-page").await;
    app.click("#weeks-numbers summary").await;
    assert_axe_clean(&app, "My weeks, with an ended activity").await;
    app.screenshot("my-weeks").await;
    // Pictures of the whole screen in each theme, for a person to look at
    // (docs/screenshots/ keeps a set).
    for theme in ["light", "dark", "high_contrast"] {
        app.choose_theme(theme).await;
        open_my_weeks(&app).await;
        app.screenshot_page(&format!("my-weeks-{theme}")).await;
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    target_os = "macos",
    ignore = "skipped on macOS: there is no WebDriver for WKWebView (runs on Linux and Windows)"
)]
async fn home_offers_the_check_in_a_week_after_the_last_one() {
    let harness = Harness::with_env(&[("TZ", ZONE)]);
    let app = harness.launch_and_accept().await;
    assert_eq!(app.count("#weeks-due").await, 0, "no check-in yet");
    let two_weeks_ago = monday_weeks_ago(2);
    app.invoke(
        "save_check_in",
        json!({ "answers": { "week": two_weeks_ago, "activities": [], "pain": 5, "pleased": "", "next": "", "replace": false }}),
    )
    .await;
    app.quit().await;
    // The clock moved on: the same check-in, saved eight days ago.
    let store = harness.data_dir().join("learner.json");
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&store).unwrap()).unwrap();
    let eight_days_ago = (time::OffsetDateTime::now_utc() - time::Duration::days(8))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    file["learner"]["check_ins"]["weeks"][&two_weeks_ago]["saved_at"] = json!(eight_days_ago);
    file["revision"] = json!(file["revision"].as_u64().unwrap() + 1);
    std::fs::write(&store, serde_json::to_vec_pretty(&file).unwrap()).unwrap();

    let app = harness.launch().await;
    app.screen("home").await;
    assert_eq!(
        app.text("#weeks-due p").await,
        "It is a week or more since your last weekly check-in."
    );
    app.click("#weeks-due-open").await;
    app.screen("my-weeks").await;
    app.quit().await;
}

/// Reads the file with Python's icalendar (Debian's python3-icalendar, the
/// system Python), and prints what a calendar would take from it.
const READ_ICS: &str = r#"
import sys, icalendar
raw = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk() if c.name == 'VEVENT']
e = events[0]
start = e.decoded('DTSTART')
print('version', cal['VERSION'])
print('prodid', bool(str(cal['PRODID'])))
print('events', len(events))
print('uid', bool(str(e['UID'])))
print('dtstamp', bool(e.decoded('DTSTAMP')))
print('floating', start.tzinfo is None)
print('rrule', e['RRULE'].to_ical().decode())
print('summary', e['SUMMARY'])
print('crlf', b'\n' not in raw.replace(b'\r\n', b''))
print('folded', b'\r\n ' in raw)
print('longest', max(len(l) for l in raw.split(b'\r\n')))
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "skipped on this platform: the save dialog is answered with xdotool (GTK under Xvfb): Linux only"
)]
async fn the_weekly_reminder_is_saved_through_the_system_dialog_as_a_calendar_file() {
    let harness = Harness::with_env(&[("TZ", ZONE)]);
    let app = harness.launch_and_accept().await;
    open_my_weeks(&app).await;
    app.click("#weeks-reminder-save").await;
    let target = harness.home.path().join("weekly-reminder.ics");
    harness.save_in_dialog(&target).await;
    app.wait_until("the file is saved", || async {
        app.text("#notices")
            .await
            .starts_with("The calendar file was saved")
    })
    .await;
    let out = std::process::Command::new("/usr/bin/python3")
        .args(["-c", READ_ICS, &target.display().to_string()])
        .output()
        .expect("/usr/bin/python3 runs (run scripts/setup: python3-icalendar)");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[..10],
        [
            "version 2.0",
            "prodid True",
            "events 1",
            "uid True",
            "dtstamp True",
            "floating True",
            "rrule FREQ=WEEKLY",
            "summary My weeks: weekly check-in",
            "crlf True",
            "folded True",
        ]
    );
    let longest: usize = lines[10].trim_start_matches("longest ").parse().unwrap();
    assert!(longest <= 75, "{longest}");
    app.quit().await;
}
