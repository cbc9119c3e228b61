//! The only code that touches the learner's store (tauri-plugin-store). Only
//! Rust writes it; the webview has no store permission at all.

use std::path::PathBuf;
use std::sync::Arc;

use tauri::{AppHandle, Runtime};
use tauri_plugin_store::{Store, StoreBuilder};
use time::OffsetDateTime;

use crate::course::record_file::{inspect, set_aside, SavedRecord, RECORD_KEY};
use crate::course::LearnerRecord;
use crate::error::Error;

pub const STORE_FILE: &str = "learner.json";

/// Where a record is written: the plugin's store, seen without its runtime
/// type so the app state (and every command) need not be generic.
trait SaveTarget: Send + Sync {
    fn write(&self, value: serde_json::Value) -> tauri_plugin_store::Result<()>;
}

impl<R: Runtime> SaveTarget for Store<R> {
    fn write(&self, value: serde_json::Value) -> tauri_plugin_store::Result<()> {
        self.set(RECORD_KEY, value);
        self.save()
    }
}

pub struct LearnerStore {
    /// `None` when the file must not be written: it was saved by a newer
    /// version of the app (going back a version must not destroy progress), or
    /// a damaged file could not be moved aside. The plugin is then never given
    /// the path, so its save-on-exit cannot touch the file either.
    store: Option<Arc<dyn SaveTarget>>,
}

/// What opening found, for the learner to be told.
pub struct Opened {
    pub store: LearnerStore,
    pub record: LearnerRecord,
    pub notices: Vec<String>,
}

pub fn open<R: Runtime>(app: &AppHandle<R>, path: PathBuf) -> Opened {
    let mut notices = Vec::new();
    let mut read_only = false;
    // Checked before the plugin sees the file: the plugin would drop a file it
    // cannot parse and overwrite it on the next save.
    let record = match inspect(&path) {
        SavedRecord::Missing => LearnerRecord::default(),
        SavedRecord::Valid(record) => record,
        SavedRecord::Newer { version } => {
            notices.push(format!(
                "Your progress was saved by a newer version of this app (format {version}). This version will not change it, and will not remember what you do today. Please use the newer version to keep your progress."
            ));
            read_only = true;
            LearnerRecord::default()
        }
        SavedRecord::Damaged(why) => {
            match set_aside(&path, OffsetDateTime::now_utc()) {
                Ok(kept) => notices.push(format!(
                    "Your saved progress could not be read because {why}. The course starts again from the beginning. A copy of the damaged file was kept as {}.",
                    kept.display()
                )),
                Err(err) => {
                    notices.push(format!(
                        "Your saved progress could not be read because {why}, and the file could not be moved aside ({err}). It has been left as it is, and what you do today will not be remembered."
                    ));
                    read_only = true;
                }
            }
            LearnerRecord::default()
        }
    };
    let store = if read_only {
        None
    } else {
        match StoreBuilder::new(app, &path).disable_auto_save().build() {
            Ok(store) => Some(store as Arc<dyn SaveTarget>),
            Err(err) => {
                notices.push(format!(
                    "Your progress cannot be saved on this computer ({err}). You can still read the course."
                ));
                None
            }
        }
    };
    Opened {
        store: LearnerStore { store },
        record,
        notices,
    }
}

impl LearnerStore {
    pub fn save(&self, record: &LearnerRecord) -> Result<(), Error> {
        let Some(store) = &self.store else {
            // The learner was told at start-up; changes last for this session.
            return Ok(());
        };
        let value =
            serde_json::to_value(record).map_err(|err| Error::StoreWrite(err.to_string()))?;
        store
            .write(value)
            .map_err(|err| Error::StoreWrite(err.to_string()))
    }
}
