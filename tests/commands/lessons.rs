//! Lessons and progress: opening, answering and completing lessons, only
//! after consent and only for lessons in the course, and the print view.

use serde_json::json;

use crate::fixture::TestApp;

#[test]
fn open_lesson_before_consent_is_refused_and_nothing_is_stored() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("open_lesson", json!({ "id": "why-ongoing" })),
        "consent_required"
    );
    assert!(!app.store_path().exists());
}

#[test]
fn open_lesson_returns_the_rendered_lesson_and_records_it() {
    let app = TestApp::new();
    app.consent();
    let lesson = app.ok("open_lesson", json!({ "id": "how-long" }));
    assert_eq!(
        lesson["title"],
        "How long will it take for my back pain to feel better?"
    );
    assert_eq!(lesson["minutes"], 9);
    assert_eq!(lesson["state"], "in_progress");
    assert_eq!(lesson["previous"]["id"], "why-ongoing");
    assert_eq!(lesson["next"]["id"], "what-to-do");
    assert!(lesson["html"].as_str().unwrap().contains("<h2"));
    assert_eq!(app.stored()["learner"]["last_lesson"], "how-long");
    assert_eq!(
        app.ok("get_overview", json!({}))["resume"]["id"],
        "how-long"
    );
}

#[test]
fn open_lesson_refuses_ids_that_are_not_in_the_course() {
    let app = TestApp::new();
    app.consent();
    for id in ["../../etc/passwd", "", "WHY-ONGOING", &"x".repeat(100_000)] {
        let err = app.call("open_lesson", json!({ "id": id })).unwrap_err();
        assert_eq!(err["kind"], "unknown_lesson");
        assert!(
            err["message"].as_str().unwrap().len() < 200,
            "message echoes a huge id"
        );
    }
}

#[test]
fn answer_question_saves_the_choice_and_only_then_says_whether_it_was_right() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind(
            "answer_question",
            json!({ "lesson": "why-ongoing", "question": "posture", "choice": 1 })
        ),
        "consent_required"
    );
    app.consent();
    let lesson = app.ok("open_lesson", json!({ "id": "why-ongoing" }));
    let questions = lesson["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 3);
    // Nothing on the page can tell the right answer before it is chosen.
    for q in questions {
        assert!(q["answer"].is_null(), "{q}");
        assert!(!q.to_string().contains("feedback"), "{q}");
    }
    let answered = app.ok(
        "answer_question",
        json!({ "lesson": "why-ongoing", "question": "posture", "choice": 1 }),
    );
    assert_eq!(answered["answer"]["choice"], 1);
    assert_eq!(answered["answer"]["correct"], true);
    assert!(answered["answer"]["feedback"]
        .as_str()
        .unwrap()
        .contains("slouching"));
    assert_eq!(
        app.stored()["learner"]["answers"]["why-ongoing"]["posture"]["chosen"],
        "False"
    );
    for (args, kind) in [
        (
            json!({ "lesson": "why-ongoing", "question": "nope", "choice": 0 }),
            "invalid_answer",
        ),
        (
            json!({ "lesson": "why-ongoing", "question": "posture", "choice": 9 }),
            "invalid_answer",
        ),
        (
            json!({ "lesson": "nope", "question": "posture", "choice": 0 }),
            "unknown_lesson",
        ),
    ] {
        assert_eq!(
            app.err_kind("answer_question", args.clone()),
            kind,
            "{args}"
        );
    }
}

#[test]
fn complete_lesson_marks_it_complete_and_counts_progress() {
    let app = TestApp::new();
    app.consent();
    let lesson = app.ok("complete_lesson", json!({ "id": "why-ongoing" }));
    assert_eq!(lesson["state"], "completed");
    assert_eq!(lesson["all_complete"], false);
    let overview = app.ok("get_overview", json!({}));
    assert_eq!(overview["completed"], 1);
    assert!(app.stored()["learner"]["lessons"]["why-ongoing"]["completed_at"].is_string());
}

#[test]
fn the_print_view_needs_consent_then_has_every_lesson() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("get_print_course", json!({})),
        "consent_required"
    );
    app.consent();
    let printed = app.ok("get_print_course", json!({}));
    assert_eq!(printed["lessons"].as_array().unwrap().len(), 3);
    assert!(printed["references"].as_array().unwrap().len() >= 8);
}

#[test]
fn open_guide_needs_consent_refuses_an_unknown_id_and_keeps_when_it_was_read() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("open_guide", json!({ "id": "sleep" })),
        "consent_required"
    );
    app.consent();
    let guide = app.ok("open_guide", json!({ "id": "sleep" }));
    assert_eq!(guide["title"], "Sleep");
    assert!(guide["key_points"].as_array().unwrap().len() >= 3);
    assert!(guide["html"].as_str().unwrap().contains("cite-link"));
    assert_eq!(guide["listen"]["parts"][0]["text"], "Sleep");
    let read = app.stored()["learner"]["guides_read"]["sleep"].clone();
    assert!(read["first_read_at"].is_string(), "{read}");
    assert_eq!(app.stored()["learner"]["schema_version"], 6);
    let err = app
        .call("open_guide", json!({ "id": "why-ongoing" }))
        .unwrap_err();
    assert_eq!(err["kind"], "unknown_guide");
    assert_eq!(
        err["message"],
        "There is no guide called \"why-ongoing\" in this course."
    );
    // The tools list them, and the print view holds them after the lessons.
    let overview = app.ok("get_overview", json!({}));
    let tools: Vec<&str> = overview["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["guide"].as_str().or(t["screen"].as_str()).unwrap())
        .collect();
    assert_eq!(
        tools,
        [
            "pain-today",
            "moving",
            "sleep",
            "medicines",
            "leg-pain",
            "getting-help",
            "plan",
            "my-weeks"
        ]
    );
    let printed = app.ok("get_print_course", json!({}));
    assert_eq!(printed["guides"].as_array().unwrap().len(), 6);
}
