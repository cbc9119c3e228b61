//! Parsing a TOML file (or front-matter block) into a typed struct, with
//! errors that carry the line they are on.

use serde::de::DeserializeOwned;

use super::problem::{line_of_offset, Problem};

/// Parses `text`, which starts at line `first_line` of `file`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str, first_line: usize) -> Result<T, Problem> {
    toml::from_str::<T>(text).map_err(|err| {
        let line = err
            .span()
            .map(|span| line_of_offset(text, span.start) + first_line - 1)
            .unwrap_or(first_line);
        Problem::at_line(file, line, err.message().trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        minutes: u32,
    }

    #[test]
    fn a_wrong_type_is_reported_on_its_own_line_offset_by_the_block_start() {
        let err = parse::<Sample>("a.md", "title = 'x'\nminutes = 'six'\n", 2).unwrap_err();
        assert_eq!(err.file, "a.md");
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("invalid type"), "{}", err.message);
    }

    #[test]
    fn an_unknown_field_is_named() {
        let err =
            parse::<Sample>("c.toml", "title = 'x'\nminutes = 1\ntitel = 'y'\n", 1).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("titel"), "{}", err.message);
    }
}
