//! `course.toml`: what the course is called, who provides it and where its
//! next step leads.

use serde::Deserialize;
use url::Url;

use super::help::{parse_help, HelpNumbers, RawHelp};
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
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    logo: Option<String>,
    next_step: RawNextStep,
    #[serde(default)]
    shared_device: Option<RawSharedDevice>,
    /// Required: `None` only so that its absence gets a clear message.
    #[serde(default)]
    help: Option<RawHelp>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSharedDevice {
    enabled: bool,
    #[serde(default = "default_idle_seconds")]
    idle_timeout_seconds: i64,
}

fn default_idle_seconds() -> i64 {
    DEFAULT_IDLE_SECONDS.into()
}

/// Five minutes without a touch: long enough to read a screen slowly, short
/// enough that the next person in the waiting room does not find it open.
pub const DEFAULT_IDLE_SECONDS: u32 = 300;
/// Shorter than this leaves too little quiet time before the warning, which
/// gives at least 20 seconds to answer (WCAG 2.2.1).
pub const MIN_IDLE_SECONDS: u32 = 30;
pub const MAX_IDLE_SECONDS: u32 = 24 * 60 * 60;
/// A contact line is one line under the clinic's name, not a page.
const MAX_CONTACT_CHARS: usize = 200;

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
    /// How to reach the clinic, shown under its name.
    pub contact: Option<String>,
    /// A PNG file in the pack, shown beside the clinic's name.
    pub logo: Option<String>,
    pub next_step: NextStep,
    /// `None` for a personal device: progress is kept and offered to resume.
    pub shared_device: Option<SharedDevice>,
    /// The numbers to call, shown on "Get help now" and before consent.
    pub help: HelpNumbers,
}

/// A waiting-room machine used by one person after another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedDevice {
    /// After this long with no key, click or scroll, the session is cleared.
    pub idle_timeout_seconds: u32,
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
    let contact = raw
        .contact
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    if contact
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_CONTACT_CHARS || c.contains(char::is_control))
    {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of("contact"),
            format!("`contact` must be one line of at most {MAX_CONTACT_CHARS} characters"),
        ));
    }
    let logo_ok = |name: &str| {
        name.ends_with(".png") && !name.contains(['/', '\\']) && !name.starts_with('.')
    };
    if let Some(logo) = raw.logo.as_deref().filter(|l| !logo_ok(l)) {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of("logo"),
            format!("`logo` must name a .png file beside course.toml, such as \"logo.png\", not {logo:?}"),
        ));
    }
    let shared_device = match raw.shared_device {
        Some(shared) if shared.enabled => {
            let range = i64::from(MIN_IDLE_SECONDS)..=i64::from(MAX_IDLE_SECONDS);
            if range.contains(&shared.idle_timeout_seconds) {
                u32::try_from(shared.idle_timeout_seconds)
                    .ok()
                    .map(|idle_timeout_seconds| SharedDevice {
                        idle_timeout_seconds,
                    })
            } else {
                problems.push(Problem::new(
                    CONFIG_FILE,
                    line_of("idle_timeout_seconds"),
                    format!(
                        "`idle_timeout_seconds` must be between {MIN_IDLE_SECONDS} and {MAX_IDLE_SECONDS}, not {}",
                        shared.idle_timeout_seconds
                    ),
                ));
                None
            }
        }
        _ => None,
    };
    let help = parse_help(CONFIG_FILE, text, raw.help, &mut problems);
    match (url, help) {
        (Some(url), Some(help)) if problems.is_empty() => Ok(CourseConfig {
            title: raw.title.trim().to_owned(),
            provider: raw.provider.trim().to_owned(),
            language: raw.language,
            contact,
            logo: raw.logo,
            shared_device,
            help,
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

[help]
region = "the United Kingdom"
emergency = { label = "Emergency services", number = "999" }
urgent = { label = "NHS 111", number = "111" }
crisis = { label = "Samaritans", number = "116 123" }
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
    fn shared_device_mode_is_off_unless_enabled_and_takes_a_timeout() {
        assert_eq!(parse_config(GOOD).unwrap().shared_device, None);
        let off = format!("{GOOD}\n[shared_device]\nenabled = false\n");
        assert_eq!(parse_config(&off).unwrap().shared_device, None);
        let on = format!("{GOOD}\n[shared_device]\nenabled = true\n");
        assert_eq!(
            parse_config(&on).unwrap().shared_device,
            Some(SharedDevice {
                idle_timeout_seconds: DEFAULT_IDLE_SECONDS
            })
        );
        let short = format!("{on}idle_timeout_seconds = 45\n");
        assert_eq!(
            parse_config(&short)
                .unwrap()
                .shared_device
                .unwrap()
                .idle_timeout_seconds,
            45
        );
    }

    #[test]
    fn an_idle_timeout_out_of_range_is_refused_on_its_line() {
        let text = format!("{GOOD}\n[shared_device]\nenabled = true\nidle_timeout_seconds = 1\n");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(problems[0].line, Some(17), "{}", problems[0]);
        assert!(
            problems[0].message.contains("between 30 and 86400"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn contact_and_logo_are_optional_and_checked() {
        let config = parse_config(GOOD).unwrap();
        assert_eq!((config.contact, config.logo), (None, None));
        let text = GOOD.replace(
            "provider = \"Clinic\"",
            "provider = \"Clinic\"\ncontact = \" Phone 01 2345 6789 \"\nlogo = \"logo.png\"",
        );
        let config = parse_config(&text).unwrap();
        assert_eq!(config.contact.as_deref(), Some("Phone 01 2345 6789"));
        assert_eq!(config.logo.as_deref(), Some("logo.png"));
        for bad in ["../logo.png", "logo.svg", "img/logo.png"] {
            let text = GOOD.replace(
                "provider = \"Clinic\"",
                &format!("provider = \"Clinic\"\nlogo = {bad:?}"),
            );
            let problems = parse_config(&text).unwrap_err();
            assert_eq!(problems[0].line, Some(4), "{bad}: {}", problems[0]);
        }
    }

    #[test]
    fn the_help_numbers_are_read_with_their_region() {
        let help = parse_config(GOOD).unwrap().help;
        assert_eq!(help.region, "the United Kingdom");
        assert_eq!(help.emergency.number, "999");
        assert_eq!(help.crisis.label, "Samaritans");
    }

    #[test]
    fn a_course_without_help_numbers_is_refused() {
        let text = &GOOD[..GOOD.find("[help]").unwrap()];
        let problems = parse_config(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("course.toml: `[help]` is missing"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_malformed_help_number_is_refused_on_its_own_line() {
        let text = GOOD.replace("\"116 123\"", "\"<a href=x>116</a>\"");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(13), "{}", problems[0]);
        assert!(
            problems[0].message.contains("help.crisis.number"),
            "{}",
            problems[0]
        );

        let text = GOOD.replace("label = \"NHS 111\"", "label = \"\"");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(problems[0].line, Some(12), "{}", problems[0]);
        assert!(
            problems[0].message.contains("help.urgent.label"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_missing_or_extra_help_field_is_named_on_its_line() {
        let text = GOOD.replace("region = \"the United Kingdom\"\n", "");
        let problems = parse_config(&text).unwrap_err();
        assert!(problems[0].message.contains("region"), "{}", problems[0]);

        let text = GOOD.replace("number = \"111\" }", "number = \"111\", website = \"x\" }");
        let problems = parse_config(&text).unwrap_err();
        assert_eq!(problems[0].line, Some(12), "{}", problems[0]);
        assert!(problems[0].message.contains("website"), "{}", problems[0]);
    }

    #[test]
    fn a_missing_next_step_table_is_reported() {
        let problems = parse_config("title = 'a'\nprovider = 'b'\n").unwrap_err();
        assert!(problems[0].message.contains("next_step"), "{}", problems[0]);
    }
}
