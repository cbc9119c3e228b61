include!("src/command_names.rs");

fn main() {
    // New or removed course files must rebuild the binary that embeds them.
    println!("cargo:rerun-if-changed=content");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
