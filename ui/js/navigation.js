// Which screen is shown: each controller registers its screens by name;
// this opens one (from the menu, a link or a button), puts it in the window
// with focus at its top, marks where the learner is in the menu, and shows
// what went wrong when a screen could not open.

import { screenHeadingId } from "./dom.js";
import { clearMessages, warnOf } from "./messages.js";
import { t } from "./strings.js";
import { errorView, menuItems } from "./views.js";

const screen = document.getElementById("screen");
const nav = document.getElementById("site-nav");
const menuList = document.getElementById("menu");
const openers = new Map();
const leaving = [];
// Rust's menu: each entry's screen and the screens it stands for.
let menu = [];
// The fallback title until the course names itself.
let courseTitle = document.title;

export function register(name, open) {
  openers.set(name, open);
}

// Done before any screen goes: what was typed is saved, reading stops.
export function beforeLeaving(then) {
  leaving.push(then);
}

export const isScreen = (name) => openers.has(name);

export function setCourseTitle(title) {
  courseTitle = title;
}

// Opens a screen; the promise rejects if it could not be drawn.
export function open(name, ...args) {
  const opener = openers.get(name);
  if (!opener) return Promise.reject(new Error(`No screen is called ${name}.`));
  return Promise.resolve().then(() => opener(...args));
}

// Opens a screen, and shows why if it could not.
export const go = (name, ...args) => open(name, ...args).catch(fail);

export function show({ title, node }, { keepMessages = false } = {}) {
  for (const then of leaving) then();
  if (!keepMessages) clearMessages();
  mount(node);
  screen.removeAttribute("aria-busy");
  markCurrent(node.dataset.screen);
  document.title = title === courseTitle ? courseTitle : t("chrome.page-title", { screen: title, course: courseTitle });
  window.scrollTo(0, 0);
  // Focus moves to the new screen, named by its heading, so keyboard and
  // screen-reader users start at its top. Not to the h1 itself: Orca (43)
  // ignores focus on a heading, and, its last focus gone with the old
  // screen, then says nothing more, not even the keys pressed.
  node.focus({ preventScroll: true });
}

// Puts a screen in the window as one region named by its heading, which
// can take focus; a screen redrawn in place (My plan) comes here alone.
export function mount(node) {
  Object.assign(node, { id: "current-screen", tabIndex: -1 });
  node.setAttribute("role", "region");
  node.setAttribute("aria-labelledby", screenHeadingId());
  screen.replaceChildren(node);
}

// The entry for this screen is "page"; the entry a screen was reached
// through (a lesson, from home) is "true": both are drawn as current.
function markCurrent(name) {
  for (const entry of menu) {
    const item = document.getElementById(`nav-${entry.screen}`);
    if (!item) continue;
    const current = entry.screen === name ? "page" : entry.holds.includes(name) ? "true" : null;
    if (current) item.setAttribute("aria-current", current);
    else item.removeAttribute("aria-current");
  }
}

export function showMenu(entries) {
  menu = entries;
  menuList.replaceChildren(...menuItems(entries));
  nav.hidden = false;
}

export const menuShown = () => !nav.hidden;

nav.addEventListener("click", (event) => {
  const item = event.target.closest("[data-nav]");
  if (item) go(item.dataset.nav);
});

// A screen that could not open: the disclaimer if consent is missing; the
// pack's problems, file and line, if the course did not load (with no menu:
// there is no course to move around in); else what went wrong, over the
// screen the learner is on.
export function fail(error) {
  if (error && error.kind === "consent_required") return open("disclaimer").catch(warnOf);
  if (error && (error.kind === "content" || error.kind === "pack_content")) {
    nav.hidden = true;
    return show(errorView(error, { useBuiltIn: isScreen("built-in-course") ? () => go("built-in-course") : null }));
  }
  warnOf(error);
}
