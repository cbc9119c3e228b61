//! The course's menu: its entries, few enough to stay on one line in the
//! app's window, and which screens each entry stands for.

use serde::Serialize;

use crate::course::words::Catalog;

/// The menu must stay on one line at 960 px (the window's width) at the
/// standard text size: a second line is easily missed at the top of a
/// screen. In the reading column's 40rem that is five of these labels (six
/// took 815 px of its 720); the e2e tests measure it.
pub const MAX_ENTRIES: usize = 5;

/// One entry: the screen it opens (a name from `SCREEN_ANCHORS`), its label,
/// and the screens reached from that one, during which the entry is marked
/// as where the learner is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenuEntry {
    pub screen: &'static str,
    pub label: String,
    pub holds: &'static [&'static str],
}

fn entry(screen: &'static str, label: String, holds: &'static [&'static str]) -> MenuEntry {
    MenuEntry {
        screen,
        label,
        holds,
    }
}

/// The menu, in its order. "Get help now" is second, after home, so it is
/// the first thing Tab reaches after the way back.
pub fn menu(words: &Catalog) -> [MenuEntry; MAX_ENTRIES] {
    [
        entry(
            "home",
            words.text("nav.home", &[]),
            &["lesson", "finished", "print"],
        ),
        entry("get-help", words.text("nav.get-help", &[]), &[]),
        entry(
            "tools",
            words.text("nav.tools", &[]),
            &["plan", "guide", "movement-sheet", "my-weeks"],
        ),
        entry("settings", words.text("nav.settings", &[]), &[]),
        entry(
            "about",
            words.text("nav.about", &[]),
            &["help", "disclaimer", "references", "confirm-delete"],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::links::SCREEN_ANCHORS;

    fn english() -> &'static Catalog {
        Catalog::english()
    }

    #[test]
    fn every_entry_opens_a_screen_course_text_may_name_and_each_screen_has_one_entry() {
        let menu = menu(english());
        let mut seen = Vec::new();
        for entry in &menu {
            assert!(
                SCREEN_ANCHORS.contains(&entry.screen),
                "{} is not a screen",
                entry.screen
            );
            for screen in std::iter::once(&entry.screen).chain(entry.holds) {
                assert!(!seen.contains(screen), "{screen} is under two entries");
                seen.push(*screen);
            }
        }
        for anchor in SCREEN_ANCHORS {
            assert!(seen.contains(&anchor), "no menu entry leads to {anchor}");
        }
    }

    #[test]
    fn labels_come_from_the_catalog_not_its_keys() {
        for entry in menu(english()) {
            assert!(
                !entry.label.is_empty() && !entry.label.starts_with("nav."),
                "{entry:?}"
            );
        }
    }
}
