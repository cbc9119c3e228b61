//! `course.toml`: what the course is called, who provides it and where its
//! next step leads.

use serde::Deserialize;
use toml::Spanned;
use url::Url;

use super::help::{parse_help, HelpNumbers, RawHelp};
use super::links::parse_https_url;
use super::problem::{line_of_offset, Problem};
use super::toml_file;

pub const CONFIG_FILE: &str = "course.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Spanned<String>,
    provider: Spanned<String>,
    #[serde(default = "default_language")]
    language: Spanned<String>,
    #[serde(default)]
    contact: Option<Spanned<String>>,
    #[serde(default)]
    logo: Option<Spanned<String>>,
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
    idle_timeout_seconds: Spanned<i64>,
}

fn default_idle_seconds() -> Spanned<i64> {
    Spanned::new(0..0, DEFAULT_IDLE_SECONDS.into())
}

/// Five minutes without a touch: long enough to read a screen slowly, short
/// enough that the next person in the waiting room does not find it open.
pub const DEFAULT_IDLE_SECONDS: u32 = 300;
/// Shorter than this leaves too little quiet time before the warning, which
/// gives at least 20 seconds to answer (WCAG 2.2.1).
pub const MIN_IDLE_SECONDS: u32 = 30;
pub const MAX_IDLE_SECONDS: u32 = 24 * 60 * 60;

/// Seconds of warning before an idle session is cleared: a fifth of the
/// timeout, at least 20 (WCAG 2.2.1 asks for 20 seconds to answer) and at
/// most 60.
pub fn idle_warning_seconds(timeout_seconds: u32) -> u32 {
    ((timeout_seconds + 2) / 5).clamp(20, 60)
}
/// A contact line is one line under the clinic's name, not a page.
const MAX_CONTACT_CHARS: usize = 200;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNextStep {
    url: Spanned<String>,
    label: Spanned<String>,
}

fn default_language() -> Spanned<String> {
    Spanned::new(0..0, "en".to_owned())
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

/// Whether a pack asks for shared-device mode, read from its `course.toml`
/// even when the rest of the pack (or of the file) is broken: a waiting-room
/// machine whose pack fails to load must still clear each person's session
/// when it carries on with the built-in course. An out-of-range timeout
/// falls back to the default, since the pack's own value was refused. A
/// file too broken to read as TOML that still mentions `shared_device` is
/// taken as shared: on a waiting-room machine, guessing "personal" would
/// show the next person the last one's progress.
pub fn shared_device_wanted(text: &str) -> Option<SharedDevice> {
    let default = SharedDevice {
        idle_timeout_seconds: DEFAULT_IDLE_SECONDS,
    };
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return text.contains("shared_device").then_some(default);
    };
    let shared = table.get("shared_device")?.as_table()?;
    if shared.get("enabled")?.as_bool() != Some(true) {
        return None;
    }
    let idle_timeout_seconds = shared
        .get("idle_timeout_seconds")
        .and_then(toml::Value::as_integer)
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| (MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(s))
        .unwrap_or(DEFAULT_IDLE_SECONDS);
    Some(SharedDevice {
        idle_timeout_seconds,
    })
}

pub fn parse_config(text: &str) -> Result<CourseConfig, Vec<Problem>> {
    let raw: RawConfig = toml_file::parse(CONFIG_FILE, text, 1).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    // The parser's own place for each value, not a search of the text.
    let line_of = |span: std::ops::Range<usize>| Some(line_of_offset(text, span.start));
    let mut require = |value: &Spanned<String>, key: &str| {
        if value.get_ref().trim().is_empty() {
            problems.push(Problem::new(
                CONFIG_FILE,
                line_of(value.span()),
                format!("`{key}` must not be empty"),
            ));
        }
    };
    require(&raw.title, "title");
    require(&raw.provider, "provider");
    require(&raw.next_step.label, "label");
    let language = raw.language.get_ref();
    let language_ok = !language.is_empty()
        && language.len() <= 35
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !language_ok {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of(raw.language.span()),
            format!(
                "`language` must be a language tag such as \"en\" or \"en-AU\", not {language:?}"
            ),
        ));
    }
    let url = match parse_https_url(raw.next_step.url.get_ref()) {
        Ok(url) => Some(url),
        Err(reason) => {
            problems.push(Problem::new(
                CONFIG_FILE,
                line_of(raw.next_step.url.span()),
                format!("next step `url` {reason}"),
            ));
            None
        }
    };
    let contact = raw
        .contact
        .as_ref()
        .map(|c| (c.get_ref().trim().to_owned(), c.span()))
        .filter(|(c, _)| !c.is_empty());
    if let Some((_, span)) = contact
        .as_ref()
        .filter(|(c, _)| c.chars().count() > MAX_CONTACT_CHARS || c.contains(char::is_control))
    {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of(span.clone()),
            format!("`contact` must be one line of at most {MAX_CONTACT_CHARS} characters"),
        ));
    }
    let contact = contact.map(|(c, _)| c);
    let logo_ok = |name: &str| {
        name.ends_with(".png") && !name.contains(['/', '\\']) && !name.starts_with('.')
    };
    if let Some(logo) = raw.logo.as_ref().filter(|l| !logo_ok(l.get_ref())) {
        problems.push(Problem::new(
            CONFIG_FILE,
            line_of(logo.span()),
            format!(
                "`logo` must name a .png file beside course.toml, such as \"logo.png\", not {:?}",
                logo.get_ref()
            ),
        ));
    }
    let shared_device = match raw.shared_device {
        Some(shared) if shared.enabled => {
            let range = i64::from(MIN_IDLE_SECONDS)..=i64::from(MAX_IDLE_SECONDS);
            let seconds = *shared.idle_timeout_seconds.get_ref();
            if range.contains(&seconds) {
                u32::try_from(seconds)
                    .ok()
                    .map(|idle_timeout_seconds| SharedDevice {
                        idle_timeout_seconds,
                    })
            } else {
                problems.push(Problem::new(
                    CONFIG_FILE,
                    line_of(shared.idle_timeout_seconds.span()),
                    format!(
                        "`idle_timeout_seconds` must be between {MIN_IDLE_SECONDS} and {MAX_IDLE_SECONDS}, not {seconds}"
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
            title: raw.title.get_ref().trim().to_owned(),
            provider: raw.provider.get_ref().trim().to_owned(),
            language: raw.language.into_inner(),
            contact,
            logo: raw.logo.map(Spanned::into_inner),
            shared_device,
            help,
            next_step: NextStep {
                url,
                label: raw.next_step.label.get_ref().trim().to_owned(),
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
    fn the_idle_warning_is_a_fifth_of_the_timeout_between_20_and_60_seconds() {
        let warnings: Vec<u32> = [30, 100, 102, 103, 300, 86400]
            .into_iter()
            .map(idle_warning_seconds)
            .collect();
        assert_eq!(warnings, vec![20, 20, 20, 21, 60, 60]);
        assert_eq!(idle_warning_seconds(150), 30);
    }

    #[test]
    fn shared_device_mode_is_seen_even_in_a_config_that_fails_to_load() {
        // No [help], no next step: refused as a config, yet it asks for
        // shared-device mode.
        let broken = "title = 'x'\n[shared_device]\nenabled = true\nidle_timeout_seconds = 45\n";
        assert!(parse_config(broken).is_err());
        assert_eq!(
            shared_device_wanted(broken),
            Some(SharedDevice {
                idle_timeout_seconds: 45
            })
        );
        // Not even TOML: shared, to be safe, if it says so anywhere.
        let unparsable = "title = 'x\n[shared_device]\nenabled = true\n";
        assert_eq!(
            shared_device_wanted(unparsable),
            Some(SharedDevice {
                idle_timeout_seconds: DEFAULT_IDLE_SECONDS
            })
        );
        let out_of_range = broken.replace("45", "5");
        assert_eq!(
            shared_device_wanted(&out_of_range).map(|s| s.idle_timeout_seconds),
            Some(DEFAULT_IDLE_SECONDS)
        );
        assert_eq!(shared_device_wanted(GOOD), None);
        assert_eq!(shared_device_wanted("not toml ["), None);
        assert_eq!(
            shared_device_wanted("[shared_device]\nenabled = false\n"),
            None
        );
    }

    #[test]
    fn the_help_numbers_are_read_with_their_region() {
        let help = parse_config(GOOD).unwrap().help;
        assert_eq!(help.region, "the United Kingdom");
        assert_eq!(help.emergency.contacts[0].number, "999");
        assert_eq!(help.crisis.contacts[0].label, "Samaritans");
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
    fn a_problem_is_placed_by_the_parser_not_by_the_first_line_with_that_key() {
        // `label` appears four times; the empty one is the next step's.
        let text = "title = 'C'\nprovider = 'P'\n\n[help]\nregion = 'X'\n[help.emergency]\nlabel = 'E'\nnumber = '112'\n[help.urgent]\nlabel = 'U'\nnumber = '116 117'\n[help.crisis]\nlabel = 'K'\nnumber = '116 123'\n\n[next_step]\nurl = 'https://a.example/'\nlabel = ''\n";
        let problems = parse_config(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "course.toml:18: `label` must not be empty"
        );
    }

    #[test]
    fn a_missing_next_step_table_is_reported() {
        let problems = parse_config("title = 'a'\nprovider = 'b'\n").unwrap_err();
        assert!(problems[0].message.contains("next_step"), "{}", problems[0]);
    }
}
