//! `references.toml`: the sources the course draws on.

use serde::{Deserialize, Serialize};
use toml::Spanned;
use url::Url;

use super::problem::{line_of_offset, Problem};
use super::toml_file;

pub const REFERENCES_FILE: &str = "references.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReferences {
    #[serde(default)]
    reference: Vec<Spanned<Reference>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The form used in the text, e.g. "Hall et al., 2021".
    pub cite: String,
    pub authors: String,
    pub year: u16,
    pub title: String,
    /// Journal, volume, issue and pages as one line.
    pub source: String,
    #[serde(default)]
    pub doi: Option<String>,
    /// True for sources added to the original course's list.
    #[serde(default)]
    pub added: bool,
}

impl Reference {
    pub fn doi_url(&self) -> Option<Url> {
        let doi = self.doi.as_deref()?;
        Url::parse(&format!("https://doi.org/{doi}")).ok()
    }
}

/// A DOI is "10.", a registrant code, "/", and a suffix without spaces.
fn is_doi(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    !registrant.is_empty()
        && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

pub fn parse_references(text: &str) -> Result<Vec<Reference>, Vec<Problem>> {
    let raw: RawReferences = toml_file::parse(REFERENCES_FILE, text, 1).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (index, spanned) in raw.reference.iter().enumerate() {
        // The entry's place as the parser found it.
        let line = Some(line_of_offset(text, spanned.span().start));
        let reference = spanned.get_ref();
        let mut problem =
            |message: String| problems.push(Problem::new(REFERENCES_FILE, line, message));
        for (field, value) in [
            ("cite", &reference.cite),
            ("authors", &reference.authors),
            ("title", &reference.title),
            ("source", &reference.source),
        ] {
            if value.trim().is_empty() {
                problem(format!("reference {} has an empty `{field}`", index + 1));
            }
        }
        if let Some(doi) = &reference.doi {
            if !is_doi(doi) {
                problem(format!(
                    "`doi` {doi:?} is not a DOI such as \"10.1136/bmj.n291\""
                ));
            }
        }
        if seen.contains(&reference.cite.as_str()) {
            problem(format!("two references are cited as {:?}", reference.cite));
        }
        seen.push(&reference.cite);
    }
    if problems.is_empty() {
        Ok(raw.reference.into_iter().map(Spanned::into_inner).collect())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"
[[reference]]
cite = "Hall et al., 2021"
authors = "Hall, A. M."
year = 2021
title = "Do not routinely offer imaging"
source = "BMJ, 372, n291"
doi = "10.1136/bmj.n291"
"#;

    #[test]
    fn a_reference_parses_and_links_its_doi() {
        let refs = parse_references(ONE).unwrap();
        assert_eq!(refs.len(), 1);
        assert!(!refs[0].added);
        assert_eq!(
            refs[0].doi_url().unwrap().as_str(),
            "https://doi.org/10.1136/bmj.n291"
        );
    }

    #[test]
    fn a_malformed_doi_is_reported_on_its_entry_line() {
        let text = ONE.replace("10.1136/bmj.n291", "javascript:alert(1)");
        let problems = parse_references(&text).unwrap_err();
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.contains("not a DOI"));
    }

    #[test]
    fn duplicate_cite_keys_are_reported() {
        let text = format!("{ONE}{ONE}");
        let problems = parse_references(&text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(10));
    }

    #[test]
    fn doi_shape_is_checked() {
        assert!(is_doi("10.1016/j.cell.2009.09.028"));
        assert!(!is_doi("10.1016"));
        assert!(!is_doi("11.1/x"));
        assert!(!is_doi("10.1/a b"));
    }
}
