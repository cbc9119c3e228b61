//! Checking the learner's saved file before anything else touches it. The
//! store plugin would silently start empty on a file it cannot parse and then
//! overwrite it; reading it here first means a damaged file is never lost.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde_json::Value;
use time::OffsetDateTime;

use super::progress::{LearnerRecord, SCHEMA_VERSION};

/// The key of the learner's record inside the store file.
pub const RECORD_KEY: &str = "learner";
/// No real record comes near this; a bigger file is damage, not progress.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedRecord {
    /// No file yet: a first start.
    Missing,
    Valid(LearnerRecord),
    /// Saved by a newer app: read nothing from it, and never overwrite it.
    Newer {
        version: u64,
    },
    /// Present but unusable, and why.
    Damaged(String),
}

/// Reads and checks the store file at `path`.
pub fn inspect(path: &Path) -> SavedRecord {
    match fs::metadata(path) {
        Err(err) if err.kind() == ErrorKind::NotFound => return SavedRecord::Missing,
        Err(err) => return SavedRecord::Damaged(format!("it could not be read ({err})")),
        Ok(meta) if meta.len() > MAX_RECORD_BYTES => {
            return SavedRecord::Damaged(format!("it is far too large ({} bytes)", meta.len()))
        }
        Ok(_) => {}
    }
    match fs::read(path) {
        Ok(bytes) => parse_store_bytes(&bytes),
        Err(err) => SavedRecord::Damaged(format!("it could not be read ({err})")),
    }
}

pub fn parse_store_bytes(bytes: &[u8]) -> SavedRecord {
    if bytes.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return SavedRecord::Damaged("it is empty".into());
    }
    let root: Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(err) => return SavedRecord::Damaged(format!("it is not valid JSON ({err})")),
    };
    let Some(record) = root.get(RECORD_KEY) else {
        return SavedRecord::Damaged(format!("it has no \"{RECORD_KEY}\" entry"));
    };
    match record.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => return SavedRecord::Newer { version: v },
        Some(_) => {}
        None => return SavedRecord::Damaged("it has no schema version".into()),
    }
    match serde_json::from_value::<LearnerRecord>(record.clone()) {
        Ok(record) if record.schema_version == SCHEMA_VERSION => SavedRecord::Valid(record),
        Ok(record) => SavedRecord::Damaged(format!(
            "schema version {} is not supported",
            record.schema_version
        )),
        Err(err) => SavedRecord::Damaged(format!("its contents are not as expected ({err})")),
    }
}

/// Moves a damaged file out of the way under a timestamped name, so the
/// learner (or a helper) can still look at it. Returns the new path.
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
    use time::macros::datetime;

    fn write(dir: &Path, bytes: &[u8]) -> PathBuf {
        let path = dir.join("learner.json");
        fs::write(&path, bytes).unwrap();
        path
    }

    fn good_json() -> String {
        let record = LearnerRecord::default();
        serde_json::json!({ RECORD_KEY: record }).to_string()
    }

    #[test]
    fn a_missing_file_is_a_first_start() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            inspect(&dir.path().join("learner.json")),
            SavedRecord::Missing
        );
    }

    #[test]
    fn a_valid_file_gives_its_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), good_json().as_bytes());
        assert_eq!(inspect(&path), SavedRecord::Valid(LearnerRecord::default()));
    }

    #[test]
    fn each_kind_of_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let good = good_json();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("empty", vec![0u8; 64]),
            ("not valid JSON", good.as_bytes()[..good.len() / 2].to_vec()),
            ("not valid JSON", b"garbage \xff\xfe".to_vec()),
            ("no \"learner\" entry", b"{}".to_vec()),
            ("no schema version", br#"{"learner": {"consent": null}}"#.to_vec()),
            (
                "not as expected",
                br#"{"learner": {"schema_version": 1, "consent": 5, "lessons": {}, "last_lesson": null}}"#.to_vec(),
            ),
        ];
        for (expected, bytes) in cases {
            let path = write(dir.path(), &bytes);
            match inspect(&path) {
                SavedRecord::Damaged(reason) => {
                    assert!(reason.contains(expected), "{expected}: {reason}")
                }
                other => panic!("{expected}: got {other:?}"),
            }
        }
    }

    #[test]
    fn a_newer_schema_is_recognised_not_called_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            br#"{"learner": {"schema_version": 7, "whatever": true}}"#,
        );
        assert_eq!(inspect(&path), SavedRecord::Newer { version: 7 });
    }

    #[test]
    fn set_aside_keeps_the_bytes_under_a_timestamped_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), b"broken");
        let now = datetime!(2026-11-24 10:05:09 UTC);
        let first = set_aside(&path, now).unwrap();
        assert_eq!(
            first.file_name().unwrap(),
            "learner.json.damaged-20261124-100509"
        );
        assert_eq!(fs::read(&first).unwrap(), b"broken");
        assert!(!path.exists());
        write(dir.path(), b"again");
        let second = set_aside(&path, now).unwrap();
        assert_ne!(first, second);
    }
}
