//! `references.toml`: the sources the course draws on.

use serde::{Deserialize, Serialize};
use toml::Spanned;
use url::Url;

use super::citations::{split_cite, CitedYear, NO_DATE};
use super::links::parse_https_url;
use super::problem::{line_of_offset, Problem};
use super::toml_file;

pub const REFERENCES_FILE: &str = "references.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReferences {
    #[serde(default)]
    reference: Vec<Spanned<Reference>>,
}

/// A source: a paper or book with its year (and DOI where it has one), or
/// a web page with its address and the month it was read, in place of a
/// year it does not give.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The form used in the text, e.g. "Hall et al., 2021", or
    /// "healthdirect, n.d.-a" for a web page with no date.
    pub cite: String,
    /// The authors, or for a web page its publisher.
    pub authors: String,
    #[serde(default)]
    pub year: Option<u16>,
    pub title: String,
    /// Journal, volume, issue and pages as one line; for a web page,
    /// optional (the publisher and address say where it is).
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub doi: Option<String>,
    /// A web page's address (`https` only).
    #[serde(default)]
    pub url: Option<String>,
    /// The month a web page was read, "YYYY-MM": pages change, so the
    /// reader is told when it said what the course cites.
    #[serde(default)]
    pub accessed: Option<String>,
    /// True for sources added to the original course's list.
    #[serde(default)]
    pub added: bool,
}

/// A month as the references file writes it, "YYYY-MM".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        let ok = year.len() == 4
            && month.len() == 2
            && year
                .chars()
                .chain(month.chars())
                .all(|c| c.is_ascii_digit());
        let (year, month): (i32, u8) = (year.parse().ok()?, month.parse().ok()?);
        (ok && (1..=12).contains(&month)).then_some(Month { year, month })
    }
}

impl Reference {
    pub fn doi_url(&self) -> Option<Url> {
        let doi = self.doi.as_deref()?;
        Url::parse(&format!("https://doi.org/{doi}")).ok()
    }

    /// A web page's address, checked when the list was read.
    pub fn page_url(&self) -> Option<Url> {
        parse_https_url(self.url.as_deref()?).ok()
    }

    /// Where the learner's browser may go for this source: the DOI when it
    /// has one (the publisher's lasting address), else the page.
    pub fn link(&self) -> Option<Url> {
        self.doi_url().or_else(|| self.page_url())
    }

    pub fn accessed_month(&self) -> Option<Month> {
        Month::parse(self.accessed.as_deref()?)
    }
}

/// Every problem with one entry, each finishing "reference N ...".
fn entry_problems(reference: &Reference) -> Vec<String> {
    let mut found = Vec::new();
    for (field, value) in [
        ("cite", &reference.cite),
        ("authors", &reference.authors),
        ("title", &reference.title),
    ] {
        if value.trim().is_empty() {
            found.push(format!("has an empty `{field}`"));
        }
    }
    if let Some(doi) = &reference.doi {
        if !is_doi(doi) {
            found.push(format!(
                "has a `doi` {doi:?} that is not a DOI such as \"10.1136/bmj.n291\""
            ));
        }
    }
    if let Some(url) = &reference.url {
        if let Err(reason) = parse_https_url(url) {
            found.push(format!("has a `url` that {reason}"));
        }
    }
    match (&reference.url, &reference.accessed) {
        (Some(_), None) => found.push(
            "has a `url` but no `accessed`: say the month the page was read, e.g. accessed = \"2026-12\"".into(),
        ),
        (None, Some(_)) => found.push("has `accessed` but no `url`".into()),
        (_, Some(month)) if Month::parse(month).is_none() => found.push(format!(
            "has `accessed` {month:?}, which is not a month written \"YYYY-MM\""
        )),
        _ => {}
    }
    match (reference.year, split_cite(&reference.cite).map(|(_, y)| y)) {
        (None, _) if reference.url.is_none() => found.push(
            "has no `year`: give the year, or for a web page with no date its `url` and `accessed`".into(),
        ),
        (None, Some(CitedYear::Year(_))) | (None, None) => found.push(format!(
            "has no `year`, so it is cited with \"{NO_DATE}\" (no date), e.g. \"healthdirect, n.d.\" or \"NHS, n.d.-a\", not {:?}",
            reference.cite
        )),
        (Some(year), Some(CitedYear::Year(cited))) if year != cited => found.push(format!(
            "has `year` {year} but is cited as {:?}",
            reference.cite
        )),
        (Some(year), Some(CitedYear::NoDate)) => found.push(format!(
            "has `year` {year} but is cited as {:?} (no date)",
            reference.cite
        )),
        _ => {}
    }
    if reference.year.is_some() && reference.url.is_none() && reference.source.trim().is_empty() {
        found.push("has an empty `source`".into());
    }
    found
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
        for found in entry_problems(reference) {
            problem(format!("reference {} {found}", index + 1));
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

    const PAGE: &str = r#"
[[reference]]
cite = "healthdirect, n.d.-a"
authors = "healthdirect Australia"
title = "Back pain self-care"
url = "https://www.healthdirect.gov.au/back-pain-self-care"
accessed = "2026-12"
"#;

    #[test]
    fn a_web_page_is_a_reference_with_its_address_and_the_month_it_was_read() {
        let refs = parse_references(PAGE).unwrap();
        assert_eq!(refs[0].year, None);
        assert_eq!(
            refs[0].link().unwrap().as_str(),
            "https://www.healthdirect.gov.au/back-pain-self-care"
        );
        assert_eq!(
            refs[0].accessed_month(),
            Some(Month {
                year: 2026,
                month: 12
            })
        );
        // A paper's DOI is its lasting address, so it is the link.
        let both = ONE.replace(
            "doi =",
            "url = \"https://bmj.example/x\"\naccessed = \"2026-01\"\ndoi =",
        );
        let refs = parse_references(&both).unwrap();
        assert_eq!(
            refs[0].link().unwrap().as_str(),
            "https://doi.org/10.1136/bmj.n291"
        );
    }

    /// The problems `text` has, as the checker prints them.
    fn problems(text: &str) -> Vec<String> {
        parse_references(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_web_page_without_https_a_month_or_a_no_date_cite_is_refused_on_its_line() {
        for (from, to, says) in [
            ("https://www.health", "http://www.health", "must start with https://"),
            ("https://www.health", "javascript:alert(1)//www.health", "must start with https://"),
            ("accessed = \"2026-12\"\n", "", "no `accessed`"),
            ("\"2026-12\"", "\"December 2026\"", "not a month written \"YYYY-MM\""),
            ("\"2026-12\"", "\"2026-13\"", "not a month"),
            ("n.d.-a", "2026", "cited with \"n.d.\""),
            ("url = \"https://www.healthdirect.gov.au/back-pain-self-care\"\naccessed = \"2026-12\"\n", "", "no `year`: give the year"),
        ] {
            let text = PAGE.replace(from, to);
            let found = problems(&text);
            assert!(
                found.iter().any(|p| p.starts_with("references.toml:2: reference 1 ") && p.contains(says)),
                "{from} -> {to}: {found:?}"
            );
        }
    }

    #[test]
    fn a_year_and_its_cite_must_agree() {
        let found = problems(&ONE.replace("year = 2021", "year = 2020"));
        assert!(
            found[0].contains("has `year` 2020 but is cited as \"Hall et al., 2021\""),
            "{found:?}"
        );
        let found = problems(&ONE.replace("Hall et al., 2021", "Hall et al., n.d."));
        assert!(found[0].contains("(no date)"), "{found:?}");
        // A letter after the year is still that year.
        assert!(parse_references(&ONE.replace("Hall et al., 2021", "Hall et al., 2021b")).is_ok());
    }

    #[test]
    fn doi_shape_is_checked() {
        assert!(is_doi("10.1016/j.cell.2009.09.028"));
        assert!(!is_doi("10.1016"));
        assert!(!is_doi("11.1/x"));
        assert!(!is_doi("10.1/a b"));
    }
}
