// A guide on screen: opened through Rust (which asks for consent first, as
// for a lesson, and keeps it as read), drawn, and its ways on.

import { api } from "./api.js";
import { guideView } from "./guide.js";
import { reportSave } from "./messages.js";
import { go, register, show } from "./navigation.js";

const actions = {
  goTools: () => go("tools"),
  getHelp: () => go("get-help"),
  print: () => window.print(),
};

// Before consent, Rust refuses and `go` shows the disclaimer instead.
async function showGuide(id) {
  const view = reportSave(await api.openGuide(id));
  show(guideView(view, actions), { keepMessages: Boolean(view.save_error) });
}

register("guide", showGuide);
