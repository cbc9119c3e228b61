//! What the learner is told, once, about their saved progress at start-up.
//! The words are the catalog's (`notice.*`), said in the course's language.

use std::path::PathBuf;

use crate::course::words::{display_in_english, Arg, Message};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The store file was damaged or missing and the backup replaced it.
    Restored { why: Message, kept: Option<PathBuf> },
    /// Nothing usable was left; the course starts from the beginning.
    StartedAfresh { why: Message, kept: Vec<PathBuf> },
    /// A newer app saved the progress; this one will not touch it.
    NewerVersion { version: u64 },
    /// A damaged file could not be moved aside, so nothing will be written.
    CannotSetAside { why: Message, error: String },
    /// Another copy of the app has the progress open.
    AlreadyOpen,
    /// The store could not be opened at all.
    StoreUnavailable { error: String },
    /// A portable copy was asked to keep the record in its folder, which
    /// cannot be written: it is kept in `instead`, on the computer.
    PortableFolderReadOnly { folder: PathBuf, instead: PathBuf },
    /// A portable copy found a record in its other place (`folder`), which
    /// it leaves as it is; it uses `used`.
    RecordElsewhere { folder: PathBuf, used: PathBuf },
    /// A portable copy's `portable.toml` was not understood.
    PortableSettings { problem: String },
}

impl Notice {
    /// What the learner is told, in the catalog's words: whole sentences,
    /// so a translation never has to be put together from parts.
    pub fn message(&self) -> Message {
        match self {
            Notice::Restored { why, kept: None } => {
                Message::new("notice.restored").with_words("why", why.clone())
            }
            Notice::Restored {
                why,
                kept: Some(kept),
            } => Message::new("notice.restored-kept")
                .with_words("why", why.clone())
                .with("file", kept.display()),
            Notice::StartedAfresh { why, kept } => match listed(kept) {
                None => Message::new("notice.started-afresh").with_words("why", why.clone()),
                Some(files) => Message::new("notice.started-afresh-kept")
                    .with_words("why", why.clone())
                    .with_arg("files", files),
            },
            Notice::NewerVersion { version } => {
                Message::new("notice.newer-version").with("version", version)
            }
            Notice::CannotSetAside { why, error } => Message::new("notice.cannot-set-aside")
                .with_words("why", why.clone())
                .with("error", error),
            Notice::AlreadyOpen => Message::new("notice.already-open"),
            Notice::StoreUnavailable { error } => {
                Message::new("notice.store-unavailable").with("error", error)
            }
            Notice::PortableFolderReadOnly { folder, instead } => {
                Message::new("notice.portable-read-only")
                    .with("folder", folder.display())
                    .with("instead", instead.display())
            }
            Notice::RecordElsewhere { folder, used } => Message::new("notice.record-elsewhere")
                .with("folder", folder.display())
                .with("used", used.display()),
            Notice::PortableSettings { problem } => {
                Message::new("notice.portable-settings").with("problem", problem)
            }
        }
    }
}

display_in_english!(Notice);

/// "a and b and c", in the catalog's words.
fn listed(paths: &[PathBuf]) -> Option<Arg> {
    let (last, rest) = paths.split_last()?;
    let last = Arg::Text(last.display().to_string());
    Some(rest.iter().rev().fold(last, |tail, path| {
        Arg::Words(
            Message::new("notice.list-and")
                .with("first", path.display())
                .with_arg("rest", tail),
        )
    }))
}
