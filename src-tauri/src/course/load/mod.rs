//! Loading a course pack into a `Course` the app can trust: every file read,
//! parsed, rendered and cross-checked, every problem named by file and line.

pub mod builtin;
pub mod citations;
pub mod config;
pub mod figure;
pub mod files;
pub mod help;
pub mod lesson;
pub mod links;
pub mod logo;
pub mod pack;
pub mod pack_source;
pub mod problem;
pub mod questions;
pub mod references;
pub mod render;
pub mod spoken;
pub mod toml_file;
pub mod write_html;
