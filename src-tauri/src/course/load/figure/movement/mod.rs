//! A movement's picture from pose data: one to two poses of the same simple
//! figure (each the angles of a few body segments), with an arrow for the
//! motion, and the movement's amount and stop rule for the page and the
//! printed sheet.

mod body;
mod draw;
pub(super) mod read;

pub use draw::{draw, DrawError};
pub use read::MOVEMENT_FIELDS;

use crate::course::words::Catalog;

/// Where the figure is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the side, lying, kneeling or standing on a floor line.
    Side,
    /// From above, lying on a mat: both arms and both legs in view.
    Above,
}

/// One position of the body: the direction of each segment, in degrees
/// (0 points right, 90 up), and how much of each limb segment's length is
/// seen (1 = all of it; less for a part pointing toward the viewer).
#[derive(Debug, Clone, PartialEq)]
pub struct Pose {
    pub label: String,
    pub view: View,
    /// Hip to shoulders.
    pub torso: f64,
    /// Shoulders to the middle of the head.
    pub head: f64,
    /// Upper arm, forearm.
    pub near_arm: [f64; 2],
    pub far_arm: [f64; 2],
    /// Thigh, shin, foot.
    pub near_leg: [f64; 3],
    pub far_leg: [f64; 3],
    pub near_arm_seen: [f64; 2],
    pub far_arm_seen: [f64; 2],
    pub near_leg_seen: [f64; 3],
    pub far_leg_seen: [f64; 3],
    pub arrow: Option<Arrow>,
}

/// The motion shown in a pose.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrow {
    /// A curved arrow from where `joint` was in the pose before to where it
    /// is in this one.
    Motion { joint: String },
    /// An arrow pressing on `joint`, pointing `angle` degrees: straight,
    /// or curved by `bend` (-1 to 1, a share of its length to one side),
    /// for a sweep.
    Press {
        joint: String,
        angle: f64,
        bend: f64,
    },
}

/// A movement, checked: its picture's poses, and what the page and the
/// sheet say about it besides its title.
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
    /// Its own id (`id` in the block), unique in the course: the learner's
    /// record names it by this.
    pub id: String,
    /// The joint that stays where it is from one pose to the next (the
    /// hip, unless the feet or knees stay put), for the motion arrow.
    pub still: String,
    pub poses: Vec<Pose>,
    /// How many, and how long to hold, as its source gives it; `None`
    /// where the source gives none (the page then says to ask).
    pub amount: Option<String>,
    /// When to stop or hold back, for this movement, and the reference it
    /// comes from, cited as in the text.
    pub stop: String,
    pub stop_source: Option<String>,
}

impl Movement {
    /// "How many" as the page says it: the amount, or who to ask.
    pub fn amount_words(&self, words: &Catalog) -> String {
        match &self.amount {
            Some(amount) => amount.clone(),
            None => words.text("movement.no-amount", &[]),
        }
    }

    /// Text a reader reads, besides the figure's own.
    pub fn reading_text(&self) -> Vec<&str> {
        let mut text: Vec<&str> = self.poses.iter().map(|p| p.label.as_str()).collect();
        text.extend(self.amount.as_deref());
        text.push(&self.stop);
        text
    }
}
