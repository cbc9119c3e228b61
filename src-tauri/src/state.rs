//! What the running app holds: the course (or why it could not load), the
//! learner's record, and the store it is saved in.

use std::sync::{Mutex, RwLock};

use serde::Serialize;

use crate::course::pack_source::PackSource;
use crate::course::view::{self, AboutView};
use crate::course::{ContentError, Course, LearnerRecord, RuleError};
use crate::error::Error;
use crate::store::LearnerStore;

/// A course and where it came from.
pub struct LoadedCourse {
    pub source: PackSource,
    pub course: Result<Course, ContentError>,
    /// The built-in course standing in for a clinic's pack that failed to
    /// load: its help numbers are not the clinic's.
    pub fallback: bool,
}

impl LoadedCourse {
    pub fn load(source: PackSource) -> LoadedCourse {
        LoadedCourse {
            course: source.load(),
            source,
            fallback: false,
        }
    }
}

pub struct AppState {
    course: RwLock<LoadedCourse>,
    learner: Mutex<Learner>,
    store: LearnerStore,
    /// Things the learner must be told once, e.g. that a damaged save was set aside.
    notices: Mutex<Vec<String>>,
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
}

impl AppState {
    pub fn new(
        course: LoadedCourse,
        record: LearnerRecord,
        store: LearnerStore,
        notices: Vec<String>,
    ) -> Self {
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
            *loaded = LoadedCourse {
                fallback: true,
                ..LoadedCourse::load(PackSource::built_in())
            };
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
    /// the copy replace the record and get saved.
    pub fn change<T: Serialize>(
        &self,
        rule: impl FnOnce(&Course, &mut LearnerRecord) -> Result<(), Error>,
        view: impl FnOnce(&Course, &LearnerRecord) -> T,
    ) -> Result<Changed<T>, Error> {
        self.with_course(|course| {
            let mut learner = self.learner.lock().unwrap_or_else(|e| e.into_inner());
            let mut updated = learner.record.clone();
            rule(course, &mut updated)?;
            let save_error = if updated != learner.record || learner.unsaved {
                self.store.save(&updated).err()
            } else {
                None
            };
            learner.unsaved = save_error.is_some();
            learner.record = updated;
            Ok(Changed {
                view: view(course, &learner.record),
                save_error,
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
            view,
        )
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
        view::about(
            loaded.course.as_ref().ok(),
            &loaded.source,
            self.store.folder(),
            version,
        )
    }

    pub fn release_store_lock(&self) {
        self.store.release_lock();
    }

    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|e| e.into_inner()))
    }
}
