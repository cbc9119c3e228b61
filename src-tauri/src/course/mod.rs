//! The course itself: content, rendering, progress and consent rules, and
//! which links may open. Plain Rust that knows nothing of Tauri, so every
//! rule is tested without a window.

pub mod atomic_write;
pub mod builtin;
pub mod check;
pub mod citations;
pub mod config;
pub mod erase;
pub mod files;
pub mod help;
pub mod lesson;
pub mod links;
pub mod logo;
pub mod notice;
pub mod pack;
pub mod pack_source;
pub mod problem;
pub mod progress;
pub mod readability;
pub mod record_file;
pub mod recovery;
pub mod references;
pub mod render;
pub mod summary;
pub mod toml_file;
pub mod view;

pub use pack::{load_course, Course};
pub use problem::{ContentError, Problem};
pub use progress::{LearnerRecord, RuleError};
