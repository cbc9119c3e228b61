//! `back-pain-course check DIR`, run as a clinic would run it: the real
//! binary, its output compared with the snapshots in `tests/snapshots/`, and
//! its exit status.
//!
//! After a deliberate change to the output, refresh the snapshots with
//! `UPDATE_SNAPSHOTS=1 cargo test --test checker`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary from the repository root with a relative folder, so the
/// output names the same paths on every machine.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_back-pain-course"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn snapshot(name: &str, actual: &str) {
    let path: PathBuf = root().join("tests/snapshots").join(format!("{name}.txt"));
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

#[test]
fn check_passes_the_shipped_course_with_status_zero_and_a_lesson_table() {
    let (status, out, err) = run(&["check", "content"]);
    assert_eq!(status, 0, "{out}{err}");
    snapshot("check-shipped-course", &out);
}

#[test]
fn check_lists_every_problem_of_a_broken_pack_with_status_one() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/broken"]);
    assert_eq!(status, 1);
    snapshot("check-broken-pack", &out);
}

#[test]
fn check_names_raw_html_lines_in_a_hostile_pack() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/hostile-markup"]);
    assert_eq!(status, 1);
    snapshot("check-hostile-markup", &out);
}

#[test]
fn check_holds_a_clinic_pack_to_the_reading_standards() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/clinic"]);
    snapshot("check-clinic-pack", &out);
    assert_eq!(
        status,
        i32::from(out.contains(": ")),
        "exit status follows the problems listed"
    );
}

#[test]
fn check_on_a_missing_folder_says_so() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/no-such-pack"]);
    assert_eq!(status, 1);
    assert!(
        out.contains("tests/fixtures/packs/no-such-pack: cannot open the course folder"),
        "{out}"
    );
}

#[test]
fn help_and_version_print_and_exit_zero() {
    let (status, out, _) = run(&["--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("back-pain-course check DIR"), "{out}");
    let (status, out, _) = run(&["--version"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        format!("back-pain-course {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_without_a_folder_explains_itself_with_status_two() {
    let (status, _, err) = run(&["check"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("`check` needs the folder of a course pack"),
        "{err}"
    );
}
