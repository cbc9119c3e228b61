//! My plan: each step saved as it is written, bad entries refused as data.

use serde_json::json;

use crate::fixture::TestApp;

#[test]
fn change_plan_saves_each_step_and_refuses_bad_entries_as_data() {
    let app = TestApp::new();
    assert_eq!(app.err_kind("get_plan", json!({})), "consent_required");
    app.consent();
    let plan = app.ok("get_plan", json!({}));
    assert_eq!(plan["empty"], true);
    assert_eq!(plan["steps"].as_array().unwrap().len(), 4);
    assert_eq!(plan["help"][0]["number"], "000");
    let plan = app.ok(
        "change_plan",
        json!({ "field": "activities", "index": null, "text": "Gardening" }),
    );
    assert_eq!(plan["steps"][0]["list"]["entries"], json!(["Gardening"]));
    assert_eq!(plan["steps"][0]["complete"], true);
    assert!(!plan["suggestions"]
        .as_array()
        .unwrap()
        .contains(&json!("Gardening")));
    app.ok(
        "change_plan",
        json!({ "field": "building_up", "index": null, "text": "A little more each week" }),
    );
    let stored = app.stored()["learner"]["plan"].clone();
    assert_eq!(stored["activities"], json!(["Gardening"]));
    assert_eq!(stored["building_up"], "A little more each week");
    let err = app
        .call(
            "change_plan",
            json!({ "field": "activities", "index": null, "text": "  " }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "invalid_plan_entry");
    assert_eq!(err["message"], "Please write something first.");
    assert_eq!(
        app.err_kind(
            "change_plan",
            json!({ "field": "schema_version", "index": null, "text": "9" })
        ),
        "invalid_plan_entry"
    );
}
