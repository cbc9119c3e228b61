//! Writing a file so that it is either wholly the old bytes or wholly the new
//! ones, whatever happens mid-write: a power cut, a kill, a full disk.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, flushes it to the disk,
/// renames it over `path` and flushes the folder, so the rename itself
/// survives a power cut.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        replace(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Renames `from` over `to`. On Windows another program (a virus scanner,
/// a backup or sync tool, the search indexer) may hold the old file open for
/// a moment, and Windows refuses the rename while it does (always, on file
/// systems without POSIX rename semantics, and under Wine); so a refusal is
/// tried again for about a second before the save is reported as failed.
#[cfg(windows)]
fn replace(from: &Path, to: &Path) -> io::Result<()> {
    use std::time::{Duration, Instant};
    // ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    const IN_USE: [i32; 3] = [5, 32, 33];
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut pause = Duration::from_millis(10);
    loop {
        match fs::rename(from, to) {
            Err(err)
                if err
                    .raw_os_error()
                    .is_some_and(|code| IN_USE.contains(&code))
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            result => return result,
        }
    }
}

#[cfg(not(windows))]
fn replace(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

// Windows has no folder handle to flush; NTFS journals the rename itself.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::learner::test_support::names_in;

    #[test]
    fn writes_new_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names = names_in(dir.path());
        assert_eq!(names, vec!["a.json"]);
    }

    #[test]
    fn creates_the_folder_it_needs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/deeper/a.json");
        write_atomically(&path, b"x").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
    }

    /// A Windows user name often has spaces or accents, and the data folder
    /// sits under it (`C:\Users\Zoë Martin\AppData\Roaming\...`).
    #[test]
    fn writes_under_a_folder_with_spaces_and_accents() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Données de l'élève").join("Zoë Martin");
        let path = folder.join("learner backup é.json");
        write_atomically(&path, "première".as_bytes()).unwrap();
        write_atomically(&path, "deuxième".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "deuxième");
        let names = names_in(&folder);
        assert_eq!(names, vec!["learner backup é.json"]);
    }

    /// A virus scanner or backup tool holding the old file open for a
    /// moment must not make the save fail (Windows refuses the rename while
    /// it is open, unless the file system has POSIX rename semantics; Wine
    /// refuses it too, so scripts/cross shows the retry at work).
    #[test]
    fn replaces_a_file_another_program_holds_open_for_a_moment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomically(&path, b"old").unwrap();
        let reader = fs::File::open(&path).unwrap();
        let holder = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(150));
            drop(reader);
        });
        write_atomically(&path, b"new").unwrap();
        holder.join().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names = names_in(dir.path());
        assert_eq!(names, vec!["a.json"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomically(&path, b"old").unwrap();
        // A folder where the temporary file must go makes the write fail.
        fs::create_dir(
            dir.path()
                .join(format!(".a.json.{}.tmp", std::process::id())),
        )
        .unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}
