//! Which of the computer's voices "Listen" may use: one that speaks the
//! course's language and never sends the text over the network.

use serde::{Deserialize, Serialize};

use crate::course::learner::record::ReadingSpeed;

/// A voice the webview offers, as `speechSynthesis.getVoices()` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OfferedVoice {
    pub name: String,
    /// A BCP 47 tag, e.g. "en-US" (some systems write "en_US").
    pub lang: String,
    /// True when the voice speaks on this computer.
    pub local_service: bool,
    #[serde(default)]
    pub default: bool,
}

/// The webview the app runs in: what its voices can be trusted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Webview {
    /// Linux: WebKitGTK, whose only speech engine is Flite, on this
    /// computer, though it reports `localService` false.
    WebKitGtk,
    /// WebView2 (Windows) and WKWebView (macOS): the system's voices, some
    /// of which (online voices) send the text away.
    Other,
}

impl Webview {
    pub fn current() -> Webview {
        if cfg!(target_os = "linux") {
            Webview::WebKitGtk
        } else {
            Webview::Other
        }
    }
}

impl Webview {
    /// The reading speeds that work in this webview. WebKitGTK (2.50, with
    /// GStreamer's `pitch` element) stalls at any rate above 1: the part
    /// after the first never ends, measured at 1.1, 1.25 and 1.3, with or
    /// without a pause between parts; rates below 1 work. So it offers no
    /// "faster" (without gstreamer1.0-plugins-bad it ignores the rate).
    pub fn reading_speeds(self) -> Vec<ReadingSpeed> {
        ReadingSpeed::ALL
            .into_iter()
            .filter(|speed| self == Webview::Other || speed.rate() <= 1.0)
            .collect()
    }
}

/// The voices WebKitGTK's Flite engine offers.
const FLITE_VOICES: [&str; 5] = ["kal", "kal16", "slt", "rms", "awb"];

/// What the page is told: the voice to use, or none (the control is then
/// hidden, and the display settings screen says why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoiceChoice {
    pub voice: Option<String>,
}

/// The primary language subtag, lower-cased: "en" of "en-GB" or "en_GB".
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn same_tag(a: &str, b: &str) -> bool {
    a.replace('_', "-")
        .eq_ignore_ascii_case(&b.replace('_', "-"))
}

/// A voice for `language` that stays on this computer: the one whose tag
/// is the course's own (e.g. "en-AU" for an "en-AU" course) first, then
/// the system's default, then the first offered.
pub fn choose(language: &str, offered: &[OfferedVoice], webview: Webview) -> VoiceChoice {
    let wanted = primary(language);
    let allowed: Vec<&OfferedVoice> = offered
        .iter()
        .filter(|v| !wanted.is_empty() && primary(&v.lang) == wanted)
        .filter(|v| {
            v.local_service
                || (webview == Webview::WebKitGtk && FLITE_VOICES.contains(&v.name.as_str()))
        })
        .collect();
    let best = allowed
        .iter()
        .find(|v| same_tag(&v.lang, language))
        .or_else(|| allowed.iter().find(|v| v.default))
        .or_else(|| allowed.first());
    VoiceChoice {
        voice: best.map(|v| v.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(name: &str, lang: &str, local: bool) -> OfferedVoice {
        OfferedVoice {
            name: name.into(),
            lang: lang.into(),
            local_service: local,
            default: false,
        }
    }

    #[test]
    fn webkitgtk_flite_voices_are_used_though_they_report_not_local() {
        let flite = ["kal", "slt", "rms", "awb"].map(|n| voice(n, "en-US", false));
        let chosen = choose("en", &flite, Webview::WebKitGtk);
        assert_eq!(chosen.voice.as_deref(), Some("kal"));
        // Elsewhere a voice that says it is not local is never used.
        assert_eq!(choose("en", &flite, Webview::Other).voice, None);
    }

    #[test]
    fn an_online_voice_is_never_chosen_even_as_the_default() {
        let mut online = voice("Google UK English", "en-GB", false);
        online.default = true;
        let local = voice("Microsoft Hazel", "en-GB", true);
        for webview in [Webview::WebKitGtk, Webview::Other] {
            let offered = [online.clone(), local.clone()];
            assert_eq!(
                choose("en", &offered, webview).voice.as_deref(),
                Some("Microsoft Hazel")
            );
            assert_eq!(choose("en", &offered[..1], webview).voice, None);
        }
    }

    #[test]
    fn only_the_course_language_is_offered_its_own_region_first() {
        let offered = [
            voice("Amelie", "fr-CA", true),
            voice("Daniel", "en-GB", true),
            voice("Karen", "en_AU", true),
        ];
        assert_eq!(
            choose("en-AU", &offered, Webview::Other).voice.as_deref(),
            Some("Karen")
        );
        assert_eq!(
            choose("en", &offered, Webview::Other).voice.as_deref(),
            Some("Daniel")
        );
        assert_eq!(
            choose("fr", &offered, Webview::Other).voice.as_deref(),
            Some("Amelie")
        );
        assert_eq!(choose("cy", &offered, Webview::Other).voice, None);
        assert_eq!(choose("", &offered, Webview::Other).voice, None);
        // "en" is not the start of "eng" or "enm".
        assert_eq!(
            choose("en", &[voice("Old", "enm", true)], Webview::Other).voice,
            None
        );
    }

    #[test]
    fn webkitgtk_offers_no_speed_above_the_voice_own_pace() {
        assert_eq!(
            Webview::WebKitGtk.reading_speeds(),
            [ReadingSpeed::Slower, ReadingSpeed::Normal]
        );
        assert_eq!(Webview::Other.reading_speeds(), ReadingSpeed::ALL);
    }

    #[test]
    fn the_system_default_is_preferred_among_equals() {
        let mut second = voice("Samantha", "en-US", true);
        second.default = true;
        let offered = [voice("Alex", "en-US", true), second];
        assert_eq!(
            choose("en", &offered, Webview::Other).voice.as_deref(),
            Some("Samantha")
        );
    }
}
