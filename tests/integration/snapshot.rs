//! Compares output with a file under `tests/snapshots/`. After a deliberate
//! change, refresh them with `UPDATE_SNAPSHOTS=1 cargo test --test integration`.

use std::path::PathBuf;

/// `actual` must equal `tests/snapshots/{name}` (`name` with its extension).
pub fn snapshot(name: &str, actual: &str) {
    let path: PathBuf = crate::root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from {}", path.display());
}
