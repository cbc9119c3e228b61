// A lesson on screen: opening it (at once from the view kept before, then
// as Rust says), marking it complete, and the next and previous lessons.

import { api } from "./api.js";
import { changesMade, keptLesson, sameView } from "./lesson_cache.js";
import { reportSave } from "./messages.js";
import { beforeLeaving, fail, go, register, show } from "./navigation.js";
import { answer } from "./self_check_controller.js";
import * as views from "./views.js";

// The lesson on screen, for the next and previous shortcuts and the
// references' way back.
let currentLesson = null;
beforeLeaving(() => {
  currentLesson = null;
});

export const lessonOnScreen = () => currentLesson;

async function complete(id) {
  const view = reportSave(await api.completeLesson(id));
  showLessonView(view, { keepMessages: true });
  const next = document.getElementById("next-lesson") || document.getElementById("go-finished");
  next?.focus();
}

// The lesson screen's buttons, each with its failures handled.
const lessonActions = {
  complete: (id) => complete(id).catch(fail),
  answer: (lessonId, questionId, choice) => answer(lessonId, questionId, choice).catch(fail),
  openLesson: (id) => go("lesson", id),
  goFinished: () => go("finished"),
  goHome: () => go("home"),
  goPlan: () => go("plan"),
  getHelp: () => go("get-help"),
  print: () => window.print(),
};

function showLessonView(view, options) {
  show(views.lessonView(view, lessonActions), options);
  currentLesson = view;
}

// A lesson opened before is drawn at once from the view Rust gave then.
// Rust's answer to this open is drawn over it only if it shows something
// else, the learner is still on it, and nothing was changed meanwhile (an
// answer given in between must not be drawn away). A save error is shown
// by reportSave either way.
async function showLesson(id) {
  const kept = keptLesson(id);
  if (kept) showLessonView(kept);
  const before = changesMade();
  const view = reportSave(await api.openLesson(id));
  if (!kept) return showLessonView(view, { keepMessages: Boolean(view.save_error) });
  if (currentLesson === kept && changesMade() === before && !sameView(kept, view)) {
    showLessonView(view, { keepMessages: true });
  }
}

export const nextLesson = () => currentLesson?.next && go("lesson", currentLesson.next.id);
export const previousLesson = () => currentLesson?.previous && go("lesson", currentLesson.previous.id);

register("lesson", showLesson);
