//! What the learner is told, once, about their saved progress at start-up.
//! All the wording lives here, next to the other Rust-side messages' source.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The store file was damaged or missing and the backup replaced it.
    Restored { why: String, kept: Option<PathBuf> },
    /// Nothing usable was left; the course starts from the beginning.
    StartedAfresh { why: String, kept: Vec<PathBuf> },
    /// A newer app saved the progress; this one will not touch it.
    NewerVersion { version: u64 },
    /// A damaged file could not be moved aside, so nothing will be written.
    CannotSetAside { why: String, error: String },
    /// Another copy of the app has the progress open.
    AlreadyOpen,
    /// The store could not be opened at all.
    StoreUnavailable { error: String },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Restored { why, kept } => {
                write!(
                    f,
                    "Your saved progress file could not be read because {why}, so it was restored from its backup copy. Nothing you had saved was lost."
                )?;
                if let Some(kept) = kept {
                    write!(f, " The damaged file was kept as {}.", kept.display())?;
                }
                Ok(())
            }
            Notice::StartedAfresh { why, kept } => {
                write!(
                    f,
                    "Your saved progress could not be read because {why}, and there was no usable backup. The course starts again from the beginning."
                )?;
                if !kept.is_empty() {
                    let names: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
                    write!(f, " The damaged files were kept as {}.", names.join(" and "))?;
                }
                Ok(())
            }
            Notice::NewerVersion { version } => write!(
                f,
                "Your progress was saved by a newer version of this app (format {version}). This version will not change it, and will not remember what you do today. Please use the newer version to keep your progress."
            ),
            Notice::CannotSetAside { why, error } => write!(
                f,
                "Your saved progress could not be read because {why}, and the file could not be moved aside ({error}). It has been left as it is, and what you do today will not be remembered."
            ),
            Notice::AlreadyOpen => write!(
                f,
                "The course is already open in another window. This window shows your progress but will not save changes: please use the other window, or close it and open the course again."
            ),
            Notice::StoreUnavailable { error } => write!(
                f,
                "Your progress cannot be saved on this computer ({error}). You can still read the course."
            ),
        }
    }
}
