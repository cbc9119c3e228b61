//! Every text and interface colour pair in every theme of the stylesheet
//! meets WCAG 2.2 AA: 4.5:1 for text, 3:1 for interface parts such as
//! borders and the progress bar. The colours are read from each theme's
//! block in `ui/css/app.css`, so a change there that breaks contrast fails
//! here.

use std::collections::BTreeMap;
use std::path::Path;

/// Each theme's block starts with this selector (the light theme is also
/// the default, `:root`).
const THEMES: &[&str] = &[
    ":root, [data-theme=\"light\"] {",
    "[data-theme=\"dark\"] {",
    "[data-theme=\"high-contrast\"] {",
];

type Rgb = (f64, f64, f64);

fn palette(selector: &str) -> BTreeMap<String, Rgb> {
    let css = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/css/app.css"))
        .unwrap();
    let start = css
        .find(selector)
        .unwrap_or_else(|| panic!("no theme block {selector} in app.css"));
    let root = &css[start..];
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
    colours
}

fn luminance((r, g, b): Rgb) -> f64 {
    let linear = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn check(pairs: &[(&str, &str)], minimum: f64) {
    let mut failures = Vec::new();
    for theme in THEMES {
        let colours = palette(theme);
        for (fg, bg) in pairs {
            let get = |n: &str| {
                *colours
                    .get(n)
                    .unwrap_or_else(|| panic!("--{n} is not in the theme {theme}"))
            };
            let ratio = contrast(get(fg), get(bg));
            println!("{theme} {fg} on {bg}: {ratio:.2}:1");
            if ratio < minimum {
                failures.push(format!(
                    "{theme} {fg} on {bg} is {ratio:.2}:1, below {minimum}:1"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_theme_names_the_same_colours() {
    let light: Vec<String> = palette(THEMES[0]).into_keys().collect();
    for theme in &THEMES[1..] {
        let names: Vec<String> = palette(theme).into_keys().collect();
        assert_eq!(
            names, light,
            "{theme} names different colours from the light theme"
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
            ("link-visited", "background"),
            ("link-hover", "surface"),
            ("link-hover", "background"),
            ("brand-dark", "surface"),
            ("on-header", "header-bg"),
            ("on-button", "button"),
            ("on-button", "button-hover"),
            ("on-button", "button-warning"),
            ("on-button", "button-warning-hover"),
            ("button-secondary-text", "button-secondary"),
            ("button-secondary-text", "button-secondary-hover"),
            ("focus-text", "focus"),
            ("done", "done-bg"),
            ("text", "done-bg"),
            ("text", "warning-bg"),
            ("text-secondary", "done-bg"),
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
            ("progress", "background"),
            ("button-secondary-text", "background"),
            ("brand", "background"),
            ("brand", "surface"),
            ("emergency", "background"),
            ("emergency", "surface"),
            ("urgent", "background"),
            ("urgent", "surface"),
            ("focus-text", "focus"),
        ],
        3.0,
    );
}

/// The focus indicator is a yellow (or cyan) block with a dark bar under it:
/// on a light page the bar stands out, on a dark page the block does. One of
/// the two must reach 3:1 against every surface a focused thing sits on.
#[test]
fn the_focus_indicator_stands_out_on_every_theme() {
    for theme in THEMES {
        let colours = palette(theme);
        for surface in ["background", "surface", "header-bg"] {
            let best = contrast(colours["focus"], colours[surface])
                .max(contrast(colours["focus-text"], colours[surface]));
            println!("{theme} focus indicator on {surface}: {best:.2}:1");
            assert!(
                best >= 3.0,
                "{theme}: focus indicator on {surface} is {best:.2}:1"
            );
        }
    }
}
