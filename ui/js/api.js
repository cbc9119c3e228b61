// The only module that talks to Rust. Each call returns a Promise of a view,
// or rejects with {kind, message, problems} from the app's error type. The
// lesson and guide views it keeps on the way are lesson_cache.js's.

import { afterCall, beforeCall } from "./lesson_cache.js";

const tauriInvoke = (command, args) => window.__TAURI__.core.invoke(command, args);

async function invoke(command, args) {
  const before = beforeCall(command);
  const result = await tauriInvoke(command, args);
  afterCall(command, result, before);
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
  openGuide: (id) => invoke("open_guide", { id }),
  moveWithMe: (guide) => invoke("get_move_with_me", { guide }),
  keepMovementsDone: (movements) => invoke("keep_movements_done", { movements }),
  chooseMovement: (id, chosen) => invoke("choose_movement", { id, chosen }),
  myWeeks: (week) => invoke("get_my_weeks", { week }),
  // {week, activities: [{activity, rating}], pain, pleased, next, replace}
  saveCheckIn: (answers) => invoke("save_check_in", { answers }),
  saveWeeklyReminder: () => invoke("save_weekly_reminder"),
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
