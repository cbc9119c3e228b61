//! The learner's record (consent, progress, preferences), its rules, and
//! keeping it safe on disk: atomic writes, checks and recovery, erasing.

pub mod atomic_write;
pub mod device;
pub mod erase;
pub mod notice;
pub mod plan;
pub mod record;
pub mod record_file;
pub mod recovery;
