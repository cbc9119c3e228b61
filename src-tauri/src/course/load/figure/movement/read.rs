//! Reading a movement figure's pose data, with every problem (an unknown
//! body part or joint, an angle out of range, a missing stop rule, an
//! amount without its source) named on its line.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::super::spec::{Checker, RawFigure, MAX_CAPTION, MAX_LABEL};
use super::super::{text, Drawing};
use super::body::JOINTS;
use super::{Arrow, Movement, Pose, View};
use crate::course::load::lesson::{LessonId, MAX_ID_LEN};

/// The fields a movement figure takes, besides the ones every figure has.
pub const MOVEMENT_FIELDS: &[&str] = &[
    "id",
    "view",
    "still",
    "pose",
    "amount",
    "stop",
    "stop_source",
    "source",
];
/// Start and end, at most: more would not fit a page's picture.
pub const MAX_POSES: usize = 2;
/// Angles are degrees, either way round.
pub const MAX_ANGLE: f64 = 360.0;
/// A segment seen end-on is drawn no shorter than this share of its length.
pub const MIN_SEEN: f64 = 0.2;

/// One `[[pose]]` table as written. Leaving out a far limb draws it as the
/// near one (behind it, seen from the side).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPose {
    label: Spanned<String>,
    /// Where this pose is seen from, if not the movement's `view`.
    view: Option<Spanned<String>>,
    torso: Spanned<f64>,
    head: Spanned<f64>,
    near_arm: Spanned<Vec<f64>>,
    far_arm: Option<Spanned<Vec<f64>>>,
    near_leg: Spanned<Vec<f64>>,
    far_leg: Option<Spanned<Vec<f64>>>,
    near_arm_seen: Option<Spanned<Vec<f64>>>,
    far_arm_seen: Option<Spanned<Vec<f64>>>,
    near_leg_seen: Option<Spanned<Vec<f64>>>,
    far_leg_seen: Option<Spanned<Vec<f64>>>,
    arrow: Option<Spanned<RawArrow>>,
}

impl RawPose {
    /// Where the pose starts in its block, for a problem with the whole of it.
    pub(in super::super) fn label_span(&self) -> Range<usize> {
        self.label.span()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArrow {
    joint: String,
    angle: Option<f64>,
    bend: Option<f64>,
}

impl Checker<'_> {
    pub(in super::super) fn movement(&mut self, raw: &RawFigure) -> Option<Drawing> {
        let id = self.movement_id(raw.id.as_ref());
        let view = self.view(raw.view.as_ref(), View::Side);
        let still = match raw.still.as_ref() {
            None => "hip".to_owned(),
            Some(joint) if JOINTS.contains(&joint.get_ref().as_str()) => joint.get_ref().clone(),
            Some(joint) => {
                self.at(
                    joint.span(),
                    format!(
                        "`still` {:?} is not a body part the figure has; use one of: {}",
                        joint.get_ref(),
                        JOINTS.join(", ")
                    ),
                );
                String::new()
            }
        };
        let stop = match &raw.stop {
            Some(stop) => self.checked_text("stop", stop, MAX_CAPTION),
            None => {
                self.at(
                    0..self.body.len(),
                    "a movement needs `stop`: when to stop or hold back, in a sentence",
                );
                String::new()
            }
        };
        let stop_source = raw
            .stop_source
            .as_ref()
            .map(|s| self.checked_text("stop_source", s, MAX_LABEL));
        let amount = raw.amount.as_ref().map(|amount| {
            if raw.source.is_none() {
                self.at(
                    amount.span(),
                    "`amount` needs `source`: the reference the amount comes from, cited as in the text (e.g. \"NHS, 2019\"); leave `amount` out where the source gives none",
                );
            }
            self.checked_text("amount", amount, MAX_CAPTION)
        });
        let Some(poses) = &raw.pose else {
            self.at(
                0..self.body.len(),
                "a movement needs at least one `[[pose]]`",
            );
            return None;
        };
        let list = poses.get_ref();
        if list.is_empty() || list.len() > MAX_POSES {
            self.at(
                poses.span(),
                format!("a movement has 1 to {MAX_POSES} poses, not {}", list.len()),
            );
            return None;
        }
        let read: Vec<Option<Pose>> = list
            .iter()
            .enumerate()
            .map(|(i, pose)| self.pose(i, pose, view))
            .collect();
        // A motion arrow runs from the pose before, so both must be seen
        // from the same place.
        for (i, pair) in read.windows(2).enumerate() {
            if let [Some(before), Some(after)] = pair {
                let motion = matches!(after.arrow, Some(Arrow::Motion { .. }));
                if motion && before.view != after.view {
                    let span = list[i + 1]
                        .arrow
                        .as_ref()
                        .map_or(poses.span(), Spanned::span);
                    self.at(
                        span,
                        "this arrow shows a joint's path from the pose before, which is seen from elsewhere: give the arrow an `angle` instead",
                    );
                }
            }
        }
        if !self.problems.is_empty() {
            return None;
        }
        Some(Drawing::Movement(Movement {
            id,
            still,
            poses: read.into_iter().collect::<Option<Vec<Pose>>>()?,
            amount,
            stop,
            stop_source,
        }))
    }

    /// The movement's own id, which the learner's record keeps (the days
    /// it was done, the plan it is in): required, and in the form of a
    /// lesson's id, so renaming the movement's title keeps its history.
    fn movement_id(&mut self, raw: Option<&Spanned<String>>) -> String {
        let Some(raw) = raw else {
            self.at(
                0..self.body.len(),
                "a movement needs `id`: a short name that never changes, such as \"knee-rolls\" (the learner's record keeps it)",
            );
            return String::new();
        };
        match LessonId::parse(raw.get_ref()) {
            Ok(id) => id.as_str().to_owned(),
            Err(_) => {
                self.at(
                    raw.span(),
                    format!(
                        "`id` {:?} must be 1 to {MAX_ID_LEN} lowercase letters, digits or hyphens",
                        raw.get_ref()
                    ),
                );
                String::new()
            }
        }
    }

    fn view(&mut self, raw: Option<&Spanned<String>>, default: View) -> View {
        match raw.map(|v| (v, v.get_ref().as_str())) {
            None => default,
            Some((_, "side")) => View::Side,
            Some((_, "above")) => View::Above,
            Some((v, other)) => {
                self.at(
                    v.span(),
                    format!("`view` {other:?} is not one the app draws: use \"side\" or \"above\""),
                );
                default
            }
        }
    }

    fn pose(&mut self, index: usize, raw: &RawPose, view: View) -> Option<Pose> {
        let label = self.checked_text("label", &raw.label, MAX_LABEL);
        let view = self.view(raw.view.as_ref(), view);
        // Drawn in the picture, it wraps only at spaces.
        self.fits("the pose label", &label, text::WIDTH, raw.label.span());
        let torso = self.angle("torso", &raw.torso);
        let head = self.angle("head", &raw.head);
        let near_arm: Option<[f64; 2]> = self.angles("near_arm", &raw.near_arm);
        let near_leg: Option<[f64; 3]> = self.angles("near_leg", &raw.near_leg);
        let far_arm = match &raw.far_arm {
            Some(a) => self.angles("far_arm", a),
            None => near_arm,
        };
        let far_leg = match &raw.far_leg {
            Some(l) => self.angles("far_leg", l),
            None => near_leg,
        };
        let mut seen_2 = |field: &str, value: &Option<Spanned<Vec<f64>>>| match value {
            Some(v) => self.seen::<2>(field, v),
            None => Some([1.0; 2]),
        };
        let near_arm_seen = seen_2("near_arm_seen", &raw.near_arm_seen);
        let far_arm_seen = seen_2("far_arm_seen", &raw.far_arm_seen);
        let mut seen_3 = |field: &str, value: &Option<Spanned<Vec<f64>>>| match value {
            Some(v) => self.seen::<3>(field, v),
            None => Some([1.0; 3]),
        };
        let near_leg_seen = seen_3("near_leg_seen", &raw.near_leg_seen);
        let far_leg_seen = seen_3("far_leg_seen", &raw.far_leg_seen);
        let arrow = raw.arrow.as_ref().and_then(|a| self.arrow(index, a));
        Some(Pose {
            label,
            view,
            torso: torso?,
            head: head?,
            near_arm: near_arm?,
            far_arm: far_arm?,
            near_leg: near_leg?,
            far_leg: far_leg?,
            near_arm_seen: near_arm_seen?,
            far_arm_seen: far_arm_seen?,
            near_leg_seen: near_leg_seen?,
            far_leg_seen: far_leg_seen?,
            arrow,
        })
    }

    fn angle_problem(&mut self, field: &str, value: f64, span: Range<usize>) -> bool {
        // Not a number and infinity fail the range check too.
        let fine = value.abs() <= MAX_ANGLE;
        if !fine {
            self.at(
                span,
                format!("`{field}` has the angle {value}: angles are degrees from -{MAX_ANGLE} to {MAX_ANGLE} (0 points right, 90 up)"),
            );
        }
        !fine
    }

    fn angle(&mut self, field: &str, value: &Spanned<f64>) -> Option<f64> {
        let v = *value.get_ref();
        (!self.angle_problem(field, v, value.span())).then_some(v)
    }

    fn angles<const N: usize>(
        &mut self,
        field: &str,
        value: &Spanned<Vec<f64>>,
    ) -> Option<[f64; N]> {
        let parts = if N == 2 {
            "upper arm, forearm"
        } else {
            "thigh, shin, foot"
        };
        let Ok(list) = <[f64; N]>::try_from(value.get_ref().as_slice()) else {
            self.at(
                value.span(),
                format!(
                    "`{field}` needs {N} angles ({parts}), not {}",
                    value.get_ref().len()
                ),
            );
            return None;
        };
        // One problem for the field, however many of its angles are wrong.
        match list.iter().find(|v| v.is_nan() || v.abs() > MAX_ANGLE) {
            Some(bad) => {
                self.angle_problem(field, *bad, value.span());
                None
            }
            None => Some(list),
        }
    }

    fn seen<const N: usize>(&mut self, field: &str, value: &Spanned<Vec<f64>>) -> Option<[f64; N]> {
        let list = <[f64; N]>::try_from(value.get_ref().as_slice()).ok();
        match list {
            Some(list)
                if list
                    .iter()
                    .all(|v| v.is_finite() && (MIN_SEEN..=1.0).contains(v)) =>
            {
                Some(list)
            }
            _ => {
                self.at(
                    value.span(),
                    format!("`{field}` needs {N} shares from {MIN_SEEN} to 1, one for each segment: how much of its length is seen"),
                );
                None
            }
        }
    }

    fn arrow(&mut self, index: usize, raw: &Spanned<RawArrow>) -> Option<Arrow> {
        let arrow = raw.get_ref();
        if !JOINTS.contains(&arrow.joint.as_str()) {
            self.at(
                raw.span(),
                format!(
                    "the arrow's joint {:?} is not a body part the figure has; use one of: {}",
                    arrow.joint,
                    JOINTS.join(", ")
                ),
            );
            return None;
        }
        match arrow.angle {
            Some(angle) => {
                if self.angle_problem("arrow.angle", angle, raw.span()) {
                    return None;
                }
                let bend = arrow.bend.unwrap_or(0.0);
                if !(-1.0..=1.0).contains(&bend) {
                    self.at(
                        raw.span(),
                        format!("the arrow's `bend` is {bend}: give a number from -1 to 1 (0 is straight)"),
                    );
                    return None;
                }
                Some(Arrow::Press {
                    joint: arrow.joint.clone(),
                    angle,
                    bend,
                })
            }
            None if arrow.bend.is_some() => {
                self.at(
                    raw.span(),
                    "the arrow's `bend` goes with `angle`: an arrow along a joint's path already follows it",
                );
                None
            }
            None if index == 0 => {
                self.at(
                    raw.span(),
                    "the first pose's arrow needs `angle` (the way to press); an arrow without one shows a joint's path from the pose before, so it goes in the second pose",
                );
                None
            }
            None => Some(Arrow::Motion {
                joint: arrow.joint.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::{parse_figure, Drawing};
    use crate::course::load::problem::Problem;

    /// A good block: the fence is on line 10, so `kind` is on line 11.
    const BLOCK: &str = r#"kind = "movement"
title = "Bridge"
caption = "Lift your hips."
description = "A person lying on their back lifts their hips."
amount = "8 to 10."
source = "NHS, 2019"
stop = "Stop if it hurts more."
still = "near_toe"
id = "bridge"
[[pose]]
label = "Start"
torso = 180
head = 180
near_arm = [0, 0]
near_leg = [50, -80, 0]

[[pose]]
label = "Lift your hips"
torso = 215
head = 180
near_arm = [-8, 0]
near_leg = [5, -88, 0]
arrow = { joint = "hip" }
"#;

    fn problems(body: &str) -> Vec<Problem> {
        parse_figure("guides/02-moving.md", 10, body).unwrap_err()
    }

    /// The block has exactly one problem: `message`, on `line`.
    fn only(body: &str, message: &str, line: usize) {
        let found = problems(body);
        assert!(
            found.len() == 1 && found[0].message.contains(message) && found[0].line == Some(line),
            "wanted only {message:?} on line {line}: {found:?}"
        );
        assert_eq!(found[0].file, "guides/02-moving.md");
    }

    #[test]
    fn a_movement_without_an_id_or_with_one_not_fit_for_the_record_is_refused() {
        only(
            &BLOCK.replace("id = \"bridge\"\n", ""),
            "a movement needs `id`",
            11,
        );
        only(
            &BLOCK.replace("id = \"bridge\"", "id = \"Bridge pose\""),
            "`id` \"Bridge pose\" must be 1 to 64 lowercase letters",
            19,
        );
        let figure = parse_figure("a.md", 1, BLOCK).unwrap();
        assert!(matches!(&figure.drawing, Drawing::Movement(m) if m.id == "bridge"));
    }

    #[test]
    fn a_good_movement_is_read_with_its_poses_amount_and_stop_rule() {
        let figure = parse_figure("a.md", 1, BLOCK).unwrap();
        let Drawing::Movement(movement) = &figure.drawing else {
            panic!("a movement")
        };
        assert_eq!(movement.poses.len(), 2);
        assert_eq!(movement.amount.as_deref(), Some("8 to 10."));
        assert_eq!(movement.stop, "Stop if it hurts more.");
        // A far limb left out is drawn as the near one.
        assert_eq!(movement.poses[0].far_leg, [50.0, -80.0, 0.0]);
        assert_eq!(figure.drawn.len(), 1);
    }

    #[test]
    fn an_unknown_body_part_is_named_on_its_line() {
        only(
            &BLOCK.replace("near_arm = [0, 0]", "near_tail = [0, 0]"),
            "unknown field `near_tail`",
            24,
        );
        only(
            &BLOCK.replace("joint = \"hip\"", "joint = \"elbow\""),
            "the arrow's joint \"elbow\" is not a body part",
            33,
        );
        only(
            &BLOCK.replace("still = \"near_toe\"", "still = \"toes\""),
            "`still` \"toes\" is not a body part",
            18,
        );
    }

    #[test]
    fn angles_out_of_range_or_not_numbers_are_refused_on_their_line() {
        for bad in ["400", "-361", "nan", "inf"] {
            only(
                &BLOCK.replace("torso = 215", &format!("torso = {bad}")),
                "angles are degrees from -360 to 360",
                29,
            );
        }
        only(
            &BLOCK.replace("near_leg = [5, -88, 0]", "near_leg = [5, -88]"),
            "`near_leg` needs 3 angles (thigh, shin, foot), not 2",
            32,
        );
        only(
            &BLOCK.replace(
                "near_arm = [0, 0]",
                "near_arm = [0, 0]\nnear_arm_seen = [0.1, 1]",
            ),
            "`near_arm_seen` needs 2 shares from 0.2 to 1",
            25,
        );
    }

    #[test]
    fn a_missing_stop_rule_and_an_amount_without_a_source_are_refused() {
        only(
            &BLOCK.replace("stop = \"Stop if it hurts more.\"\n", ""),
            "a movement needs `stop`",
            11,
        );
        only(
            &BLOCK.replace("source = \"NHS, 2019\"\n", ""),
            "`amount` needs `source`",
            15,
        );
        // No amount at all is fine: the page says who to ask.
        let none = BLOCK
            .replace("amount = \"8 to 10.\"\n", "")
            .replace("source = \"NHS, 2019\"\n", "");
        assert!(parse_figure("a.md", 1, &none).is_ok());
    }

    #[test]
    fn markup_a_bracketed_source_and_a_label_too_wide_are_refused() {
        only(
            &BLOCK.replace("label = \"Start\"", "label = \"<b>Start</b>\""),
            "`label` must be plain text",
            21,
        );
        only(
            &BLOCK.replace("amount = \"8 to 10.\"", "amount = \"8 to 10 (NHS, 2019).\""),
            "`amount` cites a source in brackets",
            15,
        );
        only(
            &BLOCK.replace(
                "label = \"Start\"",
                "label = \"Rückenstreckungsübungsanfang\"",
            ),
            "too wide to fit",
            21,
        );
    }

    #[test]
    fn pose_counts_views_and_arrows_that_cannot_be_drawn_are_refused() {
        let three = format!("{BLOCK}\n[[pose]]\nlabel = \"x\"\ntorso = 180\nhead = 180\nnear_arm = [0, 0]\nnear_leg = [0, 0, 0]\n");
        only(&three, "a movement has 1 to 2 poses, not 3", 20);
        only(
            &BLOCK.replace("still = \"near_toe\"", "view = \"front\""),
            "`view` \"front\" is not one the app draws",
            18,
        );
        // The first pose has no pose before it for a path.
        only(
            &BLOCK.replace(
                "near_leg = [50, -80, 0]",
                "near_leg = [50, -80, 0]\narrow = { joint = \"hip\" }",
            ),
            "the first pose's arrow needs `angle`",
            26,
        );
        only(
            &BLOCK.replace(
                "label = \"Lift your hips\"",
                "label = \"Lift\"\nview = \"above\"",
            ),
            "which is seen from elsewhere",
            34,
        );
        only(
            &BLOCK.replace(
                "joint = \"hip\" }",
                "joint = \"hip\", angle = 90, bend = 2 }",
            ),
            "the arrow's `bend` is 2",
            33,
        );
        only(
            &BLOCK.replace("joint = \"hip\" }", "joint = \"hip\", bend = 0.5 }"),
            "`bend` goes with `angle`",
            33,
        );
        // A joint that does not move has no path to show; an arrow
        // pushing from under a body lying flat would be under the floor.
        only(
            &BLOCK.replace("joint = \"hip\"", "joint = \"near_toe\""),
            "pose 2: its arrow's joint \"near_toe\" does not move",
            28,
        );
        only(
            &BLOCK.replace(
                "near_leg = [50, -80, 0]",
                "near_leg = [50, -80, 0]\narrow = { joint = \"hip\", angle = 90 }",
            ),
            "pose 1: its arrow would reach below the floor",
            21,
        );
        // Arms out wide: the body would not fit the drawing.
        only(
            &BLOCK
                .replace("torso = 215", "torso = 180")
                .replace("near_arm = [-8, 0]", "near_arm = [180, 180]")
                .replace("near_leg = [5, -88, 0]", "near_leg = [0, 0, 0]")
                .replace("arrow = { joint = \"hip\" }\n", ""),
            "wide, wider than the drawing",
            28,
        );
    }

    #[test]
    fn the_example_in_the_content_format_guide_is_a_good_movement() {
        let guide = include_str!("../../../../../../content/README.md");
        let start = guide.find("```figure\nkind = \"movement\"").unwrap() + "```figure\n".len();
        let block = &guide[start..start + guide[start..].find("```").unwrap()];
        let figure = parse_figure("README.md", 1, block).unwrap();
        assert_eq!(figure.title, "Bridge");
    }

    #[test]
    fn every_built_in_movement_draws_inside_its_drawing_with_finite_numbers() {
        let guide = include_str!("../../../../../../content/guides/02-moving.md");
        let blocks: Vec<&str> = guide
            .split("```figure\n")
            .skip(1)
            .map(|rest| &rest[..rest.find("```").unwrap()])
            .collect();
        assert_eq!(blocks.len(), 6);
        for block in blocks {
            let figure = parse_figure("a.md", 1, block).unwrap();
            let drawn = &figure.drawn[0];
            assert!(!drawn.svg.contains("NaN") && !drawn.svg.contains("inf"));
            // Every x against the width and every y against the height,
            // the arrows' paths among them.
            let mut checked = 0;
            for attribute in drawn.svg.split(' ').filter_map(|a| a.split_once("=\"")) {
                let (name, value) = (attribute.0, attribute.1.trim_end_matches(['"', '/', '>']));
                let numbers: Vec<f64> = value
                    .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                    .filter_map(|n| n.parse().ok())
                    .collect();
                let limits: Vec<f64> = match name {
                    "x" | "x1" | "x2" | "cx" => vec![drawn.width],
                    "y" | "y1" | "y2" | "cy" => vec![drawn.height],
                    _ => continue,
                };
                for n in numbers {
                    assert!(
                        (0.0..=limits[0]).contains(&n),
                        "{}: {name}={n}",
                        figure.title
                    );
                    checked += 1;
                }
            }
            for path in drawn.svg.split(" d=\"").skip(1) {
                let d = &path[..path.find('"').unwrap()];
                let numbers: Vec<f64> = d
                    .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                    .filter_map(|n| n.parse().ok())
                    .collect();
                for pair in numbers.chunks(2) {
                    assert!(
                        (0.0..=drawn.width).contains(&pair[0]),
                        "{}: {d}",
                        figure.title
                    );
                    assert!(
                        (0.0..=drawn.height).contains(&pair[1]),
                        "{}: {d}",
                        figure.title
                    );
                    checked += 1;
                }
            }
            assert!(checked > 50, "{}: {checked}", figure.title);
        }
    }
}
