//! A piece of a screen's text with the id of the element it is drawn in:
//! the page draws it there and "Listen" lights that element up while it
//! reads it, so each id is named once, here.

use serde::Serialize;

use crate::course::load::spoken::SpokenPart;

/// The id of every screen's `<h1>`, sent to the page with the first screen.
pub const SCREEN_HEADING: &str = "screen-heading";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub id: String,
    pub text: String,
}

impl Shown {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Shown {
        Shown {
            id: id.into(),
            text: text.into(),
        }
    }

    /// The screen's `<h1>`.
    pub fn screen_heading(text: impl Into<String>) -> Shown {
        Shown::new(SCREEN_HEADING, text)
    }

    /// Read aloud as it is shown; `level` for a heading, else 0.
    pub fn said(&self, level: u8) -> SpokenPart {
        SpokenPart::new(&self.id, &self.text, level)
    }
}
