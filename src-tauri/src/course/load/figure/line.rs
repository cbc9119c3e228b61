//! Line charts over time: each line told apart by its dash and its marker
//! as well as its colour, named in a key drawn with those same marks, and
//! every value written beside its point.

use super::text::{self, label, wrap, Anchor, Rect, FONT, LINE};
use super::{Drawn, LineChart};

/// Height of the plotting area, for values from 0 to the chart's maximum,
/// as a share of the drawing's width (narrow drawings are a little taller).
const PLOT_HEIGHT: f64 = 150.0;
const PLOT_HEIGHT_WIDE: f64 = 190.0;
/// Room kept right of the last point for its value label.
const RIGHT_MARGIN: f64 = 14.0;
/// Half the size of a point's marker.
const MARK: f64 = 4.0;

/// The chart `width` wide, or why its values cannot all be written
/// without overlapping.
pub fn draw(chart: &LineChart, width: f64) -> Result<Drawn, String> {
    let plot_height = if width > text::WIDTH {
        PLOT_HEIGHT_WIDE
    } else {
        PLOT_HEIGHT
    };
    let mut y = 0.0;
    let mut svg = text::heading_lines("figure-axis-label", &chart.value_label, width, &mut y);
    // The key: each line's own dash and marker, then its name.
    for (i, series) in chart.series.iter().enumerate() {
        y += 6.0;
        let lines = wrap(&series.label, width - 34.0);
        let mid = y + LINE / 2.0 + 1.0;
        svg.push_str(&format!(
            "<line class=\"figure-line figure-line-{n}\" x1=\"0\" y1=\"{m}\" x2=\"26\" y2=\"{m}\"/>",
            n = i + 1,
            m = text::coord(mid)
        ));
        svg.push_str(&marker(i, 13.0, mid));
        for line in lines {
            y += LINE;
            svg.push_str(&label("figure-label", 34.0, y - 4.0, Anchor::Start, &line));
        }
    }

    let top = y + 30.0;
    let bottom = top + plot_height;
    let ticks = [0.0, chart.max / 2.0, chart.max];
    let left = ticks
        .iter()
        .map(|t| text::width(&text::number(*t)))
        .fold(0.0, f64::max)
        + 8.0;
    let right = width - RIGHT_MARGIN;
    let (first, last) = (chart.x[0], chart.x[chart.x.len() - 1]);
    let x_of = |x: f64| left + (x - first) / (last - first) * (right - left);
    let y_of = |v: f64| bottom - v / chart.max * plot_height;

    // Labels already placed, and marks a label must not cover.
    let mut taken: Vec<Rect> = Vec::new();
    for tick in ticks {
        let ty = y_of(tick);
        svg.push_str(&format!(
            "<line class=\"figure-grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            text::coord(left),
            text::coord(right),
            y = text::coord(ty)
        ));
        let text = text::number(tick);
        taken.push(Rect::of_label(
            text::width(&text),
            left - 6.0,
            ty + 5.0,
            Anchor::End,
        ));
        svg.push_str(&label(
            "figure-tick",
            left - 6.0,
            ty + 5.0,
            Anchor::End,
            &text,
        ));
    }
    svg.push_str(&format!(
        "<line class=\"figure-axis\" x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/>",
        l = text::coord(left),
        r = text::coord(right),
        b = text::coord(bottom)
    ));
    for x in &chart.x {
        let text = text::number(*x);
        let rect = Rect::of_label(text::width(&text), x_of(*x), bottom + 20.0, Anchor::Middle);
        if taken.iter().any(|t| t.overlaps(&rect)) {
            return Err(format!(
                "the point {text} is too close to the one before it to label both under the axis"
            ));
        }
        taken.push(rect);
        svg.push_str(&label(
            "figure-tick",
            x_of(*x),
            bottom + 20.0,
            Anchor::Middle,
            &text,
        ));
    }
    let mut height = bottom + 20.0;
    for line in wrap(&chart.x_label, width) {
        height += LINE;
        svg.push_str(&label(
            "figure-axis-label",
            width / 2.0,
            height,
            Anchor::Middle,
            &line,
        ));
    }
    height += 8.0;

    // Every marker is a mark a label must leave visible.
    for series in &chart.series {
        for (x, v) in chart.x.iter().zip(&series.values) {
            taken.push(Rect {
                x: x_of(*x) - MARK,
                y: y_of(*v) - MARK,
                w: 2.0 * MARK,
                h: 2.0 * MARK,
            });
        }
    }
    for (i, series) in chart.series.iter().enumerate() {
        let points: Vec<String> = chart
            .x
            .iter()
            .zip(&series.values)
            .map(|(x, v)| format!("{},{}", text::coord(x_of(*x)), text::coord(y_of(*v))))
            .collect();
        svg.push_str(&format!(
            "<polyline class=\"figure-line figure-line-{}\" points=\"{}\"/>",
            i + 1,
            points.join(" ")
        ));
        for (x, v) in chart.x.iter().zip(&series.values) {
            svg.push_str(&marker(i, x_of(*x), y_of(*v)));
        }
    }
    for (i, series) in chart.series.iter().enumerate() {
        for (point, (x, v)) in chart.x.iter().zip(&series.values).enumerate() {
            // Where two lines meet, one label serves both.
            if chart.series[..i].iter().any(|s| s.values[point] == *v) {
                continue;
            }
            let highest = chart.series.iter().all(|s| s.values[point] <= *v);
            let text = chart.value_text(*v);
            let (px, py) = (x_of(*x), y_of(*v));
            let spot = candidates(px, py, highest)
                .into_iter()
                .map(|(lx, ly, anchor)| {
                    let rect = Rect::of_label(text::bold_width(&text), lx, ly, anchor);
                    (lx, ly, anchor, rect)
                })
                .find(|(_, _, _, rect)| {
                    rect.inside(width, height) && !taken.iter().any(|t| t.overlaps(rect))
                });
            let Some((lx, ly, anchor, rect)) = spot else {
                return Err(format!(
                    "the value {text} of \"{}\" at {} has no room for its label: points are too close together",
                    series.label,
                    text::number(*x)
                ));
            };
            taken.push(rect);
            svg.push_str(&label("figure-value", lx, ly, anchor, &text));
        }
    }
    Ok(Drawn { svg, width, height })
}

/// Places to try for a point's label, best first: above the highest line's
/// points, below the others', then beside them.
fn candidates(x: f64, y: f64, above: bool) -> Vec<(f64, f64, Anchor)> {
    let off = MARK + 4.0;
    let (near, far) = if above {
        (y - off, y - off - FONT)
    } else {
        (y + off + 0.8 * FONT, y + off + 1.8 * FONT)
    };
    vec![
        (x, near, Anchor::Middle),
        (x + off, near, Anchor::Start),
        (x - off, near, Anchor::End),
        (x + off, y + 0.3 * FONT, Anchor::Start),
        (x - off, y + 0.3 * FONT, Anchor::End),
        (x, far, Anchor::Middle),
    ]
}

/// Line 1's points are circles, line 2's squares: told apart in greyscale.
fn marker(series: usize, x: f64, y: f64) -> String {
    if series == 0 {
        format!(
            "<circle class=\"figure-marker figure-marker-1\" cx=\"{}\" cy=\"{}\" r=\"{MARK}\"/>",
            text::coord(x),
            text::coord(y)
        )
    } else {
        format!(
            "<rect class=\"figure-marker figure-marker-2\" x=\"{}\" y=\"{}\" width=\"{s}\" height=\"{s}\"/>",
            text::coord(x - MARK),
            text::coord(y - MARK),
            s = 2.0 * MARK
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LineChart, Series};
    use super::*;
    use crate::course::load::figure::text;

    pub fn wallwork() -> LineChart {
        LineChart {
            x_label: "Weeks from the start".into(),
            x: vec![0.0, 6.0, 26.0, 52.0],
            value_label: "Average pain, out of 100".into(),
            unit: String::new(),
            max: 100.0,
            series: vec![
                Series {
                    label: "Pain for 3 months or more".into(),
                    values: vec![56.0, 48.0, 43.0, 40.0],
                },
                Series {
                    label: "New pain".into(),
                    values: vec![56.0, 26.0, 22.0, 21.0],
                },
            ],
        }
    }

    fn values_written(svg: &str) -> Vec<String> {
        svg.split("<text class=\"figure-value\"")
            .skip(1)
            .map(|s| s[s.find('>').unwrap() + 1..s.find("</text>").unwrap()].to_owned())
            .collect()
    }

    #[test]
    fn every_value_is_written_once_and_a_shared_start_once_for_both() {
        let drawn = draw(&wallwork(), text::WIDTH).unwrap();
        let mut written = values_written(&drawn.svg);
        written.sort();
        assert_eq!(
            written,
            ["21", "22", "26", "40", "43", "48", "56"].map(String::from)
        );
    }

    #[test]
    fn points_sit_where_their_values_say_on_an_axis_from_zero() {
        let drawn = draw(&wallwork(), text::WIDTH).unwrap();
        let polyline = drawn.svg.split("<polyline").nth(1).unwrap();
        let points: Vec<(f64, f64)> = polyline
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        // x in proportion to the weeks: week 26 halfway between 0 and 52.
        let mid = (points[0].0 + points[3].0) / 2.0;
        assert!((points[2].0 - mid).abs() < 0.2, "{points:?}");
        // y in proportion to pain from 0: 56 is 56/40 of 40's height above the axis.
        let zero = drawn
            .svg
            .split("class=\"figure-axis\"")
            .nth(1)
            .unwrap()
            .split("y1=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse::<f64>()
            .unwrap();
        let ratio = (zero - points[0].1) / (zero - points[3].1);
        assert!((ratio - 56.0 / 40.0).abs() < 0.01, "{ratio}");
        assert!(drawn.svg.contains(">0</text>") && drawn.svg.contains(">100</text>"));
    }

    #[test]
    fn the_two_lines_differ_in_more_than_colour() {
        let drawn = draw(&wallwork(), text::WIDTH).unwrap();
        assert!(drawn.svg.contains("figure-line-1") && drawn.svg.contains("figure-line-2"));
        assert!(drawn
            .svg
            .contains("<circle class=\"figure-marker figure-marker-1\""));
        assert!(drawn
            .svg
            .contains("<rect class=\"figure-marker figure-marker-2\""));
        // The key draws each line's marks beside its name.
        assert!(drawn.svg.contains(">New pain</text>"));
    }

    #[test]
    fn points_too_close_to_label_are_refused_with_the_reason() {
        let mut chart = wallwork();
        chart.x = vec![0.0, 0.1, 0.2, 52.0];
        let err = draw(&chart, text::WIDTH).unwrap_err();
        assert!(err.contains("too close"), "{err}");
    }
}
