//! The figure's body: its proportions, and where each joint is for a pose,
//! worked out from the angles of its segments.

use super::{Pose, View};

/// Segment lengths, in drawing units, of one adult figure (every movement
/// uses the same body, so the pictures look alike).
pub const TORSO: f64 = 50.0;
pub const NECK: f64 = 15.0;
pub const HEAD_RADIUS: f64 = 10.0;
pub const UPPER_ARM: f64 = 26.0;
pub const FOREARM: f64 = 25.0;
pub const THIGH: f64 = 38.0;
pub const SHIN: f64 = 36.0;
pub const FOOT: f64 = 11.0;
/// How thick each part is drawn.
pub const TORSO_WIDTH: f64 = 17.0;
/// Seen from above, the torso is as wide as the shoulders.
pub const TORSO_WIDTH_ABOVE: f64 = 24.0;
pub const LIMB_WIDTH: f64 = 9.0;
pub const FOOT_WIDTH: f64 = 7.0;
/// Seen from above, how far from the middle of the body the arms and legs
/// start (half the shoulders' and the hips' width).
pub const SHOULDER_HALF_WIDTH: f64 = 10.0;
pub const HIP_HALF_WIDTH: f64 = 7.0;

/// A point in the drawing's own plane: x to the right, y up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The point `length` from here in the direction `degrees`
    /// (0 = to the right, 90 = up).
    pub fn toward(self, degrees: f64, length: f64) -> Point {
        let r = degrees.to_radians();
        Point::new(self.x + length * r.cos(), self.y + length * r.sin())
    }

    /// The point a share `t` of the way from here to `other`.
    pub fn lerp(self, other: Point, t: f64) -> Point {
        Point::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The near or the far arm or leg (seen from the side, near is the one in
/// front; seen from above, the one nearer the bottom of the picture when
/// the head points left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Near,
    Far,
}

/// One arm: shoulder, elbow and hand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arm {
    pub shoulder: Point,
    pub elbow: Point,
    pub hand: Point,
}

/// One leg: hip, knee, ankle and toe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    pub hip: Point,
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
}

/// Every joint of a posed body, with the hip at the origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub view: View,
    pub hip: Point,
    pub neck: Point,
    pub head: Point,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub near_leg: Leg,
    pub far_leg: Leg,
}

impl Body {
    pub fn posed(pose: &Pose, view: View) -> Body {
        let hip = Point::new(0.0, 0.0);
        let neck = hip.toward(pose.torso, TORSO);
        let head = neck.toward(pose.head, NECK);
        // Seen from above, each side's limbs start half the body's width
        // out from its middle line; seen from the side, both sides start
        // at the same point.
        let across = |half_width: f64, side: Side| match (view, side) {
            (View::Side, _) => 0.0,
            (View::Above, Side::Near) => half_width,
            (View::Above, Side::Far) => -half_width,
        };
        let perpendicular = pose.torso + 90.0;
        let arm = |side: Side, limb: &[f64; 2], seen: &[f64; 2]| {
            let shoulder = neck.toward(perpendicular, across(SHOULDER_HALF_WIDTH, side));
            let elbow = shoulder.toward(limb[0], UPPER_ARM * seen[0]);
            Arm {
                shoulder,
                elbow,
                hand: elbow.toward(limb[1], FOREARM * seen[1]),
            }
        };
        let leg = |side: Side, limb: &[f64; 3], seen: &[f64; 3]| {
            let hip = hip.toward(perpendicular, across(HIP_HALF_WIDTH, side));
            let knee = hip.toward(limb[0], THIGH * seen[0]);
            let ankle = knee.toward(limb[1], SHIN * seen[1]);
            Leg {
                hip,
                knee,
                ankle,
                toe: ankle.toward(limb[2], FOOT * seen[2]),
            }
        };
        Body {
            view,
            hip,
            neck,
            head,
            near_arm: arm(Side::Near, &pose.near_arm, &pose.near_arm_seen),
            far_arm: arm(Side::Far, &pose.far_arm, &pose.far_arm_seen),
            near_leg: leg(Side::Near, &pose.near_leg, &pose.near_leg_seen),
            far_leg: leg(Side::Far, &pose.far_leg, &pose.far_leg_seen),
        }
    }

    pub fn torso_width(&self) -> f64 {
        match self.view {
            View::Side => TORSO_WIDTH,
            View::Above => TORSO_WIDTH_ABOVE,
        }
    }

    /// Where a named joint is, for an arrow; `None` for a name the body
    /// does not have.
    pub fn joint(&self, name: &str) -> Option<Point> {
        let (side, part) = match name.split_once('_') {
            Some(("near", part)) => (Some(Side::Near), part),
            Some(("far", part)) => (Some(Side::Far), part),
            _ => (None, name),
        };
        let arm = |side| match side {
            Side::Near => &self.near_arm,
            Side::Far => &self.far_arm,
        };
        let leg = |side| match side {
            Side::Near => &self.near_leg,
            Side::Far => &self.far_leg,
        };
        match (side, part) {
            (None, "head") => Some(self.head),
            (None, "neck") => Some(self.neck),
            (None, "hip") => Some(self.hip),
            // The small of the back, and the middle of the chest.
            (None, "waist") => Some(self.hip.lerp(self.neck, 0.2)),
            (None, "chest") => Some(self.hip.lerp(self.neck, 0.7)),
            (Some(s), "elbow") => Some(arm(s).elbow),
            (Some(s), "hand") => Some(arm(s).hand),
            (Some(s), "knee") => Some(leg(s).knee),
            (Some(s), "ankle") => Some(leg(s).ankle),
            (Some(s), "toe") => Some(leg(s).toe),
            _ => None,
        }
    }

    /// Every drawn part as (from, to, thickness), for the bounds.
    pub fn segments(&self) -> Vec<(Point, Point, f64)> {
        let mut parts = vec![(self.hip, self.neck, self.torso_width())];
        for arm in [&self.near_arm, &self.far_arm] {
            parts.push((arm.shoulder, arm.elbow, LIMB_WIDTH));
            parts.push((arm.elbow, arm.hand, LIMB_WIDTH));
        }
        for leg in [&self.near_leg, &self.far_leg] {
            parts.push((leg.hip, leg.knee, LIMB_WIDTH));
            parts.push((leg.knee, leg.ankle, LIMB_WIDTH));
            parts.push((leg.ankle, leg.toe, FOOT_WIDTH));
        }
        parts
    }

    /// The smallest box holding the whole drawn body, as
    /// (left, bottom, right, top).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let mut b = (
            self.head.x - HEAD_RADIUS,
            self.head.y - HEAD_RADIUS,
            self.head.x + HEAD_RADIUS,
            self.head.y + HEAD_RADIUS,
        );
        for (from, to, width) in self.segments() {
            let r = width / 2.0;
            for p in [from, to] {
                b = (
                    b.0.min(p.x - r),
                    b.1.min(p.y - r),
                    b.2.max(p.x + r),
                    b.3.max(p.y + r),
                );
            }
        }
        b
    }
}

/// The joint names an arrow may point at.
pub const JOINTS: &[&str] = &[
    "head",
    "neck",
    "chest",
    "waist",
    "hip",
    "near_elbow",
    "near_hand",
    "near_knee",
    "near_ankle",
    "near_toe",
    "far_elbow",
    "far_hand",
    "far_knee",
    "far_ankle",
    "far_toe",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn standing() -> Pose {
        Pose {
            label: "Stand".into(),
            view: View::Side,
            torso: 90.0,
            head: 90.0,
            near_arm: [-90.0, -90.0],
            far_arm: [-90.0, -90.0],
            near_leg: [-90.0, -90.0, 0.0],
            far_leg: [-90.0, -90.0, 0.0],
            near_arm_seen: [1.0; 2],
            far_arm_seen: [1.0; 2],
            near_leg_seen: [1.0; 3],
            far_leg_seen: [1.0; 3],
            arrow: None,
        }
    }

    #[test]
    fn a_standing_body_has_its_head_above_its_neck_and_feet_below_its_hip() {
        let body = Body::posed(&standing(), View::Side);
        assert!((body.neck.y - TORSO).abs() < 1e-9);
        assert!((body.head.y - TORSO - NECK).abs() < 1e-9);
        assert!((body.near_leg.ankle.y + THIGH + SHIN).abs() < 1e-9);
        assert!((body.near_leg.toe.x - FOOT).abs() < 1e-9);
        let (_, bottom, _, top) = body.bounds();
        assert!((top - (TORSO + NECK + HEAD_RADIUS)).abs() < 1e-9);
        assert!((bottom + THIGH + SHIN + LIMB_WIDTH / 2.0).abs() < 1e-9);
    }

    #[test]
    fn seen_from_above_the_limbs_start_either_side_of_the_middle_line() {
        let mut lying = standing();
        lying.torso = 180.0;
        let body = Body::posed(&lying, View::Above);
        // Head to the left: near is below the middle line, far above it.
        assert!(body.near_leg.hip.y < 0.0 && body.far_leg.hip.y > 0.0);
        assert!((body.near_arm.shoulder.y + SHOULDER_HALF_WIDTH).abs() < 1e-9);
        let side = Body::posed(&lying, View::Side);
        assert_eq!(side.near_leg.hip, side.far_leg.hip);
    }

    #[test]
    fn a_segment_seen_end_on_is_drawn_shorter() {
        let mut pose = standing();
        pose.near_leg_seen = [0.5, 1.0, 1.0];
        let body = Body::posed(&pose, View::Above);
        let thigh = body.near_leg.hip.distance(body.near_leg.knee);
        assert!((thigh - THIGH / 2.0).abs() < 1e-9);
    }

    #[test]
    fn every_joint_name_is_found_and_others_are_not() {
        let body = Body::posed(&standing(), View::Side);
        for name in JOINTS {
            assert!(body.joint(name).is_some(), "{name}");
        }
        for name in ["knee", "near_head", "left_knee", "", "near_"] {
            assert!(body.joint(name).is_none(), "{name}");
        }
    }
}
