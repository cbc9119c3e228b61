//! Drawing a movement: each pose as a panel under its numbered label, the
//! body resting on its floor (or mat, seen from above), and its arrow.

use super::super::text::{self, coord, heading_lines};
use super::super::Drawn;
use super::body::{Arm, Body, Leg, Point, FOOT_WIDTH, HEAD_RADIUS, LIMB_WIDTH};
use super::{Arrow, Movement, View};

/// Room around the body in its panel, and between panels.
const MARGIN: f64 = 8.0;
const PANEL_GAP: f64 = 14.0;
/// The outline drawn round a near limb, in the background colour, so it
/// stands out where it crosses the body.
const OUTLINE: f64 = 4.0;
/// How far an arrow runs clear of the body, how long a pressing arrow is,
/// how thick an arrow's line is, and the size of its head.
const ARROW_CLEARANCE: f64 = 12.0;
const PRESS_LENGTH: f64 = 24.0;
const ARROW_WIDTH: f64 = 3.0;
const HEAD_LENGTH: f64 = 9.0;
const HEAD_HALF_WIDTH: f64 = 5.5;
/// A motion arrow is drawn at least this long, so a small motion still
/// shows.
const MIN_ARROW: f64 = 24.0;

/// Why a pose cannot be drawn, and which (counting from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError {
    pub pose: usize,
    pub reason: String,
}

/// The picture, `text::WIDTH` wide, or why a pose does not fit in it.
pub fn draw(movement: &Movement) -> Result<Drawn, DrawError> {
    let mut svg = String::new();
    let mut y = 0.0;
    let mut before: Option<Body> = None;
    for (i, pose) in movement.poses.iter().enumerate() {
        if i > 0 {
            y += PANEL_GAP;
        }
        let label = format!("{}. {}", i + 1, pose.label);
        // Wrapped at the bold width, which the heading is drawn in.
        let room = text::WIDTH / text::BOLD;
        svg.push_str(&heading_lines("figure-heading", &label, room, &mut y));
        let body = Body::posed(pose, pose.view);
        let arrow = match &pose.arrow {
            Some(arrow) => Some(
                arrow_path(arrow, &body, before.as_ref(), &movement.still)
                    .map_err(|reason| DrawError { pose: i, reason })?,
            ),
            None => None,
        };
        let (panel, bottom) =
            panel(&body, arrow.as_ref(), y).map_err(|reason| DrawError { pose: i, reason })?;
        svg.push_str(&panel);
        before = Some(body);
        y = bottom;
    }
    Ok(Drawn {
        svg,
        width: text::WIDTH,
        height: y.ceil(),
    })
}

/// One pose's panel below `top`: the floor or mat, the body and its arrow,
/// and where the panel ends; or why it does not fit.
fn panel(body: &Body, arrow: Option<&ArrowPath>, top: f64) -> Result<(String, f64), String> {
    // The body rests on the floor; an arrow may reach out and up, never
    // below it.
    let (mut left, bottom, mut right, mut high) = body.bounds();
    for p in arrow.iter().flat_map(|a| a.extent()) {
        if p.y < bottom - 1e-9 {
            return Err(
                "its arrow would reach below the floor: point it another way, or at another joint"
                    .into(),
            );
        }
        left = left.min(p.x);
        right = right.max(p.x);
        high = high.max(p.y);
    }
    let mat = match body.view {
        View::Side => 0.0,
        View::Above => MARGIN / 2.0,
    };
    let width = right - left + 2.0 * mat;
    if width > text::WIDTH - 2.0 * MARGIN + 1e-9 {
        return Err(format!(
            "it is {} wide, wider than the drawing's {}: bring the arms or legs in",
            coord(width),
            coord(text::WIDTH - 2.0 * MARGIN)
        ));
    }
    // Math coordinates (y up) to the panel's (y down), centred.
    let panel_top = top + MARGIN;
    let dx = (text::WIDTH - (right - left)) / 2.0 - left;
    let to_svg = |p: Point| Point::new(p.x + dx, panel_top + mat + (high - p.y));
    let floor = panel_top + mat + (high - bottom);
    let mut svg = match body.view {
        View::Side => format!(
            "<line class=\"movement-floor\" x1=\"{}\" y1=\"{f}\" x2=\"{}\" y2=\"{f}\" stroke-width=\"2\"/>",
            coord(MARGIN / 2.0),
            coord(text::WIDTH - MARGIN / 2.0),
            f = coord(floor + 1.0),
        ),
        View::Above => format!(
            "<rect class=\"movement-mat\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" stroke-width=\"2\"/>",
            coord(left + dx - mat),
            coord(panel_top),
            coord(width),
            coord(high - bottom + 2.0 * mat),
        ),
    };
    svg.push_str(&body_svg(body, &to_svg));
    if let Some(arrow) = arrow {
        svg.push_str(&arrow.svg(&to_svg));
    }
    Ok((svg, floor + mat.max(MARGIN / 2.0)))
}

fn segment(class: &str, from: Point, to: Point, width: f64) -> String {
    format!(
        "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"/>",
        coord(from.x),
        coord(from.y),
        coord(to.x),
        coord(to.y),
        coord(width)
    )
}

/// A limb's joints in order, each segment with its thickness.
fn limb_segments(points: &[Point]) -> impl Iterator<Item = (Point, Point, f64)> + '_ {
    points.windows(2).enumerate().map(|(i, pair)| {
        // A leg's third segment is the foot.
        let width = if i == 2 { FOOT_WIDTH } else { LIMB_WIDTH };
        (pair[0], pair[1], width)
    })
}

/// A limb drawn in `class`; an outlined one has the background colour
/// drawn round it first, so it stands out where it crosses the body.
fn limb_svg(
    class: &str,
    points: &[Point],
    outlined: bool,
    to_svg: &dyn Fn(Point) -> Point,
) -> String {
    let mut svg = String::new();
    if outlined {
        for (from, to, width) in limb_segments(points) {
            svg.push_str(&segment(
                "movement-outline",
                to_svg(from),
                to_svg(to),
                width + OUTLINE,
            ));
        }
    }
    for (from, to, width) in limb_segments(points) {
        svg.push_str(&segment(class, to_svg(from), to_svg(to), width));
    }
    svg
}

/// The far limbs behind, lighter, then the torso and head, then the near
/// limbs outlined in front. Seen from above, the far limbs are outlined
/// too, as they lie beside the body, not behind it.
fn body_svg(body: &Body, to_svg: &dyn Fn(Point) -> Point) -> String {
    let arm = |a: &Arm| [a.shoulder, a.elbow, a.hand];
    let leg = |l: &Leg| [l.hip, l.knee, l.ankle, l.toe];
    let far_outlined = body.view == View::Above;
    let mut svg = limb_svg("movement-far", &arm(&body.far_arm), far_outlined, to_svg);
    svg.push_str(&limb_svg(
        "movement-far",
        &leg(&body.far_leg),
        far_outlined,
        to_svg,
    ));
    svg.push_str(&segment(
        "movement-body",
        to_svg(body.hip),
        to_svg(body.neck),
        body.torso_width(),
    ));
    let head = to_svg(body.head);
    svg.push_str(&format!(
        "<circle class=\"movement-head\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
        coord(head.x),
        coord(head.y),
        coord(HEAD_RADIUS)
    ));
    svg.push_str(&limb_svg(
        "movement-near",
        &leg(&body.near_leg),
        true,
        to_svg,
    ));
    svg.push_str(&limb_svg(
        "movement-near",
        &arm(&body.near_arm),
        true,
        to_svg,
    ));
    svg
}

/// An arrow worked out in the body's coordinates: a quadratic curve (a
/// straight line when the control point is its middle) with a head.
struct ArrowPath {
    start: Point,
    control: Point,
    tip: Point,
}

impl ArrowPath {
    /// The points its drawing reaches, for the panel's bounds: its ends,
    /// the top of its curve and its head, each with the line's thickness.
    fn extent(&self) -> Vec<Point> {
        let (left, right) = self.head_corners();
        let peak = Point::new(
            (self.start.x + 2.0 * self.control.x + self.tip.x) / 4.0,
            (self.start.y + 2.0 * self.control.y + self.tip.y) / 4.0,
        );
        let r = ARROW_WIDTH / 2.0;
        [self.start, peak, self.tip, left, right]
            .into_iter()
            .flat_map(|p| [Point::new(p.x - r, p.y - r), Point::new(p.x + r, p.y + r)])
            .collect()
    }

    fn head_corners(&self) -> (Point, Point) {
        let direction = unit(self.control, self.tip);
        let base = Point::new(
            self.tip.x - direction.x * HEAD_LENGTH,
            self.tip.y - direction.y * HEAD_LENGTH,
        );
        let across = Point::new(
            -direction.y * HEAD_HALF_WIDTH,
            direction.x * HEAD_HALF_WIDTH,
        );
        (
            Point::new(base.x + across.x, base.y + across.y),
            Point::new(base.x - across.x, base.y - across.y),
        )
    }

    fn svg(&self, to_svg: &dyn Fn(Point) -> Point) -> String {
        let direction = unit(self.control, self.tip);
        // The line stops where the head starts, so its end does not show
        // round the point.
        let line_end = Point::new(
            self.tip.x - direction.x * HEAD_LENGTH * 0.8,
            self.tip.y - direction.y * HEAD_LENGTH * 0.8,
        );
        let (s, c, e) = (to_svg(self.start), to_svg(self.control), to_svg(line_end));
        let (l, r) = self.head_corners();
        let (l, r, t) = (to_svg(l), to_svg(r), to_svg(self.tip));
        format!(
            "<path class=\"movement-arrow\" d=\"M{} {} Q{} {} {} {}\" stroke-width=\"{}\"/><path class=\"movement-arrowhead\" d=\"M{} {} L{} {} L{} {}Z\"/>",
            coord(s.x), coord(s.y), coord(c.x), coord(c.y), coord(e.x), coord(e.y),
            coord(ARROW_WIDTH),
            coord(t.x), coord(t.y), coord(l.x), coord(l.y), coord(r.x), coord(r.y),
        )
    }
}

fn unit(from: Point, to: Point) -> Point {
    let length = from.distance(to).max(1e-9);
    Point::new((to.x - from.x) / length, (to.y - from.y) / length)
}

/// Where the arrow goes, or why it cannot be drawn.
fn arrow_path(
    arrow: &Arrow,
    body: &Body,
    before: Option<&Body>,
    still: &str,
) -> Result<ArrowPath, String> {
    let at = |joint: &str| {
        body.joint(joint)
            .ok_or(format!("the figure has no joint {joint:?}"))
    };
    match arrow {
        Arrow::Motion { joint } => {
            // Where the joint was, placed by the joint that stays still.
            let was = before.and_then(|b| Some((b.joint(joint)?, b.joint(still)?)));
            let Some((was, held)) = was else {
                return Err(
                    "its arrow shows a path from the pose before, and there is none".into(),
                );
            };
            let here = at(still)?;
            let from = Point::new(was.x - held.x + here.x, was.y - held.y + here.y);
            motion_arrow(body, from, at(joint)?)
                .ok_or(format!("its arrow's joint {joint:?} does not move from the pose before (is it the joint that stays still?)"))
        }
        Arrow::Press { joint, angle, bend } => Ok(press_arrow(body, at(joint)?, *angle, *bend)),
    }
}

/// A curved arrow beside a joint's path from `from` to `to`, on the side
/// away from the middle of the body, bowed outwards; `None` for a joint
/// that does not move.
fn motion_arrow(body: &Body, from: Point, to: Point) -> Option<ArrowPath> {
    if from.distance(to) < 1.0 {
        return None;
    }
    let middle = from.lerp(to, 0.5);
    let along = unit(from, to);
    let (from, to) = if from.distance(to) < MIN_ARROW {
        let half = MIN_ARROW / 2.0;
        (
            Point::new(middle.x - along.x * half, middle.y - along.y * half),
            Point::new(middle.x + along.x * half, middle.y + along.y * half),
        )
    } else {
        (from, to)
    };
    // At right angles to the path, on the side away from the body.
    let centre = body.hip.lerp(body.neck, 0.5);
    let mut out = Point::new(-along.y, along.x);
    if out.x * (middle.x - centre.x) + out.y * (middle.y - centre.y) < 0.0 {
        out = Point::new(-out.x, -out.y);
    }
    let shift = |p: Point, by: f64| Point::new(p.x + out.x * by, p.y + out.y * by);
    let start = shift(from, ARROW_CLEARANCE);
    let tip = shift(to, ARROW_CLEARANCE);
    // Bowed outwards by a sixth of its length.
    let bow = from.distance(to) / 6.0;
    Some(ArrowPath {
        start,
        control: shift(start.lerp(tip, 0.5), bow),
        tip,
    })
}

/// An arrow pointing `angle` degrees that ends just clear of the body at
/// `at`, bowed to one side by `bend` of its length; one pushing up from
/// below starts just above the floor, however little room there is.
fn press_arrow(body: &Body, at: Point, angle: f64, bend: f64) -> ArrowPath {
    let clear = body.torso_width() / 2.0 + 3.0;
    let tip = at.toward(angle, -clear);
    let mut start = tip.toward(angle, -PRESS_LENGTH);
    let floor = body.bounds().1 + ARROW_CLEARANCE / 2.0;
    if start.y < floor && tip.y > floor {
        start = Point::new(
            start.x + (tip.x - start.x) * (floor - start.y) / (tip.y - start.y),
            floor,
        );
    }
    let middle = start.lerp(tip, 0.5);
    let side = middle.toward(angle + 90.0, bend * start.distance(tip));
    ArrowPath {
        start,
        control: side,
        tip,
    }
}
