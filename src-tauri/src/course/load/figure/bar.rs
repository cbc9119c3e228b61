//! Bar charts: one group per category, one labelled bar per series in it,
//! every value written at the end of its bar, so no colour or key is needed.

use super::text::{self, label, wrap, Anchor, FONT, LINE};
use super::{BarChart, Drawn};

/// Height of one bar's row, and of the bar in it.
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;
/// Space between the label column, the bar and its value.
const GAP: f64 = 6.0;
/// Space between two columns of groups in the wide layout.
pub const COLUMN_GAP: f64 = 24.0;
/// The shortest full-length bar that still shows a difference of a few
/// per cent (every value is written beside its bar as well); labels
/// that leave less room are refused.
pub const MIN_BAR: f64 = 48.0;

/// The room left for a full-length bar in a column `column` wide, once the
/// widest series label and the widest value are beside it.
pub fn bar_room(chart: &BarChart, column: f64) -> f64 {
    column - label_column(chart) - GAP - GAP - value_column(chart)
}

fn label_column(chart: &BarChart) -> f64 {
    chart
        .series
        .iter()
        .map(|s| text::width(&s.label))
        .fold(0.0, f64::max)
}

fn value_column(chart: &BarChart) -> f64 {
    chart
        .series
        .iter()
        .flat_map(|s| &s.values)
        .map(|v| text::bold_width(&chart.value_text(*v)))
        .fold(0.0, f64::max)
}

/// The chart with its groups in `columns` columns, each `column` wide.
pub fn draw(chart: &BarChart, columns: usize, column: f64) -> Drawn {
    let columns = columns.clamp(1, chart.categories.len().max(1));
    let width = column * columns as f64 + COLUMN_GAP * (columns as f64 - 1.0);
    let mut y = 0.0;
    let mut svg = text::heading_lines("figure-axis-label", &chart.value_label, width, &mut y);
    y += 8.0;

    let labels = label_column(chart);
    let room = bar_room(chart, column);
    for row in chart.categories.chunks(columns).enumerate() {
        let (row_index, categories) = row;
        let heading_lines: Vec<Vec<String>> =
            categories.iter().map(|c| wrap(c, column / 1.13)).collect();
        let most_lines = heading_lines.iter().map(Vec::len).max().unwrap_or(1);
        for (col, lines) in heading_lines.iter().enumerate() {
            let left = col as f64 * (column + COLUMN_GAP);
            let category = row_index * columns + col;
            let mut top = y;
            for line in lines {
                top += LINE;
                svg.push_str(&label(
                    "figure-heading",
                    left,
                    top - 4.0,
                    Anchor::Start,
                    line,
                ));
            }
            top = y + LINE * most_lines as f64 + 2.0;
            let bar_left = left + labels + GAP;
            for series in &chart.series {
                let value = series.values[category];
                let length = value / chart.max * room;
                svg.push_str(&label(
                    "figure-label",
                    left + labels,
                    top + 17.0,
                    Anchor::End,
                    &series.label,
                ));
                svg.push_str(&format!(
                    "<rect class=\"figure-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    text::coord(bar_left),
                    text::coord(top + 5.0),
                    text::coord(length),
                    text::coord(BAR)
                ));
                svg.push_str(&label(
                    "figure-value",
                    bar_left + length + GAP,
                    top + 17.0,
                    Anchor::Start,
                    &chart.value_text(value),
                ));
                top += ROW;
            }
            // The bars' common start, so their lengths compare at a glance.
            let first_bar = y + LINE * most_lines as f64 + 2.0 + 3.0;
            svg.push_str(&format!(
                "<line class=\"figure-axis\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                text::coord(first_bar),
                text::coord(top),
                x = text::coord(bar_left - 1.0)
            ));
        }
        y += LINE * most_lines as f64 + 2.0 + ROW * chart.series.len() as f64 + FONT;
    }
    Drawn {
        svg,
        width,
        height: y,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BarChart, Series};
    use super::*;
    use crate::course::load::figure::text::WIDTH;

    fn chart() -> BarChart {
        BarChart {
            category_label: "Change".into(),
            categories: vec!["Disc bulge".into(), "Annular fissure".into()],
            value_label: "People with the change".into(),
            unit: "%".into(),
            max: 100.0,
            series: vec![
                Series {
                    label: "Age 20".into(),
                    values: vec![30.0, 19.0],
                },
                Series {
                    label: "Age 80".into(),
                    values: vec![84.0, 100.0],
                },
            ],
        }
    }

    /// The `width` attributes of the bars, in order.
    fn bar_widths(svg: &str) -> Vec<f64> {
        svg.split("<rect class=\"figure-bar\"")
            .skip(1)
            .map(|s| {
                let w = s.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn bar_lengths_are_in_proportion_to_the_values_and_the_maximum_fills_the_track() {
        let chart = chart();
        let drawn = draw(&chart, 1, WIDTH);
        let widths = bar_widths(&drawn.svg);
        assert_eq!(widths.len(), 4);
        let room = bar_room(&chart, WIDTH);
        assert!((widths[3] - room).abs() < 0.1, "{widths:?} {room}");
        assert!((widths[0] / widths[3] - 0.30).abs() < 0.01, "{widths:?}");
        assert!((widths[2] / widths[3] - 0.19).abs() < 0.01, "{widths:?}");
    }

    #[test]
    fn every_value_is_written_with_its_unit_next_to_its_bar() {
        let drawn = draw(&chart(), 1, WIDTH);
        for value in ["30%", "84%", "19%", "100%"] {
            assert!(drawn.svg.contains(&format!(">{value}</text>")), "{value}");
        }
        assert_eq!(drawn.svg.matches(">Age 20</text>").count(), 2);
    }

    #[test]
    fn the_wide_layout_puts_groups_side_by_side_and_is_shorter() {
        let chart = chart();
        let narrow = draw(&chart, 1, WIDTH);
        let wide = draw(&chart, 2, WIDTH);
        assert_eq!(narrow.width, WIDTH);
        assert!(wide.width > 2.0 * WIDTH);
        assert!(wide.height < narrow.height);
    }

    #[test]
    fn nothing_is_drawn_outside_the_drawing() {
        let chart = chart();
        for columns in [1, 2] {
            let drawn = draw(&chart, columns, WIDTH);
            let room = bar_room(&chart, WIDTH);
            let right = label_column(&chart) + GAP + room + GAP + value_column(&chart);
            assert!(right <= WIDTH + 0.01);
            assert!(drawn.height > ROW * 4.0);
        }
    }
}
