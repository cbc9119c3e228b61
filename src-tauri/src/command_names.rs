/// Every command the webview may call, written once: `app_commands!(m)`
/// hands the list to the macro `m`, which makes of it the names below (for
/// the ACL manifest, as build.rs includes this file, and the capability
/// test) and, in `lib.rs`, the command handler itself.
#[macro_export]
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            get_start,
            get_overview,
            get_disclaimer,
            get_help,
            accept_disclaimer,
            open_lesson,
            complete_lesson,
            open_guide,
            get_move_with_me,
            keep_movements_done,
            choose_movement,
            get_my_weeks,
            save_check_in,
            save_weekly_reminder,
            answer_question,
            get_plan,
            change_plan,
            get_finished,
            open_next_step,
            open_link,
            get_references,
            use_built_in_course,
            set_text_size,
            set_theme,
            set_reading_speed,
            choose_voice,
            start_over,
            delete_my_data,
            get_about,
            get_print_course,
            save_progress_summary
        }
    };
}

macro_rules! names_of {
    ($($command:ident),*) => {
        /// Every command the webview may call, by name.
        pub const COMMANDS: &[&str] = &[$(stringify!($command)),*];
    };
}
app_commands!(names_of);

/// The commands that change nothing in the learner's record (so nothing a
/// lesson view shows): the page keeps the lesson views it has across these
/// calls and forgets them at any other (`ui/js/api.js`, which is sent this
/// list by `get_start`).
pub const READ_ONLY: &[&str] = &[
    "get_start",
    "get_overview",
    "get_disclaimer",
    "get_help",
    "get_plan",
    "get_move_with_me",
    "get_my_weeks",
    "save_weekly_reminder",
    "get_finished",
    "get_references",
    "get_about",
    "get_print_course",
    "open_link",
    "open_next_step",
    "choose_voice",
    "save_progress_summary",
];

/// Only in a build with the `bench` feature (`scripts/bench`): the product
/// never carries them, nor a permission to call them.
pub const BENCH_COMMANDS: &[&str] = &["bench_report"];
