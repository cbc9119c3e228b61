//! The course itself: content, rendering, progress and consent rules, and
//! which links may open. Plain Rust that knows nothing of Tauri, so every
//! rule is tested without a window. Four rooms, one concern each, and the
//! word catalog they all speak from:

/// The standards a pack is checked against before it is handed out.
pub mod authoring;
/// SHA-256 as hex, for naming content by its bytes.
pub mod digest;
/// Text made safe in HTML, for every page and file the app writes.
pub mod html_text;
/// The learner's record (consent, progress, preferences) and its storage.
pub mod learner;
/// Loading a course pack: files, config, lessons, references, rendering.
pub mod load;
/// What each screen shows, and the progress summary the learner saves.
pub mod screens;
/// Every word the learner sees, per language (`ui/locales/en.json`).
pub mod words;

pub use learner::record::{LearnerRecord, RuleError};
pub use load::pack::{load_course, Course};
pub use load::problem::{ContentError, Problem};
