//! `course.toml`: what the course is called, who provides it and where its
//! next step leads.

use serde::Deserialize;
use url::Url;

use super::links::parse_https_url;
use super::problem::Problem;
use super::toml_file;

pub const CONFIG_FILE: &str = "course.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    provider: String,
    #[serde(default = "default_language")]
    language: String,
    next_step: RawNextStep,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNextStep {
    url: String,
    label: String,
}

fn default_language() -> String {
    "en".to_owned()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseConfig {
    pub title: String,
    pub provider: String,
    /// BCP 47 tag for the page's `lang`, so screen readers pick the right voice.
    pub language: String,
    pub next_step: NextStep,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub url: Url,
    pub label: String,
}

pub fn parse_config(text: &str) -> Result<CourseConfig, Vec<Problem>> {
    let raw: RawConfig = toml_file::parse(CONFIG_FILE, text, 1).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let line_of = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key))
            .map(|i| i + 1)
    };
    let mut require = |value: &str, key: &str| {
        if value.trim().is_empty() {
            problems.push(Problem::new(
                CONFIG_FILE,
                line_of(key),
                format!("`{key}` must not be empty"),
            ));
        }
    };
    require(&raw.title, "title");
    require(&raw.provider, "provider");
    require(&raw.next_step.label, "label");
    let language_ok = !raw.language.is_empty()
        && raw.language.len() <= 35
        && raw
            .language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !language_ok {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of("language"),
            format!(
                "`language` must be a language tag such as \"en\" or \"en-AU\", not {:?}",
                raw.language
            ),
        ));
    }
    let url = match parse_https_url(&raw.next_step.url) {
        Ok(url) => Some(url),
        Err(reason) => {
            problems.push(Problem::new(
                CONFIG_FILE,
                line_of("url"),
                format!("next step `url` {reason}"),
            ));
            None
        }
    };
    match url {
        Some(url) if problems.is_empty() => Ok(CourseConfig {
            title: raw.title.trim().to_owned(),
            provider: raw.provider.trim().to_owned(),
            language: raw.language,
            next_step: NextStep {
                url,
                label: raw.next_step.label.trim().to_owned(),
            },
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
title = "Course"
provider = "Clinic"

[next_step]
url = "https://example.org/next"
label = "Next"
"#;

    #[test]
    fn a_complete_config_parses_with_english_as_the_default_language() {
        let config = parse_config(GOOD).unwrap();
        assert_eq!(config.title, "Course");
        assert_eq!(config.language, "en");
        assert_eq!(config.next_step.url.as_str(), "https://example.org/next");
    }

    #[test]
    fn a_plain_http_next_step_is_refused_on_its_line() {
        let text = GOOD.replace("https://example.org/next", "http://example.org/next");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(6));
        assert!(problems[0].message.contains("https"), "{}", problems[0]);
    }

    #[test]
    fn an_empty_title_is_named() {
        let text = GOOD.replace("title = \"Course\"", "title = \"  \"");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "course.toml:2: `title` must not be empty"
        );
    }

    #[test]
    fn a_missing_next_step_table_is_reported() {
        let problems = parse_config("title = 'a'\nprovider = 'b'\n").unwrap_err();
        assert!(problems[0].message.contains("next_step"), "{}", problems[0]);
    }
}
