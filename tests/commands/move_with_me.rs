//! "Move with me": its steps only after consent and only for a guide with
//! movements; "I did these today" kept for the learner's own day across a
//! restart, refused as data when it names nothing or a movement the course
//! lacks, for the session only on a shared device, and gone with "Delete my
//! data"; "Add to my plan" and back out.

use std::path::Path;

use serde_json::{json, Value};

use crate::fixture::{temp_store, TestApp};
use crate::shared_device::shared_copy;

/// Today as the app reckons it: the learner's day in the system's zone.
fn today() -> String {
    jiff::tz::TimeZone::system()
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn move_with_me_opens_after_consent_for_a_guide_with_movements_only() {
    let app = TestApp::new();
    let args = json!({ "guide": "moving" });
    assert_eq!(
        app.err_kind("get_move_with_me", args.clone()),
        "consent_required"
    );
    app.consent();
    let view = app.ok("get_move_with_me", args);
    assert_eq!(view["heading"]["text"], "Move with me");
    assert_eq!(view["guide"]["title"], "Starting to move");
    let steps = view["movements"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[0]["id"], "knee-rolls");
    assert_eq!(steps[5]["position"], "Movement 6 of 6");
    assert_eq!(view["counts"].as_array().unwrap().len(), 31);
    assert!(view["today"]["done"].as_array().unwrap().is_empty());
    for guide in ["sleep", "why-ongoing", "<script>"] {
        assert_eq!(
            app.err_kind("get_move_with_me", json!({ "guide": guide })),
            "unknown_guide",
            "{guide}: no movements, a lesson, or no such page"
        );
    }
}

#[test]
fn movements_done_are_kept_for_the_learners_day_across_a_restart_and_refusals_keep_nothing() {
    let (_dir, store) = temp_store();
    {
        let app = TestApp::open(store.clone());
        let done = |list: Value| json!({ "movements": list });
        assert_eq!(
            app.err_kind("keep_movements_done", done(json!(["bridge"]))),
            "consent_required"
        );
        app.consent();
        assert_eq!(
            app.err_kind("keep_movements_done", done(json!([]))),
            "no_movements_chosen"
        );
        let err = app
            .call("keep_movements_done", done(json!(["bridge", "cartwheel"])))
            .unwrap_err();
        assert_eq!(err["kind"], "unknown_movement");
        assert_eq!(
            err["message"],
            "There is no movement called \"cartwheel\" in this course."
        );
        assert_eq!(app.stored()["learner"]["movement_days"], json!({}));
        let kept = app.ok(
            "keep_movements_done",
            done(json!(["pelvic-tilt", "bridge"])),
        );
        assert_eq!(ids(&kept["done"]), ["bridge", "pelvic-tilt"]);
        assert_eq!(
            kept["done_words"],
            "Already kept for today: Bridge, Pelvic tilt."
        );
        let stored = app.stored()["learner"].clone();
        assert_eq!(stored["schema_version"], 6);
        assert_eq!(
            stored["movement_days"],
            json!({ today(): ["bridge", "pelvic-tilt"] })
        );
        app.quit();
    }
    let again = TestApp::open(store);
    let view = again.ok("get_move_with_me", json!({ "guide": "moving" }));
    assert_eq!(ids(&view["today"]["done"]), ["bridge", "pelvic-tilt"]);
    // A second "I did these today" adds to the day.
    let kept = again.ok(
        "keep_movements_done",
        json!({ "movements": ["knee-rolls"] }),
    );
    assert_eq!(ids(&kept["done"]), ["bridge", "knee-rolls", "pelvic-tilt"]);
}

#[test]
fn a_movement_goes_into_my_plan_with_its_amount_and_picture_and_comes_out() {
    let (_dir, store) = temp_store();
    let moving_step = |plan: &Value| plan["steps"][1]["movements"].clone();
    {
        let app = TestApp::open(store.clone());
        let add = |id: &str, chosen: bool| json!({ "id": id, "chosen": chosen });
        assert_eq!(
            app.err_kind("choose_movement", add("bridge", true)),
            "consent_required"
        );
        app.consent();
        assert_eq!(
            app.err_kind("choose_movement", add("moonwalk", true)),
            "unknown_movement"
        );
        app.ok("choose_movement", add("knee-rolls", true));
        let plan = app.ok("choose_movement", add("bridge", true));
        let chosen = moving_step(&plan);
        assert_eq!(chosen[0]["title"], "Knee rolls");
        assert_eq!(chosen[0]["amount"], "8 to 10, changing sides each time.");
        assert!(chosen[0]["picture"].as_str().unwrap().starts_with("<svg"));
        assert_eq!(chosen[1]["id"], "bridge");
        assert_eq!(
            app.stored()["learner"]["plan"]["movements"],
            json!([{ "id": "knee-rolls", "title": "Knee rolls" }, { "id": "bridge", "title": "Bridge" }])
        );
        app.quit();
    }
    let again = TestApp::open(store);
    let view = again.ok("get_move_with_me", json!({ "guide": "moving" }));
    assert_eq!(ids(&view["in_plan"]), ["knee-rolls", "bridge"]);
    let plan = again.ok(
        "choose_movement",
        json!({ "id": "knee-rolls", "chosen": false }),
    );
    assert_eq!(moving_step(&plan).as_array().unwrap().len(), 1);
    assert_eq!(
        again.ok("get_plan", json!({}))["steps"][1]["movements"][0]["id"],
        "bridge"
    );
}

#[test]
fn delete_my_data_takes_the_days_done_and_the_plans_movements_with_it() {
    let app = TestApp::new();
    app.consent();
    app.ok("keep_movements_done", json!({ "movements": ["bridge"] }));
    app.ok("choose_movement", json!({ "id": "bridge", "chosen": true }));
    app.ok("delete_my_data", json!({}));
    app.consent();
    let view = app.ok("get_move_with_me", json!({ "guide": "moving" }));
    assert!(view["today"]["done"].as_array().unwrap().is_empty());
    assert!(view["in_plan"].as_array().unwrap().is_empty());
}

#[test]
fn on_a_shared_device_the_days_done_last_only_until_start_over_or_the_next_launch() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (_pack, source) = shared_copy(&content);
    let (_dir, store) = temp_store();
    let open = || TestApp::open_with(source.clone(), store.clone());
    {
        let app = open();
        app.consent();
        let view = app.ok("get_move_with_me", json!({ "guide": "moving" }));
        assert_eq!(view["shared_device"], true);
        app.ok("keep_movements_done", json!({ "movements": ["bridge"] }));
        app.ok("start_over", json!({}));
        app.consent();
        let view = app.ok("get_move_with_me", json!({ "guide": "moving" }));
        assert!(
            view["today"]["done"].as_array().unwrap().is_empty(),
            "start over"
        );
        app.ok("keep_movements_done", json!({ "movements": ["bridge"] }));
        app.quit();
    }
    let next = open();
    next.consent();
    let view = next.ok("get_move_with_me", json!({ "guide": "moving" }));
    assert!(
        view["today"]["done"].as_array().unwrap().is_empty(),
        "the next launch"
    );
}
