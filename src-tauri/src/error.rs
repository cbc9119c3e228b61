//! The one error type commands return. It reaches the webview as
//! `{kind, message, problems}`: `kind` for the code to branch on, `message`
//! in plain words for the learner, and for a course that cannot load, each
//! problem as `{file, line, message}` so the page lists them without ever
//! taking text apart.

use std::sync::{Arc, RwLock};

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::course::learner::check_ins::{CheckInField, CheckInProblem};
use crate::course::load::links::LinkRefusal;
use crate::course::words::{display_in_english, Catalog, Message};
use crate::course::{ContentError, Problem, RuleError};

#[derive(Debug)]
pub enum Error {
    Content(ContentError),
    PackContent {
        folder: std::path::PathBuf,
        problems: ContentError,
    },
    Rule(RuleError),
    LinkRefused(LinkRefusal),
    StoreWrite(String),
    Opener(String),
    EraseFailed(String),
    /// "Delete my data" from a copy of the app that may not write.
    EraseRefused,
    SummaryNotSaved(String),
    ReminderNotSaved(String),
}

impl From<ContentError> for Error {
    fn from(err: ContentError) -> Self {
        Error::Content(err)
    }
}

impl From<RuleError> for Error {
    fn from(err: RuleError) -> Self {
        Error::Rule(err)
    }
}

impl From<LinkRefusal> for Error {
    fn from(err: LinkRefusal) -> Self {
        Error::LinkRefused(err)
    }
}

impl Error {
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Content(_) => "content",
            // A clinic's pack: the built-in course can stand in for it.
            Error::PackContent { .. } => "pack_content",
            Error::Rule(RuleError::ConsentRequired) => "consent_required",
            Error::Rule(RuleError::UnknownLesson(_)) => "unknown_lesson",
            Error::Rule(RuleError::UnknownGuide(_)) => "unknown_guide",
            Error::Rule(RuleError::NotFinished { .. }) => "not_finished",
            Error::Rule(
                RuleError::InvalidTextSize(_)
                | RuleError::UnknownTheme(_)
                | RuleError::UnknownReadingSpeed(_),
            ) => "invalid_setting",
            Error::Rule(RuleError::NotSharedDevice) => "not_shared_device",
            Error::Rule(RuleError::UnknownQuestion(_) | RuleError::InvalidChoice) => {
                "invalid_answer"
            }
            // The page shows it beside the field it sent.
            Error::Rule(RuleError::Plan(_)) => "invalid_plan_entry",
            Error::Rule(RuleError::UnknownMovement(_)) => "unknown_movement",
            Error::Rule(RuleError::NoMovementsChosen) => "no_movements_chosen",
            Error::Rule(RuleError::MovementDaysFull(_)) => "movement_days_full",
            Error::Rule(RuleError::CheckIn(CheckInProblem::AlreadyKept(_))) => "check_in_kept",
            Error::Rule(RuleError::CheckIn(
                CheckInProblem::Full(_) | CheckInProblem::ActivitiesFull(_),
            )) => "check_ins_full",
            Error::Rule(RuleError::CheckIn(_)) => "invalid_check_in",
            Error::Rule(RuleError::NotOnSharedDevice) => "not_on_shared_device",
            Error::LinkRefused(_) => "link_refused",
            Error::StoreWrite(_) => "store_write",
            Error::Opener(_) => "opener",
            Error::EraseFailed(_) | Error::EraseRefused => "erase_failed",
            Error::SummaryNotSaved(_) => "summary_not_saved",
            Error::ReminderNotSaved(_) => "reminder_not_saved",
        }
    }

    /// What the learner is told, in the catalog's words.
    pub fn message(&self) -> Message {
        match self {
            Error::Content(_) => Message::new("error.content"),
            Error::PackContent { folder, .. } => {
                Message::new("error.pack-content").with("folder", folder.display())
            }
            Error::Rule(rule) => rule.message(),
            Error::LinkRefused(why) => {
                Message::new("error.link-refused").with_words("why", why.message())
            }
            Error::StoreWrite(error) => Message::new("error.store-write").with("error", error),
            Error::Opener(error) => Message::new("error.opener").with("error", error),
            Error::EraseFailed(error) => Message::new("error.erase-failed").with("error", error),
            Error::EraseRefused => Message::new("error.erase-failed")
                .with_words("error", Message::new("error.erase-other-copy")),
            Error::ReminderNotSaved(error) => {
                Message::new("error.reminder-not-saved").with("error", error)
            }
            Error::SummaryNotSaved(error) => {
                Message::new("error.summary-not-saved").with("error", error)
            }
        }
    }
}

display_in_english!(Error);

/// The words errors are sent in: the course's. An error reaches the page
/// through serde, where no state is at hand, so the app sets them here
/// whenever it chooses a course (`AppState`); English until then.
static WORDS: RwLock<Option<Arc<Catalog>>> = RwLock::new(None);

pub fn send_errors_in(words: &Catalog) {
    *WORDS.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(words.clone()));
}

fn said(message: &Message) -> String {
    let words = WORDS.read().unwrap_or_else(|e| e.into_inner()).clone();
    match words {
        Some(words) => words.say(message),
        None => Catalog::english().say(message),
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let problems: &[Problem] = match self {
            Error::Content(err) | Error::PackContent { problems: err, .. } => &err.problems,
            _ => &[],
        };
        // The form field a refusal is about, for the page to show it by.
        let field = match self {
            Error::Rule(RuleError::CheckIn(problem)) => problem.field().map(CheckInField::name),
            _ => None,
        };
        let mut s = serializer.serialize_struct("Error", 4)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &said(&self.message()))?;
        s.serialize_field("problems", problems)?;
        s.serialize_field("field", &field)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Problem;

    #[test]
    fn errors_serialise_as_kind_and_message() {
        let err = Error::Rule(RuleError::ConsentRequired);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "consent_required");
        assert!(json["message"]
            .as_str()
            .unwrap()
            .contains("accept the disclaimer"));
    }

    #[test]
    fn a_content_error_carries_every_problem_as_data() {
        let err = Error::Content(ContentError {
            problems: vec![
                Problem::at_line("lessons/a.md", 2, "bad"),
                Problem::in_file("course.toml", "is missing"),
            ],
        });
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json["problems"],
            serde_json::json!([
                { "file": "lessons/a.md", "line": 2, "message": "bad" },
                { "file": "course.toml", "line": null, "message": "is missing" }
            ])
        );
        assert!(!json["message"].as_str().unwrap().contains("lessons/a.md"));
        let rule = serde_json::to_value(Error::Rule(RuleError::ConsentRequired)).unwrap();
        assert_eq!(rule["problems"], serde_json::json!([]));
    }
}
