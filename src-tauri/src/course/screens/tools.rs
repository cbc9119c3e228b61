//! The everyday tools a learner comes back to beside the three lessons, as
//! home and the "Everyday tools" screen list them.

use serde::Serialize;

use crate::course::words::Catalog;

/// One tool: the screen it opens, its name and one line on what it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToolCard {
    pub screen: &'static str,
    pub title: String,
    pub summary: String,
    /// The button's accessible name, which says which tool it opens.
    pub open_label: String,
}

/// The tools, in the order they are listed.
pub fn tool_cards(words: &Catalog) -> Vec<ToolCard> {
    let title = words.text("tools.plan.title", &[]);
    vec![ToolCard {
        screen: "plan",
        open_label: words.text("tools.open-label", &[("title", &title)]),
        summary: words.text("tools.plan.summary", &[]),
        title,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::load::links::SCREEN_ANCHORS;

    #[test]
    fn every_tool_opens_a_screen_the_page_routes() {
        let cards = tool_cards(Catalog::english());
        assert!(!cards.is_empty());
        for card in cards {
            assert!(SCREEN_ANCHORS.contains(&card.screen), "{card:?}");
            assert!(card.open_label.contains(&card.title), "{card:?}");
        }
    }
}
