//! `back-pain-course check DIR`, run as a clinic would run it: the real
//! binary, its output compared with the snapshots in `tests/snapshots/`, and
//! its exit status.
//!
//! After a deliberate change to the output, refresh the snapshots with
//! `UPDATE_SNAPSHOTS=1 cargo test --test integration`.

use std::path::Path;
use std::process::Command;

use crate::snapshot::snapshot;

use crate::{root, walk};

/// Runs the binary from the repository root with a relative folder, so the
/// output names the same paths on every machine.
/// `check` runs as on the day the shipped numbers were checked, so no test
/// turns red by the calendar alone.
fn run(args: &[&str]) -> (i32, String, String) {
    run_program(env!("CARGO_BIN_EXE_back-pain-course"), args)
}

fn run_program(program: &str, args: &[&str]) -> (i32, String, String) {
    let mut args = args.to_vec();
    if args.first() == Some(&"check") && !args.contains(&"--today") {
        args.extend(["--today", "2026-12-03"]);
    }
    let output = Command::new(program)
        .args(&args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn check_passes_the_shipped_course_with_status_zero_and_a_lesson_table() {
    let (status, out, err) = run(&["check", "content"]);
    assert_eq!(status, 0, "{out}{err}");
    snapshot("check-shipped-course.txt", &out);
}

#[test]
fn check_lists_every_problem_of_a_broken_pack_with_status_one() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/broken"]);
    assert_eq!(status, 1);
    snapshot("check-broken-pack.txt", &out);
}

/// The console checker (for Windows' Command Prompt, which does not wait for
/// the app) is the same checker: the same output and status, pack by pack,
/// with or without `check` before the folder.
#[test]
fn the_console_checker_prints_what_check_prints_with_the_same_status() {
    let console = env!("CARGO_BIN_EXE_back-pain-course-check");
    for pack in ["content", "tests/fixtures/packs/broken"] {
        let app = run(&["check", pack]);
        assert_eq!(run_program(console, &["check", pack]), app, "{pack}");
        let (status, out, _) = run_program(console, &[pack, "--today", "2026-12-03"]);
        assert_eq!((status, out), (app.0, app.1), "{pack} without `check`");
    }
    let (status, out, _) = run_program(console, &["--version"]);
    assert_eq!(status, 0);
    assert_eq!(
        out.trim(),
        format!("back-pain-course-check {}", env!("CARGO_PKG_VERSION"))
    );
    let (status, _, err) = run_program(console, &[]);
    assert_eq!(status, 2);
    assert!(err.contains("back-pain-course-check DIR"), "{err}");
}

#[test]
fn check_names_raw_html_lines_in_a_hostile_pack() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/hostile-markup"]);
    assert_eq!(status, 1);
    snapshot("check-hostile-markup.txt", &out);
}

#[test]
fn check_holds_a_clinic_pack_to_the_reading_standards() {
    let (status, out, _) = run(&["check", "tests/fixtures/packs/clinic"]);
    snapshot("check-clinic-pack.txt", &out);
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

/// The clinic fixture copied to a temporary folder, with `course.toml`'s
/// `[help]` table replaced by `help` (or removed when it is empty).
/// A copy of the pack in `from`, in a folder of its own.
fn pack_copy(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walk(from) {
        let to = dir.path().join(entry.strip_prefix(from).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    dir
}

fn clinic_pack_with_help(help: &str) -> tempfile::TempDir {
    let dir = pack_copy(&root().join("tests/fixtures/packs/clinic"));
    let config = dir.path().join("course.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let without = &text[..text.find("[help]").expect("the fixture has [help]")];
    std::fs::write(&config, format!("{without}{help}")).unwrap();
    dir
}

fn check_help(help: &str) -> (i32, String) {
    let pack = clinic_pack_with_help(help);
    let (status, out, _) = run(&["check", pack.path().to_str().unwrap()]);
    (status, out)
}

const HELP: &str = "[help]\nregion = \"Ireland\"\nchecked = \"2026-10\"\n[help.emergency]\nheading = \"Emergency: call now\"\ncontact = [{ label = \"Emergency\", number = \"112\" }]\n[help.urgent]\nheading = \"See a doctor within a day or two\"\ncontact = [{ label = \"Your GP\", number = \"01 234 5678\" }]\n[help.crisis]\nheading = \"If you feel low or hopeless\"\ncontact = [{ label = \"Samaritans\", number = \"116 123\" }]\n";

#[test]
fn check_accepts_a_pack_with_its_own_help_numbers() {
    let (status, out) = check_help(HELP);
    assert_eq!(status, 0, "{out}");
}

#[test]
fn check_refuses_numbers_checked_over_a_year_ago_naming_the_line() {
    let pack = clinic_pack_with_help(HELP);
    let folder = pack.path().to_str().unwrap();
    let (status, _, _) = run(&["check", folder, "--today", "2027-10-31"]);
    assert_eq!(status, 0, "twelve months is still current");
    let (status, out, _) = run(&["check", "--today", "2027-11-01", folder]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.starts_with("course.toml:13: the help numbers were last checked in 2026-10, 13 months before 2027-11-01"),
        "{out}"
    );
}

#[test]
fn check_refuses_a_link_to_a_screen_that_does_not_exist_with_file_and_line() {
    let pack = clinic_pack_with_help(HELP);
    let lesson = pack.path().join("lessons/01-moving.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let line = text.lines().count() + 2;
    std::fs::write(
        &lesson,
        format!("{text}\nIf in doubt, see [Get help now](#get-hlep).\n"),
    )
    .unwrap();
    let (status, out, _) = run(&["check", pack.path().to_str().unwrap()]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains(&format!(
            "lessons/01-moving.md:{line}: the link #get-hlep goes to no screen of the app"
        )),
        "{out}"
    );
}

/// `folder` copied with every text file as Windows Notepad saves it: a
/// UTF-8 byte-order mark, and CRLF line endings.
fn windows_copy(folder: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walk(folder) {
        let to = dir.path().join(entry.strip_prefix(folder).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        let bytes = std::fs::read(&entry).unwrap();
        match String::from_utf8(bytes.clone()) {
            Ok(text) if entry.extension().is_none_or(|e| e != "png") => {
                let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
                std::fs::write(&to, format!("\u{feff}{crlf}")).unwrap();
            }
            _ => std::fs::write(&to, bytes).unwrap(),
        }
    }
    dir
}

/// Packs written on Windows (BOM and CRLF in every file kind: TOML,
/// Markdown, JSON) check exactly as the same packs with LF do: the same
/// problems on the same lines, the same table, the same status.
#[test]
fn a_pack_saved_on_windows_checks_exactly_as_the_same_pack_with_lf() {
    for pack in [
        "content",
        "tests/fixtures/packs/broken",
        "tests/fixtures/packs/clinic",
    ] {
        let windows = windows_copy(&root().join(pack));
        let copy = windows.path().to_str().unwrap();
        let (lf_status, lf_out, _) = run(&["check", pack]);
        let (crlf_status, crlf_out, _) = run(&["check", copy]);
        assert_eq!(crlf_status, lf_status, "{pack}: {crlf_out}");
        assert_eq!(crlf_out.replace(copy, pack), lf_out, "{pack}");
    }
    // A word catalog too, with a misspelt key for a problem with a line.
    let clinic = clinic_pack_with_help(HELP);
    std::fs::create_dir_all(clinic.path().join("locales")).unwrap();
    std::fs::write(
        clinic.path().join("locales/en-AU.json"),
        "{\n  \"nav.home\": \"Home\",\n  \"nav.hmoe\": \"Home\"\n}\n",
    )
    .unwrap();
    let lf = clinic.path().to_str().unwrap();
    let windows = windows_copy(clinic.path());
    let crlf = windows.path().to_str().unwrap();
    let (lf_status, lf_out, _) = run(&["check", lf]);
    let (crlf_status, crlf_out, _) = run(&["check", crlf]);
    assert!(lf_out.contains("locales/en-AU.json:3:"), "{lf_out}");
    assert_eq!(
        (crlf_status, crlf_out.replace(crlf, lf)),
        (lf_status, lf_out)
    );
}

#[test]
fn check_refuses_a_pack_without_help_numbers() {
    let (status, out) = check_help("");
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("course.toml: `[help]` is missing"), "{out}");
}

#[test]
fn check_names_the_line_of_a_malformed_help_number_or_label() {
    // In the clinic fixture, [help] starts on line 11: region is on 12,
    // the date on 13, then emergency (contact on 16), urgent (19) and crisis.
    let (status, out) = check_help(&HELP.replace("\"112\"", "\"call 112\""));
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("course.toml:16: `help.emergency.contact[1].number` must be digits"),
        "{out}"
    );
    let (_, out) = check_help(&HELP.replace("\"Your GP\"", "\"<a href='tel:1'>GP</a>\""));
    assert!(
        out.contains("course.toml:19: `help.urgent.contact[1].label` must be one line"),
        "{out}"
    );
}

#[test]
fn check_names_an_extra_help_field_on_its_line() {
    let (status, out) = check_help(&format!("{HELP}website = \"https://x.example\"\n"));
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("course.toml:23:"), "{out}");
    assert!(out.contains("website"), "{out}");
}

/// The shipped course copied, with its "Starting to move" page changed by
/// `change`.
fn course_with_moving_page(change: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = pack_copy(&root().join("content"));
    let page = dir.path().join("guides/02-moving.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, change(&text)).unwrap();
    dir
}

#[test]
fn check_names_the_file_and_line_of_a_movement_a_clinic_got_wrong() {
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    // An angle out of range (the bridge's lifted pose), an unknown body
    // part (pelvic tilt) and the knee rolls' stop rule left out: each block
    // its own problem, on its own line of the changed file.
    let change = |text: &str| {
        text.replace("torso = 205", "torso = 999")
            .replace(
                "label = \"Press the small of your back down\"\ntorso = 180\nhead = 180\nnear_arm",
                "label = \"Press the small of your back down\"\ntorso = 180\nhead = 180\nnear_elbow",
            )
            .replacen("stop = \"Only go as far as is comfortable.\"\n", "", 1)
    };
    let changed =
        change(&std::fs::read_to_string(root().join("content/guides/02-moving.md")).unwrap());
    let torso = line_of(&changed, "torso = 999");
    let elbow = line_of(&changed, "near_elbow");
    let pack = course_with_moving_page(change);
    let (status, out, _) = run(&["check", pack.path().to_str().unwrap()]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains(&format!(
            "guides/02-moving.md:{torso}: figure: `torso` has the angle 999"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "guides/02-moving.md:{elbow}: unknown field `near_elbow`"
        )),
        "{out}"
    );
    assert!(out.contains("figure: a movement needs `stop`"), "{out}");
}
