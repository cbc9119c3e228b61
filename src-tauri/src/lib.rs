//! Wiring: plugins, state, commands and the window. The course logic lives
//! in `course`, which knows nothing of Tauri.

mod command_names;
pub mod commands;
pub mod course;
pub mod error;
pub mod state;
pub mod store;

use std::path::PathBuf;

use tauri::{App, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::course::builtin::builtin_course;
use crate::state::AppState;

/// Shown as the window title when the course itself could not be loaded.
const FALLBACK_TITLE: &str = "Persistent Back Pain Mini Course";

/// The builder with everything the app needs but the window: shared with
/// the command tests, which run it on Tauri's mock runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        // Links are opened by Rust after its own check, never by the plugin's
        // script on a click.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .invoke_handler(tauri::generate_handler![
            commands::get_overview,
            commands::get_disclaimer,
            commands::accept_disclaimer,
            commands::open_lesson,
            commands::complete_lesson,
            commands::get_finished,
            commands::open_next_step,
            commands::open_link,
            commands::get_references,
            commands::take_notices,
        ])
}

/// Loads the course and the learner's record into managed state.
pub fn manage_state<R: Runtime, M: Manager<R>>(manager: &M, store_path: PathBuf) {
    let opened = store::open(manager.app_handle(), store_path);
    let notices = opened.notices.iter().map(ToString::to_string).collect();
    manager.manage(AppState::new(
        builtin_course(),
        opened.record,
        opened.store,
        notices,
    ));
}

fn setup<R: Runtime>(app: &mut App<R>) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = app.path().app_data_dir()?;
    manage_state(app, data_dir.join(store::STORE_FILE));
    let title = app
        .state::<AppState>()
        .course()
        .map(|c| c.config.title.clone())
        .unwrap_or_else(|_| FALLBACK_TITLE.to_owned());
    WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
        .title(title)
        .inner_size(960.0, 780.0)
        .min_inner_size(480.0, 480.0)
        // The window only ever shows the app's own pages; any other
        // navigation (a stray link, a drag-and-dropped file) is refused.
        .on_navigation(|url| url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost"))
        .build()?;
    Ok(())
}

pub fn run() {
    app_builder(tauri::Builder::default())
        .setup(setup)
        .run(tauri::generate_context!())
        .expect("error while running the course app");
}
