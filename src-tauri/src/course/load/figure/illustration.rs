//! The drawings made for this course, compiled into the app: simple SVG of
//! ideas the lessons state, with no data, script, style or outside reference.

/// One built-in drawing: its name in a figure block and its SVG file.
pub struct Illustration {
    pub name: &'static str,
    source: &'static str,
}

pub const ILLUSTRATIONS: &[Illustration] = &[
    Illustration {
        name: "pain-alarm",
        source: include_str!("illustrations/pain-alarm.svg"),
    },
    Illustration {
        name: "step-by-step",
        source: include_str!("illustrations/step-by-step.svg"),
    },
];

pub fn find(name: &str) -> Option<&'static Illustration> {
    ILLUSTRATIONS.iter().find(|i| i.name == name)
}

pub fn names() -> Vec<&'static str> {
    ILLUSTRATIONS.iter().map(|i| i.name).collect()
}

impl Illustration {
    /// The drawing's width and height, from its `viewBox`.
    pub fn size(&self) -> (f64, f64) {
        let view_box = self
            .source
            .split("viewBox=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        let numbers: Vec<f64> = view_box
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        match numbers[..] {
            [_, _, w, h] => (w, h),
            _ => (0.0, 0.0),
        }
    }

    /// What goes inside the app's own `<svg>` tag: the file without its
    /// outer tag and its authoring comments.
    pub fn inner(&self) -> String {
        let start = self.source.find('>').map_or(0, |i| i + 1);
        let end = self.source.rfind("</svg>").unwrap_or(self.source.len());
        self.source[start..end]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("<!--"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::{self, Anchor, Rect};
    use super::*;

    const ELEMENTS: &[&str] = &["g", "path", "circle", "rect", "line", "polyline", "text"];
    const ATTRIBUTES: &[&str] = &[
        "class",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "d",
        "width",
        "height",
        "points",
        "text-anchor",
        "font-size",
    ];

    /// Every tag in `svg` as (name, [(attribute, value)]).
    fn tags(svg: &str) -> Vec<(String, Vec<(String, String)>)> {
        svg.split('<')
            .skip(1)
            .filter(|t| !t.starts_with('/'))
            .map(|t| {
                let t = &t[..t.find('>').unwrap()];
                let t = t.trim_end_matches('/');
                let (name, rest) = t.split_once(' ').unwrap_or((t, ""));
                let attrs = rest
                    .split("\" ")
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| {
                        let (k, v) = a.split_once("=\"").expect("attribute=\"value\"");
                        (k.trim().to_owned(), v.trim_end_matches('"').to_owned())
                    })
                    .collect();
                (name.to_owned(), attrs)
            })
            .collect()
    }

    #[test]
    fn drawings_use_only_plain_shapes_the_app_classes_and_no_outside_reference() {
        let css = include_str!("../../../../../ui/css/app.css");
        for illustration in ILLUSTRATIONS {
            let inner = illustration.inner();
            for (name, attrs) in tags(&inner) {
                assert!(
                    ELEMENTS.contains(&name.as_str()),
                    "{}: <{name}>",
                    illustration.name
                );
                for (key, value) in attrs {
                    assert!(
                        ATTRIBUTES.contains(&key.as_str()),
                        "{}: {key}",
                        illustration.name
                    );
                    if key == "class" {
                        for class in value.split(' ') {
                            assert!(
                                css.contains(&format!(".{class}")),
                                "{}: class {class} is not in app.css",
                                illustration.name
                            );
                        }
                    }
                    assert!(!value.contains("url(") && !value.contains(':'), "{value}");
                }
            }
            let (w, h) = illustration.size();
            assert!(w == text::WIDTH && h > 0.0, "{}", illustration.name);
        }
    }

    #[test]
    fn every_label_in_a_drawing_fits_inside_it_at_the_label_size() {
        for illustration in ILLUSTRATIONS {
            let (w, h) = illustration.size();
            let inner = illustration.inner();
            for part in inner.split("<text ").skip(1) {
                let (open, rest) = part.split_once('>').unwrap();
                let words = &rest[..rest.find("</text>").unwrap()];
                let attr = |k: &str| -> String {
                    open.split(&format!(" {k}=\""))
                        .nth(1)
                        .or_else(|| open.strip_prefix(&format!("{k}=\"")))
                        .unwrap_or_else(|| panic!("{k} in {open}"))
                        .split('"')
                        .next()
                        .unwrap()
                        .to_owned()
                };
                assert_eq!(attr("font-size"), text::number(text::FONT));
                let anchor = match attr("text-anchor").as_str() {
                    "start" => Anchor::Start,
                    "middle" => Anchor::Middle,
                    _ => Anchor::End,
                };
                let bold =
                    ["figure-heading", "figure-callout-text"].contains(&attr("class").as_str());
                let label_width = if bold {
                    text::bold_width(words)
                } else {
                    text::width(words)
                };
                let rect = Rect::of_label(
                    label_width,
                    attr("x").parse().unwrap(),
                    attr("y").parse().unwrap(),
                    anchor,
                );
                assert!(
                    rect.inside(w, h),
                    "{}: {words:?} {rect:?}",
                    illustration.name
                );
            }
        }
    }

    #[test]
    fn the_names_are_the_ones_figure_blocks_use() {
        assert_eq!(names(), ["pain-alarm", "step-by-step"]);
        assert!(find("pain-alarm").is_some());
        assert!(find("../../etc/passwd").is_none());
    }
}
