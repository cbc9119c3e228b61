//! What the running app holds: the course (or why it could not load), the
//! learner's record, and the store it is saved in.

use std::sync::{Mutex, RwLock};

use serde::Serialize;

use crate::course::load::config::SharedDevice;
use crate::course::load::pack_source::PackSource;
use crate::course::screens::view_model::{self, AboutView};
use crate::course::words::{Catalog, Message};
use crate::course::{ContentError, Course, LearnerRecord, RuleError};
use crate::error::{send_errors_in, Error};
use crate::store::LearnerStore;

/// A course and where it came from.
pub struct LoadedCourse {
    pub source: PackSource,
    pub course: Result<Course, ContentError>,
    /// The built-in course standing in for a clinic's pack that failed to
    /// load: its help numbers are not the clinic's.
    pub fallback: bool,
    /// Shared-device mode, as the pack asked for it even if it failed to
    /// load; kept when the built-in course stands in for it.
    pub shared_device: Option<SharedDevice>,
}

impl LoadedCourse {
    /// The words the learner sees with this course.
    pub fn words(&self) -> &Catalog {
        match &self.course {
            Ok(course) => &course.words,
            Err(_) => Catalog::english(),
        }
    }

    pub fn load(source: PackSource) -> LoadedCourse {
        let course = source.load();
        let shared_device = match &course {
            Ok(course) => course.config.shared_device,
            Err(_) => source.shared_device_wanted(),
        };
        LoadedCourse {
            course,
            source,
            fallback: false,
            shared_device,
        }
    }
}

pub struct AppState {
    course: RwLock<LoadedCourse>,
    learner: Mutex<Learner>,
    store: LearnerStore,
    /// Things the learner must be told once, e.g. that a damaged save was
    /// set aside: said in the course's words when there is a screen for them.
    notices: Mutex<Vec<Message>>,
}

struct Learner {
    record: LearnerRecord,
    /// A save failed and nothing has saved since: the next change retries.
    unsaved: bool,
}

/// A view after a change, and whether saving the change failed. The change is
/// kept in memory either way, so the learner can carry on; the next change
/// saves the whole record again.
#[derive(Debug, Serialize)]
pub struct Changed<T: Serialize> {
    #[serde(flatten)]
    pub view: T,
    pub save_error: Option<Error>,
    /// True when nothing is written this session (another copy of the app
    /// has the files, or they are a newer app's): the change lasts until
    /// the window closes, and the page must not say "Saved.".
    pub session_only: bool,
}

impl AppState {
    pub fn new(
        course: LoadedCourse,
        record: LearnerRecord,
        store: LearnerStore,
        notices: Vec<Message>,
    ) -> Self {
        send_errors_in(course.words());
        AppState {
            course: RwLock::new(course),
            learner: Mutex::new(Learner {
                record,
                unsaved: false,
            }),
            store,
            notices: Mutex::new(notices),
        }
    }

    /// Runs `f` on the course, or says why there is none.
    pub fn with_course<T>(&self, f: impl FnOnce(&Course) -> Result<T, Error>) -> Result<T, Error> {
        let loaded = self.course.read().unwrap_or_else(|e| e.into_inner());
        match (&loaded.course, &loaded.source.folder) {
            (Ok(course), _) => f(course),
            (Err(err), Some(folder)) => Err(Error::PackContent {
                folder: folder.clone(),
                problems: err.clone(),
            }),
            (Err(err), None) => Err(Error::Content(err.clone())),
        }
    }

    /// Replaces a clinic pack that failed to load with the built-in course.
    pub fn fall_back_to_built_in(&self) {
        let mut loaded = self.course.write().unwrap_or_else(|e| e.into_inner());
        if loaded.course.is_err() {
            // A waiting-room pack that failed still gets a waiting-room
            // course: the next person must never see the last one's progress.
            let shared_device = loaded.shared_device;
            let mut built_in = LoadedCourse::load(PackSource::built_in());
            if let Ok(course) = &mut built_in.course {
                course.config.shared_device = shared_device;
            }
            *loaded = LoadedCourse {
                fallback: true,
                shared_device,
                ..built_in
            };
            send_errors_in(loaded.words());
        }
    }

    /// Whether the built-in course is standing in for a failed pack.
    pub fn is_fallback(&self) -> bool {
        self.course
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .fallback
    }

    /// Reads the record. A poisoned lock only means another command panicked
    /// mid-read; the record itself is still whole, so keep going.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Course, &LearnerRecord) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.with_course(|course| {
            let learner = self.learner.lock().unwrap_or_else(|e| e.into_inner());
            f(course, &learner.record)
        })
    }

    /// Applies a rule to a copy of the record; only if the rule succeeds does
    /// the copy replace the record and get saved. What the rule returns (say,
    /// which lesson it opened) is handed to `view`, so the view shows what
    /// the rule decided rather than a second guess at it.
    pub fn change<R, T: Serialize>(
        &self,
        rule: impl FnOnce(&Course, &mut LearnerRecord) -> Result<R, Error>,
        view: impl FnOnce(&Course, &LearnerRecord, R) -> T,
    ) -> Result<Changed<T>, Error> {
        self.with_course(|course| {
            let mut learner = self.learner.lock().unwrap_or_else(|e| e.into_inner());
            let mut updated = learner.record.clone();
            let decided = rule(course, &mut updated)?;
            let save_error = if updated != learner.record || learner.unsaved {
                self.store.save(&updated).err()
            } else {
                None
            };
            learner.unsaved = save_error.is_some();
            learner.record = updated;
            Ok(Changed {
                view: view(course, &learner.record, decided),
                save_error,
                session_only: !self.store.writes(),
            })
        })
    }

    /// Clears consent and progress for the next person on a shared device.
    pub fn start_over<T: Serialize>(
        &self,
        view: impl FnOnce(&Course, &LearnerRecord) -> T,
    ) -> Result<Changed<T>, Error> {
        self.change(
            |course, record| {
                if course.config.shared_device.is_none() {
                    return Err(RuleError::NotSharedDevice.into());
                }
                record.start_over();
                Ok(())
            },
            |course, record, ()| view(course, record),
        )
    }

    /// At launch on a shared device: nobody's session. The record does not
    /// depend on the course, so this works for a broken pack too; a failure
    /// to save the cleared session is told to the learner, not thrown away
    /// (the last person's session would otherwise come back next launch).
    pub fn clear_shared_session_at_launch(&self) {
        let mut learner = self.learner.lock().unwrap_or_else(|e| e.into_inner());
        let mut cleared = learner.record.clone();
        cleared.start_over();
        if cleared == learner.record {
            return;
        }
        let save_error = self.store.save(&cleared).err();
        learner.unsaved = save_error.is_some();
        learner.record = cleared;
        if let Some(err) = save_error {
            self.tell(err.message());
        }
    }

    /// "Delete my data": every file goes, and the app carries on as if
    /// newly installed. Whatever happens, nothing of the old record is kept
    /// in memory to be saved again.
    pub fn erase_learner_data(&self) -> Result<(), Error> {
        let mut learner = self.learner.lock().unwrap_or_else(|e| e.into_inner());
        let result = self.store.erase();
        learner.record = LearnerRecord::default();
        learner.unsaved = false;
        result
    }

    pub fn about(&self, version: &str) -> AboutView {
        let loaded = self.course.read().unwrap_or_else(|e| e.into_inner());
        view_model::about(
            loaded.course.as_ref().ok(),
            &loaded.source,
            self.store.folder(),
            version,
        )
    }

    /// For the command tests, which start one app after another on the
    /// same files (see `LearnerStore::release_lock`).
    pub fn release_store_lock(&self) {
        self.store.release_lock();
    }

    /// The course's words: English when the course could not load (a
    /// broken pack's own catalog is not trusted).
    pub fn words(&self) -> Catalog {
        self.course
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .words()
            .clone()
    }

    /// Adds something the learner is told once, at the next start screen.
    pub fn tell(&self, message: Message) {
        self.notices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(message);
    }

    pub fn take_notices(&self) -> Vec<Message> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|e| e.into_inner()))
    }
}
