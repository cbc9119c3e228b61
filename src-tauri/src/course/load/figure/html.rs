//! A checked figure as HTML: its caption, its drawing in each layout as an
//! `<svg role="img">` with a title and description, and its numbers as a
//! table behind "Show the numbers".

use super::super::citations::cite_in_words;
use super::movement::Movement;
use super::text::{self, escape};
use super::{Drawing, Drawn, Figure, NARROW_MAX_EM, WIDE_MAX_EM};
use crate::course::words::Catalog;

/// A figure's citation markers, made by the writer: for its `source`, and
/// for a movement's `stop_source`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markers {
    pub source: String,
    pub stop: String,
}

pub static NO_MARKERS: Markers = Markers {
    source: String::new(),
    stop: String::new(),
};

/// `figure`, numbered `number` on its page, drawn in each of its layouts,
/// its sources shown as `markers`, marked as read aloud with `say_id`, if
/// given.
pub fn figure_html(
    figure: &Figure,
    number: usize,
    words: &Catalog,
    markers: &Markers,
    say_id: Option<&str>,
) -> String {
    let source_marker = markers.source.as_str();
    let n = number.to_string();
    let layouts: &[Drawn] = &figure.drawn;
    let movement = match &figure.drawing {
        Drawing::Movement(movement) => Some(movement),
        _ => None,
    };
    // A movement's source is where its amount comes from, so its marker
    // follows the amount.
    let (caption_marker, amount_marker) = match movement {
        Some(m) if m.amount.is_some() => ("", source_marker),
        _ => (source_marker, ""),
    };
    let mut html = String::from(if movement.is_some() {
        "<figure class=\"figure figure-movement\""
    } else {
        "<figure class=\"figure\""
    });
    if let Some(id) = say_id {
        html.push_str(&format!(" data-say id=\"{}\"", escape(id)));
    }
    html.push_str(">\n<figcaption class=\"figure-caption\">");
    html.push_str(&format!(
        "<span class=\"figure-title\">{} {}</span> {}",
        escape(&words.text("figure.number", &[("n", &n)])),
        escape(&figure.title),
        escape(&figure.caption)
    ));
    html.push_str(caption_marker);
    html.push_str("</figcaption>\n");
    let layout_class = |i: usize| match (layouts.len(), i) {
        (1, _) => "figure-drawing",
        (_, 0) => "figure-drawing figure-narrow",
        _ => "figure-drawing figure-wide",
    };
    for (i, drawn) in layouts.iter().enumerate() {
        html.push_str(&format!(
            "<div class=\"{}\"><svg class=\"figure-svg\" role=\"img\" viewBox=\"0 0 {w} {h}\" width=\"{}em\"><title>{}</title><desc>{}</desc>{}</svg></div>\n",
            layout_class(i),
            text::number(shown_width(layouts.len(), i)),
            escape(&figure.title),
            escape(&figure.description),
            drawn.svg,
            w = text::coord(drawn.width),
            h = text::coord(drawn.height),
        ));
    }
    if let Some(movement) = movement {
        html.push_str(&movement_facts(
            movement,
            words,
            amount_marker,
            &markers.stop,
        ));
    }
    if let Some(table) = numbers_table(figure) {
        html.push_str(&format!(
            "<details class=\"figure-numbers\"><summary>{}</summary>\n<table>\n<caption>{}</caption>\n{table}</table>\n</details>\n",
            escape(&words.text("figure.show-numbers", &[("n", &n)])),
            escape(&words.text("figure.numbers-caption", &[("n", &n)])),
        ));
    }
    html.push_str("</figure>\n");
    html
}

/// Under a movement's picture: how many (or who to ask), and its stop
/// rule, each followed by its source's marker.
fn movement_facts(
    movement: &Movement,
    words: &Catalog,
    amount_marker: &str,
    stop_marker: &str,
) -> String {
    let amount = match &movement.amount {
        Some(amount) => format!("{}{amount_marker}", escape(amount)),
        None => escape(&movement.amount_words(words)),
    };
    format!(
        "<dl class=\"movement-facts\"><dt>{}</dt><dd>{amount}</dd><dt>{}</dt><dd>{}{stop_marker}</dd></dl>\n",
        escape(&words.text("movement.amount", &[])),
        escape(&words.text("movement.stop", &[])),
        escape(&movement.stop),
    )
}

/// Every movement among `figures` as one sheet to print: for each, its
/// name, its picture, how many (its source named in words, as paper has no
/// links) and its stop rule. Empty when there are none.
pub fn movement_sheet<'a>(figures: impl Iterator<Item = &'a Figure>, words: &Catalog) -> String {
    let mut sheet = String::new();
    for figure in figures {
        let Drawing::Movement(movement) = &figure.drawing else {
            continue;
        };
        let Some(picture) = movement_picture(figure) else {
            continue;
        };
        let in_words = |cite: Option<&String>| cite.map_or(String::new(), |c| cite_in_words(c));
        let source = match &movement.amount {
            Some(_) => in_words(figure.source.as_ref()),
            None => String::new(),
        };
        let stop = in_words(movement.stop_source.as_ref());
        sheet.push_str(&format!(
            "<section class=\"sheet-movement\"><h2>{}</h2>\n{picture}\n{}</section>\n",
            escape(&figure.title),
            movement_facts(movement, words, &source, &stop),
        ));
    }
    sheet
}

/// A movement's picture alone, named by its title and described, as the
/// sheet and My plan's printout show it; `None` for any other figure.
pub fn movement_picture(figure: &Figure) -> Option<String> {
    let (Drawing::Movement(_), Some(drawn)) = (&figure.drawing, figure.drawn.first()) else {
        return None;
    };
    Some(format!(
        "<svg class=\"figure-svg\" role=\"img\" viewBox=\"0 0 {w} {h}\" width=\"{em}em\"><title>{}</title><desc>{}</desc>{}</svg>",
        escape(&figure.title),
        escape(&figure.description),
        drawn.svg,
        w = text::coord(drawn.width),
        h = text::coord(drawn.height),
        em = text::number(NARROW_MAX_EM),
    ))
}

/// How wide layout `i` of `count` may be shown, in em (the page scales it
/// down to fit a narrower column; its height follows its `viewBox`).
fn shown_width(count: usize, i: usize) -> f64 {
    if count > 1 && i > 0 {
        WIDE_MAX_EM
    } else {
        NARROW_MAX_EM
    }
}

/// The chart's numbers, one row per category or point in time; none for
/// a drawing, which has no data.
fn numbers_table(figure: &Figure) -> Option<String> {
    let (first_column, rows, series, unit) = match &figure.drawing {
        Drawing::Bar(c) => (&c.category_label, c.categories.clone(), &c.series, &c.unit),
        Drawing::Line(c) => (
            &c.x_label,
            c.x.iter().map(|x| text::number(*x)).collect(),
            &c.series,
            &c.unit,
        ),
        Drawing::Illustration(_) | Drawing::Movement(_) => return None,
    };
    let mut table = format!("<thead><tr><th scope=\"col\">{}</th>", escape(first_column));
    for s in series {
        table.push_str(&format!("<th scope=\"col\">{}</th>", escape(&s.label)));
    }
    table.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in rows.iter().enumerate() {
        table.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(row)));
        for s in series {
            table.push_str(&format!(
                "<td>{}</td>",
                escape(&text::with_unit(s.values[i], unit))
            ));
        }
        table.push_str("</tr>\n");
    }
    table.push_str("</tbody>\n");
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::super::parse_figure;
    use super::*;

    const LINE: &str = "kind = \"line\"\ntitle = \"Pain <over> a year\"\ncaption = \"It eased & slowly.\"\ndescription = \"Two lines.\"\nsource = \"Wallwork et al., 2024\"\nx_label = \"Weeks\"\nx = [0, 52]\nvalue_label = \"Average pain, out of 100\"\nmax = 100\n[[series]]\nlabel = \"Pain for 3 months or more\"\nvalues = [56, 40]\n";

    #[test]
    fn a_figure_has_a_numbered_caption_a_named_described_drawing_and_its_numbers() {
        let figure = parse_figure("a.md", 1, &LINE.replace(" <over>", "")).unwrap();
        let html = figure_html(
            &figure,
            2,
            Catalog::english(),
            &Markers {
                source: " (Wallwork et al., 2024)".into(),
                ..Markers::default()
            },
            None,
        );
        assert!(html.contains("<span class=\"figure-title\">Figure 2: Pain a year</span> It eased &amp; slowly. (Wallwork et al., 2024)</figcaption>"), "{html}");
        assert!(html.contains("<svg class=\"figure-svg\" role=\"img\""));
        // Each layout as wide as Rust lets it be shown, in em.
        assert!(html.contains("<div class=\"figure-drawing figure-narrow\"><svg class=\"figure-svg\" role=\"img\" viewBox=\"0 0 184 "), "{html}");
        assert!(
            html.contains("width=\"15em\"") && html.contains("width=\"36em\""),
            "{html}"
        );
        assert!(html.contains("<title>Pain a year</title><desc>Two lines.</desc>"));
        assert!(html.contains("<summary>Show the numbers for figure 2</summary>"));
        assert!(html.contains("<caption>The numbers in figure 2</caption>"));
        assert!(
            html.contains("<tr><th scope=\"row\">52</th><td>40</td></tr>"),
            "{html}"
        );
    }

    #[test]
    fn text_from_the_block_is_escaped_everywhere() {
        // Markup is refused by the checks; escaping is the second wall.
        let mut figure = parse_figure("a.md", 1, &LINE.replace(" <over>", "")).unwrap();
        figure.title = "<img src=x onerror=alert(1)>".into();
        figure.description = "\"><script>".into();
        let html = figure_html(&figure, 1, Catalog::english(), &NO_MARKERS, Some("say-t-1"));
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
    }

    #[test]
    fn an_illustration_has_no_numbers_table() {
        let body = "kind = \"illustration\"\nname = \"pain-alarm\"\ntitle = \"t\"\ncaption = \"c\"\ndescription = \"d\"\n";
        let figure = parse_figure("a.md", 1, body).unwrap();
        let html = figure_html(&figure, 1, Catalog::english(), &NO_MARKERS, Some("say-t-1"));
        assert!(!html.contains("<details"));
        assert!(html.contains("class=\"figure-needle\""));
    }

    #[test]
    fn a_movement_shows_its_amount_and_stop_rule_escaped_each_with_its_source() {
        let body = "kind = \"movement\"\nid = \"bridge\"\ntitle = \"Bridge & co\"\ncaption = \"c\"\ndescription = \"d\"\namount = \"8 & 10.\"\nsource = \"NHS, 2019\"\nstop = \"Stop & rest.\"\nstop_source = \"NHS inform, n.d.\"\n[[pose]]\nlabel = \"Start\"\ntorso = 180\nhead = 180\nnear_arm = [0, 0]\nnear_leg = [50, -80, 0]\n";
        let figure = parse_figure("a.md", 1, body).unwrap();
        let markers = Markers {
            source: "[1]".into(),
            stop: "[2]".into(),
        };
        let html = figure_html(&figure, 1, Catalog::english(), &markers, None);
        assert!(
            html.contains("<figure class=\"figure figure-movement\">"),
            "{html}"
        );
        assert!(
            html.contains("<dt>How many</dt><dd>8 &amp; 10.[1]</dd><dt>Take care</dt><dd>Stop &amp; rest.[2]</dd>"),
            "{html}"
        );
        // The source's marker follows the amount, not the caption.
        assert!(html.contains("c</figcaption>"), "{html}");
        let sheet = movement_sheet([&figure].into_iter(), Catalog::english());
        assert!(sheet.contains("<h2>Bridge &amp; co</h2>"), "{sheet}");
        assert!(
            sheet.contains("8 &amp; 10. (NHS, 2019)</dd>")
                && sheet.contains("Stop &amp; rest. (NHS inform, n.d.)</dd>"),
            "{sheet}"
        );
        // Without an amount the page says who to ask, and cites nothing for it.
        let none = body.replace("amount = \"8 & 10.\"\n", "");
        let figure = parse_figure("a.md", 1, &none).unwrap();
        let html = figure_html(&figure, 1, Catalog::english(), &markers, None);
        assert!(
            html.contains(
                "<dd>Your physiotherapist can tell you how long to hold, and how many to do.</dd>"
            ),
            "{html}"
        );
        assert!(html.contains("c[1]</figcaption>"), "{html}");
    }
}
