//! Least privilege, checked from the files that grant it: the webview may
//! call the app's own commands and nothing else, and the CSP allows no remote
//! or inline script.

use std::collections::BTreeSet;

use back_pain_course::command_names::COMMANDS;
use serde_json::Value;

use crate::root;

fn capability_files() -> Vec<(String, Value)> {
    let dir = root().join("src-tauri/capabilities");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => serde_json::from_str(&text).unwrap(),
            Some("toml") => {
                let toml: toml::Value = toml::from_str(&text).unwrap();
                serde_json::to_value(toml).unwrap()
            }
            _ => panic!(
                "{} is not a capability file this test understands",
                path.display()
            ),
        };
        files.push((path.display().to_string(), value));
    }
    files
}

#[test]
fn the_benchmark_permission_is_kept_out_of_the_products_capabilities() {
    for (file, capability) in capability_files() {
        assert!(
            !capability.to_string().contains("bench"),
            "{file} grants a benchmark hook"
        );
    }
    let bench = root().join("src-tauri/capabilities-bench/bench.json");
    assert!(
        bench.exists(),
        "the bench build's own capability is kept apart from the product's"
    );
}

fn config() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap()
}

#[test]
fn capabilities_grant_only_the_apps_own_commands_to_the_main_window() {
    let allowed: BTreeSet<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let files = capability_files();
    assert!(
        !files.is_empty(),
        "no capability file: the app's commands would be open to any window"
    );
    let mut granted = BTreeSet::new();
    for (file, capability) in files {
        assert_eq!(
            capability["windows"],
            serde_json::json!(["main"]),
            "{file}: windows"
        );
        assert!(
            capability.get("webviews").is_none(),
            "{file}: grants to webviews by label"
        );
        assert!(
            capability.get("remote").is_none(),
            "{file}: grants IPC to remote URLs"
        );
        for permission in capability["permissions"].as_array().unwrap() {
            let Some(name) = permission.as_str() else {
                panic!("{file}: scoped permission {permission} (only plain app command permissions are allowed)");
            };
            assert!(
                allowed.contains(name),
                "{file}: grants {name}, which is not one of the app's own commands"
            );
            granted.insert(name.to_owned());
        }
    }
    assert_eq!(
        granted, allowed,
        "every command the UI calls is granted exactly once"
    );
}

fn csp_directives() -> Vec<(String, Vec<String>)> {
    let csp = config()["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set as one string")
        .to_owned();
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_owned);
            (parts.next().unwrap(), parts.collect())
        })
        .collect()
}

fn sources(name: &str) -> Option<Vec<String>> {
    csp_directives()
        .into_iter()
        .find(|(d, _)| d == name)
        .map(|(_, s)| s)
}

#[test]
fn the_csp_allows_no_remote_or_inline_script() {
    assert_eq!(sources("default-src"), Some(vec!["'self'".to_owned()]));
    let script = sources("script-src")
        .or_else(|| sources("default-src"))
        .unwrap();
    for source in &script {
        assert!(
            source == "'self'",
            "script-src allows {source}: only the app's own files may run"
        );
    }
    assert_eq!(sources("object-src"), Some(vec!["'none'".to_owned()]));
    assert_eq!(sources("base-uri"), Some(vec!["'none'".to_owned()]));
}

#[test]
fn the_csp_loads_nothing_from_the_network() {
    // An allowlist: anything else (a host name, a wildcard, a scheme) is remote.
    let local = ["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];
    for (directive, sources) in csp_directives() {
        for source in sources {
            assert!(
                local.contains(&source.as_str()),
                "{directive} allows {source}"
            );
        }
    }
}

#[test]
fn no_dangerous_settings_are_on() {
    let config = config();
    let security = &config["app"]["security"];
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert!(
        security.get("assetProtocol").is_none(),
        "the asset protocol would expose local files"
    );
    assert_eq!(security["freezePrototype"], true);
    assert!(
        config["build"].get("devUrl").is_none(),
        "the app never loads a remote or dev-server page"
    );
    assert!(config
        .get("plugins")
        .is_none_or(|p| p.as_object().is_none_or(|o| o.is_empty())));
}

/// The display rules are Rust's (`screens::view_model::display_rules`, the
/// idle warning in `load::config`): no page script names a theme, a text
/// size or an idle timing of its own.
#[test]
fn page_scripts_hold_no_theme_text_size_or_idle_timing_of_their_own() {
    use back_pain_course::course::learner::record::{Theme, TEXT_SIZE_PERCENTS};
    let mut literals: Vec<String> = Theme::ALL
        .iter()
        .flat_map(|t| {
            [t.name().to_owned()]
                .into_iter()
                .chain(t.draws().map(str::to_owned))
        })
        .map(|name| format!("\"{name}\""))
        .collect();
    literals.extend(TEXT_SIZE_PERCENTS.iter().map(|p| format!("{p}%")));
    // The idle warning's bounds and share of the timeout.
    literals.extend(["Math.max(20".into(), "Math.min(60".into(), "/ 5)".into()]);
    let dir = root().join("ui/js");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        // No exception: the words are in `ui/locales/`, keyed by the names
        // Rust sends, so no page script names a theme at all.
        let text = std::fs::read_to_string(&path).unwrap();
        for literal in &literals {
            if text.contains(literal.as_str()) {
                found.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "rules written in page script:\n{}",
        found.join("\n")
    );
}

/// An unsigned app downloaded on Apple silicon is reported as "damaged"
/// and will not open; signed ad hoc, it opens after the "unidentified
/// developer" question. The release workflow hands Tauri a Developer ID
/// instead when the repository's secrets hold one.
#[test]
fn the_mac_app_is_signed_at_least_ad_hoc_and_the_release_can_sign_both_platforms_properly() {
    assert_eq!(config()["bundle"]["macOS"]["signingIdentity"], "-");
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    for variable in [
        "APPLE_CERTIFICATE=",
        "APPLE_SIGNING_IDENTITY=",
        // And Windows: the installers' certificate, and the zip's.
        "certificateThumbprint",
        "WINDOWS_CERTIFICATE_FILE=",
    ] {
        assert!(
            workflow.contains(variable),
            "release.yml never sets {variable}"
        );
    }
}
