//! Every text and interface colour pair in the stylesheet meets WCAG 2.2 AA:
//! 4.5:1 for text, 3:1 for interface parts such as borders and the progress
//! bar. The colours are read from `ui/css/app.css`, so a change there that
//! breaks contrast fails here.

use std::collections::BTreeMap;
use std::path::Path;

fn palette() -> BTreeMap<String, (f64, f64, f64)> {
    let css = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/css/app.css"))
        .unwrap();
    let root = &css[css.find(":root {").unwrap()..];
    let root = &root[..root.find('}').unwrap()];
    let mut colours = BTreeMap::new();
    for line in root.lines() {
        let Some((name, value)) = line.trim().split_once(':') else {
            continue;
        };
        let value = value.split(';').next().unwrap_or_default().trim();
        if let (Some(name), Some(hex)) = (name.strip_prefix("--"), value.strip_prefix('#')) {
            if hex.len() == 6 {
                let channel =
                    |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                colours.insert(name.to_owned(), (channel(0), channel(2), channel(4)));
            }
        }
    }
    colours.insert("white".into(), (1.0, 1.0, 1.0));
    colours
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn check(pairs: &[(&str, &str)], minimum: f64) {
    let colours = palette();
    for (fg, bg) in pairs {
        let get = |n: &str| {
            *colours
                .get(n)
                .unwrap_or_else(|| panic!("--{n} is not in :root"))
        };
        let ratio = contrast(get(fg), get(bg));
        println!("{fg} on {bg}: {ratio:.2}:1");
        assert!(
            ratio >= minimum,
            "{fg} on {bg} is {ratio:.2}:1, below {minimum}:1"
        );
    }
}

#[test]
fn the_contrast_formula_matches_known_values() {
    assert!((contrast((0.0, 0.0, 0.0), (1.0, 1.0, 1.0)) - 21.0).abs() < 1e-9);
    assert!((contrast((1.0, 1.0, 1.0), (1.0, 1.0, 1.0)) - 1.0).abs() < 1e-9);
    // #767676 on white is the well-known 4.54:1.
    let grey = 118.0 / 255.0;
    assert!((contrast((grey, grey, grey), (1.0, 1.0, 1.0)) - 4.54).abs() < 0.01);
}

#[test]
fn text_colours_reach_four_and_a_half_to_one() {
    check(
        &[
            ("text", "background"),
            ("text", "surface"),
            ("text-secondary", "background"),
            ("text-secondary", "surface"),
            ("link", "background"),
            ("link", "surface"),
            ("link-visited", "surface"),
            ("brand-dark", "surface"),
            ("white", "brand"),
            ("white", "button"),
            ("brand", "button-secondary"),
            ("focus-text", "focus"),
            ("done", "done-bg"),
            ("text", "done-bg"),
            ("text", "warning-bg"),
            ("tag-in-progress", "tag-in-progress-bg"),
            ("tag-not-started", "tag-not-started-bg"),
        ],
        4.5,
    );
}

#[test]
fn interface_parts_reach_three_to_one() {
    check(
        &[
            ("border", "surface"),
            ("border", "background"),
            ("progress", "surface"),
            ("button-shadow", "background"),
            ("brand", "background"),
            ("focus-text", "focus"),
        ],
        3.0,
    );
}
