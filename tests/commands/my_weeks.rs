//! "My weeks": only after consent and never on a shared device; a week's
//! check-in kept across a restart, changed only when the learner says so,
//! every bad value refused as data by its field with nothing kept; an
//! activity renamed in My plan keeps its line, one taken out keeps its
//! ratings; home's nudge; and "Delete my data" takes the weeks too.

use std::path::Path;

use serde_json::{json, Value};

use crate::fixture::{temp_store, TestApp};
use crate::shared_device::shared_copy;

/// This week's Monday as the app reckons it: the system's zone.
fn this_monday() -> jiff::civil::Date {
    let today = jiff::tz::TimeZone::system()
        .to_datetime(jiff::Timestamp::now())
        .date();
    let back = i64::from(today.weekday().to_monday_zero_offset());
    today.checked_sub(jiff::Span::new().days(back)).unwrap()
}

fn weeks_before(n: i64) -> String {
    this_monday()
        .checked_sub(jiff::Span::new().days(7 * n))
        .unwrap()
        .to_string()
}

fn check_in(week: &str, activities: Value, pain: Value, replace: bool) -> Value {
    json!({ "answers": {
        "week": week, "activities": activities, "pain": pain,
        "pleased": "", "next": "", "replace": replace
    }})
}

fn add_activity(app: &TestApp, text: &str) {
    app.ok(
        "change_plan",
        json!({ "field": "activities", "index": null, "text": text, "expected": null }),
    );
}

#[test]
fn my_weeks_needs_consent_and_shows_this_weeks_form_with_my_plans_activities_first() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("get_my_weeks", json!({ "week": null })),
        "consent_required"
    );
    app.consent();
    add_activity(&app, "Gardening");
    let view = app.ok("get_my_weeks", json!({ "week": null }));
    let form = &view["form"];
    assert_eq!(form["week"], this_monday().to_string());
    assert_eq!(form["is_this_week"], true);
    assert_eq!(form["kept"], false);
    assert_eq!(form["activities"][0]["activity"], "Gardening");
    assert_eq!(form["activities"][0]["field"], "activity-0");
    assert_eq!(form["pain"]["field"], "pain");
    assert_eq!(view["weeks"].as_array().unwrap().len(), 12);
    assert!(view["charts"].as_array().unwrap().is_empty());
    // A week not begun, and a Tuesday, are refused by the week's field.
    let future = this_monday()
        .checked_add(jiff::Span::new().days(7))
        .unwrap();
    let tuesday = this_monday()
        .checked_add(jiff::Span::new().days(1))
        .unwrap();
    for week in [future, tuesday] {
        let err = app
            .call("get_my_weeks", json!({ "week": week.to_string() }))
            .unwrap_err();
        assert_eq!(err["kind"], "invalid_check_in", "{week}");
        assert_eq!(err["field"], "week", "{week}");
    }
}

#[test]
fn a_check_in_is_kept_across_a_restart_and_changed_only_when_the_learner_says_so() {
    let (_dir, store) = temp_store();
    let week = weeks_before(1);
    {
        let app = TestApp::open(store.clone());
        app.consent();
        add_activity(&app, "Gardening");
        let saved = app.ok(
            "save_check_in",
            check_in(
                &week,
                json!([{ "activity": "Gardening", "rating": 4 }]),
                json!(6),
                false,
            ),
        );
        assert_eq!(saved["form"]["week"], week);
        assert_eq!(saved["form"]["kept"], true);
        assert_eq!(saved["form"]["activities"][0]["chosen"], 4);
        let stored = app.stored()["learner"].clone();
        assert_eq!(stored["schema_version"], 6);
        assert_eq!(stored["check_ins"]["weeks"][&week]["pain"], 6);
        assert_eq!(stored["check_ins"]["weeks"][&week]["question_set"], 1);
        assert_eq!(stored["check_ins"]["activities"][0]["id"], "activity-1");
        app.quit();
    }
    let app = TestApp::open(store);
    let view = app.ok("get_my_weeks", json!({ "week": week }));
    assert_eq!(view["form"]["pain"]["chosen"], 6);
    assert_eq!(view["charts"].as_array().unwrap().len(), 2);
    assert_eq!(view["table"]["rows"][0][1], "4");
    // A second check-in for the week is refused until the learner agrees.
    let again = check_in(&week, json!([]), json!(3), false);
    let err = app.call("save_check_in", again).unwrap_err();
    assert_eq!(err["kind"], "check_in_kept");
    assert_eq!(
        app.stored()["learner"]["check_ins"]["weeks"][&week]["pain"],
        6
    );
    // A correction changes what it names: pain here, Gardening kept.
    app.ok("save_check_in", check_in(&week, json!([]), json!(3), true));
    let stored = app.stored()["learner"]["check_ins"]["weeks"][&week].clone();
    assert_eq!(stored["pain"], 3);
    assert_eq!(stored["activities"], json!({ "activity-1": 4 }));
    // Gardening's answer cleared: gone from that week only.
    let cleared = json!([{ "activity": "Gardening", "rating": null }]);
    app.ok("save_check_in", check_in(&week, cleared, json!(3), true));
    let stored = app.stored()["learner"]["check_ins"]["weeks"][&week].clone();
    assert_eq!(
        stored["activities"],
        json!({}),
        "the correction cleared Gardening"
    );
}

#[test]
fn bad_values_are_refused_by_their_field_and_keep_nothing() {
    let app = TestApp::new();
    app.consent();
    add_activity(&app, "Gardening");
    let this_week = this_monday().to_string();
    let next_week = this_monday()
        .checked_add(jiff::Span::new().days(7))
        .unwrap()
        .to_string();
    let cases = [
        (
            check_in(
                &this_week,
                json!([{ "activity": "Gardening", "rating": 11 }]),
                json!(null),
                false,
            ),
            "invalid_check_in",
            Some("activity-0"),
        ),
        (
            check_in(&this_week, json!([]), json!(-1), false),
            "invalid_check_in",
            Some("pain"),
        ),
        (
            check_in(&next_week, json!([]), json!(2), false),
            "invalid_check_in",
            Some("week"),
        ),
        (
            check_in("2026-12-08", json!([]), json!(2), false),
            "invalid_check_in",
            Some("week"),
        ),
        (
            check_in(
                &this_week,
                json!([{ "activity": "Swimming", "rating": 3 }]),
                json!(null),
                false,
            ),
            "invalid_check_in",
            Some("activity-0"),
        ),
        (
            check_in(
                &this_week,
                json!([{ "activity": "Gardening", "rating": null }]),
                json!(null),
                false,
            ),
            "invalid_check_in",
            None,
        ),
    ];
    for (args, kind, field) in cases {
        let err = app.call("save_check_in", args.clone()).unwrap_err();
        assert_eq!(err["kind"], kind, "{args}");
        assert_eq!(err["field"].as_str(), field, "{args}");
        assert!(!err["message"].as_str().unwrap().is_empty());
    }
    let mut long = check_in(&this_week, json!([]), json!(null), false);
    long["answers"]["pleased"] = json!("a".repeat(601));
    let err = app.call("save_check_in", long).unwrap_err();
    assert_eq!(err["field"], "pleased");
    assert_eq!(
        err["message"],
        "This is 601 letters and spaces long. Keep it to 600."
    );
    assert_eq!(
        app.stored()["learner"]["check_ins"],
        json!({ "activities": [], "weeks": {} })
    );
}

#[test]
fn a_renamed_activity_keeps_its_line_and_one_taken_out_keeps_its_ratings_as_ended() {
    let app = TestApp::new();
    app.consent();
    add_activity(&app, "Gardening");
    add_activity(&app, "Walking");
    let week = weeks_before(1);
    app.ok(
        "save_check_in",
        check_in(&week, json!([{ "activity": "Gardening", "rating": 2 }, { "activity": "Walking", "rating": 5 }]), json!(null), false),
    );
    app.ok(
        "change_plan",
        json!({ "field": "activities", "index": 0, "text": "Gardening at the weekend", "expected": "Gardening" }),
    );
    app.ok(
        "change_plan",
        json!({ "field": "activities", "index": 1, "text": null, "expected": "Walking" }),
    );
    let this_week = this_monday().to_string();
    let view = app.ok(
        "save_check_in",
        check_in(
            &this_week,
            json!([{ "activity": "Gardening at the weekend", "rating": 3 }]),
            json!(null),
            false,
        ),
    );
    let charts: Vec<(String, bool)> = view["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["title"].as_str().unwrap().to_owned(),
                c["ended"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        charts,
        [
            ("Gardening at the weekend".to_owned(), false),
            ("Walking".to_owned(), true)
        ]
    );
    assert_eq!(
        view["table"]["columns"][2],
        "Walking (no longer in My plan)"
    );
    // Both weeks' gardening on one line: 3 this week, 2 the week before.
    assert_eq!(view["table"]["rows"][0][1], "3");
    assert_eq!(view["table"]["rows"][1][1], "2");
    assert_eq!(view["table"]["rows"][1][2], "5");
}

#[test]
fn home_says_when_a_week_has_passed_since_the_last_check_in() {
    let (_dir, store) = temp_store();
    {
        let app = TestApp::open(store.clone());
        app.consent();
        assert_eq!(app.ok("get_overview", json!({}))["weeks"]["due"], false);
        app.ok(
            "save_check_in",
            check_in(&weeks_before(2), json!([]), json!(4), false),
        );
        // Saved just now: not due, though this week has none.
        assert_eq!(app.ok("get_overview", json!({}))["weeks"]["due"], false);
        app.quit();
    }
    // The same check-in, saved eight days ago.
    let text = std::fs::read_to_string(&store).unwrap();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    let eight_days_ago = time::OffsetDateTime::now_utc() - time::Duration::days(8);
    let week = weeks_before(2);
    file["learner"]["check_ins"]["weeks"][&week]["saved_at"] = json!(eight_days_ago
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap());
    rewrite_store(&store, file);
    let app = TestApp::open(store);
    let home = app.ok("get_overview", json!({}));
    assert_eq!(
        home["weeks"],
        json!({ "on_this_device": true, "due": true })
    );
    app.ok(
        "save_check_in",
        check_in(&this_monday().to_string(), json!([]), json!(4), false),
    );
    assert_eq!(app.ok("get_overview", json!({}))["weeks"]["due"], false);
}

/// Writes `file` as the store, one revision on, so that it (not the
/// backup, which has no such change) is the newest copy.
fn rewrite_store(store: &Path, mut file: Value) {
    file["revision"] = json!(file["revision"].as_u64().unwrap() + 1);
    std::fs::write(store, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
}

#[test]
fn my_weeks_is_not_on_a_shared_device_and_delete_my_data_takes_the_weeks() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (_pack, source) = shared_copy(&content);
    let shared = TestApp::with_pack(source);
    shared.consent();
    assert_eq!(
        shared.err_kind("get_my_weeks", json!({ "week": null })),
        "not_on_shared_device"
    );
    assert_eq!(
        shared.err_kind(
            "save_check_in",
            check_in(&this_monday().to_string(), json!([]), json!(3), false)
        ),
        "not_on_shared_device"
    );
    let home = shared.ok("get_overview", json!({}));
    assert_eq!(home["weeks"]["on_this_device"], false);
    assert!(home["tools"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["screen"] != "my-weeks"));

    let app = TestApp::new();
    app.consent();
    app.ok(
        "save_check_in",
        check_in(&this_monday().to_string(), json!([]), json!(3), false),
    );
    app.ok("delete_my_data", json!({}));
    app.consent();
    let view = app.ok("get_my_weeks", json!({ "week": null }));
    assert!(view["table"]["rows"].as_array().unwrap().is_empty());
    assert_eq!(view["form"]["kept"], false);
}
