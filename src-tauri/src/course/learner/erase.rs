//! "Delete my data": finding and removing every file the app keeps about
//! the learner. Only the learner's own files are touched; the folder and the
//! empty lock file (which says nothing about anyone) stay.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The store, its backup, damaged copies set aside, and temporary files a
/// killed write may have left.
pub fn learner_files(store_path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (store_path.parent(), store_path.file_stem()) else {
        return Vec::new();
    };
    let stem = stem.to_string_lossy();
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name.strip_prefix('.').unwrap_or(&name).starts_with(&*stem);
            let lock = name == format!("{stem}.lock");
            ours && !lock
        })
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}

/// Removes them all, carrying on past a failure so as much as possible is
/// gone; the files that could not be removed come back with the reason.
pub fn erase_learner_files(store_path: &Path) -> Result<usize, Vec<(PathBuf, io::Error)>> {
    let mut failed = Vec::new();
    let mut removed = 0;
    for path in learner_files(store_path) {
        match fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => failed.push((path, err)),
        }
    }
    if failed.is_empty() {
        Ok(removed)
    } else {
        Err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::course::learner::test_support::names_in as names;

    #[test]
    fn every_learner_file_goes_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("learner.json");
        for name in [
            "learner.json",
            "learner.backup.json",
            "learner.json.damaged-20261124-100509",
            "learner.backup.json.damaged-20261124-100509-2",
            ".learner.backup.json.4242.tmp",
            "learner.lock",
            "other-app.json",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("WebKitCache")).unwrap();
        assert_eq!(erase_learner_files(&store).unwrap(), 5);
        assert_eq!(
            names(dir.path()),
            vec!["WebKitCache", "learner.lock", "other-app.json"]
        );
    }

    /// Windows user names (and so the data folder) may have spaces and
    /// accents; so may a damaged copy's name if the store's ever does.
    #[test]
    fn erases_under_a_folder_with_spaces_and_accents() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Données de l'élève");
        fs::create_dir(&folder).unwrap();
        let store = folder.join("learner.json");
        for name in [
            "learner.json",
            "learner.backup.json",
            "learner.json.damaged-20261124-100509",
            "learner.lock",
            "notes d'Hélène.txt",
        ] {
            fs::write(folder.join(name), "x").unwrap();
        }
        assert_eq!(erase_learner_files(&store).unwrap(), 3);
        assert_eq!(names(&folder), vec!["learner.lock", "notes d'Hélène.txt"]);
    }

    #[test]
    fn nothing_to_erase_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            erase_learner_files(&dir.path().join("learner.json")).unwrap(),
            0
        );
        let missing = dir.path().join("gone/learner.json");
        assert_eq!(erase_learner_files(&missing).unwrap(), 0);
    }
}
