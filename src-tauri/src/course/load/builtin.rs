//! The course that ships inside the binary, so the app works with no files
//! beside it (a clinic can copy just the executable).

use include_dir::{include_dir, Dir};

use super::files::PackFiles;
use super::pack::{load_course, Course};
use super::problem::ContentError;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

pub fn builtin_course() -> Result<Course, ContentError> {
    load_course(&PackFiles::from_embedded(&BUILTIN)?)
}
