//! What each screen shows, built from the course and the learner's record,
//! the menu and the everyday tools, the guides and "Move with me", the self-checks, "My plan" and "My weeks" (with its
//! calendar reminder), what "Listen" reads and with which voice,
//! and the progress summary page the learner saves.

pub mod guide_view;
pub mod listen;
pub mod menu;
pub mod move_with_me;
pub mod my_weeks;
pub mod plan_view;
pub mod progress_summary;
pub mod self_check;
pub mod shown;
pub mod tools;
pub mod view_model;
pub mod voice;
pub mod weekly_reminder;
