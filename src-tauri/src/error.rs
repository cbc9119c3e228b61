//! The one error type commands return. It reaches the webview as
//! `{kind, message, problems}`: `kind` for the code to branch on, `message`
//! in plain words for the learner, and for a course that cannot load, each
//! problem as `{file, line, message}` so the page lists them without ever
//! taking text apart.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::course::load::links::LinkRefusal;
use crate::course::{ContentError, Problem, RuleError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The course files have problems, so the course cannot be shown.")]
    Content(#[from] ContentError),
    #[error("The course pack in {} has problems, so it cannot be shown.", folder.display())]
    PackContent {
        folder: std::path::PathBuf,
        problems: ContentError,
    },
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error("That link cannot be opened: {0}.")]
    LinkRefused(#[from] LinkRefusal),
    #[error("Your progress could not be saved ({0}). What you see is kept for now; the app will try again at your next step.")]
    StoreWrite(String),
    #[error("The link could not be opened in your web browser ({0}).")]
    Opener(String),
    #[error("Some of your data could not be deleted ({0}).")]
    EraseFailed(String),
    #[error("Your progress summary could not be saved ({0}).")]
    SummaryNotSaved(String),
}

impl Error {
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Content(_) => "content",
            // A clinic's pack: the built-in course can stand in for it.
            Error::PackContent { .. } => "pack_content",
            Error::Rule(RuleError::ConsentRequired) => "consent_required",
            Error::Rule(RuleError::UnknownLesson(_)) => "unknown_lesson",
            Error::Rule(RuleError::NotFinished { .. }) => "not_finished",
            Error::Rule(RuleError::InvalidTextSize(_) | RuleError::UnknownTheme(_)) => {
                "invalid_setting"
            }
            Error::Rule(RuleError::NotSharedDevice) => "not_shared_device",
            Error::LinkRefused(_) => "link_refused",
            Error::StoreWrite(_) => "store_write",
            Error::Opener(_) => "opener",
            Error::EraseFailed(_) => "erase_failed",
            Error::SummaryNotSaved(_) => "summary_not_saved",
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let problems: &[Problem] = match self {
            Error::Content(err) | Error::PackContent { problems: err, .. } => &err.problems,
            _ => &[],
        };
        let mut s = serializer.serialize_struct("Error", 3)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("problems", problems)?;
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
