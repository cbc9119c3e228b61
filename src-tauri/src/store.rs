//! The only code that touches the learner's store (tauri-plugin-store). Only
//! Rust writes it; the webview has no store permission at all.
//!
//! The plugin writes its file in place, with no flush, and silently starts
//! empty on a file it cannot parse (tauri-apps/plugins-workspace#3085). So
//! every save first writes a checksummed backup atomically, and at start-up
//! the files are checked and the newest whole copy chosen (`course::learner::recovery`)
//! before the plugin is given the path.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tauri::{AppHandle, Runtime};
use tauri_plugin_store::{Store, StoreBuilder};
use time::OffsetDateTime;

use crate::course::learner::erase::erase_learner_files;
use crate::course::learner::notice::Notice;
use crate::course::learner::record_file::{
    backup_path, inspect_backup, store_entries, write_backup, SavedRecord,
};
use crate::course::learner::recovery::{peek, recover};
use crate::course::LearnerRecord;
use crate::error::Error;

/// Where a record is written: the plugin's store, seen without its runtime
/// type so the app state (and every command) need not be generic.
trait SaveTarget: Send + Sync {
    fn write(&self, record: &LearnerRecord, revision: u64) -> tauri_plugin_store::Result<()>;
    /// Empties the plugin's copy and takes the store out of the plugin's
    /// collection, so its save-on-exit cannot write the data back.
    fn forget(&self);
}

impl<R: Runtime> SaveTarget for Store<R> {
    fn write(&self, record: &LearnerRecord, revision: u64) -> tauri_plugin_store::Result<()> {
        for (key, value) in store_entries(record, revision) {
            self.set(key, value);
        }
        self.save()
    }

    fn forget(&self) {
        self.clear();
        self.close_resource();
    }
}

pub struct LearnerStore {
    /// The plugin's file; the backup and any damaged copies sit beside it.
    path: PathBuf,
    /// `None` when nothing may be written this session (see `Recovered::read_only`):
    /// the plugin is then never given the path, so its save-on-exit cannot
    /// touch the files either.
    store: Option<Arc<dyn SaveTarget>>,
    backup: PathBuf,
    /// The revision of the last save; each save is one more.
    revision: Mutex<u64>,
    /// Held while the app runs, so a second copy cannot write over this one.
    lock: Mutex<Option<File>>,
}

/// Why the lock beside the store was not taken.
#[derive(Debug)]
enum NotLocked {
    /// Another copy of the app holds it.
    Held,
    /// The folder cannot be written (a write-protected stick, a read-only
    /// share): nothing could be saved there by anyone.
    CannotWrite(std::io::Error),
}

/// Takes the lock beside the store.
fn lock_store(path: &Path) -> Result<File, NotLocked> {
    let lock_path = path.with_extension("lock");
    if let Some(dir) = lock_path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)
        .map_err(NotLocked::CannotWrite)?;
    file.try_lock().map_err(|_| NotLocked::Held)?;
    Ok(file)
}

/// What opening found, for the learner to be told.
pub struct Opened {
    pub store: LearnerStore,
    pub record: LearnerRecord,
    pub notices: Vec<Notice>,
}

pub fn open<R: Runtime>(app: &AppHandle<R>, path: PathBuf) -> Opened {
    // A second copy of the app only reads: two writers would each save
    // their own idea of the learner's progress over the other's.
    let lock = match lock_store(&path) {
        Ok(file) => file,
        Err(why) => {
            let notice = match why {
                NotLocked::Held => Notice::AlreadyOpen,
                NotLocked::CannotWrite(err) => Notice::StoreUnavailable {
                    error: err.to_string(),
                },
            };
            return read_only(path, notice);
        }
    };
    open_locked(app, path, lock)
}

/// Only reads what is saved, for a session that cannot write: what the
/// learner does lasts until the window closes, and `notice` says why.
fn read_only(path: PathBuf, notice: Notice) -> Opened {
    let recovered = peek(&path);
    Opened {
        store: LearnerStore {
            backup: backup_path(&path),
            path,
            store: None,
            revision: Mutex::new(recovered.revision),
            lock: Mutex::new(None),
        },
        record: recovered.record,
        notices: vec![notice],
    }
}

/// Opens the store this copy holds the lock for.
fn open_locked<R: Runtime>(app: &AppHandle<R>, path: PathBuf, lock: File) -> Opened {
    let recovered = recover(&path, OffsetDateTime::now_utc());
    let mut notices = recovered.notices;
    if !recovered.read_only && path.exists() {
        // The plugin rewrites its file in place on every exit; make sure a
        // whole backup of what is loaded stands behind that write.
        let backup = backup_path(&path);
        let current = matches!(inspect_backup(&backup), SavedRecord::Valid { revision, .. } if revision == recovered.revision);
        if !current {
            if let Err(err) = write_backup(&backup, &recovered.record, recovered.revision) {
                notices.push(Notice::StoreUnavailable {
                    error: err.to_string(),
                });
            }
        }
    }
    let store = if recovered.read_only {
        None
    } else {
        match StoreBuilder::new(app, &path).disable_auto_save().build() {
            Ok(store) => Some(store as Arc<dyn SaveTarget>),
            Err(err) => {
                notices.push(Notice::StoreUnavailable {
                    error: err.to_string(),
                });
                None
            }
        }
    };
    let learner_store = LearnerStore {
        path: path.clone(),
        store,
        backup: backup_path(&path),
        revision: Mutex::new(recovered.revision),
        lock: Mutex::new(Some(lock)),
    };
    if recovered.rewrite_store {
        if let Some(store) = &learner_store.store {
            // The backup already holds this revision; repair the store file.
            if let Err(err) = store.write(&recovered.record, recovered.revision) {
                notices.push(Notice::StoreUnavailable {
                    error: err.to_string(),
                });
            }
        }
    }
    Opened {
        store: learner_store,
        record: recovered.record,
        notices,
    }
}

impl LearnerStore {
    /// Lets another copy of the app write. Nothing calls it at exit (the
    /// operating system releases the lock when the process ends); the
    /// command tests use it to hand the files from one app to the next.
    pub fn release_lock(&self) {
        self.lock.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    /// Deletes every file kept about the learner ("Delete my data"). A copy
    /// of the app that may not write (see `open`) may not delete either.
    pub fn erase(&self) -> Result<(), Error> {
        let Some(store) = &self.store else {
            return Err(Error::EraseRefused);
        };
        // Held so no save runs mid-erase. The revision itself keeps counting
        // up: if a file survives the erase, the next save still outranks it.
        let _no_save_meanwhile = self.revision.lock().unwrap_or_else(|e| e.into_inner());
        store.forget();
        erase_learner_files(&self.path)
            .map(|_| ())
            .map_err(|failed| {
                let names: Vec<String> = failed
                    .iter()
                    .map(|(path, err)| format!("{}: {err}", path.display()))
                    .collect();
                Error::EraseFailed(names.join("; "))
            })
    }

    /// Whether a save reaches the files this session (see `open`).
    pub fn writes(&self) -> bool {
        self.store.is_some()
    }

    /// Where the learner's data is kept, for the About screen.
    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Saves `record` as the next revision: the backup first (atomic, so it
    /// is always whole), then the plugin's store.
    pub fn save(&self, record: &LearnerRecord) -> Result<(), Error> {
        self.save_observed(record, || {})
    }

    /// `save`, calling `between` once the backup is whole and before the
    /// store is written: the crash test stops the writer there, so a
    /// restart that must take the backup happens on every platform.
    pub fn save_observed(
        &self,
        record: &LearnerRecord,
        between: impl FnOnce(),
    ) -> Result<(), Error> {
        let Some(store) = &self.store else {
            // The learner was told at start-up; changes last for this session.
            return Ok(());
        };
        let mut revision = self.revision.lock().unwrap_or_else(|e| e.into_inner());
        let next = *revision + 1;
        write_backup(&self.backup, record, next)
            .map_err(|err| Error::StoreWrite(err.to_string()))?;
        *revision = next;
        between();
        store
            .write(record, next)
            .map_err(|err| Error::StoreWrite(err.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lock that keeps a second copy of the app from writing: on Windows
    /// a byte-range lock (`LockFileEx`), elsewhere `flock`; both refuse a
    /// second handle, even in the same process, until the first is closed.
    #[test]
    fn a_second_lock_is_refused_until_the_first_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("Données de l'élève").join("learner.json");
        let first = lock_store(&store).expect("the first copy takes the lock");
        assert!(
            matches!(lock_store(&store), Err(NotLocked::Held)),
            "a second copy took the lock too"
        );
        drop(first);
        let third = lock_store(&store).expect("the lock is free once released");
        assert!(store.with_extension("lock").is_file());
        drop(third);
    }
}
