//! The integration tests that need no window and no process-wide setting,
//! in one test binary (one link instead of five, here and for Windows):
//!
//! - `architecture`: docs/architecture.md names every module, and no other;
//! - `checker`: `back-pain-course check DIR` run as a clinic would;
//! - `content`: the shipped course meets the standards it promises;
//! - `contrast`: every theme's colours reach WCAG AA;
//! - `markdown`: awkward Markdown in any page is written soundly or refused;
//! - `page`: what the page keeps between calls, checked against Rust;
//! - `security`: capabilities, CSP and the page scripts grant nothing more;
//! - `words`: the word catalog and the code agree.
//!
//! `commands` (it puts a recording `xdg-open` on PATH for the whole
//! process), `e2e`, `crash` and `install` are binaries of their own.

mod architecture;
mod checker;
mod content;
mod contrast;
mod markdown;
mod page;
mod security;
mod snapshot;
mod words;

/// The repository, where the course, the page and the snapshots are.
fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir`, at any depth.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
