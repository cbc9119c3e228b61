//! What the "My plan" screen shows: its four steps with what is written in
//! each and whether it is complete, the activities to choose from, the
//! limits, and the help numbers the flare-up step and the printout carry.

use serde::Serialize;

use crate::course::learner::plan::{
    Plan, PlanList, PlanStep, PlanText, MAX_ENTRY_CHARS, MAX_LIST_ENTRIES, MAX_TEXT_CHARS,
};
use crate::course::load::help::{HelpKind, HelpLine};
use crate::course::screens::view_model::LessonRef;
use crate::course::{Course, LearnerRecord};

/// Activities the learner may pick for step 1 (`plan.suggestion.<name>` in
/// the catalog): common things people with back pain want to get back to,
/// none of them advice.
pub const ACTIVITY_SUGGESTIONS: [&str; 8] = [
    "walking",
    "gardening",
    "housework",
    "family",
    "work",
    "sport",
    "travel",
    "friends",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanView {
    pub steps: Vec<PlanStepView>,
    /// Step 1's short list, less what is already chosen.
    pub suggestions: Vec<String>,
    pub limits: PlanLimits,
    pub region: String,
    pub help: Vec<PlanHelpLine>,
    /// True when nothing is written yet.
    pub empty: bool,
    /// The guide whose movements "Move with me" goes through, if any.
    pub movement_guide: Option<LessonRef>,
    /// The movements in the plan, by id, for "Move with me".
    pub in_plan: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanStepView {
    pub id: PlanStep,
    pub complete: bool,
    /// A list step: its name and entries.
    pub list: Option<PlanListView>,
    /// A written step: each answer by name.
    pub fields: Vec<PlanFieldView>,
    /// The guides that help with this step (their `plan_step`), to open
    /// from it.
    pub guides: Vec<LessonRef>,
    /// "Moving more": the movements put in the plan, in order.
    pub movements: Vec<PlanMovementView>,
}

/// A movement in the plan: its starting amount and picture from the
/// course; a movement the course no longer has keeps its title alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanMovementView {
    pub id: String,
    pub title: String,
    /// How many to start with, as its source gives it (or who to ask).
    pub amount: Option<String>,
    /// Its picture, for the printout.
    pub picture: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanListView {
    pub name: PlanList,
    pub entries: Vec<String>,
    pub full: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanFieldView {
    pub name: PlanText,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlanLimits {
    pub max_entries: usize,
    pub max_entry_chars: usize,
    pub max_text_chars: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanHelpLine {
    pub kind: HelpKind,
    #[serde(flatten)]
    pub line: HelpLine,
}

pub fn plan(course: &Course, record: &LearnerRecord) -> PlanView {
    let plan = &record.plan;
    let steps = PlanStep::ALL
        .into_iter()
        .map(|id| PlanStepView {
            id,
            complete: plan.is_complete(id),
            list: id.list().map(|name| PlanListView {
                name,
                entries: plan.list(name).to_vec(),
                full: plan.list(name).len() >= MAX_LIST_ENTRIES,
            }),
            fields: id
                .fields()
                .iter()
                .map(|&name| PlanFieldView {
                    name,
                    value: plan.text(name).to_owned(),
                })
                .collect(),
            guides: course
                .guides
                .iter()
                .filter(|g| g.plan_step.is_some_and(|(step, _)| step == id))
                .map(LessonRef::from)
                .collect(),
            movements: match id {
                PlanStep::Movement => plan_movements(course, plan),
                _ => Vec::new(),
            },
        })
        .collect();
    PlanView {
        steps,
        suggestions: suggestions(course, plan),
        limits: PlanLimits {
            max_entries: MAX_LIST_ENTRIES,
            max_entry_chars: MAX_ENTRY_CHARS,
            max_text_chars: MAX_TEXT_CHARS,
        },
        region: course.config.help.region.clone(),
        help: [HelpKind::Emergency, HelpKind::Urgent, HelpKind::Crisis]
            .into_iter()
            .flat_map(|kind| {
                course
                    .config
                    .help
                    .contacts(kind)
                    .iter()
                    .map(move |line| PlanHelpLine {
                        kind,
                        line: line.clone(),
                    })
            })
            .collect(),
        empty: plan.is_empty(),
        movement_guide: course
            .guides
            .iter()
            .find(|g| !g.movements.is_empty())
            .map(LessonRef::from),
        in_plan: in_plan(plan),
    }
}

/// The movements in `plan`, by id, in order.
pub fn in_plan(plan: &Plan) -> Vec<String> {
    plan.movements.iter().map(|m| m.id.clone()).collect()
}

/// The movements in `plan`, as the course has them today.
pub fn plan_movements(course: &Course, plan: &Plan) -> Vec<PlanMovementView> {
    plan.movements
        .iter()
        .map(|chosen| match course.movement(&chosen.id) {
            Some((_, movement)) => PlanMovementView {
                id: chosen.id.clone(),
                title: movement.title.clone(),
                amount: Some(movement.amount.clone()),
                picture: Some(movement.picture.clone()),
            },
            None => PlanMovementView {
                id: chosen.id.clone(),
                title: chosen.title.clone(),
                amount: None,
                picture: None,
            },
        })
        .collect()
}

fn suggestions(course: &Course, plan: &Plan) -> Vec<String> {
    ACTIVITY_SUGGESTIONS
        .iter()
        .map(|name| course.words.text(&format!("plan.suggestion.{name}"), &[]))
        .filter(|s| !plan.activities.iter().any(|a| a.eq_ignore_ascii_case(s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::learner::plan::ChosenMovement;
    use crate::course::load::builtin::builtin_course;

    #[test]
    fn moving_more_lists_the_chosen_movements_and_names_one_the_course_no_longer_has() {
        let course = builtin_course().unwrap();
        let mut record = LearnerRecord::default();
        record.plan.movements = vec![
            ChosenMovement {
                id: "bridge".into(),
                title: "Bridge (old title)".into(),
            },
            ChosenMovement {
                id: "side-plank".into(),
                title: "Side plank".into(),
            },
        ];
        let view = plan(&course, &record);
        let moving = view
            .steps
            .iter()
            .find(|s| s.id == PlanStep::Movement)
            .unwrap();
        let bridge = &moving.movements[0];
        assert_eq!(bridge.title, "Bridge", "the course's title today");
        assert_eq!(
            bridge.amount.as_deref(),
            Some("Your physiotherapist can tell you how long to hold, and how many to do.")
        );
        assert!(bridge
            .picture
            .as_deref()
            .unwrap()
            .contains("<title>Bridge</title>"));
        let gone = &moving.movements[1];
        assert_eq!(
            (gone.title.as_str(), &gone.amount, &gone.picture),
            ("Side plank", &None, &None)
        );
        assert!(view
            .steps
            .iter()
            .filter(|s| s.id != PlanStep::Movement)
            .all(|s| s.movements.is_empty()));
        assert_eq!(view.movement_guide.unwrap().id, "moving");
    }
}
