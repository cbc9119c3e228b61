//! Every command through Tauri's IPC on the mock runtime, with the app's real
//! config and capabilities, the real store plugin writing to a temporary
//! folder, and the real opener plugin calling a recording `xdg-open`. One
//! binary of its own, since that `xdg-open` goes on PATH for the whole
//! process:
//!
//! - `fixture`: the app on the mock runtime, its temporary store, calling a
//!   command, the test packs and the recording `xdg-open`;
//! - `start`: the first screen in one call, and nothing but the disclaimer
//!   and where to get help until the learner consents;
//! - `lessons`: lessons open, answer and complete only after consent and only
//!   for ids in the course, and the print view has every lesson;
//! - `plan`: My plan saves each step and refuses bad entries as data;
//! - `move_with_me`: its steps after consent, the days done kept for the
//!   learner's own day across a restart (session-only on a shared device),
//!   refusals as data, and movements into My plan and out;
//! - `my_weeks`: a week's check-in after consent, kept across a restart,
//!   changed only when the learner says so, refused by field; activities'
//!   lines through a rename and a removal; home's nudge; never on a shared
//!   device; gone with "Delete my data";
//! - `links`: the next step opens only when the course is complete, only
//!   course links open, and the references carry their DOI links;
//! - `settings`: display and reading choices are remembered, values not on
//!   offer refused, and only a local voice in the course language chosen;
//! - `store`: the learner's file survives restarts, damage, a newer app, a
//!   failed save and a second copy of the app, and goes when asked;
//! - `packs`: a clinic's pack replaces the built-in course, a broken or
//!   hostile one is refused with every problem named and can fall back;
//! - `shared_device`: start over only on a shared device, whose fall-back
//!   and sessions never touch a learner's personal progress;
//! - `registry`: every listed command is registered, and a default build
//!   has no benchmark command.

mod fixture;
mod lessons;
mod links;
mod move_with_me;
mod my_weeks;
mod packs;
mod plan;
mod registry;
mod settings;
mod shared_device;
mod start;
mod store;
