//! What a test finds on disk after the app ran: which files hold what a
//! learner wrote or a page stored, and what files are there at all.

/// Every file under `root` whose bytes hold one of `marks`.
pub fn files_holding(root: &std::path::Path, marks: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() {
                let bytes = std::fs::read(&path).unwrap_or_default();
                let holds = marks.iter().any(|m| {
                    bytes.windows(m.len()).any(|w| w == m.as_bytes())
                        // SQLite and WebKit may keep text as UTF-16.
                        || {
                            let wide: Vec<u8> = m.encode_utf16().flat_map(u16::to_le_bytes).collect();
                            bytes.windows(wide.len()).any(|w| w == wide.as_slice())
                        }
                });
                if holds {
                    found.push(path.display().to_string());
                }
            }
        }
    }
    found
}

/// Files under `folder`, as paths relative to it.
pub fn files_under(folder: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(current) = folders.pop() {
        for entry in std::fs::read_dir(&current).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(
                    path.strip_prefix(folder)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    found.sort();
    found
}
