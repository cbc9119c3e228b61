//! The one error type commands return. It reaches the webview as
//! `{kind, message}`: `kind` for the code to branch on, `message` in plain
//! words for the learner.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::course::links::LinkRefusal;
use crate::course::{ContentError, RuleError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The course files have problems, so the course cannot be shown:\n{0}")]
    Content(#[from] ContentError),
    #[error("The course pack in {} has problems, so it cannot be shown:\n{problems}", folder.display())]
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
        let mut s = serializer.serialize_struct("Error", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
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
    fn a_content_error_message_lists_every_problem_with_its_place() {
        let err = Error::Content(ContentError {
            problems: vec![
                Problem::at_line("lessons/a.md", 2, "bad"),
                Problem::in_file("course.toml", "is missing"),
            ],
        });
        let message = serde_json::to_value(&err).unwrap()["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            message.contains("\nlessons/a.md:2: bad\ncourse.toml: is missing"),
            "{message}"
        );
    }
}
