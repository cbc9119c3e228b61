// What the learner is told above the screen: a polite notice ("Saved.") or
// an alert (something went wrong), each replacing the one before.

import { h } from "./dom.js";
import { t } from "./strings.js";

const notices = document.getElementById("notices");
const alerts = document.getElementById("alerts");

export function say(text) {
  notices.replaceChildren(h("p", { class: "notice" }, text));
}

// Said to a screen reader only, where the screen already shows it (the
// step of "Move with me" in its heading, the count in its panel): a box
// flashing up at every press would look like a new alert each time.
export function announce(text) {
  notices.replaceChildren(h("p", { class: "visually-hidden" }, text));
}

export function warn(text) {
  alerts.replaceChildren(h("p", { class: "notice notice-warning" }, text));
}

// A warning that is itself a small view (the idle warning, with its button).
export function alertWith(node) {
  alerts.replaceChildren(node);
}

export function clearMessages() {
  notices.replaceChildren();
  alerts.replaceChildren();
}

// Anything that went wrong without words of its own.
export const warnOf = (error) => warn(error?.message ?? t("error.generic"));

// A change that could not be saved still happened on screen; the learner is
// told, and Rust retries at the next change.
export function reportSave(result) {
  if (result && result.save_error) warn(result.save_error.message);
  return result;
}
