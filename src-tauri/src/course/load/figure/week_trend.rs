//! A learner's weekly values of one measure, drawn like the course's own
//! charts: one row per week, oldest at the top, its date written beside it;
//! a point on the 0 to 10 scale with its value written at the row's end;
//! lines only between weeks next to each other, so a week with no value is
//! a gap (and says so), never a line drawn across it. Nothing is coloured,
//! marked or labelled by the size of a change. Its lines and points carry
//! their own plain colours too, for the progress summary, which has no
//! stylesheet (the app's classes win on screen).

use super::text::{self, label, Anchor, FONT, LINE};
use super::Drawn;

/// The drawing's width: shown at most 15 em wide (as the course's narrow
/// figures), its labels are then about the body text's size.
pub const WIDTH: f64 = 240.0;
/// One row's height.
const ROW: f64 = 22.0;
/// Space between the date column, the scale and the values.
const GAP: f64 = 8.0;
/// Half a point's size, as on the line charts.
const MARK: f64 = 4.0;

/// What to draw: the scale's words, each week's date label and value, and
/// what a week without one says.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekTrend {
    pub scale_label: String,
    pub max: u8,
    pub weeks: Vec<(String, Option<u8>)>,
    pub none_label: String,
}

pub fn draw(trend: &WeekTrend) -> Drawn {
    let width = WIDTH;
    let mut y = 0.0;
    let mut svg = text::heading_lines("figure-axis-label", &trend.scale_label, width, &mut y);
    let dates = trend
        .weeks
        .iter()
        .map(|(d, _)| text::width(d))
        .fold(0.0, f64::max);
    let values = text::bold_width(&trend.none_label).max(text::bold_width(&trend.max.to_string()));
    let left = dates + GAP + MARK;
    let right = width - values - GAP - MARK;
    let max = f64::from(trend.max.max(1));
    // A value past the top (only a record edited by hand) stays on the scale.
    let x_of = |v: u8| left + f64::from(v.min(trend.max)) / max * (right - left);

    // The scale's ends and middle, above the rows, with a grid line down.
    y += LINE;
    let top = y + 6.0;
    let bottom = top + ROW * trend.weeks.len() as f64;
    for tick in [0, trend.max / 2, trend.max] {
        let x = x_of(tick);
        svg.push_str(&label(
            "figure-tick",
            x,
            y,
            Anchor::Middle,
            &tick.to_string(),
        ));
        svg.push_str(&format!(
            "<line class=\"figure-grid\" stroke=\"currentColor\" stroke-opacity=\"0.4\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
            text::coord(top),
            text::coord(bottom),
            x = text::coord(x)
        ));
    }
    let row_mid = |i: usize| top + ROW * i as f64 + ROW / 2.0;
    // The line, in runs of weeks next to each other.
    let mut run: Vec<String> = Vec::new();
    let mut runs: Vec<Vec<String>> = Vec::new();
    for (i, (_, value)) in trend.weeks.iter().enumerate() {
        match value {
            Some(v) => run.push(format!(
                "{},{}",
                text::coord(x_of(*v)),
                text::coord(row_mid(i))
            )),
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    for run in runs.iter().filter(|r| r.len() > 1) {
        svg.push_str(&format!(
            "<polyline class=\"figure-line figure-line-1\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"{}\"/>",
            run.join(" ")
        ));
    }
    for (i, (date, value)) in trend.weeks.iter().enumerate() {
        let mid = row_mid(i);
        let baseline = mid + 0.3 * FONT;
        svg.push_str(&label("figure-label", dates, baseline, Anchor::End, date));
        match value {
            Some(v) => {
                svg.push_str(&format!(
                    "<circle class=\"figure-marker figure-marker-1\" fill=\"currentColor\" cx=\"{}\" cy=\"{}\" r=\"{MARK}\"/>",
                    text::coord(x_of(*v)),
                    text::coord(mid)
                ));
                svg.push_str(&label(
                    "figure-value",
                    width,
                    baseline,
                    Anchor::End,
                    &v.to_string(),
                ));
            }
            None => svg.push_str(&label(
                "figure-tick",
                width,
                baseline,
                Anchor::End,
                &trend.none_label,
            )),
        }
    }
    Drawn {
        svg,
        width,
        height: bottom + 8.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trend(weeks: &[Option<u8>]) -> WeekTrend {
        WeekTrend {
            scale_label: "Gardening, 0 to 10".into(),
            max: 10,
            weeks: weeks
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{} Dec", i + 1), *v))
                .collect(),
            none_label: "–".into(),
        }
    }

    #[test]
    fn a_week_without_a_value_is_a_gap_never_joined_across() {
        let drawn = draw(&trend(&[
            Some(2),
            Some(3),
            None,
            Some(5),
            Some(6),
            None,
            Some(8),
        ]));
        // Two runs of two joined; the last week alone is a point, no line.
        assert_eq!(drawn.svg.matches("<polyline").count(), 2, "{}", drawn.svg);
        assert_eq!(drawn.svg.matches("<circle").count(), 5);
        assert_eq!(drawn.svg.matches(">–<").count(), 2);
        for v in ["2", "3", "5", "6", "8"] {
            assert!(drawn.svg.contains(&format!(">{v}</text>")), "{v} written");
        }
    }

    #[test]
    fn every_week_and_value_fits_inside_the_drawing() {
        let drawn = draw(&trend(&[
            Some(0),
            Some(10),
            None,
            Some(5),
            None,
            None,
            Some(10),
            Some(0),
            Some(1),
            Some(9),
            Some(4),
            Some(7),
        ]));
        assert_eq!(drawn.width, WIDTH);
        assert!(drawn.height > 12.0 * ROW);
        assert!(!drawn.svg.contains("NaN"));
    }
}
