// The only module that talks to Rust. Each call returns a Promise of a view,
// or rejects with {kind, message, problems} from the app's error type.

const tauriInvoke = (command, args) => window.__TAURI__.core.invoke(command, args);

// The lesson views Rust last returned, by lesson id, so a lesson opened
// again can be drawn in the click's own task, with no frame spent waiting
// for the round trip (docs/benchmarks.md). Rust is still asked each time and
// has the last word. Any call that may change the record forgets them as it
// is made, and a view that comes back after such a call is not kept: it may
// be from before it.
const keptLessons = new Map();
let changes = 0;
// What changes nothing a lesson view shows: Rust's list (command_names.rs
// READ_ONLY), sent with the start-up data. Until it comes, every call but
// that first one counts as a change. Opening a lesson changes only its own
// view.
let readOnly = new Set(["get_start"]);
const KEEPS_LESSON = new Set(["open_lesson", "complete_lesson"]);

async function invoke(command, args) {
  if (!readOnly.has(command) && command !== "open_lesson") {
    keptLessons.clear();
    changes += 1;
  }
  const before = changes;
  const result = await tauriInvoke(command, args);
  if (command === "get_start" && Array.isArray(result?.read_only_commands)) {
    readOnly = new Set(result.read_only_commands);
  }
  if (KEEPS_LESSON.has(command) && changes === before) {
    // A save error belongs to the call that met it, not to the view.
    const { save_error: _, ...view } = result;
    keptLessons.set(view.id, view);
  }
  return result;
}

export const api = {
  start: () => invoke("get_start"),
  overview: () => invoke("get_overview"),
  disclaimer: () => invoke("get_disclaimer"),
  getHelp: () => invoke("get_help"),
  acceptDisclaimer: () => invoke("accept_disclaimer"),
  openLesson: (id) => invoke("open_lesson", { id }),
  completeLesson: (id) => invoke("complete_lesson", { id }),
  answerQuestion: (lesson, question, choice) => invoke("answer_question", { lesson, question, choice }),
  plan: () => invoke("get_plan"),
  // A written answer: (field, text). A list entry: added (index null),
  // changed, or removed (text null); `expected`, the entry as shown.
  changePlan: (field, index, text, expected = null) => invoke("change_plan", { field, index, text, expected }),
  finished: () => invoke("get_finished"),
  openNextStep: () => invoke("open_next_step"),
  openLink: (url) => invoke("open_link", { url }),
  references: () => invoke("get_references"),
  useBuiltInCourse: () => invoke("use_built_in_course"),
  setTextSize: (step) => invoke("set_text_size", { step }),
  setTheme: (theme) => invoke("set_theme", { theme }),
  setReadingSpeed: (speed) => invoke("set_reading_speed", { speed }),
  // The webview's voices, as {name, lang, local_service, default}.
  chooseVoice: (voices) => invoke("choose_voice", { voices }),
  startOver: () => invoke("start_over"),
  deleteMyData: () => invoke("delete_my_data"),
  about: () => invoke("get_about"),
  printCourse: () => invoke("get_print_course"),
  saveProgressSummary: () => invoke("save_progress_summary"),
  benchReport: (report) => invoke("bench_report", { report }),
};

// The view Rust last returned for this lesson, if nothing since may have
// changed it; else undefined. Not on `api`: it asks Rust nothing.
export const keptLesson = (id) => keptLessons.get(id);

// Counts the calls that may have changed the record, so a reply can be
// told apart from one that came back after such a change.
export const changesMade = () => changes;
