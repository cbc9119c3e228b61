//! What the command line asks for. The app is mostly started with no
//! arguments; clinics use `--pack DIR` and `check DIR`.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, with the course pack named by `--pack`, if any.
    Run {
        pack: Option<PathBuf>,
    },
    /// Check a pack folder and print its problems; no window. `today` is
    /// the date the numbers' age is measured from (`None`: the clock's).
    Check {
        folder: PathBuf,
        today: Option<time::Date>,
    },
    Help,
    Version,
    /// The arguments make no sense; the message says why.
    Invalid(String),
}

pub const USAGE: &str = "\
Persistent Back Pain Mini Course

Usage:
  back-pain-course                 open the course
  back-pain-course --pack DIR      open the course pack in folder DIR
  back-pain-course check DIR       check the course pack in DIR and print every problem
  back-pain-course check DIR --today YYYY-MM-DD
                                   the same, as on that day (how old the help numbers are)
  back-pain-course --help          show this help
  back-pain-course --version       show the version

Without --pack, the app uses the folder named by BACK_PAIN_COURSE_PACK, then a
`course-pack` folder beside the program, then the system-wide course-pack
folder, then the course built into the app.

`check` exits with status 0 when the pack is fine and 1 when it has problems.";

/// Whether this invocation prints to the terminal it was started from.
/// Every command-line verb does (its output is the whole point, and a
/// clinic reads it); opening the window does not, so the course never ties
/// itself to a terminal a learner's shortcut may have started it from. On
/// Windows this decides whether to attach to the parent's console (see
/// `console::attach_to_parent`).
pub fn needs_console(invocation: &Invocation) -> bool {
    match invocation {
        Invocation::Run { .. } => false,
        Invocation::Check { .. }
        | Invocation::Help
        | Invocation::Version
        | Invocation::Invalid(_) => true,
    }
}

/// Parses the arguments after the program name. Arguments it does not know
/// are left alone: a WebDriver or a desktop launcher may add its own.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Invocation {
    let args: Vec<OsString> = args.into_iter().collect();
    let first = args.first().and_then(|a| a.to_str());
    match first {
        Some("--help" | "-h" | "help") => return Invocation::Help,
        Some("--version" | "-V") => return Invocation::Version,
        Some("check") => {
            return parse_check(&args[1..]);
        }
        _ => {}
    }
    let mut pack = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--pack" {
            match iter.next() {
                Some(folder) => pack = Some(PathBuf::from(folder)),
                None => {
                    return Invocation::Invalid(
                        "`--pack` needs a folder: back-pain-course --pack DIR".into(),
                    )
                }
            }
        } else if let Some(folder) = arg.to_str().and_then(|a| a.strip_prefix("--pack=")) {
            pack = Some(PathBuf::from(folder));
        }
    }
    Invocation::Run { pack }
}

/// The console checker's usage (`back-pain-course-check`, for Windows'
/// Command Prompt and PowerShell, which wait for it).
pub const CHECKER_USAGE: &str = "\
Persistent Back Pain Mini Course: the course pack checker

Usage:
  back-pain-course-check DIR       check the course pack in DIR and print every problem
  back-pain-course-check DIR --today YYYY-MM-DD
                                   the same, as on that day (how old the help numbers are)
  back-pain-course-check --help    show this help
  back-pain-course-check --version show the version

It does what `back-pain-course check DIR` does, as a console program, so a
Command Prompt, PowerShell or a script waits for it and gets its exit status:
0 when the pack is fine, 1 when it has problems.";

/// The console checker's arguments: a folder (with `--today`), `--help` or
/// `--version`; `check` before the folder is allowed, as the app spells it.
pub fn parse_checker(args: impl IntoIterator<Item = OsString>) -> Invocation {
    let args: Vec<OsString> = args.into_iter().collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("--help" | "-h" | "help") => Invocation::Help,
        Some("--version" | "-V") => Invocation::Version,
        Some("check") => parse_check(&args[1..]),
        _ => parse_check(&args),
    }
}

/// `check DIR [--today YYYY-MM-DD]`, the flag before or after the folder.
fn parse_check(args: &[OsString]) -> Invocation {
    let mut folder = None;
    let mut today = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--today" {
            let Some(date) = iter.next().and_then(|d| d.to_str()) else {
                return Invocation::Invalid("`--today` needs a date: --today 2026-12-03".into());
            };
            match parse_date(date) {
                Some(date) => today = Some(date),
                None => {
                    return Invocation::Invalid(format!(
                    "`--today` needs a date written YYYY-MM-DD, such as 2026-12-03, not {date:?}"
                ))
                }
            }
        } else if folder.is_some() {
            return Invocation::Invalid(
                "`check` takes one folder: back-pain-course check DIR".into(),
            );
        } else {
            folder = Some(PathBuf::from(arg));
        }
    }
    match folder {
        Some(folder) => Invocation::Check { folder, today },
        None => Invocation::Invalid(
            "`check` needs the folder of a course pack: back-pain-course check DIR".into(),
        ),
    }
}

fn parse_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, format).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Invocation {
        parse(list.iter().map(OsString::from))
    }

    fn checker_args(list: &[&str]) -> Invocation {
        parse_checker(list.iter().map(OsString::from))
    }

    #[test]
    fn the_console_checker_takes_the_folder_alone_or_after_check_and_the_same_flags() {
        let fine = Invocation::Check {
            folder: PathBuf::from("my pack"),
            today: None,
        };
        assert_eq!(checker_args(&["my pack"]), fine);
        assert_eq!(checker_args(&["check", "my pack"]), fine);
        assert_eq!(checker_args(&["--help"]), Invocation::Help);
        assert_eq!(checker_args(&["--version"]), Invocation::Version);
        assert!(matches!(
            checker_args(&["my pack", "--today", "2026-12-03"]),
            Invocation::Check { today: Some(_), .. }
        ));
        assert!(matches!(checker_args(&[]), Invocation::Invalid(_)));
        assert!(matches!(checker_args(&["a", "b"]), Invocation::Invalid(_)));
    }

    #[test]
    fn no_arguments_runs_the_built_in_search() {
        assert_eq!(args(&[]), Invocation::Run { pack: None });
    }

    #[test]
    fn pack_is_taken_in_both_spellings() {
        assert_eq!(
            args(&["--pack", "/p"]),
            Invocation::Run {
                pack: Some("/p".into())
            }
        );
        assert_eq!(
            args(&["--pack=/p"]),
            Invocation::Run {
                pack: Some("/p".into())
            }
        );
    }

    #[test]
    fn check_needs_exactly_one_folder() {
        assert_eq!(
            args(&["check", "/p"]),
            Invocation::Check {
                today: None,
                folder: "/p".into()
            }
        );
        assert!(
            matches!(args(&["check"]), Invocation::Invalid(m) if m.contains("needs the folder"))
        );
        assert!(matches!(args(&["check", "a", "b"]), Invocation::Invalid(_)));
    }

    #[test]
    fn check_takes_a_today_date_before_or_after_the_folder() {
        let day = time::macros::date!(2027 - 01 - 31);
        for list in [
            &["check", "/p", "--today", "2027-01-31"][..],
            &["check", "--today", "2027-01-31", "/p"],
        ] {
            assert_eq!(
                args(list),
                Invocation::Check {
                    folder: "/p".into(),
                    today: Some(day)
                }
            );
        }
        for bad in ["2027-13-01", "31/01/2027", "tomorrow"] {
            assert!(
                matches!(args(&["check", "/p", "--today", bad]), Invocation::Invalid(m) if m.contains("YYYY-MM-DD")),
                "{bad} accepted"
            );
        }
        assert!(matches!(
            args(&["check", "/p", "--today"]),
            Invocation::Invalid(_)
        ));
    }

    #[test]
    fn help_and_version_are_recognised() {
        assert_eq!(args(&["--help"]), Invocation::Help);
        assert_eq!(args(&["-h"]), Invocation::Help);
        assert_eq!(args(&["--version"]), Invocation::Version);
    }

    #[test]
    fn unknown_arguments_from_launchers_are_ignored() {
        assert_eq!(
            args(&["--automation", "--pack", "/p"]),
            Invocation::Run {
                pack: Some("/p".into())
            }
        );
    }

    #[test]
    fn every_command_line_verb_needs_the_console_and_the_window_does_not() {
        for verb in [
            &["check", "content"][..],
            &["check"],
            &["--version"],
            &["-V"],
            &["--help"],
            &["help"],
            &["--pack"],
        ] {
            assert!(needs_console(&args(verb)), "{verb:?}");
        }
        for window in [&[][..], &["--pack", "/p"], &["--automation"]] {
            assert!(!needs_console(&args(window)), "{window:?}");
        }
    }

    #[test]
    fn a_dangling_pack_flag_is_explained() {
        assert!(
            matches!(args(&["--pack"]), Invocation::Invalid(m) if m.contains("needs a folder"))
        );
    }
}
