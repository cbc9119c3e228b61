//! A portable copy (a `portable.toml` beside the program, as in the
//! USB-stick zip): which of the folders the app writes stay in its own.
//!
//! Left alone, the web engine keeps its storage and caches in the user's
//! profile on the computer (WebView2 under `%LOCALAPPDATA%`, WebKitGTK
//! under `~/.local/share` and `~/.cache`), and the learner's record goes
//! to the user's data folder. A copy handed out on a USB stick, or left on
//! a waiting-room PC, should leave nothing of the engine's behind, so a
//! portable copy always keeps the engine's folder inside its own `data`
//! folder. The record follows only where the clinic asks for it
//! (`record = "here"`): on a stick passed from person to person, a record
//! on the stick would travel with it, so the computer is the default.
//!
//! A folder that cannot be written (a locked-down stick, a CD) cannot hold
//! either: the system's folders are used, and a record the clinic asked to
//! keep here is said to be elsewhere, with the folder named; but a record
//! already on the stick is the learner's own, so it is shown, read only.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::device::PERSONAL_FILE;
use super::notice::Notice;
use crate::course::load::files::read_text_file;
use crate::course::load::problem::Problem;
use crate::course::load::toml_file;

/// The file beside the program that makes a copy portable.
pub const MARKER_FILE: &str = "portable.toml";
/// Inside the portable folder: everything the copy writes.
pub const DATA_FOLDER: &str = "data";
/// Inside `DATA_FOLDER`: the web engine's storage and caches.
pub const WEBVIEW_FOLDER: &str = "webview";

/// Where a portable copy keeps the learner's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordPlace {
    /// In the user's data folder on the computer, as an installed copy.
    #[default]
    Computer,
    /// In the portable folder's `data` folder.
    Here,
}

/// What `portable.toml` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortableSettings {
    #[serde(default)]
    pub record: RecordPlace,
}

/// A portable copy: its folder and what its settings file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portable {
    pub folder: PathBuf,
    pub settings: PortableSettings,
}

/// Reads `portable.toml` in the program's folder: `Ok(None)` when there is
/// none (an installed copy). A file that cannot be read or understood is a
/// problem naming it and its line; the copy is still portable.
pub fn find(program_folder: &Path) -> Result<Option<Portable>, (Portable, Problem)> {
    let file = program_folder.join(MARKER_FILE);
    if !file.is_file() {
        return Ok(None);
    }
    let portable = |settings| Portable {
        folder: program_folder.to_owned(),
        settings,
    };
    let name = file.display().to_string();
    let text = read_text_file(&file)
        .map_err(|err| Problem::in_file(name.clone(), err.to_string()))
        .and_then(|text| toml_file::parse::<PortableSettings>(&name, &text, 1));
    match text {
        Ok(settings) => Ok(Some(portable(settings))),
        Err(problem) => Err((portable(PortableSettings::default()), problem)),
    }
}

/// Where the copy in `program_folder` keeps what it writes, and what the
/// learner is told about it: the whole decision, from the files on disk.
/// `computer` is the user's own data folder, where an installed copy keeps
/// the record.
pub fn places_for(program_folder: &Path, computer: &Path) -> Places {
    match find(program_folder) {
        Ok(portable) => places(portable.as_ref(), computer, can_write),
        Err((portable, problem)) => {
            let mut places = places(Some(&portable), computer, can_write);
            places.notices.push(Notice::PortableSettings {
                problem: problem.to_string(),
            });
            places
        }
    }
}

/// Where this launch keeps what it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The web engine's storage and caches; `None` is the engine's own
    /// folder in the user's profile.
    pub webview: Option<PathBuf>,
    /// The folder of the learner's record.
    pub record_folder: PathBuf,
    /// What the learner is told about it, if anything.
    pub notices: Vec<Notice>,
}

/// The places for a copy, given the user's own data folder (`computer`)
/// and whether the copy's data folder can be written (`writable`, asked
/// only of a portable copy's folder).
pub fn places(
    portable: Option<&Portable>,
    computer: &Path,
    writable: impl Fn(&Path) -> bool,
) -> Places {
    let on_the_computer = Places {
        webview: None,
        record_folder: computer.to_owned(),
        notices: Vec::new(),
    };
    let Some(portable) = portable else {
        return on_the_computer;
    };
    let data = portable.folder.join(DATA_FOLDER);
    let record_here = portable.settings.record == RecordPlace::Here;
    let mut places = if !writable(&data) && record_here && data.join(PERSONAL_FILE).is_file() {
        // The learner's own record is on the stick: it is shown, read only
        // (the store says it cannot be saved), rather than a record on this
        // computer that may be someone else's.
        Places {
            record_folder: data.clone(),
            ..on_the_computer
        }
    } else if !writable(&data) {
        Places {
            notices: record_here
                .then(|| Notice::PortableFolderReadOnly {
                    folder: data.clone(),
                    instead: computer.to_owned(),
                })
                .into_iter()
                .collect(),
            ..on_the_computer
        }
    } else {
        Places {
            webview: Some(data.join(WEBVIEW_FOLDER)),
            record_folder: if record_here {
                data.clone()
            } else {
                computer.to_owned()
            },
            notices: Vec::new(),
        }
    };
    // A record this copy kept in its other place (the clinic changed
    // `record`, or a new release was unzipped over its settings) is never
    // opened, moved or deleted here: the learner is told where it is, so
    // nothing saved goes missing without a word.
    let other = if places.record_folder == data {
        computer
    } else {
        data.as_path()
    };
    if other.join(PERSONAL_FILE).is_file() {
        places.notices.push(Notice::RecordElsewhere {
            folder: other.to_owned(),
            used: places.record_folder.clone(),
        });
    }
    places
}

/// Whether `folder` can be made and written to: tried, with a file that is
/// removed again, since a folder's permissions alone do not tell (a stick's
/// write-protect switch, a network share's rules).
pub fn can_write(folder: &Path) -> bool {
    let probe = folder.join(".write-test");
    let written = std::fs::create_dir_all(folder).is_ok() && std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portable_with(
        text: &str,
    ) -> (
        tempfile::TempDir,
        Result<Option<Portable>, (Portable, Problem)>,
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MARKER_FILE), text).unwrap();
        let found = find(dir.path());
        (dir, found)
    }

    /// The user's own data folder in these tests: never written.
    fn computer() -> PathBuf {
        PathBuf::from("/home/learner/.local/share/course")
    }

    #[test]
    fn a_copy_without_the_marker_file_uses_the_systems_folders() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(find(dir.path()), Ok(None));
        let places = places(None, &computer(), |_| true);
        assert_eq!(places.webview, None);
        assert_eq!(places.record_folder, computer());
        assert_eq!(places.notices, []);
    }

    #[test]
    fn a_portable_copy_keeps_the_engines_folder_inside_and_the_record_on_the_computer() {
        let (dir, found) = portable_with("# nothing set\n");
        let portable = found.unwrap().unwrap();
        assert_eq!(portable.settings.record, RecordPlace::Computer);
        let places = places(Some(&portable), &computer(), |_| true);
        assert_eq!(
            places.webview,
            Some(dir.path().join("data").join("webview"))
        );
        assert_eq!(places.record_folder, computer());
        assert_eq!(places.notices, []);
    }

    #[test]
    fn the_record_is_kept_inside_only_where_the_clinic_asks() {
        // Saved by Notepad: a byte-order mark and Windows line endings.
        let (dir, found) = portable_with("\u{feff}# the clinic's choice\r\nrecord = \"here\"\r\n");
        let portable = found.unwrap().unwrap();
        let places = places(Some(&portable), &computer(), |_| true);
        assert_eq!(places.record_folder, dir.path().join("data"));
        assert_eq!(
            places.webview,
            Some(dir.path().join("data").join("webview"))
        );
    }

    #[test]
    fn a_folder_that_cannot_be_written_uses_the_computer_and_says_so_if_the_record_was_asked_for() {
        let (dir, found) = portable_with("record = \"here\"\n");
        let portable = found.unwrap().unwrap();
        let places_read_only = places(Some(&portable), &computer(), |_| false);
        assert_eq!(places_read_only.webview, None);
        assert_eq!(places_read_only.record_folder, computer());
        assert_eq!(
            places_read_only.notices,
            [Notice::PortableFolderReadOnly {
                folder: dir.path().join("data"),
                instead: computer(),
            }]
        );
        // A record already there is the learner's own: shown, read only,
        // rather than the computer's.
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data").join(PERSONAL_FILE), "{}").unwrap();
        let with_record = places(Some(&portable), &computer(), |_| false);
        assert_eq!(with_record.record_folder, dir.path().join("data"));
        assert_eq!(with_record.webview, None);
        assert_eq!(with_record.notices, []);
        // Set to keep it on the computer, the copy uses the computer's and
        // only names the one on the stick.
        let default = Portable {
            settings: PortableSettings::default(),
            ..portable
        };
        assert_eq!(
            places(Some(&default), &computer(), |_| false).notices,
            [Notice::RecordElsewhere {
                folder: dir.path().join("data"),
                used: computer(),
            }]
        );
    }

    #[test]
    fn a_record_left_in_the_copys_other_place_is_named_and_never_touched() {
        let computer_dir = tempfile::tempdir().unwrap();
        let on_computer = computer_dir.path().join(PERSONAL_FILE);
        std::fs::write(&on_computer, "{}").unwrap();
        // The clinic changed a copy used on this computer to keep it here.
        let (dir, found) = portable_with("record = \"here\"\n");
        let portable = found.unwrap().unwrap();
        let moved_here = places(Some(&portable), computer_dir.path(), |_| true);
        assert_eq!(moved_here.record_folder, dir.path().join("data"));
        assert_eq!(
            moved_here.notices,
            [Notice::RecordElsewhere {
                folder: computer_dir.path().to_owned(),
                used: dir.path().join("data"),
            }]
        );
        // And back: a record on the stick, the copy now set to the computer
        // (a new release unzipped over its settings).
        std::fs::remove_file(&on_computer).unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data").join(PERSONAL_FILE), "{}").unwrap();
        let default = Portable {
            settings: PortableSettings::default(),
            ..portable
        };
        let moved_back = places(Some(&default), computer_dir.path(), |_| true);
        assert_eq!(
            moved_back.notices,
            [Notice::RecordElsewhere {
                folder: dir.path().join("data"),
                used: computer_dir.path().to_owned(),
            }]
        );
        // Both files are as they were.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("data").join(PERSONAL_FILE)).unwrap(),
            "{}"
        );
    }

    #[test]
    fn a_settings_file_not_understood_is_named_with_its_line_and_the_copy_stays_portable() {
        let (dir, found) = portable_with("# the clinic's choice\nrecord = \"stick\"\n");
        let (portable, problem) = found.unwrap_err();
        assert_eq!(problem.line, Some(2));
        assert!(problem.file.ends_with(MARKER_FILE), "{problem}");
        assert!(problem.message.contains("stick"), "{problem}");
        assert_eq!(portable.folder, dir.path());
        assert_eq!(portable.settings.record, RecordPlace::Computer);
        let (_dir, found) = portable_with("recrod = \"here\"\n");
        let (_, problem) = found.unwrap_err();
        assert!(problem.message.contains("recrod"), "{problem}");
        // And the learner is told, in a notice that names the file.
        let places = places_for(dir.path(), &computer());
        assert_eq!(
            places.webview,
            Some(dir.path().join("data").join("webview"))
        );
        let [Notice::PortableSettings { problem }] = places.notices.as_slice() else {
            panic!("{:?}", places.notices);
        };
        assert!(problem.contains("portable.toml:2:"), "{problem}");
    }

    #[test]
    fn the_settings_file_the_portable_zip_ships_keeps_the_record_on_the_computer() {
        let shipped = include_str!("../../../../packaging/windows/portable.toml");
        // As the zip has it: Windows line endings.
        let (_dir, found) = portable_with(&shipped.replace('\n', "\r\n"));
        assert_eq!(
            found.unwrap().unwrap().settings.record,
            RecordPlace::Computer
        );
        // And its comment's other choice is one the app understands.
        let here = shipped.replace("record = \"computer\"", "record = \"here\"");
        assert!(here.contains("record = \"here\"\n"), "{here}");
        let (_dir, found) = portable_with(&here);
        assert_eq!(found.unwrap().unwrap().settings.record, RecordPlace::Here);
    }

    #[test]
    fn can_write_tries_the_folder_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        assert!(can_write(&data));
        assert_eq!(std::fs::read_dir(&data).unwrap().count(), 0);
        // A file where the folder should be: nothing can be made there.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, b"").unwrap();
        assert!(!can_write(&blocked.join("data")));
    }
}
