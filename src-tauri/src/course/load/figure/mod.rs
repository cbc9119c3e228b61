//! Figures in course text: a ```` ```figure ```` block of TOML, checked, then
//! drawn once at load as a captioned, described SVG with its numbers as a
//! table.

mod bar;
mod html;
pub mod illustration;
mod line;
pub mod movement;
mod spec;
pub mod text;
pub mod week_trend;

pub use spec::{parse_figure, MAX_POINTS};

/// The wide layout's width: 32.5 labels, so that shown in a column of at
/// least `wide_from_em` its labels are at least `MIN_LABEL_SCALE` of the
/// body text.
pub const WIDE_WIDTH: f64 = 520.0;
/// How wide a layout may be shown, in em of the body text: the narrow one
/// (and a drawing with one layout) up to this, so its labels are at most
/// about 1.3 times the body text.
pub const NARROW_MAX_EM: f64 = 15.0;
/// The wide one up to this (labels at most 1.1 times the body text).
pub const WIDE_MAX_EM: f64 = 36.0;
/// The smallest share of the body text size the wide layout's labels may
/// be shown at; below it the narrow layout is shown instead.
pub const MIN_LABEL_SCALE: f64 = 0.95;

/// The column width, in em, from which the wide layout replaces the narrow:
/// where its labels are `MIN_LABEL_SCALE` of the body text (31 em).
pub fn wide_from_em() -> f64 {
    (WIDE_WIDTH / text::FONT * MIN_LABEL_SCALE).ceil()
}

/// Each of its two columns of bar groups.
const WIDE_COLUMN: f64 = (WIDE_WIDTH - bar::COLUMN_GAP) / 2.0;

/// The info string that marks a fenced block as a figure.
pub const FIGURE_FENCE: &str = "figure";

/// A figure, checked and ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its accessible name and the start of its caption.
    pub title: String,
    /// Its message, in one sentence, under the title.
    pub caption: String,
    /// What it shows, in words, for anyone who cannot see it.
    pub description: String,
    /// The reference it draws on, as cited in the text ("Name et al., 2015").
    pub source: Option<String>,
    pub drawing: Drawing,
    /// The drawing laid out, once, when the block was read (see `layouts`).
    pub drawn: Vec<Drawn>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    Bar(BarChart),
    Line(LineChart),
    Illustration(&'static str),
    Movement(movement::Movement),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

/// Bars grouped by category; within a group, one bar per series.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// What the categories are, for the table's first column.
    pub category_label: String,
    pub categories: Vec<String>,
    /// What the values measure, written above the bars.
    pub value_label: String,
    /// Written after every value ("%"), or empty.
    pub unit: String,
    /// The value a full-length bar stands for.
    pub max: f64,
    pub series: Vec<Series>,
}

/// Lines over `x` (times, in order), on a value axis from 0 to `max`.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub x_label: String,
    pub x: Vec<f64>,
    pub value_label: String,
    pub unit: String,
    pub max: f64,
    pub series: Vec<Series>,
}

impl BarChart {
    pub fn value_text(&self, value: f64) -> String {
        text::with_unit(value, &self.unit)
    }
}

impl LineChart {
    pub fn value_text(&self, value: f64) -> String {
        text::with_unit(value, &self.unit)
    }
}

/// SVG content and the size of the drawing it fills.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

impl Figure {
    /// The drawing in each layout it has: narrow, for any window, and for
    /// charts a wide one (bar groups side by side), shown when the column
    /// has room for it at the label size (see `.figure-wide` in app.css).
    /// Fails for a line chart whose values cannot all be labelled, an
    /// illustration the app does not have, or a movement's pose that does
    /// not fit (with its index).
    pub fn layouts(&self) -> Result<Vec<Drawn>, (Option<usize>, String)> {
        match &self.drawing {
            Drawing::Bar(chart) if chart.categories.len() > 1 => Ok(vec![
                bar::draw(chart, 1, text::WIDTH),
                bar::draw(chart, 2, WIDE_COLUMN),
            ]),
            Drawing::Bar(chart) => Ok(vec![
                bar::draw(chart, 1, text::WIDTH),
                bar::draw(chart, 1, WIDE_WIDTH),
            ]),
            Drawing::Line(chart) => {
                let draw = |width| line::draw(chart, width).map_err(|reason| (None, reason));
                Ok(vec![draw(text::WIDTH)?, draw(WIDE_WIDTH)?])
            }
            Drawing::Illustration(name) => {
                let found =
                    illustration::find(name).ok_or((None, "unknown illustration".to_owned()))?;
                let (width, height) = found.size();
                Ok(vec![Drawn {
                    svg: found.inner(),
                    width,
                    height,
                }])
            }
            Drawing::Movement(movement) => movement::draw(movement)
                .map(|drawn| vec![drawn])
                .map_err(|e| (Some(e.pose), format!("pose {}: {}", e.pose + 1, e.reason))),
        }
    }

    /// Where a movement's stop rule comes from, if it says.
    pub fn stop_source(&self) -> Option<&String> {
        match &self.drawing {
            Drawing::Movement(movement) => movement.stop_source.as_ref(),
            _ => None,
        }
    }

    /// Text a reader reads in this figure: for the reading-grade and
    /// reading-time checks.
    pub fn reading_text(&self) -> Vec<&str> {
        let mut text = vec![self.title.as_str(), &self.caption, &self.description];
        if let Drawing::Movement(movement) = &self.drawing {
            text.extend(movement.reading_text());
        }
        text
    }
}

pub use html::{figure_html, movement_picture, movement_sheet, Markers, NO_MARKERS};

/// Bar-chart room, for the checks.
pub(crate) fn bar_room(chart: &BarChart) -> f64 {
    bar::bar_room(chart, text::WIDTH)
}

pub(crate) const MIN_BAR: f64 = bar::MIN_BAR;

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn the_wide_layout_shows_from_the_column_where_its_labels_are_nearly_body_size() {
        assert_eq!(wide_from_em(), 31.0);
        // At that width its labels are at least MIN_LABEL_SCALE of the text.
        assert!(wide_from_em() * text::FONT / WIDE_WIDTH >= MIN_LABEL_SCALE);
        assert!((wide_from_em() - 1.0) * text::FONT / WIDE_WIDTH < MIN_LABEL_SCALE);
    }
}
