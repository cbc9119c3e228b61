// A guide on screen: opened through Rust (which asks for consent first, as
// for a lesson, and keeps it as read), drawn, and its ways on.

import { api } from "./api.js";
import { guideView, movementSheetView } from "./guide.js";
import { reportSave } from "./messages.js";
import { go, register, show } from "./navigation.js";

const actions = {
  goTools: () => go("tools"),
  getHelp: () => go("get-help"),
  print: () => window.print(),
  openSheet: (id) => go("movement-sheet", id),
  back: (id) => go("guide", id),
};

// Before consent, Rust refuses and `go` shows the disclaimer instead.
async function showGuide(id) {
  const view = reportSave(await api.openGuide(id));
  show(guideView(view, actions), { keepMessages: Boolean(view.save_error) });
}

// The sheet comes with the guide's view, which Rust opens as for the
// guide itself.
async function showSheet(id) {
  const view = reportSave(await api.openGuide(id));
  show(movementSheetView(view, actions), { keepMessages: Boolean(view.save_error) });
}

register("guide", showGuide);
register("movement-sheet", showSheet);
