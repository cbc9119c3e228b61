include!("src/command_names.rs");

fn main() {
    // New or removed course files must rebuild the binary that embeds them.
    println!("cargo:rerun-if-changed=content");
    // The benchmark hooks exist only in a `bench` build, with their own
    // capability beside the product's (src-tauri/capabilities-bench/).
    let bench = std::env::var_os("CARGO_FEATURE_BENCH").is_some();
    let (commands, capabilities): (&'static [&'static str], _) = if bench {
        let all: Vec<&'static str> = COMMANDS.iter().chain(BENCH_COMMANDS).copied().collect();
        (all.leak(), "src-tauri/capabilities*/*")
    } else {
        (COMMANDS, "src-tauri/capabilities/*")
    };
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern(capabilities)
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
