//! What each screen shows, built from the course and the learner's record,
//! and the progress summary page the learner saves.

pub mod progress_summary;
pub mod view_model;
