//! Wiring: plugins, state, commands and the window. The course logic lives
//! in `course`, which knows nothing of Tauri.

// Also in the unit tests, so `cargo test` runs its tests with the rest;
// never in the product's build.
#[cfg(any(test, feature = "bench"))]
#[cfg_attr(not(feature = "bench"), allow(dead_code))]
pub mod bench;
pub mod browser;
pub mod checker;
pub mod cli;
pub mod command_names;
pub mod commands;
pub mod console;
pub mod course;
pub mod engine;
pub mod error;
pub mod no_webview;
pub mod state;
pub mod store;

use std::path::PathBuf;

use tauri::{App, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::course::learner::notice::Notice;
use crate::course::learner::{device, portable};
use crate::course::load::pack_source::{PackSearch, PackSource};
use crate::course::words::Catalog;
use crate::state::{AppState, LoadedCourse};

/// The command handler for every command of `app_commands!` plus, in a
/// `bench` build only, the benchmark's own command: the product never
/// carries it.
#[cfg(not(feature = "bench"))]
macro_rules! handler {
    ($($command:ident),*) => {
        tauri::generate_handler![$(commands::$command),*]
    };
}
#[cfg(feature = "bench")]
macro_rules! handler {
    ($($command:ident),*) => {
        tauri::generate_handler![$(commands::$command),*, bench::bench_report]
    };
}

/// The builder with everything the app needs but the window: shared with
/// the command tests, which run it on Tauri's mock runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        // The save dialog for the progress summary, shown by Rust only: the
        // webview is granted none of the plugin's own commands.
        .plugin(tauri_plugin_dialog::init())
        // Links are opened by Rust after its own check, never by the plugin's
        // script on a click.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .invoke_handler(app_commands!(handler))
}

/// Loads the course and the learner's record into managed state.
pub fn manage_state<R: Runtime, M: Manager<R>>(
    manager: &M,
    source: PackSource,
    store_path: PathBuf,
) {
    let course = LoadedCourse::load(source);
    // As the pack asked, even if it failed to load: the built-in course
    // that may stand in for it keeps the same mode.
    let shared = course.shared_device;
    let store_path = store_path.with_file_name(device::store_file(shared));
    let opened = store::open(manager.app_handle(), store_path);
    let notices = opened.notices.iter().map(Notice::message).collect();
    let state = AppState::new(course, opened.record, opened.store, notices);
    // If clearing the last session cannot be saved, the screen says so:
    // it is still in the file.
    if device::clears_at_launch(shared) {
        state.clear_shared_session_at_launch();
    }
    manager.manage(state);
}

fn setup<R: Runtime>(
    app: &mut App<R>,
    source: PackSource,
) -> Result<(), Box<dyn std::error::Error>> {
    // A portable copy keeps the engine's folder (and, if the clinic asks,
    // the record) in its own folder.
    let computer = app.path().app_data_dir()?;
    let places = match std::env::current_exe() {
        Ok(exe) => portable::places_for(exe.parent().unwrap_or(&exe), &computer),
        Err(_) => portable::places(None, &computer, |_| false),
    };
    manage_state(
        app,
        source,
        places.record_folder.join(device::PERSONAL_FILE),
    );
    for notice in &places.notices {
        app.state::<AppState>().tell(notice.message());
    }
    let title = app
        .state::<AppState>()
        .with_course(|c| Ok(c.config.title.clone()))
        // Shown as the window title when the course could not be loaded.
        .unwrap_or_else(|_| Catalog::english().text("chrome.fallback-title", &[]));
    let window = WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
        .title(title)
        .inner_size(960.0, 780.0)
        .min_inner_size(480.0, 480.0)
        // What a learner types (My plan) is theirs: WebView2 must not keep
        // it to offer again, on a shared computer to the next person. (The
        // fields also say `autocomplete="off"`; other engines have no such
        // store.)
        .general_autofill_enabled(false)
        // The window only ever shows the app's own pages; any other
        // navigation (a stray link, a drag-and-dropped file) is refused.
        .on_navigation(|url| url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost"));
    let window = match places.webview {
        Some(folder) => window.data_directory(folder),
        None => window,
    };
    #[cfg(feature = "bench")]
    let window = bench::mark_window(window);
    window.build()?;
    Ok(())
}

/// A second launch while the course is open (an icon double-clicked again,
/// a second click on a slow start) shows the open window, brought forward,
/// and the second process ends: two windows on one record would leave one
/// that cannot save. First of the plugins, as the plugin asks, so the
/// second process stops before anything else starts. Only the real app has
/// it: on the mock runtime each test is an app of its own.
fn one_window_at_a_time<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, _args, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    })
}

/// Runs what the command line asks for: the window, or a command-line tool.
pub fn run() {
    let invocation = cli::parse(std::env::args_os().skip(1));
    if let cli::Invocation::Run { pack } = invocation {
        engine::prepare();
        // Before Tauri starts: without a web engine it has no window to show.
        no_webview::stop_if_missing();
        let source = PackSearch::from_system(pack).find();
        app_builder(tauri::Builder::default().plugin(one_window_at_a_time()))
            .setup(move |app| setup(app, source))
            .run(tauri::generate_context!())
            .expect("error while running the course app");
        return;
    }
    debug_assert!(cli::needs_console(&invocation));
    console::attach_to_parent();
    std::process::exit(command_line(invocation, "back-pain-course", cli::USAGE));
}

/// `back-pain-course-check`, the console program beside the app: the same
/// checker, for a Command Prompt, PowerShell or a script, which wait for a
/// console program and get its exit status (the app is a GUI program on
/// Windows, which they do not wait for). It never opens a window.
pub fn run_checker() -> ! {
    let invocation = cli::parse_checker(std::env::args_os().skip(1));
    std::process::exit(command_line(
        invocation,
        "back-pain-course-check",
        cli::CHECKER_USAGE,
    ))
}

/// A command-line verb, done; returns the exit status.
fn command_line(invocation: cli::Invocation, program: &str, usage: &str) -> i32 {
    match invocation {
        cli::Invocation::Check { folder, today } => {
            checker::run(&folder, today.unwrap_or_else(checker::today))
        }
        cli::Invocation::Help => {
            println!("{usage}");
            0
        }
        cli::Invocation::Version => {
            println!("{program} {}", env!("CARGO_PKG_VERSION"));
            0
        }
        cli::Invocation::Invalid(message) => {
            eprintln!("{program}: {message}\n\n{usage}");
            2
        }
        // The window is not a command-line verb: `run` opens it.
        cli::Invocation::Run { .. } => {
            eprintln!("{program}: {usage}");
            2
        }
    }
}
