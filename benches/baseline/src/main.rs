//! A bare Tauri window for scripts/bench to compare the course app with.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands {
    use std::io::Write;

    /// The page calls this once it has painted. The same variable and line as
    /// the app, so the script times both the same way.
    #[tauri::command]
    pub fn bench_ready(page_ms: f64, script_ms: f64) {
        if std::env::var_os("BACK_PAIN_COURSE_BENCH").is_some() {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "bench ready screen=baseline page_ms={page_ms:.0} script_ms={script_ms:.0}"
            );
            let _ = out.flush();
        }
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::bench_ready])
        .setup(|app| {
            // Two baselines from one binary: the page with the app's
            // stylesheet (index.html), or with `BENCH_BASELINE_PAGE=plain` a
            // plain page with none (plain.html), so the ratio to it shows what
            // the app costs beyond the webview itself.
            let page = match std::env::var("BENCH_BASELINE_PAGE").as_deref() {
                Ok("plain") => "plain.html",
                _ => "index.html",
            };
            let mut config = app.config().app.windows[0].clone();
            config.url = tauri::WebviewUrl::App(page.into());
            tauri::WebviewWindowBuilder::from_config(app, &config)?.build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running the baseline");
}
