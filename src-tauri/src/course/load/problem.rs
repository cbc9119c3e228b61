//! A problem found in a course pack, named by file and line so that whoever
//! wrote the pack can go straight to it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Path inside the pack, with forward slashes, e.g. `lessons/01-why.md`.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    pub fn in_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(file, None, message)
    }

    pub fn at_line(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem::new(file, Some(line), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem in a pack, reported together: fixing one at a time and
/// reloading would waste a clinic's afternoon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub problems: Vec<Problem>,
}

/// More problems than anyone will read; a hostile pack could produce millions.
pub const MAX_PROBLEMS: usize = 200;

impl ContentError {
    /// Keeps the first `MAX_PROBLEMS`, and says how many more there were.
    pub fn capped(mut problems: Vec<Problem>) -> ContentError {
        if problems.len() > MAX_PROBLEMS {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(Problem::in_file("…", format!("and {more} more problems")));
        }
        ContentError { problems }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(Problem::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ContentError {}

/// Why `text` cannot be shown as one line of plain text of at most `max`
/// characters (figure labels, question text), if it cannot.
pub fn plain_text_problem(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        Some("must not be empty".into())
    } else if text.chars().count() > max {
        Some(format!("is longer than {max} characters"))
    } else if text.contains(['<', '>']) {
        Some("must be plain text, without markup".into())
    } else if text.contains(char::is_control) {
        Some("must be one line of text".into())
    } else {
        None
    }
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_with_line_reads_as_file_colon_line() {
        let p = Problem::at_line("lessons/a.md", 3, "title is missing");
        assert_eq!(p.to_string(), "lessons/a.md:3: title is missing");
    }

    #[test]
    fn problem_without_line_reads_as_file_only() {
        let p = Problem::in_file("course.toml", "file is missing");
        assert_eq!(p.to_string(), "course.toml: file is missing");
    }

    #[test]
    fn a_flood_of_problems_is_cut_short_and_counted() {
        let many = (0..1000)
            .map(|i| Problem::at_line("a.md", i, "x"))
            .collect();
        let err = ContentError::capped(many);
        assert_eq!(err.problems.len(), MAX_PROBLEMS + 1);
        assert!(err.to_string().ends_with("and 800 more problems"));
    }

    #[test]
    fn line_of_offset_counts_newlines_before_it() {
        let text = "a\nbb\nccc";
        assert_eq!(line_of_offset(text, 0), 1);
        assert_eq!(line_of_offset(text, 2), 2);
        assert_eq!(line_of_offset(text, 5), 3);
        assert_eq!(line_of_offset(text, 999), 3);
    }
}
