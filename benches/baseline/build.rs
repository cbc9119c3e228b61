fn main() {
    // The same lock-down as the app: the one command is granted to the main
    // window by a capability, so both pay the same ACL cost per call.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(&["bench_ready"])),
    )
    .expect("failed to run tauri-build");
}
