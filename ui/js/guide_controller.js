// A guide on screen: opened through Rust (which asks for consent first, as
// for a lesson, and keeps it as read), drawn at once from the view kept
// before where there is one, and its ways on.

import { api } from "./api.js";
import { guideView, movementSheetView } from "./guide.js";
import { changesMade, keptGuide, sameView } from "./lesson_cache.js";
import { reportSave } from "./messages.js";
import { beforeLeaving, go, register, show } from "./navigation.js";

const actions = {
  goTools: () => go("tools"),
  getHelp: () => go("get-help"),
  print: () => window.print(),
  openSheet: (id) => go("movement-sheet", id),
  moveWithMe: (id) => go("move-with-me", id),
  back: (id) => go("guide", id),
};

// The view on screen, so Rust's answer is drawn over it only while the
// learner is still on it.
let onScreen = null;
beforeLeaving(() => {
  onScreen = null;
});

// `draw` makes the screen from a guide's view: the guide, or its sheet.
// As for a lesson, a guide opened before is drawn at once from the view
// Rust gave then, and Rust's answer replaces it only if it shows something
// else and nothing changed meanwhile. Before consent, Rust refuses and
// `go` shows the disclaimer instead.
async function open(id, draw) {
  const showView = (view, options) => {
    show(draw(view, actions), options);
    onScreen = view;
  };
  const kept = keptGuide(id);
  if (kept) showView(kept);
  const before = changesMade();
  const view = reportSave(await api.openGuide(id));
  if (!kept) return showView(view, { keepMessages: Boolean(view.save_error) });
  if (onScreen === kept && changesMade() === before && !sameView(kept, view)) {
    showView(view, { keepMessages: true });
  }
}

const showGuide = (id) => open(id, guideView);
// The sheet comes with the guide's view.
const showSheet = (id) => open(id, movementSheetView);

register("guide", showGuide);
register("movement-sheet", showSheet);
