//! What the app asks of the web engine (`src-tauri/src/engine.rs`), seen
//! from outside: the web process WebKit really started.

#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_page_runs_without_the_javascript_jit_or_compositing() {
    use crate::harness::Harness;
    let harness = Harness::new();
    let app = harness.launch_at("disclaimer").await;
    let web: Vec<u32> = harness
        .started_processes()
        .into_iter()
        .filter(|(_, name)| name == "WebKitWebProces")
        .map(|(pid, _)| pid)
        .collect();
    assert!(
        !web.is_empty(),
        "no web process: {:?}",
        harness.started_processes()
    );
    for pid in web {
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
        let settings: Vec<String> = environ
            .split(|&b| b == 0)
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .filter(|v| {
                v.starts_with("JSC_useJIT=") || v.starts_with("WEBKIT_DISABLE_COMPOSITING_MODE=")
            })
            .collect();
        assert_eq!(
            settings,
            ["JSC_useJIT=0", "WEBKIT_DISABLE_COMPOSITING_MODE=1"],
            "web process {pid}: the harness sets neither"
        );
    }
    app.quit().await;
}
