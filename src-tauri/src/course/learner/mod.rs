//! The learner's record (consent, progress, preferences), its rules, and
//! keeping it safe on disk: atomic writes, checks and recovery, erasing.

pub mod atomic_write;
pub mod check_ins;
pub mod device;
pub mod erase;
pub mod movement_days;
pub mod notice;
pub mod plan;
pub mod portable;
pub mod record;
pub mod record_file;
pub mod recovery;

/// What the learner-storage tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use std::path::Path;

    /// The names of the files in `folder`, sorted: what a write, a
    /// recovery or an erase left behind.
    pub fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}
