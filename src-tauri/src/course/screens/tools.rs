//! The everyday tools a learner comes back to beside the three lessons, as
//! home and the "Everyday tools" screen list them.

use serde::Serialize;

use crate::course::load::pack::Course;

/// One tool: the screen it opens, its name and one line on what it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToolCard {
    pub screen: &'static str,
    /// For a guide, which one the screen opens.
    pub guide: Option<String>,
    pub title: String,
    pub summary: String,
    /// The button's accessible name, which says which tool it opens.
    pub open_label: String,
}

/// The screen a guide is shown on.
pub const GUIDE_SCREEN: &str = "guide";

/// The tools, in the order they are listed: the pack's guides (the short
/// pages for the day: the pain today, sleep, medicines and more), then My
/// plan, then My weeks (not on a shared device).
pub fn tool_cards(course: &Course) -> Vec<ToolCard> {
    let words = &course.words;
    let open_label = |title: &str| words.text("tools.open-label", &[("title", title)]);
    let mut cards: Vec<ToolCard> = course
        .guides
        .iter()
        .map(|g| ToolCard {
            screen: GUIDE_SCREEN,
            guide: Some(g.id.to_string()),
            title: g.title.clone(),
            summary: g.summary.clone().unwrap_or_default(),
            open_label: open_label(&g.title),
        })
        .collect();
    let title = words.text("tools.plan.title", &[]);
    cards.push(ToolCard {
        screen: "plan",
        guide: None,
        open_label: open_label(&title),
        summary: words.text("tools.plan.summary", &[]),
        title,
    });
    // A weekly record belongs on the learner's own computer.
    if course.config.shared_device.is_none() {
        let title = words.text("tools.weeks.title", &[]);
        cards.push(ToolCard {
            screen: "my-weeks",
            guide: None,
            open_label: open_label(&title),
            summary: words.text("tools.weeks.summary", &[]),
            title,
        });
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::links::SCREEN_ANCHORS;

    #[test]
    fn every_tool_opens_a_screen_the_page_routes_guides_first() {
        let course = crate::course::load::builtin::builtin_course().unwrap();
        let cards = tool_cards(&course);
        assert_eq!(cards.len(), course.guides.len() + 2);
        assert_eq!(
            cards[0].guide.as_deref(),
            Some(course.guides[0].id.as_str())
        );
        assert_eq!(cards[cards.len() - 2].screen, "plan");
        assert_eq!(cards.last().unwrap().screen, "my-weeks");
        for card in cards {
            let routed = SCREEN_ANCHORS.contains(&card.screen)
                || (card.screen == GUIDE_SCREEN && card.guide.is_some());
            assert!(routed, "{card:?}");
            assert!(card.open_label.contains(&card.title), "{card:?}");
            assert!(!card.summary.is_empty(), "{card:?}");
        }
    }
}
