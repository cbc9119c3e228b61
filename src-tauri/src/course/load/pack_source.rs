//! Where the course comes from: a clinic's pack folder, if one is given or
//! found, else the course built into the app. Looked for in this order:
//!
//! 1. `--pack DIR` on the command line;
//! 2. the `BACK_PAIN_COURSE_PACK` environment variable;
//! 3. a `course-pack` folder beside the executable (a USB stick);
//! 4. the system-wide folder (`/etc/back-pain-course/course-pack` on Linux,
//!    `%ProgramData%\back-pain-course\course-pack` on Windows,
//!    `/Library/Application Support/back-pain-course/course-pack` on macOS).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::builtin::builtin_course;
use super::config::{shared_device_wanted, SharedDevice, CONFIG_FILE};
use super::files::{read_capped, PackFiles};
use super::pack::{load_course, Course};
use super::problem::ContentError;

pub const PACK_ENV: &str = "BACK_PAIN_COURSE_PACK";
pub const PACK_FOLDER_NAME: &str = "course-pack";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    BuiltIn,
    CommandLine,
    Environment,
    BesideApp,
    SystemWide,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    pub origin: Origin,
    /// The folder, for every origin but the built-in course.
    pub folder: Option<PathBuf>,
}

impl PackSource {
    pub fn built_in() -> PackSource {
        PackSource {
            origin: Origin::BuiltIn,
            folder: None,
        }
    }

    /// Whether the pack asks for shared-device mode, even if it cannot load.
    pub fn shared_device_wanted(&self) -> Option<SharedDevice> {
        let folder = self.folder.as_ref()?;
        // Read directly, with the pack's own size cap: the pack as a whole
        // may be what failed to read.
        let text = read_capped(&folder.join(CONFIG_FILE)).ok()?;
        shared_device_wanted(&String::from_utf8(text).ok()?)
    }

    pub fn load(&self) -> Result<Course, ContentError> {
        match &self.folder {
            None => builtin_course(),
            Some(folder) => load_course(&PackFiles::from_dir(folder)?),
        }
    }
}

/// Where each place to look is, so tests can point them anywhere.
#[derive(Debug, Clone, Default)]
pub struct PackSearch {
    pub command_line: Option<PathBuf>,
    pub environment: Option<PathBuf>,
    pub executable_dir: Option<PathBuf>,
    pub system_dir: Option<PathBuf>,
}

impl PackSearch {
    /// The real places on this computer; `command_line` comes from `--pack`.
    pub fn from_system(command_line: Option<PathBuf>) -> PackSearch {
        PackSearch {
            command_line,
            environment: std::env::var_os(PACK_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            executable_dir: std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(Path::to_owned)),
            system_dir: system_dir(),
        }
    }

    /// The first place that names or holds a pack. A pack named on the command
    /// line or in the environment is used even if missing, so its absence is
    /// reported rather than silently replaced by the built-in course.
    pub fn find(&self) -> PackSource {
        let named = [
            (Origin::CommandLine, &self.command_line),
            (Origin::Environment, &self.environment),
        ];
        for (origin, folder) in named {
            if let Some(folder) = folder {
                return PackSource {
                    origin,
                    folder: Some(folder.clone()),
                };
            }
        }
        let found = [
            (
                Origin::BesideApp,
                self.executable_dir
                    .as_ref()
                    .map(|d| d.join(PACK_FOLDER_NAME)),
            ),
            (Origin::SystemWide, self.system_dir.clone()),
        ];
        for (origin, folder) in found {
            if let Some(folder) = folder.filter(|f| f.is_dir()) {
                return PackSource {
                    origin,
                    folder: Some(folder),
                };
            }
        }
        PackSource::built_in()
    }
}

fn system_dir() -> Option<PathBuf> {
    if cfg!(target_os = "windows") {
        std::env::var_os("ProgramData").map(|d| {
            PathBuf::from(d)
                .join("back-pain-course")
                .join(PACK_FOLDER_NAME)
        })
    } else if cfg!(target_os = "macos") {
        Some(PathBuf::from("/Library/Application Support/back-pain-course").join(PACK_FOLDER_NAME))
    } else {
        Some(PathBuf::from("/etc/back-pain-course").join(PACK_FOLDER_NAME))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_nothing_found_the_built_in_course_is_used() {
        let empty = tempfile::tempdir().unwrap();
        let search = PackSearch {
            executable_dir: Some(empty.path().to_owned()),
            system_dir: Some(empty.path().join("nope")),
            ..PackSearch::default()
        };
        assert_eq!(search.find(), PackSource::built_in());
    }

    #[test]
    fn the_command_line_wins_over_every_other_place_even_if_missing() {
        let beside = tempfile::tempdir().unwrap();
        std::fs::create_dir(beside.path().join(PACK_FOLDER_NAME)).unwrap();
        let search = PackSearch {
            command_line: Some("/missing/pack".into()),
            environment: Some("/env/pack".into()),
            executable_dir: Some(beside.path().to_owned()),
            system_dir: None,
        };
        let source = search.find();
        assert_eq!(source.origin, Origin::CommandLine);
        assert!(source
            .load()
            .unwrap_err()
            .to_string()
            .contains("cannot open the course folder"));
    }

    #[test]
    fn the_environment_comes_next_then_beside_the_app_then_system_wide() {
        let beside = tempfile::tempdir().unwrap();
        std::fs::create_dir(beside.path().join(PACK_FOLDER_NAME)).unwrap();
        let system = tempfile::tempdir().unwrap();
        let mut search = PackSearch {
            command_line: None,
            environment: Some("/env/pack".into()),
            executable_dir: Some(beside.path().to_owned()),
            system_dir: Some(system.path().to_owned()),
        };
        assert_eq!(search.find().origin, Origin::Environment);
        search.environment = None;
        assert_eq!(
            search.find().folder,
            Some(beside.path().join(PACK_FOLDER_NAME))
        );
        search.executable_dir = None;
        assert_eq!(search.find().origin, Origin::SystemWide);
    }

    #[test]
    fn the_shipped_content_folder_loads_as_a_pack() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let source = PackSource {
            origin: Origin::CommandLine,
            folder: Some(folder),
        };
        let course = source.load().unwrap();
        assert_eq!(course.lessons.len(), 3);
    }
}
