//! Which links may leave the app. The webview asks; this decides. Only
//! `https` links that the course itself contains may open, so a compromised
//! or buggy page cannot use the app to open arbitrary URLs or programs.

use crate::course::words::{display_in_english, Message};
use std::collections::BTreeSet;

use url::Url;

/// The screens a link in course text may name, as `[Get help now](#get-help)`:
/// the page routes these and no others (it is sent them at start-up), and a
/// pack that names another is refused with the file and line.
pub const SCREEN_ANCHORS: [&str; 10] = [
    "home",
    "get-help",
    "tools",
    "plan",
    "my-weeks",
    "disclaimer",
    "references",
    "settings",
    "help",
    "about",
];

/// A link in course text to a guide, `[Sleep](#guide/sleep)`: the prefix,
/// then the guide's id (checked against the pack's guides when it loads).
pub const GUIDE_LINK_PREFIX: &str = "guide/";

/// Longer than any real link; keeps a hostile request cheap to refuse.
pub const MAX_URL_LEN: usize = 2048;

/// Parses `text` as an `https` URL with a host and no embedded credentials.
/// The error says what is wrong, to finish the sentence "the link ...".
pub fn parse_https_url(text: &str) -> Result<Url, String> {
    if text.len() > MAX_URL_LEN {
        return Err(format!("is longer than {MAX_URL_LEN} characters"));
    }
    let url = Url::parse(text.trim())
        .map_err(|err| format!("{text:?} is not a valid web address ({err})"))?;
    if url.scheme() != "https" {
        return Err(format!("{text:?} must start with https://"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{text:?} has no host name"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("{text:?} must not contain a user name or password"));
    }
    Ok(url)
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkPolicy {
    allowed: BTreeSet<String>,
}

/// Why a link the page asked to open was refused. The reason a link is
/// invalid comes from `parse_https_url`, whose English is shared with the
/// author-facing pack problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkRefusal {
    Invalid(String),
    NotInCourse(String),
}

impl LinkRefusal {
    pub fn message(&self) -> Message {
        match self {
            LinkRefusal::Invalid(reason) => {
                Message::new("error.link-invalid").with("reason", reason)
            }
            LinkRefusal::NotInCourse(url) => {
                Message::new("error.link-not-in-course").with("url", url)
            }
        }
    }
}

display_in_english!(LinkRefusal);

impl LinkPolicy {
    pub fn allow(&mut self, url: &Url) {
        self.allowed.insert(url.as_str().to_owned());
    }

    /// The exact URL to open, if `requested` is one of the course's links.
    pub fn check(&self, requested: &str) -> Result<Url, LinkRefusal> {
        let url = parse_https_url(requested).map_err(LinkRefusal::Invalid)?;
        if self.allowed.contains(url.as_str()) {
            Ok(url)
        } else {
            Err(LinkRefusal::NotInCourse(url.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy_with(urls: &[&str]) -> LinkPolicy {
        let mut policy = LinkPolicy::default();
        for u in urls {
            policy.allow(&Url::parse(u).unwrap());
        }
        policy
    }

    #[test]
    fn https_with_host_is_accepted() {
        assert!(parse_https_url("https://example.org/a?b=1").is_ok());
    }

    #[test]
    fn other_schemes_are_refused() {
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "data:text/html,hi",
            "file:///etc/passwd",
            "ftp://example.org",
            "mailto:a@example.org",
            "example.org",
            "",
        ] {
            assert!(parse_https_url(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn credentials_in_a_link_are_refused() {
        assert!(parse_https_url("https://user:pw@example.org/").is_err());
    }

    #[test]
    fn an_overlong_link_is_refused_before_parsing() {
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN));
        assert!(parse_https_url(&long).unwrap_err().contains("longer"));
    }

    #[test]
    fn policy_opens_only_links_it_was_given() {
        let policy = policy_with(&["https://doi.org/10.1/x"]);
        assert_eq!(
            policy.check("https://doi.org/10.1/x").unwrap().as_str(),
            "https://doi.org/10.1/x"
        );
        assert!(matches!(
            policy.check("https://evil.example/"),
            Err(LinkRefusal::NotInCourse(_))
        ));
        assert!(matches!(
            policy.check("http://doi.org/10.1/x"),
            Err(LinkRefusal::Invalid(_))
        ));
    }

    #[test]
    fn policy_compares_normalised_urls() {
        let policy = policy_with(&["https://Example.org"]);
        assert!(policy.check("https://example.org/").is_ok());
    }
}
