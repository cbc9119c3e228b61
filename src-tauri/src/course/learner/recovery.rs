//! Choosing what to load at start-up from the store file and its backup, and
//! moving damaged files aside. Nothing is ever deleted or overwritten here.

use std::fs;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::notice::Notice;
use super::record::LearnerRecord;
use super::record_file::{backup_path, inspect_backup, inspect_store, SavedRecord};
use crate::course::words::Message;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub record: LearnerRecord,
    /// The revision of `record`; the next save is one more.
    pub revision: u64,
    /// The store file must be written again from `record` (it was damaged,
    /// missing, or older than the backup after a crash between the two writes).
    pub rewrite_store: bool,
    /// Write nothing this session: the files belong to a newer app, or a
    /// damaged file could not be moved out of the way.
    pub read_only: bool,
    pub notices: Vec<Notice>,
}

impl Recovered {
    fn fresh() -> Recovered {
        Recovered {
            record: LearnerRecord::default(),
            revision: 0,
            rewrite_store: false,
            read_only: false,
            notices: Vec::new(),
        }
    }
}

/// Loads the newest whole copy of the learner's record kept beside
/// `store_path`, setting damaged copies aside.
pub fn recover(store_path: &Path, now: OffsetDateTime) -> Recovered {
    let backup = backup_path(store_path);
    let from_store = inspect_store(store_path);
    let from_backup = inspect_backup(&backup);

    for saved in [&from_store, &from_backup] {
        if let SavedRecord::Newer { version } = saved {
            return Recovered {
                read_only: true,
                notices: vec![Notice::NewerVersion { version: *version }],
                ..Recovered::fresh()
            };
        }
    }

    // A damaged backup while the store is whole loses nothing: keep it aside
    // for inspection; the next save writes a new one.
    if let (SavedRecord::Valid { .. }, SavedRecord::Damaged(_)) = (&from_store, &from_backup) {
        let _ = set_aside(&backup, now);
    }

    match (from_store, from_backup) {
        (
            SavedRecord::Valid { revision, .. },
            SavedRecord::Valid {
                record: newer,
                revision: r,
            },
        ) if r > revision => {
            // The app stopped between writing the backup and the store.
            Recovered {
                record: *newer,
                revision: r,
                rewrite_store: true,
                ..Recovered::fresh()
            }
        }
        (SavedRecord::Valid { record, revision }, _) => Recovered {
            record: *record,
            revision,
            ..Recovered::fresh()
        },
        (SavedRecord::Missing, SavedRecord::Missing) => Recovered::fresh(),
        (SavedRecord::Missing, SavedRecord::Valid { record, revision }) => Recovered {
            record: *record,
            revision,
            rewrite_store: true,
            notices: vec![Notice::Restored {
                why: Message::new("damage.missing"),
                kept: None,
            }],
            ..Recovered::fresh()
        },
        (SavedRecord::Missing, SavedRecord::Damaged(why)) => start_afresh(&why, &[&backup], now),
        (SavedRecord::Damaged(why), SavedRecord::Valid { record, revision }) => {
            match set_aside(store_path, now) {
                Ok(kept) => Recovered {
                    record: *record,
                    revision,
                    rewrite_store: true,
                    notices: vec![Notice::Restored {
                        why,
                        kept: Some(kept),
                    }],
                    ..Recovered::fresh()
                },
                Err(error) => cannot_set_aside(why, error),
            }
        }
        (SavedRecord::Damaged(why), SavedRecord::Damaged(_)) => {
            start_afresh(&why, &[store_path, &backup], now)
        }
        (SavedRecord::Damaged(why), SavedRecord::Missing) => start_afresh(&why, &[store_path], now),
        (SavedRecord::Newer { .. }, _) | (_, SavedRecord::Newer { .. }) => {
            unreachable!("handled above")
        }
    }
}

fn start_afresh(why: &Message, damaged: &[&Path], now: OffsetDateTime) -> Recovered {
    let mut kept = Vec::new();
    for path in damaged {
        match set_aside(path, now) {
            Ok(p) => kept.push(p),
            Err(error) => return cannot_set_aside(why.clone(), error),
        }
    }
    Recovered {
        notices: vec![Notice::StartedAfresh {
            why: why.clone(),
            kept,
        }],
        ..Recovered::fresh()
    }
}

fn cannot_set_aside(why: Message, error: std::io::Error) -> Recovered {
    Recovered {
        read_only: true,
        notices: vec![Notice::CannotSetAside {
            why,
            error: error.to_string(),
        }],
        ..Recovered::fresh()
    }
}

/// The newest whole copy, touching nothing: for a second copy of the app,
/// which must leave the files to the first.
pub fn peek(store_path: &Path) -> Recovered {
    let candidates = [
        inspect_store(store_path),
        inspect_backup(&backup_path(store_path)),
    ];
    let newest = candidates
        .into_iter()
        .filter_map(|saved| match saved {
            SavedRecord::Valid { record, revision } => Some((revision, record)),
            _ => None,
        })
        .max_by_key(|(revision, _)| *revision);
    match newest {
        Some((revision, record)) => Recovered {
            record: *record,
            revision,
            read_only: true,
            ..Recovered::fresh()
        },
        None => Recovered {
            read_only: true,
            ..Recovered::fresh()
        },
    }
}

/// Moves a damaged file out of the way under a timestamped name, so it can
/// still be looked at. Returns the new path.
pub fn set_aside(path: &Path, now: OffsetDateTime) -> std::io::Result<PathBuf> {
    let stamp = format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = path.with_file_name(format!("{name}.damaged-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.damaged-{stamp}-{n}"));
    }
    fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::learner::record_file::tests::{
        damaged_variants, sample_record, store_bytes,
    };
    use crate::course::learner::record_file::write_backup;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-24 10:05:09 UTC);

    struct Files {
        dir: tempfile::TempDir,
    }

    impl Files {
        fn new() -> Files {
            Files {
                dir: tempfile::tempdir().unwrap(),
            }
        }
        fn store(&self) -> PathBuf {
            self.dir.path().join("learner.json")
        }
        fn backup(&self) -> PathBuf {
            backup_path(&self.store())
        }
        fn names(&self) -> Vec<String> {
            crate::course::learner::test_support::names_in(self.dir.path())
        }
    }

    #[test]
    fn nothing_saved_is_a_quiet_fresh_start() {
        let files = Files::new();
        assert_eq!(recover(&files.store(), NOW), Recovered::fresh());
    }

    #[test]
    fn whole_files_load_quietly() {
        let files = Files::new();
        fs::write(files.store(), store_bytes(&sample_record(), 4)).unwrap();
        write_backup(&files.backup(), &sample_record(), 4).unwrap();
        let r = recover(&files.store(), NOW);
        assert_eq!(
            (r.record, r.revision, r.rewrite_store, r.notices),
            (sample_record(), 4, false, vec![])
        );
    }

    #[test]
    fn a_backup_newer_than_the_store_wins_after_a_crash_between_writes() {
        let files = Files::new();
        fs::write(files.store(), store_bytes(&LearnerRecord::default(), 4)).unwrap();
        write_backup(&files.backup(), &sample_record(), 5).unwrap();
        let r = recover(&files.store(), NOW);
        assert_eq!(
            (r.record, r.revision, r.rewrite_store),
            (sample_record(), 5, true)
        );
        assert!(r.notices.is_empty(), "nothing was lost, so nothing to tell");
    }

    #[test]
    fn every_kind_of_damaged_store_is_restored_from_the_backup_and_kept() {
        for (kind, bytes) in damaged_variants(&store_bytes(&sample_record(), 2)) {
            let files = Files::new();
            fs::write(files.store(), &bytes).unwrap();
            write_backup(&files.backup(), &sample_record(), 2).unwrap();
            let r = recover(&files.store(), NOW);
            assert_eq!(r.record, sample_record(), "{kind}");
            assert!(r.rewrite_store && !r.read_only, "{kind}");
            match &r.notices[..] {
                [Notice::Restored {
                    why,
                    kept: Some(kept),
                }] => {
                    assert!(why.to_string().contains(kind), "{kind}: {why}");
                    assert_eq!(
                        fs::read(kept).unwrap(),
                        bytes,
                        "{kind}: the damaged bytes are kept"
                    );
                }
                other => panic!("{kind}: {other:?}"),
            }
            assert!(
                !files.store().exists(),
                "{kind}: moved aside, not left to be overwritten"
            );
            assert!(r.notices[0]
                .to_string()
                .contains("Nothing you had saved was lost"));
        }
    }

    /// The data folder sits under the Windows user's name, which may have
    /// spaces and accents: setting aside and restoring must work there too.
    #[test]
    fn a_damaged_store_under_a_folder_with_spaces_and_accents_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Données de l'élève");
        fs::create_dir(&folder).unwrap();
        let store = folder.join("learner.json");
        fs::write(&store, b"{\"schema\": 1, \"consent\":").unwrap();
        write_backup(&backup_path(&store), &sample_record(), 3).unwrap();
        let r = recover(&store, NOW);
        assert_eq!((r.record, r.revision), (sample_record(), 3));
        let kept = folder.join("learner.json.damaged-20261124-100509");
        assert!(
            matches!(&r.notices[..], [Notice::Restored { kept: Some(k), .. }] if *k == kept),
            "{:?}",
            r.notices
        );
        assert_eq!(fs::read(&kept).unwrap(), b"{\"schema\": 1, \"consent\":");
    }

    #[test]
    fn a_damaged_store_without_a_backup_starts_afresh_and_says_so() {
        let files = Files::new();
        fs::write(files.store(), b"{\"learner\": {").unwrap();
        let r = recover(&files.store(), NOW);
        assert_eq!(r.record, LearnerRecord::default());
        assert!(!r.read_only);
        let message = r.notices[0].to_string();
        assert!(
            message.contains("starts again from the beginning"),
            "{message}"
        );
        assert!(
            message.contains("learner.json.damaged-20261124-100509"),
            "{message}"
        );
        assert_eq!(files.names(), vec!["learner.json.damaged-20261124-100509"]);
    }

    #[test]
    fn both_files_damaged_keeps_both_and_starts_afresh() {
        let files = Files::new();
        fs::write(files.store(), b"").unwrap();
        fs::write(files.backup(), b"nonsense").unwrap();
        let r = recover(&files.store(), NOW);
        assert!(matches!(&r.notices[..], [Notice::StartedAfresh { kept, .. }] if kept.len() == 2));
        assert_eq!(files.names().len(), 2);
        assert!(files.names().iter().all(|n| n.contains(".damaged-")));
    }

    #[test]
    fn a_deleted_store_is_restored_from_the_backup() {
        let files = Files::new();
        write_backup(&files.backup(), &sample_record(), 9).unwrap();
        let r = recover(&files.store(), NOW);
        assert_eq!(
            (r.record, r.revision, r.rewrite_store),
            (sample_record(), 9, true)
        );
        assert!(matches!(
            &r.notices[..],
            [Notice::Restored { kept: None, .. }]
        ));
    }

    #[test]
    fn a_damaged_backup_beside_a_whole_store_is_set_aside_quietly() {
        let files = Files::new();
        fs::write(files.store(), store_bytes(&sample_record(), 3)).unwrap();
        fs::write(files.backup(), b"\0\0\0").unwrap();
        let r = recover(&files.store(), NOW);
        assert_eq!((r.record, r.revision), (sample_record(), 3));
        assert!(r.notices.is_empty());
        assert!(!files.backup().exists());
    }

    #[test]
    fn files_from_a_newer_app_are_left_alone_and_nothing_is_written() {
        for newer_in_backup in [false, true] {
            let files = Files::new();
            let newer = format!(
                "{{\"learner\": {{\"schema_version\": {}}}}}",
                crate::course::learner::record::SCHEMA_VERSION + 1
            );
            let newer = newer.as_bytes();
            if newer_in_backup {
                fs::write(files.store(), store_bytes(&sample_record(), 1)).unwrap();
                let mut value: serde_json::Value = serde_json::from_slice(newer).unwrap();
                value["record"] = value["learner"].take();
                fs::write(files.backup(), value.to_string()).unwrap();
            } else {
                fs::write(files.store(), newer).unwrap();
            }
            let before = files.names();
            let r = recover(&files.store(), NOW);
            assert!(r.read_only);
            assert_eq!(
                r.notices,
                vec![Notice::NewerVersion {
                    version: u64::from(crate::course::learner::record::SCHEMA_VERSION) + 1
                }]
            );
            assert_eq!(files.names(), before, "no file moved or written");
        }
    }

    #[test]
    fn set_aside_never_replaces_an_earlier_copy() {
        let files = Files::new();
        fs::write(files.store(), b"first").unwrap();
        let first = set_aside(&files.store(), NOW).unwrap();
        fs::write(files.store(), b"second").unwrap();
        let second = set_aside(&files.store(), NOW).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read(first).unwrap(), b"first");
        assert_eq!(fs::read(second).unwrap(), b"second");
    }
}
