//! The text files of a course pack, read into memory before anything is
//! parsed. Parsing then works on this map alone, so the built-in course and a
//! folder on disk go through exactly the same validation.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use include_dir::Dir;

use super::problem::{ContentError, Problem};

/// A text file larger than this is refused: the longest lesson is ~15 KB, and
/// a pack on a USB stick should not be able to exhaust memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024;
/// More files than a course could need means something is wrong with the pack.
pub const MAX_FILES: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct PackFiles {
    /// Path inside the pack (forward slashes) → file text.
    files: BTreeMap<String, String>,
    /// Top-level PNG files (a clinic's logo) → their bytes.
    images: BTreeMap<String, Vec<u8>>,
}

/// `prefix`: the folder inside the pack, e.g. `"lessons/"`. A pack's word
/// catalogs are JSON, and only in `locales/`.
fn is_pack_file(prefix: &str, name: &str) -> bool {
    name.ends_with(".md")
        || name.ends_with(".toml")
        || (prefix == LOCALES && name.ends_with(".json"))
}

/// The folder of a pack's word catalogs (`words::pack_catalog`).
const LOCALES: &str = "locales/";
/// The folder of the lessons.
pub const LESSONS_FOLDER: &str = "lessons/";
/// The folder of the guides, the short everyday pages.
pub const GUIDES_FOLDER: &str = "guides/";

/// Only PNG: a raster image cannot carry script, unlike SVG.
fn is_pack_image(prefix: &str, name: &str) -> bool {
    prefix.is_empty() && name.ends_with(".png")
}

impl PackFiles {
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        PackFiles {
            files: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            images: BTreeMap::new(),
        }
    }

    /// Adds an image, as a pack folder with a logo would have it.
    pub fn with_image(mut self, name: &str, bytes: Vec<u8>) -> Self {
        self.images.insert(name.to_owned(), bytes);
        self
    }

    /// The pack compiled into the binary.
    pub fn from_embedded(dir: &Dir<'_>) -> Result<Self, ContentError> {
        let mut files = BTreeMap::new();
        let mut problems = Vec::new();
        collect_embedded(dir, &mut files, &mut problems);
        finish(
            PackFiles {
                files,
                images: BTreeMap::new(),
            },
            problems,
        )
    }

    /// A pack folder on disk. Only regular files directly in the folder and
    /// in `lessons/`, `guides/` and `locales/` are read; symbolic links are refused so a pack cannot
    /// point the app at files outside itself.
    pub fn from_dir(root: &Path) -> Result<Self, ContentError> {
        let mut files = PackFiles::default();
        let mut problems = Vec::new();
        let shown_root = root.display().to_string();
        match fs::symlink_metadata(root) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(ContentError {
                    problems: vec![Problem::in_file(shown_root, "is not a folder")],
                })
            }
            Err(err) => {
                return Err(ContentError {
                    problems: vec![Problem::in_file(
                        shown_root,
                        format!("cannot open the course folder: {err}"),
                    )],
                })
            }
        }
        read_folder(root, "", &mut files, &mut problems);
        // A missing `lessons/` is reported later as "no lessons"; guides
        // and a catalog are optional.
        for folder in [LESSONS_FOLDER, GUIDES_FOLDER, LOCALES] {
            read_subfolder(root, folder, &mut files, &mut problems);
        }
        finish(files, problems)
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    pub fn image(&self, name: &str) -> Option<&[u8]> {
        self.images.get(name).map(Vec::as_slice)
    }

    fn len(&self) -> usize {
        self.files.len() + self.images.len()
    }

    /// Paths of the lesson files, in name order.
    pub fn lesson_paths(&self) -> impl Iterator<Item = &str> {
        self.pages_in(LESSONS_FOLDER)
    }

    /// The short everyday pages (optional: a pack may have none).
    pub fn guide_paths(&self) -> impl Iterator<Item = &str> {
        self.pages_in(GUIDES_FOLDER)
    }

    fn pages_in<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = &'a str> {
        self.files.keys().map(String::as_str).filter(move |p| {
            p.strip_prefix(folder)
                .is_some_and(|rest| rest.ends_with(".md") && !rest.contains('/'))
        })
    }
}

fn finish(files: PackFiles, mut problems: Vec<Problem>) -> Result<PackFiles, ContentError> {
    if files.len() > MAX_FILES {
        problems.push(Problem::in_file(
            ".",
            format!(
                "has {} files; a course pack may have at most {MAX_FILES}",
                files.len()
            ),
        ));
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(ContentError { problems })
    }
}

fn collect_embedded(
    dir: &Dir<'_>,
    files: &mut BTreeMap<String, String>,
    problems: &mut Vec<Problem>,
) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let name = path.rsplit('/').next().unwrap_or(&path);
        let prefix = &path[..path.len() - name.len()];
        if !is_pack_file(prefix, name) || name == "README.md" {
            continue;
        }
        match std::str::from_utf8(file.contents()) {
            Ok(text) => {
                files.insert(path, text.to_owned());
            }
            Err(_) => problems.push(Problem::in_file(path, "is not UTF-8 text")),
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files, problems);
    }
}

/// The pack's folder `prefix` ("lessons/"), if it is there: a real folder,
/// never a symbolic link.
fn read_subfolder(root: &Path, prefix: &str, files: &mut PackFiles, problems: &mut Vec<Problem>) {
    let name = prefix.trim_end_matches('/');
    let folder = root.join(name);
    match fs::symlink_metadata(&folder) {
        Ok(meta) if meta.is_dir() => read_folder(&folder, prefix, files, problems),
        Ok(_) => problems.push(Problem::in_file(
            name,
            "must be a folder (symbolic links are not followed)",
        )),
        Err(_) => {}
    }
}

fn read_folder(folder: &Path, prefix: &str, files: &mut PackFiles, problems: &mut Vec<Problem>) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::in_file(
                format!("{prefix}."),
                format!("cannot list the folder: {err}"),
            ));
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries.flatten() {
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    for name in names {
        let image = is_pack_image(prefix, &name);
        if !(is_pack_file(prefix, &name) || image) || name == "README.md" {
            continue;
        }
        if files.len() >= MAX_FILES {
            problems.push(Problem::in_file(
                format!("{prefix}."),
                format!("has more than {MAX_FILES} course files; the rest were not read"),
            ));
            return;
        }
        let shown = format!("{prefix}{name}");
        let path = folder.join(&name);
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(err) => {
                problems.push(Problem::in_file(shown, format!("cannot be read: {err}")));
                continue;
            }
        };
        if meta.file_type().is_symlink() {
            problems.push(Problem::in_file(
                shown,
                "is a symbolic link; a course pack must contain its own files",
            ));
            continue;
        }
        if !meta.is_file() {
            continue;
        }
        if meta.len() > MAX_FILE_BYTES {
            problems.push(Problem::in_file(
                shown,
                format!(
                    "is {} bytes; a course file may be at most {MAX_FILE_BYTES} bytes",
                    meta.len()
                ),
            ));
            continue;
        }
        match read_capped(&path) {
            Ok(bytes) if image => {
                files.images.insert(shown, bytes);
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    files.files.insert(shown, without_byte_order_mark(text));
                }
                Err(_) => problems.push(Problem::in_file(shown, "is not UTF-8 text")),
            },
            Err(err) => problems.push(Problem::in_file(shown, format!("cannot be read: {err}"))),
        }
    }
}

/// The text without the byte-order mark Windows Notepad puts first: every
/// file kind (TOML, Markdown, JSON) is then read as if saved without it,
/// with the same lines.
fn without_byte_order_mark(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// One text file outside a pack (a portable copy's settings), read as
/// pack files are: capped in size, UTF-8, without Notepad's byte-order mark.
pub(crate) fn read_text_file(path: &Path) -> std::io::Result<String> {
    let bytes = read_capped(path)?;
    let text =
        String::from_utf8(bytes).map_err(|_| std::io::Error::other("it is not UTF-8 text"))?;
    Ok(without_byte_order_mark(text))
}

/// Reads at most one byte past the cap, so a file that grows after its size
/// was checked still cannot exhaust memory.
pub(super) fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "it is larger than {MAX_FILE_BYTES} bytes"
        )));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn from_dir_reads_top_level_png_images_as_bytes_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("logo.png"), b"\x89PNG\r\n\x1a\n\xff").unwrap();
        fs::create_dir(dir.path().join("lessons")).unwrap();
        fs::write(dir.path().join("lessons/inner.png"), b"\x89PNG").unwrap();
        let files = PackFiles::from_dir(dir.path()).unwrap();
        assert_eq!(files.image("logo.png"), Some(&b"\x89PNG\r\n\x1a\n\xff"[..]));
        assert_eq!(files.get("logo.png"), None, "an image is never text");
        assert_eq!(files.image("lessons/inner.png"), None);
    }

    #[test]
    fn from_dir_reads_top_level_and_lesson_files_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("course.toml"), "title = 'x'").unwrap();
        fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        fs::create_dir(dir.path().join("lessons")).unwrap();
        fs::write(dir.path().join("lessons/01.md"), "# one").unwrap();
        fs::create_dir(dir.path().join("other")).unwrap();
        fs::write(dir.path().join("other/x.md"), "not read").unwrap();

        let files = PackFiles::from_dir(dir.path()).unwrap();
        assert_eq!(files.get("course.toml"), Some("title = 'x'"));
        assert_eq!(
            files.lesson_paths().collect::<Vec<_>>(),
            vec!["lessons/01.md"]
        );
        assert_eq!(files.get("other/x.md"), None);
        assert_eq!(files.get("notes.txt"), None);
    }

    #[cfg(unix)]
    #[test]
    fn from_dir_refuses_a_symlink_that_points_out_of_the_pack() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.md"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("lessons")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.md"),
            dir.path().join("lessons/01.md"),
        )
        .unwrap();

        let err = PackFiles::from_dir(dir.path()).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        assert_eq!(err.problems[0].file, "lessons/01.md");
        assert!(err.problems[0].message.contains("symbolic link"));
    }

    #[test]
    fn from_dir_refuses_an_oversized_file_and_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let big = "a".repeat(MAX_FILE_BYTES as usize + 1);
        fs::write(dir.path().join("intro.md"), big).unwrap();
        let err = PackFiles::from_dir(dir.path()).unwrap_err();
        assert_eq!(err.problems[0].file, "intro.md");
        assert!(err.problems[0].message.contains("at most"));
    }

    #[test]
    fn from_dir_refuses_text_that_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("intro.md"), [0xff, 0xfe, 0x00]).unwrap();
        let err = PackFiles::from_dir(dir.path()).unwrap_err();
        assert!(err.to_string().contains("intro.md: is not UTF-8 text"));
    }

    #[test]
    fn from_dir_on_a_missing_folder_says_it_cannot_open_it() {
        let dir = tempfile::tempdir().unwrap();
        let err = PackFiles::from_dir(&dir.path().join("nope")).unwrap_err();
        assert!(err.to_string().contains("cannot open the course folder"));
    }
}
