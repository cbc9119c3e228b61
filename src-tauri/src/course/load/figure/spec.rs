//! Reading a figure block: its TOML, and every check that keeps a bad block
//! (unknown kind, wrong shape, huge or non-finite data, markup, text that
//! would not fit) from reaching the page, each named by file and line.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::super::citations::find_citations;
use super::super::problem::{line_of_offset, plain_text_problem, Problem};
use super::super::toml_file;
use super::movement::MOVEMENT_FIELDS;
use super::{bar_room, illustration, text, BarChart, Drawing, Figure, LineChart, Series, MIN_BAR};

/// Limits that keep a figure readable, and its block small.
pub const MAX_TITLE: usize = 100;
pub const MAX_CAPTION: usize = 300;
pub const MAX_DESCRIPTION: usize = 800;
pub const MAX_LABEL: usize = 60;
pub const MAX_UNIT: usize = 3;
pub const MAX_CATEGORIES: usize = 6;
pub const MAX_BAR_SERIES: usize = 6;
pub const MAX_LINE_SERIES: usize = 2;
pub const MAX_POINTS: usize = 12;
pub const MAX_VALUE: f64 = 1_000_000.0;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFigure {
    kind: Spanned<String>,
    title: Spanned<String>,
    caption: Spanned<String>,
    description: Spanned<String>,
    pub(super) source: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    category_label: Option<Spanned<String>>,
    categories: Option<Spanned<Vec<String>>>,
    x_label: Option<Spanned<String>>,
    x: Option<Spanned<Vec<f64>>>,
    value_label: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    max: Option<Spanned<f64>>,
    series: Option<Spanned<Vec<RawSeries>>>,
    pub(super) id: Option<Spanned<String>>,
    pub(super) view: Option<Spanned<String>>,
    pub(super) still: Option<Spanned<String>>,
    pub(super) pose: Option<Spanned<Vec<super::movement::read::RawPose>>>,
    pub(super) amount: Option<Spanned<String>>,
    pub(super) stop: Option<Spanned<String>>,
    pub(super) stop_source: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    label: String,
    values: Vec<f64>,
}

/// Which fields each kind takes, besides the ones every figure has.
const BAR_FIELDS: &[&str] = &[
    "category_label",
    "categories",
    "value_label",
    "unit",
    "max",
    "series",
    "source",
];
const LINE_FIELDS: &[&str] = &[
    "x_label",
    "x",
    "value_label",
    "unit",
    "max",
    "series",
    "source",
];
const ILLUSTRATION_FIELDS: &[&str] = &["name", "source"];

/// Reads the block whose opening fence is on `fence_line` of `file`.
pub fn parse_figure(file: &str, fence_line: usize, body: &str) -> Result<Figure, Vec<Problem>> {
    let first = fence_line + 1;
    let raw: RawFigure = toml_file::parse(file, body, first).map_err(|p| vec![p])?;
    let mut check = Checker {
        file,
        body,
        first,
        problems: Vec::new(),
    };
    let title = check.checked_text("title", &raw.title, MAX_TITLE);
    let caption = check.checked_text("caption", &raw.caption, MAX_CAPTION);
    let description = check.checked_text("description", &raw.description, MAX_DESCRIPTION);
    let source = raw
        .source
        .as_ref()
        .map(|s| check.checked_text("source", s, MAX_LABEL));

    let present: Vec<(&str, Range<usize>)> = [
        ("name", raw.name.as_ref().map(Spanned::span)),
        (
            "category_label",
            raw.category_label.as_ref().map(Spanned::span),
        ),
        ("categories", raw.categories.as_ref().map(Spanned::span)),
        ("x_label", raw.x_label.as_ref().map(Spanned::span)),
        ("x", raw.x.as_ref().map(Spanned::span)),
        ("value_label", raw.value_label.as_ref().map(Spanned::span)),
        ("unit", raw.unit.as_ref().map(Spanned::span)),
        ("max", raw.max.as_ref().map(Spanned::span)),
        ("series", raw.series.as_ref().map(Spanned::span)),
        ("source", raw.source.as_ref().map(Spanned::span)),
        ("id", raw.id.as_ref().map(Spanned::span)),
        ("view", raw.view.as_ref().map(Spanned::span)),
        ("still", raw.still.as_ref().map(Spanned::span)),
        ("pose", raw.pose.as_ref().map(Spanned::span)),
        ("amount", raw.amount.as_ref().map(Spanned::span)),
        ("stop", raw.stop.as_ref().map(Spanned::span)),
        ("stop_source", raw.stop_source.as_ref().map(Spanned::span)),
    ]
    .into_iter()
    .filter_map(|(name, span)| span.map(|s| (name, s)))
    .collect();
    let kind = raw.kind.get_ref().as_str();
    let allowed = match kind {
        "bar" => BAR_FIELDS,
        "line" => LINE_FIELDS,
        "illustration" => ILLUSTRATION_FIELDS,
        "movement" => MOVEMENT_FIELDS,
        other => {
            check.at(
                raw.kind.span(),
                format!("unknown figure kind {other:?}: use \"bar\", \"line\", \"illustration\" or \"movement\""),
            );
            return Err(check.problems);
        }
    };
    for (field, span) in &present {
        if !allowed.contains(field) {
            check.at(
                span.clone(),
                format!("`{field}` is not used by a {kind} figure"),
            );
        }
    }
    let whole = 0..body.len();
    let drawing = match kind {
        "illustration" => {
            let Some(name) = &raw.name else {
                check.at(whole, "an illustration needs `name`");
                return Err(check.problems);
            };
            match illustration::find(name.get_ref()) {
                Some(found) => Some(Drawing::Illustration(found.name)),
                None => {
                    check.at(
                        name.span(),
                        format!(
                            "no illustration is called {:?}; the app has: {}",
                            name.get_ref(),
                            illustration::names().join(", ")
                        ),
                    );
                    None
                }
            }
        }
        "movement" => check.movement(&raw),
        _ => {
            if source.is_none() {
                check.at(
                    whole.clone(),
                    "a chart needs `source`: the reference its numbers come from, cited as in the text (e.g. \"Hall et al., 2021\")",
                );
            }
            check.chart(kind, &raw)
        }
    };
    match drawing {
        Some(drawing) if check.problems.is_empty() => {
            let mut figure = Figure {
                title,
                caption,
                description,
                source,
                drawing,
                drawn: Vec::new(),
            };
            // Laying it out is the last check: a line chart's values must
            // all have room for their labels. Kept, so it is done once.
            match figure.layouts() {
                Ok(drawn) => figure.drawn = drawn,
                Err((pose, reason)) => {
                    let pose_span =
                        pose.and_then(|i| Some(raw.pose.as_ref()?.get_ref().get(i)?.label_span()));
                    let span = pose_span.or(raw.series.map(|s| s.span()));
                    check.at(span.unwrap_or(whole), reason);
                    return Err(check.problems);
                }
            }
            Ok(figure)
        }
        _ => Err(check.problems),
    }
}

pub(super) struct Checker<'a> {
    file: &'a str,
    pub(super) body: &'a str,
    first: usize,
    pub(super) problems: Vec<Problem>,
}

impl Checker<'_> {
    pub(super) fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let line = line_of_offset(self.body, span.start) + self.first - 1;
        self.problems.push(Problem::at_line(
            self.file,
            line,
            format!("figure: {}", message.into()),
        ));
    }

    /// A piece of text shown in the figure: one line of plain words, with
    /// its source in `source`, not in brackets (a numbered marker cannot go
    /// inside a drawing).
    pub(super) fn checked_text(
        &mut self,
        field: &str,
        value: &Spanned<String>,
        max: usize,
    ) -> String {
        let text = value.get_ref().trim().to_owned();
        if let Some(reason) = plain_text_problem(&text, max) {
            self.at(value.span(), format!("`{field}` {reason}"));
        } else if !find_citations(&text).is_empty() {
            self.at(
                value.span(),
                format!("`{field}` cites a source in brackets; name it in `source` instead"),
            );
        }
        text
    }

    /// A label that is drawn: each of its words must fit in `room`, or it
    /// would run off the drawing (lines wrap only at spaces).
    pub(super) fn fits(&mut self, what: &str, text: &str, room: f64, span: Range<usize>) {
        if let Some(word) = text.split_whitespace().find(|w| text::bold_width(w) > room) {
            self.at(
                span,
                format!("{what} {text:?} has a word too wide to fit in the drawing ({word:?}); shorten it or add a space"),
            );
        }
    }

    fn label(&mut self, field: &str, text: &str, span: Range<usize>) {
        if let Some(reason) = plain_text_problem(text.trim(), MAX_LABEL) {
            self.at(span, format!("{field} {text:?} {reason}"));
        }
    }

    fn required<'v, T>(
        &mut self,
        kind: &str,
        field: &str,
        value: &'v Option<Spanned<T>>,
    ) -> Option<&'v Spanned<T>> {
        if value.is_none() {
            let whole = 0..self.body.len();
            self.at(whole, format!("a {kind} chart needs `{field}`"));
        }
        value.as_ref()
    }

    fn chart(&mut self, kind: &str, raw: &RawFigure) -> Option<Drawing> {
        let value_label = self.required(kind, "value_label", &raw.value_label);
        let max = self.required(kind, "max", &raw.max);
        let series = self.required(kind, "series", &raw.series);
        let (groups_field, groups_label) = match kind {
            "bar" => ("category_label", &raw.category_label),
            _ => ("x_label", &raw.x_label),
        };
        let groups_label = self.required(kind, groups_field, groups_label);
        let unit = raw
            .unit
            .as_ref()
            .map(|u| {
                let text = u.get_ref().trim().to_owned();
                if text.chars().count() > MAX_UNIT || plain_text_problem(&text, MAX_UNIT).is_some() && !text.is_empty() {
                    self.at(u.span(), format!("`unit` must be at most {MAX_UNIT} characters of plain text, such as \"%\""));
                }
                text
            })
            .unwrap_or_default();
        if let Some(label) = value_label {
            self.checked_text("value_label", label, MAX_LABEL);
            self.fits("`value_label`", label.get_ref(), text::WIDTH, label.span());
        }
        if let Some(label) = groups_label {
            self.checked_text(groups_field, label, MAX_LABEL);
            if kind == "line" {
                self.fits("`x_label`", label.get_ref(), text::WIDTH, label.span());
            }
        }
        let max_value = max.map(|m| {
            let value = *m.get_ref();
            if !(value.is_finite() && value > 0.0 && value <= MAX_VALUE) {
                self.at(
                    m.span(),
                    format!("`max` must be a number above 0 and at most {MAX_VALUE}, not {value}"),
                );
            }
            value
        });

        let points = match kind {
            "bar" => {
                let categories = self.required(kind, "categories", &raw.categories)?;
                let n = categories.get_ref().len();
                if n == 0 || n > MAX_CATEGORIES {
                    self.at(
                        categories.span(),
                        format!("`categories` must have 1 to {MAX_CATEGORIES} entries, not {n}"),
                    );
                }
                for c in categories.get_ref() {
                    self.label("the category", c, categories.span());
                    self.fits("the category", c, text::WIDTH, categories.span());
                }
                n
            }
            _ => {
                let x = self.required(kind, "x", &raw.x)?;
                let values = x.get_ref();
                if values.len() < 2 || values.len() > MAX_POINTS {
                    self.at(
                        x.span(),
                        format!(
                            "`x` must have 2 to {MAX_POINTS} values, not {}",
                            values.len()
                        ),
                    );
                }
                if values
                    .iter()
                    .any(|v| !v.is_finite() || *v < 0.0 || *v > MAX_VALUE || !one_decimal(*v))
                {
                    self.at(x.span(), format!("every `x` value must be a number from 0 to {MAX_VALUE}, with at most one decimal place"));
                } else if values.windows(2).any(|w| w[0] >= w[1]) {
                    self.at(
                        x.span(),
                        "`x` values must go up, each larger than the one before",
                    );
                }
                values.len()
            }
        };
        let series_spanned = series?;
        let list = series_spanned.get_ref();
        let span = series_spanned.span();
        let most = if kind == "bar" {
            MAX_BAR_SERIES
        } else {
            MAX_LINE_SERIES
        };
        if list.is_empty() || list.len() > most {
            self.at(
                span.clone(),
                format!("a {kind} chart has 1 to {most} series, not {}", list.len()),
            );
        }
        for s in list {
            self.label("the series label", &s.label, span.clone());
            if kind == "line" {
                // Beside its line's sample in the key.
                self.fits(
                    "the series label",
                    &s.label,
                    text::WIDTH - 34.0,
                    span.clone(),
                );
            }
            if s.values.len() != points {
                self.at(
                    span.clone(),
                    format!(
                        "the series {:?} has {} values for {points} {}",
                        s.label,
                        s.values.len(),
                        if kind == "bar" {
                            "categories"
                        } else {
                            "points on `x`"
                        }
                    ),
                );
            }
            let top = max_value.unwrap_or(MAX_VALUE);
            if let Some(bad) = s
                .values
                .iter()
                .find(|v| !v.is_finite() || **v < 0.0 || **v > top || !one_decimal(**v))
            {
                self.at(
                    span.clone(),
                    format!(
                        "the series {:?} has the value {bad}: values must be numbers from 0 to `max` ({top}) with at most one decimal place",
                        s.label
                    ),
                );
            }
        }
        if !self.problems.is_empty() {
            return None;
        }
        let series: Vec<Series> = list
            .iter()
            .map(|s| Series {
                label: s.label.trim().to_owned(),
                values: s.values.clone(),
            })
            .collect();
        let value_label = value_label?.get_ref().trim().to_owned();
        let groups_label = groups_label?.get_ref().trim().to_owned();
        let max = max_value?;
        if kind == "bar" {
            let chart = BarChart {
                category_label: groups_label,
                categories: raw
                    .categories
                    .as_ref()?
                    .get_ref()
                    .iter()
                    .map(|c| c.trim().to_owned())
                    .collect(),
                value_label,
                unit,
                max,
                series,
            };
            if bar_room(&chart) < MIN_BAR {
                self.at(
                    span,
                    "the series labels are too long to leave room for the bars beside them: keep them to a few words, such as \"Age 20\"",
                );
                return None;
            }
            Some(Drawing::Bar(chart))
        } else {
            Some(Drawing::Line(LineChart {
                x_label: groups_label,
                x: raw.x.as_ref()?.get_ref().clone(),
                value_label,
                unit,
                max,
                series,
            }))
        }
    }
}

fn one_decimal(value: f64) -> bool {
    ((value * 10.0).round() - value * 10.0).abs() < 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAR: &str = r#"kind = "bar"
title = "Scan changes in people with no back pain"
caption = "These changes are common without pain."
description = "Bars for each change."
source = "Brinjikji et al., 2015"
category_label = "Change seen on the scan"
categories = ["Disc bulge", "Annular fissure"]
value_label = "People with the change"
unit = "%"
max = 100
[[series]]
label = "Age 20"
values = [30, 19]
[[series]]
label = "Age 80"
values = [84, 29]
"#;

    fn problems(body: &str) -> Vec<Problem> {
        parse_figure("lessons/a.md", 10, body).unwrap_err()
    }

    #[test]
    fn a_good_bar_chart_block_is_read() {
        let figure = parse_figure("lessons/a.md", 10, BAR).unwrap();
        assert_eq!(figure.source.as_deref(), Some("Brinjikji et al., 2015"));
        let Drawing::Bar(chart) = figure.drawing else {
            panic!("a bar chart")
        };
        assert_eq!(chart.series[1].values, vec![84.0, 29.0]);
        assert_eq!(chart.unit, "%");
    }

    #[test]
    fn an_unknown_kind_is_named_on_its_line() {
        let p = problems(&BAR.replace("kind = \"bar\"", "kind = \"pie\""));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, Some(11));
        assert!(
            p[0].message.contains("unknown figure kind \"pie\""),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let p = problems(&BAR.replace("max = 100\n", ""));
        assert!(p.iter().any(|p| p.message.contains("needs `max`")), "{p:?}");
    }

    #[test]
    fn series_whose_length_does_not_match_the_categories_are_refused() {
        let p = problems(&BAR.replace("values = [30, 19]", "values = [30]"));
        assert!(
            p[0].message.contains("has 1 values for 2 categories"),
            "{p:?}"
        );
        assert_eq!(p[0].line, Some(21));
    }

    #[test]
    fn not_a_number_infinity_and_negative_values_are_refused() {
        for bad in ["nan", "inf", "-3", "101", "12.345"] {
            let p = problems(&BAR.replace("values = [30, 19]", &format!("values = [30, {bad}]")));
            assert!(
                p[0].message.contains("values must be numbers from 0"),
                "{bad}: {p:?}"
            );
        }
        let p = problems(&BAR.replace("max = 100", "max = -5"));
        assert!(
            p[0].message.contains("`max` must be a number above 0"),
            "{p:?}"
        );
    }

    #[test]
    fn ten_thousand_points_are_refused_without_drawing_them() {
        let many: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        let body = format!(
            "kind = \"line\"\ntitle = \"t\"\ncaption = \"c\"\ndescription = \"d\"\nsource = \"A, 2020\"\nx_label = \"Weeks\"\nx = [{}]\nvalue_label = \"Pain\"\nmax = 100\n[[series]]\nlabel = \"A\"\nvalues = [{}]\n",
            many.join(", "),
            vec!["1"; 10_000].join(", ")
        );
        let p = problems(&body);
        assert!(
            p.iter().any(|p| p
                .message
                .contains("`x` must have 2 to 12 values, not 10000")),
            "{p:?}"
        );
    }

    #[test]
    fn markup_and_overlong_labels_are_refused() {
        let p = problems(&BAR.replace("\"Disc bulge\"", "\"<script>x</script>\""));
        assert!(p[0].message.contains("without markup"), "{p:?}");
        let long = "a".repeat(5000);
        let p = problems(&BAR.replace("label = \"Age 20\"", &format!("label = \"{long}\"")));
        assert!(p[0].message.contains("longer than 60 characters"), "{p:?}");
        let p = problems(&BAR.replace(
            "title = \"Scan changes in people with no back pain\"",
            "title = \"\"",
        ));
        assert!(p[0].message.contains("`title` must not be empty"), "{p:?}");
    }

    #[test]
    fn series_labels_that_leave_no_room_for_bars_are_refused() {
        let p =
            problems(&BAR.replace("label = \"Age 20\"", "label = \"People aged twenty years\""));
        assert!(p[0].message.contains("too long to leave room"), "{p:?}");
    }

    #[test]
    fn fields_of_another_kind_are_refused() {
        let p = problems(&BAR.replace("max = 100", "max = 100\nx = [1, 2]"));
        assert!(
            p[0].message.contains("`x` is not used by a bar figure"),
            "{p:?}"
        );
    }

    #[test]
    fn a_chart_without_a_source_is_refused() {
        let p = problems(&BAR.replace("source = \"Brinjikji et al., 2015\"\n", ""));
        assert!(p[0].message.contains("needs `source`"), "{p:?}");
    }

    #[test]
    fn an_illustration_must_be_one_the_app_has() {
        let body = "kind = \"illustration\"\nname = \"../secret\"\ntitle = \"t\"\ncaption = \"c\"\ndescription = \"d\"\n";
        let p = problems(body);
        assert_eq!(p[0].line, Some(12));
        assert!(p[0].message.contains("pain-alarm"), "{p:?}");
        let ok = body.replace("../secret", "pain-alarm");
        assert!(parse_figure("a.md", 1, &ok).is_ok());
    }

    #[test]
    fn line_x_values_must_go_up() {
        let body = "kind = \"line\"\ntitle = \"t\"\ncaption = \"c\"\ndescription = \"d\"\nsource = \"A, 2020\"\nx_label = \"Weeks\"\nx = [0, 26, 6]\nvalue_label = \"Pain\"\nmax = 100\n[[series]]\nlabel = \"A\"\nvalues = [1, 2, 3]\n";
        let p = problems(body);
        assert!(p[0].message.contains("must go up"), "{p:?}");
        assert_eq!(p[0].line, Some(17));
    }

    #[test]
    fn a_toml_error_names_its_line() {
        let p = problems("kind = \"bar\"\ntitle = \n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, Some(12));
    }

    /// The fuzz target's property on stable, over blocks made by breaking
    /// the built-in course's own figures (movements among them) one line at
    /// a time: reading never panics, and a block that is accepted draws
    /// only finite numbers.
    #[test]
    fn broken_built_in_blocks_never_panic_and_never_draw_a_non_finite_number() {
        let lessons = [
            include_str!("../../../../../content/lessons/01-why-ongoing.md"),
            include_str!("../../../../../content/lessons/02-how-long.md"),
            include_str!("../../../../../content/lessons/03-what-to-do.md"),
            include_str!("../../../../../content/guides/02-moving.md"),
        ];
        let blocks: Vec<&str> = lessons
            .iter()
            .flat_map(|l| l.split("```figure\n").skip(1))
            .map(|rest| &rest[..rest.find("```").unwrap()])
            .collect();
        // Four charts and drawings, and six movements.
        assert_eq!(blocks.len(), 10);
        let breaks: [&dyn Fn(&str) -> String; 8] = [
            &|_| String::new(),
            &|line| format!("{line}\n{line}"),
            &|line| line.replace(|c: char| c.is_ascii_digit(), "9"),
            &|line| line.replace(['0', '1', '2', '3', '4'], "nan"),
            &|line| line.replace('[', "[-1e308, "),
            &|line| line.replace('"', "\"<b>"),
            &|line| line.replace("= ", "= 1e400 #"),
            &|line| format!("{line}{}", "x".repeat(5000)),
        ];
        let mut accepted = 0;
        let mut refused = 0;
        for block in &blocks {
            let lines: Vec<&str> = block.lines().collect();
            for i in 0..lines.len() {
                for broken in &breaks {
                    let mut changed = lines.clone();
                    let replaced = broken(lines[i]);
                    changed[i] = &replaced;
                    let body = changed.join("\n");
                    match parse_figure("a.md", 1, &body) {
                        Ok(figure) => {
                            accepted += 1;
                            let html = super::super::figure_html(
                                &figure,
                                1,
                                crate::course::words::Catalog::english(),
                                &super::super::NO_MARKERS,
                                None,
                            );
                            assert!(
                                !html.contains("NaN") && !html.contains("inf"),
                                "{body}\n{html}"
                            );
                            assert!(!html.contains("<b>"), "{html}");
                        }
                        Err(problems) => {
                            refused += 1;
                            assert!(problems.iter().all(|p| p.line.is_some()), "{problems:?}");
                        }
                    }
                }
            }
        }
        assert!(
            accepted > 0 && refused > 0,
            "{accepted} accepted, {refused} refused"
        );
    }

    #[test]
    fn a_word_too_wide_for_the_drawing_or_a_bracketed_source_is_refused() {
        let p = problems(&BAR.replace("\"Disc bulge\"", "\"Bandscheibenvorwoelbungen\""));
        assert!(p[0].message.contains("too wide to fit"), "{p:?}");
        let p = problems(&BAR.replace("Bars for each change.", "Bars (Hall et al., 2021)."));
        assert!(p[0].message.contains("name it in `source`"), "{p:?}");
        assert!(text::width("椎間板ヘルニア") >= 7.0 * text::FONT);
    }
}
