//! "My plan": what the learner wants to get back to, how they will move and
//! build up, their flare-up plan and questions for a clinician; its limits,
//! and what makes a step complete. Every step is optional.

use serde::{Deserialize, Serialize};

use crate::course::words::{display_in_english, Message};

/// Entries in one list (activities, questions).
pub const MAX_LIST_ENTRIES: usize = 10;
/// One list entry: a line.
pub const MAX_ENTRY_CHARS: usize = 200;
/// One written answer: a few sentences.
pub const MAX_TEXT_CHARS: usize = 600;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Step 1: activities I want to get back to.
    pub activities: Vec<String>,
    /// Step 2: movement I enjoy and will do, how much to start with, how I
    /// will build up.
    pub movement: String,
    pub starting_amount: String,
    pub building_up: String,
    /// Also step 2: the movements chosen with "Add to my plan", in the
    /// order chosen.
    pub movements: Vec<ChosenMovement>,
    /// Step 3: in a flare-up, what I will do, what I will keep doing, and
    /// when I will get help.
    pub flare_up_do: String,
    pub flare_up_keep_doing: String,
    pub flare_up_get_help: String,
    /// Step 4: questions to ask my doctor or physiotherapist.
    pub questions: Vec<String>,
}

/// A movement put in the plan from "Move with me": its id, and its title
/// then, so a movement a later course no longer has is still named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChosenMovement {
    pub id: String,
    pub title: String,
}

/// The plan's written answers, by the name the page uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanText {
    Movement,
    StartingAmount,
    BuildingUp,
    FlareUpDo,
    FlareUpKeepDoing,
    FlareUpGetHelp,
}

/// The plan's lists, by the name the page uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanList {
    Activities,
    Questions,
}

impl PlanText {
    pub const ALL: [PlanText; 6] = [
        PlanText::Movement,
        PlanText::StartingAmount,
        PlanText::BuildingUp,
        PlanText::FlareUpDo,
        PlanText::FlareUpKeepDoing,
        PlanText::FlareUpGetHelp,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PlanText::Movement => "movement",
            PlanText::StartingAmount => "starting_amount",
            PlanText::BuildingUp => "building_up",
            PlanText::FlareUpDo => "flare_up_do",
            PlanText::FlareUpKeepDoing => "flare_up_keep_doing",
            PlanText::FlareUpGetHelp => "flare_up_get_help",
        }
    }

    pub fn from_name(name: &str) -> Option<PlanText> {
        PlanText::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl PlanList {
    pub fn from_name(name: &str) -> Option<PlanList> {
        match name {
            "activities" => Some(PlanList::Activities),
            "questions" => Some(PlanList::Questions),
            _ => None,
        }
    }
}

/// Why an answer was not saved; the page shows it by its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    UnknownField(String),
    Empty,
    TooLong { max: usize, length: usize },
    ListFull(usize),
    Duplicate,
    NoSuchEntry,
}

impl PlanProblem {
    /// What the learner is told, in the catalog's words.
    pub fn message(&self) -> Message {
        match self {
            PlanProblem::UnknownField(name) => {
                Message::new("plan.problem.unknown-field").with("name", name)
            }
            PlanProblem::Empty => Message::new("plan.problem.empty"),
            PlanProblem::TooLong { max, length } => Message::new("plan.problem.too-long")
                .with("max", max)
                .with("length", length),
            PlanProblem::ListFull(max) => Message::new("plan.problem.list-full").with("max", max),
            PlanProblem::Duplicate => Message::new("plan.problem.duplicate"),
            PlanProblem::NoSuchEntry => Message::new("plan.problem.no-such-entry"),
        }
    }
}

display_in_english!(PlanProblem);

/// The four steps, for "what counts as complete".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStep {
    Activities,
    Movement,
    FlareUp,
    Questions,
}

impl PlanStep {
    pub const ALL: [PlanStep; 4] = [
        PlanStep::Activities,
        PlanStep::Movement,
        PlanStep::FlareUp,
        PlanStep::Questions,
    ];

    /// The step a name stands for; unknown names are refused.
    pub fn from_name(name: &str) -> Option<PlanStep> {
        PlanStep::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            PlanStep::Activities => "activities",
            PlanStep::Movement => "movement",
            PlanStep::FlareUp => "flare_up",
            PlanStep::Questions => "questions",
        }
    }

    /// The written answers of a step, in order (none for a list step).
    pub fn fields(self) -> &'static [PlanText] {
        match self {
            PlanStep::Movement => &[
                PlanText::Movement,
                PlanText::StartingAmount,
                PlanText::BuildingUp,
            ],
            PlanStep::FlareUp => &[
                PlanText::FlareUpDo,
                PlanText::FlareUpKeepDoing,
                PlanText::FlareUpGetHelp,
            ],
            PlanStep::Activities | PlanStep::Questions => &[],
        }
    }

    /// The list of a list step.
    pub fn list(self) -> Option<PlanList> {
        match self {
            PlanStep::Activities => Some(PlanList::Activities),
            PlanStep::Questions => Some(PlanList::Questions),
            PlanStep::Movement | PlanStep::FlareUp => None,
        }
    }
}

impl Plan {
    fn text_mut(&mut self, field: PlanText) -> &mut String {
        match field {
            PlanText::Movement => &mut self.movement,
            PlanText::StartingAmount => &mut self.starting_amount,
            PlanText::BuildingUp => &mut self.building_up,
            PlanText::FlareUpDo => &mut self.flare_up_do,
            PlanText::FlareUpKeepDoing => &mut self.flare_up_keep_doing,
            PlanText::FlareUpGetHelp => &mut self.flare_up_get_help,
        }
    }

    pub fn text(&self, field: PlanText) -> &str {
        match field {
            PlanText::Movement => &self.movement,
            PlanText::StartingAmount => &self.starting_amount,
            PlanText::BuildingUp => &self.building_up,
            PlanText::FlareUpDo => &self.flare_up_do,
            PlanText::FlareUpKeepDoing => &self.flare_up_keep_doing,
            PlanText::FlareUpGetHelp => &self.flare_up_get_help,
        }
    }

    pub fn list(&self, list: PlanList) -> &[String] {
        match list {
            PlanList::Activities => &self.activities,
            PlanList::Questions => &self.questions,
        }
    }

    fn list_mut(&mut self, list: PlanList) -> &mut Vec<String> {
        match list {
            PlanList::Activities => &mut self.activities,
            PlanList::Questions => &mut self.questions,
        }
    }

    /// Sets a written answer; an empty one clears it.
    pub fn set_text(&mut self, field: PlanText, text: &str) -> Result<(), PlanProblem> {
        let text = clean(text);
        check_length(&text, MAX_TEXT_CHARS)?;
        *self.text_mut(field) = text;
        Ok(())
    }

    pub fn add(&mut self, list: PlanList, text: &str) -> Result<(), PlanProblem> {
        let text = entry(text)?;
        let entries = self.list_mut(list);
        if entries.len() >= MAX_LIST_ENTRIES {
            return Err(PlanProblem::ListFull(MAX_LIST_ENTRIES));
        }
        if entries
            .iter()
            .any(|e| e.to_lowercase() == text.to_lowercase())
        {
            return Err(PlanProblem::Duplicate);
        }
        entries.push(text);
        Ok(())
    }

    pub fn edit(&mut self, list: PlanList, index: usize, text: &str) -> Result<(), PlanProblem> {
        let text = entry(text)?;
        let entries = self.list_mut(list);
        if entries
            .iter()
            .enumerate()
            .any(|(i, e)| i != index && e.to_lowercase() == text.to_lowercase())
        {
            return Err(PlanProblem::Duplicate);
        }
        let slot = entries.get_mut(index).ok_or(PlanProblem::NoSuchEntry)?;
        *slot = text;
        Ok(())
    }

    pub fn remove(&mut self, list: PlanList, index: usize) -> Result<(), PlanProblem> {
        let entries = self.list_mut(list);
        if index >= entries.len() {
            return Err(PlanProblem::NoSuchEntry);
        }
        entries.remove(index);
        Ok(())
    }

    /// A step is complete when every answer in it is written (a list: at
    /// least one entry). Nothing depends on it but the page's progress marks.
    pub fn is_complete(&self, step: PlanStep) -> bool {
        match step.list() {
            Some(list) => !self.list(list).is_empty(),
            None => step.fields().iter().all(|f| !self.text(*f).is_empty()),
        }
    }

    /// Puts a movement in the plan (once; its title brought up to date).
    pub fn choose_movement(&mut self, id: &str, title: &str) -> Result<(), PlanProblem> {
        if let Some(chosen) = self.movements.iter_mut().find(|m| m.id == id) {
            chosen.title = title.to_owned();
            return Ok(());
        }
        if self.movements.len() >= MAX_LIST_ENTRIES {
            return Err(PlanProblem::ListFull(MAX_LIST_ENTRIES));
        }
        self.movements.push(ChosenMovement {
            id: id.to_owned(),
            title: title.to_owned(),
        });
        Ok(())
    }

    /// Takes a movement out of the plan; whether it was there.
    pub fn drop_movement(&mut self, id: &str) -> bool {
        let before = self.movements.len();
        self.movements.retain(|m| m.id != id);
        self.movements.len() < before
    }

    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }
}

/// Spaces at the ends dropped, line breaks kept as the learner wrote them,
/// other control characters removed.
pub(crate) fn clean(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}

fn entry(text: &str) -> Result<String, PlanProblem> {
    // A list entry is one line.
    let text = clean(text).replace('\n', " ");
    if text.is_empty() {
        return Err(PlanProblem::Empty);
    }
    check_length(&text, MAX_ENTRY_CHARS)?;
    Ok(text)
}

pub(crate) fn check_length(text: &str, max: usize) -> Result<(), PlanProblem> {
    let length = text.chars().count();
    if length > max {
        Err(PlanProblem::TooLong { max, length })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_entries_are_added_edited_and_removed_within_their_limits() {
        let mut plan = Plan::default();
        plan.add(PlanList::Activities, "  Walking the dog ")
            .unwrap();
        plan.add(PlanList::Activities, "Gardening").unwrap();
        assert_eq!(plan.activities, ["Walking the dog", "Gardening"]);
        assert_eq!(
            plan.add(PlanList::Activities, "gardening"),
            Err(PlanProblem::Duplicate)
        );
        assert_eq!(
            plan.add(PlanList::Activities, "   "),
            Err(PlanProblem::Empty)
        );
        plan.edit(PlanList::Activities, 1, "Gardening on Sundays")
            .unwrap();
        assert_eq!(
            plan.edit(PlanList::Activities, 5, "x"),
            Err(PlanProblem::NoSuchEntry)
        );
        plan.remove(PlanList::Activities, 0).unwrap();
        assert_eq!(plan.activities, ["Gardening on Sundays"]);
        assert_eq!(
            plan.remove(PlanList::Activities, 3),
            Err(PlanProblem::NoSuchEntry)
        );
        for i in 0..MAX_LIST_ENTRIES - 1 {
            plan.add(PlanList::Questions, &format!("Question {i}"))
                .unwrap();
        }
        plan.add(PlanList::Questions, "Last").unwrap();
        assert_eq!(
            plan.add(PlanList::Questions, "One too many"),
            Err(PlanProblem::ListFull(MAX_LIST_ENTRIES))
        );
        let long = "x".repeat(MAX_ENTRY_CHARS + 1);
        assert_eq!(
            plan.edit(PlanList::Questions, 0, &long),
            Err(PlanProblem::TooLong {
                max: MAX_ENTRY_CHARS,
                length: MAX_ENTRY_CHARS + 1
            })
        );
    }

    #[test]
    fn written_answers_keep_their_lines_and_clear_when_emptied() {
        let mut plan = Plan::default();
        plan.set_text(PlanText::Movement, " Walking\nand swimming\u{7} ")
            .unwrap();
        assert_eq!(plan.movement, "Walking\nand swimming");
        plan.set_text(PlanText::Movement, "").unwrap();
        assert!(plan.is_empty());
        let long = "y".repeat(MAX_TEXT_CHARS + 1);
        assert!(plan.set_text(PlanText::BuildingUp, &long).is_err());
        assert_eq!(plan.building_up, "");
    }

    #[test]
    fn a_step_is_complete_when_all_of_it_is_written() {
        let mut plan = Plan::default();
        assert!(!plan.is_complete(PlanStep::Movement));
        plan.set_text(PlanText::Movement, "Walking").unwrap();
        plan.set_text(PlanText::StartingAmount, "Ten minutes")
            .unwrap();
        assert!(!plan.is_complete(PlanStep::Movement));
        plan.set_text(PlanText::BuildingUp, "A little more each week")
            .unwrap();
        assert!(plan.is_complete(PlanStep::Movement));
        assert!(!plan.is_complete(PlanStep::Questions));
        plan.add(PlanList::Questions, "Can I keep running?")
            .unwrap();
        assert!(plan.is_complete(PlanStep::Questions));
    }

    #[test]
    fn field_names_are_the_ones_the_page_sends_and_no_others() {
        for field in PlanText::ALL {
            assert_eq!(PlanText::from_name(field.name()), Some(field));
        }
        assert_eq!(PlanText::from_name("activities"), None);
        assert_eq!(
            PlanList::from_name("activities"),
            Some(PlanList::Activities)
        );
        assert_eq!(PlanList::from_name("movement"), None);
    }
}
