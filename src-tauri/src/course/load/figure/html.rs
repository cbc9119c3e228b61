//! A checked figure as HTML: its caption, its drawing in each layout as an
//! `<svg role="img">` with a title and description, and its numbers as a
//! table behind "Show the numbers".

use super::text::{self, escape};
use super::{Drawing, Drawn, Figure, NARROW_MAX_EM, WIDE_MAX_EM};
use crate::course::words::Catalog;

/// `figure`, numbered `number` on its page, drawn in each of its layouts,
/// its source shown as `source_marker` (a citation's marker, made by the
/// writer), marked as read aloud with `say_id`, if given.
pub fn figure_html(
    figure: &Figure,
    number: usize,
    words: &Catalog,
    source_marker: &str,
    say_id: Option<&str>,
) -> String {
    let n = number.to_string();
    let layouts: &[Drawn] = &figure.drawn;
    let mut html = String::from("<figure class=\"figure\"");
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
    html.push_str(source_marker);
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
        Drawing::Illustration(_) => return None,
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
            " (Wallwork et al., 2024)",
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
        let html = figure_html(&figure, 1, Catalog::english(), "", Some("say-t-1"));
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
    }

    #[test]
    fn an_illustration_has_no_numbers_table() {
        let body = "kind = \"illustration\"\nname = \"pain-alarm\"\ntitle = \"t\"\ncaption = \"c\"\ndescription = \"d\"\n";
        let figure = parse_figure("a.md", 1, body).unwrap();
        let html = figure_html(&figure, 1, Catalog::english(), "", Some("say-t-1"));
        assert!(!html.contains("<details"));
        assert!(html.contains("class=\"figure-needle\""));
    }
}
