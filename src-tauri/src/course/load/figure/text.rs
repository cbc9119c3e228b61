//! Text in a drawing: how wide a label will be, where it wraps, and how it
//! is escaped, so charts can be laid out in Rust before any font is known.

/// The size every label is drawn at, in the drawing's own units. Drawings
/// are `WIDTH` units wide and the page scales them to the column, so a
/// label's size on screen follows the column, not the text-size setting;
/// keeping `WIDTH / FONT` small is what keeps labels near the body size at
/// 480 px wide and double text (see the e2e check).
pub const FONT: f64 = 16.0;
/// Distance between the baselines of two wrapped lines.
pub const LINE: f64 = 20.0;
/// The width of one column of a drawing: 11.5 × `FONT`.
pub const WIDTH: f64 = 184.0;

/// An upper estimate of `text`'s width at `FONT`, from DejaVu Sans, the
/// widest of the app's fonts (what Linux without Arial shows; Arial and
/// Helvetica are narrower). Over-estimating only wastes a little room;
/// under-estimating would let labels collide or run off the drawing.
pub fn width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.32,
            // Chinese, Japanese, Korean and emoji: a full em each.
            c if u32::from(c) >= 0x1100 => 1.0,
            '%' | 'm' | 'w' | 'M' | 'W' | '@' => 0.98,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_uppercase() => 0.78,
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.44,
            _ => 0.64,
        })
        .sum();
    ems * FONT
}

/// How much wider bold text (headings and values) is: about an eighth.
pub const BOLD: f64 = 1.13;

/// `width` in bold.
pub fn bold_width(text: &str) -> f64 {
    width(text) * BOLD
}

/// `text` broken into lines no wider than `max`, at spaces. A single word
/// wider than `max` gets a line of its own (the checks refuse labels that
/// would need that, so it only happens for input already reported).
pub fn wrap(text: &str, max: f64) -> Vec<String> {
    let space = width(" ");
    let mut lines: Vec<(String, f64)> = Vec::new();
    for word in text.split_whitespace() {
        let w = width(word);
        match lines.last_mut() {
            Some((line, line_width)) if *line_width + space + w <= max => {
                line.push(' ');
                line.push_str(word);
                *line_width += space + w;
            }
            _ => lines.push((word.to_owned(), w)),
        }
    }
    lines.into_iter().map(|(line, _)| line).collect()
}

pub use crate::course::html_text::escape;

/// A number as a label: whole numbers without a decimal point, others with
/// one decimal place (the checks refuse finer ones). Written from whole
/// tenths: float formatting was a tenth of drawing a chart.
pub fn number(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 1e15 {
        return format!("{value}");
    }
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// A value as written on a chart and in its table: "37%".
pub fn with_unit(value: f64, unit: &str) -> String {
    format!("{}{unit}", number(value))
}

/// Coordinates written with at most one decimal place, so the SVG stays
/// small and its snapshot stable; never "-0".
pub fn coord(value: f64) -> String {
    if (value * 10.0).round() == 0.0 {
        return "0".to_owned();
    }
    number(value)
}

/// A box a label takes up, to keep labels apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// The box of a label `w` wide drawn with its baseline at `y`, its
    /// anchor at `x`.
    pub fn of_label(w: f64, x: f64, y: f64, anchor: Anchor) -> Rect {
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        // Ascenders reach about 0.8 em above the baseline, descenders 0.2 below.
        Rect {
            x: left,
            y: y - 0.8 * FONT,
            w,
            h: FONT,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.w <= width && self.y + self.h <= height
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// `text` wrapped to `width` as lines of `class` from the left edge, each
/// moving `y` down a line: a chart's heading above its marks.
pub fn heading_lines(class: &str, text: &str, width: f64, y: &mut f64) -> String {
    let mut svg = String::new();
    for line in wrap(text, width) {
        *y += LINE;
        svg.push_str(&label(class, 0.0, *y - 4.0, Anchor::Start, &line));
    }
    svg
}

/// One `<text>` element with the given class.
pub fn label(class: &str, x: f64, y: f64, anchor: Anchor, text: &str) -> String {
    format!(
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\">{}</text>",
        coord(x),
        coord(y),
        anchor.svg(),
        number(FONT),
        escape(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_line_within_the_width_and_every_word() {
        let text = "Share of people with no back pain who have the change";
        let lines = wrap(text, 120.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wide_letters_and_digits_are_estimated_wider_than_narrow_ones() {
        assert!(width("WWW") > width("iii"));
        assert!(width("100%") > width("100"));
        assert!(bold_width("Age 20") > width("Age 20"));
        assert_eq!(width(""), 0.0);
    }

    #[test]
    fn labels_are_escaped_text() {
        let l = label("c", 1.0, 2.0, Anchor::Start, "<b>&\"x\"</b>");
        assert!(l.contains("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;"), "{l}");
        assert!(!l.contains("<b>"));
    }

    #[test]
    fn numbers_drop_a_needless_decimal_point() {
        assert_eq!(number(37.0), "37");
        assert_eq!(number(3.5), "3.5");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(100.04), "100");
        assert_eq!(number(f64::NAN), "NaN", "never drawn: the checks refuse it");
        assert_eq!(coord(12.345), "12.3");
        assert_eq!(coord(-0.04), "0");
    }

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        let a = Rect::of_label(width("56"), 20.0, 50.0, Anchor::Middle);
        let b = Rect::of_label(width("48"), 22.0, 52.0, Anchor::Middle);
        let c = Rect::of_label(width("48"), 80.0, 52.0, Anchor::Middle);
        assert!(a.overlaps(&b));
        assert!(!a.overlaps(&c));
        assert!(a.inside(100.0, 100.0));
        assert!(!Rect::of_label(width("56"), 0.0, 50.0, Anchor::End).inside(100.0, 100.0));
    }
}
