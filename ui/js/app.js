// Wiring: which screen is shown, what each button does, and where focus
// goes. Every rule (consent, completion, which link may open) is Rust's.

import { api } from "./api.js";
import { afterFirstScreen } from "./bench.js";
import { h } from "./dom.js";
import { watchIdle } from "./idle.js";
import { applyPreferences, displayRules, preferences, setDisplayRules } from "./preferences.js";
import { installShortcuts } from "./shortcuts.js";
import { strings as s } from "./strings.js";
import * as views from "./views.js";

const screen = document.getElementById("screen");
const notices = document.getElementById("notices");
const alerts = document.getElementById("alerts");
const nav = document.getElementById("site-nav");
let courseTitle = s.fallbackTitle;
// The lesson on screen, for the next/previous shortcuts.
let currentLesson = null;
let stopIdleWatch = null;

function say(text) {
  notices.replaceChildren(h("p", { class: "notice" }, text));
}

function warn(text) {
  alerts.replaceChildren(h("p", { class: "notice notice-warning" }, text));
}

function clearMessages() {
  notices.replaceChildren();
  alerts.replaceChildren();
}

// A change that could not be saved still happened on screen; the learner is
// told, and Rust retries at the next change.
function reportSave(result) {
  if (result && result.save_error) warn(result.save_error.message);
  return result;
}

function show({ title, node }, { keepMessages = false } = {}) {
  if (!keepMessages) clearMessages();
  currentLesson = null;
  screen.replaceChildren(node);
  screen.removeAttribute("aria-busy");
  // Tell assistive tech (and sighted users) which part of the course this is.
  for (const item of nav.querySelectorAll("[data-nav]")) {
    if (item.dataset.nav === node.dataset.screen) item.setAttribute("aria-current", "page");
    else item.removeAttribute("aria-current");
  }
  document.title = title === courseTitle ? courseTitle : s.pageTitle(title, courseTitle);
  window.scrollTo(0, 0);
  // Move focus to the new heading so keyboard and screen-reader users start
  // at the top of the new screen.
  document.getElementById("screen-heading")?.focus();
}

function fail(error) {
  if (error && error.kind === "consent_required") {
    return showDisclaimer().catch((e) => warn(e?.message ?? s.error.generic));
  }
  if (error && (error.kind === "content" || error.kind === "pack_content")) {
    nav.hidden = true;
    return show(views.errorView(error, {
      useBuiltIn: () => api.useBuiltInCourse().then(begin).catch(fail),
    }));
  }
  warn(error?.message ?? s.error.generic);
}

const actions = {
  goHome: () => showHome().catch(fail),
  goFinished: () => showFinished().catch(fail),
  openLesson: (id) => showLesson(id).catch(fail),
  printCourse: () => showPrint().catch(fail),
  print: () => window.print(),
  getHelp: () => showGetHelp().catch(fail),
  async accept() {
    reportSave(await api.acceptDisclaimer());
    await showHome({ keepMessages: true });
  },
  async complete(id) {
    const view = reportSave(await api.completeLesson(id));
    showLessonView(view, { keepMessages: true });
    const next = document.getElementById("next-lesson") || document.getElementById("go-finished");
    next?.focus();
  },
  async openNextStep() {
    await api.openNextStep();
    say(s.finished.opened);
  },
};

async function showHome(options) {
  const view = await api.overview();
  if (view.consent_needed) return showDisclaimer(options);
  show(views.homeView(view, actions), options);
}

const disclaimerScreen = (view) =>
  views.disclaimerView(view, { accept: () => actions.accept().catch(fail), goHome: actions.goHome });

async function showDisclaimer(options) {
  show(disclaimerScreen(await api.disclaimer()), options);
}

// The lesson screen's buttons, each with its failures handled.
const lessonActions = {
  ...actions,
  complete: (lessonId) => actions.complete(lessonId).catch(fail),
};

function showLessonView(view, options) {
  show(views.lessonView(view, lessonActions), options);
  currentLesson = view;
}

async function showLesson(id) {
  const view = reportSave(await api.openLesson(id));
  showLessonView(view, { keepMessages: Boolean(view.save_error) });
}

async function showFinished() {
  const view = await api.finished();
  show(views.finishedView(view, { openNextStep: () => actions.openNextStep().catch(fail), goHome: actions.goHome }));
}

function choose(setter, message) {
  return (value, label) =>
    setter(value)
      .then((result) => {
        applyPreferences(result);
        reportSave(result);
        say(message(label));
      })
      .catch(fail);
}

async function showSettings() {
  show(views.settingsView(preferences(), displayRules(), {
    chooseTextSize: choose(api.setTextSize, s.settings.saved),
    chooseTheme: choose(api.setTheme, s.settings.themeSaved),
  }));
}

// `from`: the lesson whose numbered marker led here; `entry`: the id of the
// reference to land on.
async function showReferences({ from, entry } = {}) {
  show(views.referencesView(await api.references(), { from, openLesson: actions.openLesson }));
  const target = entry && document.getElementById(entry);
  if (target) {
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
}

async function showGetHelp() {
  show(views.getHelpView(await api.getHelp(), actions));
}

async function showHelp() {
  show(views.helpView({ printCourse: actions.printCourse }));
}

async function showPrint() {
  show(views.printView(await api.printCourse(), actions));
}

async function showAbout(options) {
  show(views.aboutView(await api.about(), {
    saveSummary: () =>
      api.saveProgressSummary()
        .then((path) => say(path ? s.about.summarySaved(path) : s.about.summaryCancelled))
        .catch(fail),
    deleteData: () => confirmThen(
      { name: "confirm-delete", heading: s.confirm.deleteHeading, text: s.confirm.deleteText, yes: s.confirm.deleteYes },
      async () => {
        const overview = await api.deleteMyData();
        applyPreferences(overview.preferences);
        await showDisclaimer();
        say(s.confirm.deleted);
      },
      () => showAbout(),
    ),
  }), options);
}

function confirmThen(question, confirmed, cancelled) {
  show(views.confirmView(question, {
    confirm: () => confirmed().catch(fail),
    cancel: () => Promise.resolve(cancelled()).catch(fail),
  }));
}

async function clearForNextPerson(message) {
  reportSave(await api.startOver());
  await showDisclaimer();
  say(message);
}

function startOverAsked() {
  confirmThen(
    { name: "confirm-start-over", heading: s.confirm.startOverHeading, text: s.confirm.startOverText, yes: s.confirm.startOverYes },
    () => clearForNextPerson(s.confirm.startedOver),
    () => showHome(),
  );
}

// Links in course text open in the system browser, through Rust's check;
// the window itself never leaves the app.
screen.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute("href");
  if (href.startsWith("#")) {
    const id = href.slice(1);
    // Course text links to "Get help now" as #get-help.
    if (Object.hasOwn(screens, id)) return screens[id]().catch(fail);
    const target = document.getElementById(id);
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    } else if (id.startsWith("ref-")) {
      // A numbered source marker: its entry is on the references screen.
      showReferences({ from: currentLesson, entry: id }).catch(fail);
    }
    return;
  }
  api.openLink(link.href).then(() => say(s.error.linkOpened)).catch(fail);
});

const screens = {
  home: () => showHome(),
  "get-help": showGetHelp,
  disclaimer: () => showDisclaimer(),
  references: () => showReferences(),
  settings: showSettings,
  help: showHelp,
  about: () => showAbout(),
};

nav.addEventListener("click", (event) => {
  const target = event.target.closest("[data-nav]");
  if (!target) return;
  screens[target.dataset.nav]().catch(fail);
});

installShortcuts({
  nextLesson: () => currentLesson?.next && actions.openLesson(currentLesson.next.id),
  previousLesson: () => currentLesson?.previous && actions.openLesson(currentLesson.previous.id),
  home: () => !nav.hidden && actions.goHome(),
  help: () => !nav.hidden && showHelp().catch(fail),
});

function fillChrome(overview) {
  courseTitle = overview.title;
  setDisplayRules(overview.display);
  applyPreferences(overview.preferences);
  document.documentElement.lang = overview.language;
  document.getElementById("site-title").textContent = overview.title;
  document.getElementById("site-provider").textContent = s.providedBy(overview.provider);
  const contact = document.getElementById("site-contact");
  contact.textContent = overview.contact ?? "";
  contact.hidden = !overview.contact;
  // The clinic's logo, made only when there is one: an <img> without a
  // source is invalid HTML. Empty alt text: the clinic's name is beside it.
  document.getElementById("site-logo")?.remove();
  if (overview.logo) {
    document.getElementById("site-brand").prepend(h("img", { class: "site-logo", id: "site-logo", alt: "", src: overview.logo }));
  }
  nav.hidden = false;
  const shared = overview.idle_timeout_seconds;
  document.getElementById("shared-device").hidden = !shared;
  stopIdleWatch?.();
  stopIdleWatch = shared
    ? watchIdle(shared, overview.idle_warning_seconds, {
        onWarn: (left) =>
          alerts.replaceChildren(
            h(
              "div",
              { class: "notice notice-warning", id: "idle-warning" },
              h("p", {}, s.confirm.idleWarning(left)),
              // Any key, click or touch answers the warning; this is the
              // obvious one.
              h("button", { type: "button", class: "button", id: "still-here" }, s.confirm.stillHere),
            ),
          ),
        onActive: () => document.getElementById("idle-warning")?.remove(),
        onIdle: () => clearForNextPerson(s.confirm.idleCleared(s.duration(shared))).catch(fail),
      })
    : null;
}

async function start() {
  document.getElementById("skip-link").textContent = s.skipLink;
  document.getElementById("loading").textContent = s.loading;
  document.getElementById("footer-text").textContent = s.footer;
  document.getElementById("site-title").textContent = s.fallbackTitle;
  document.getElementById("start-over").textContent = s.startOverButton;
  document.getElementById("start-over").addEventListener("click", startOverAsked);
  for (const [key, label] of Object.entries(s.nav)) document.getElementById(`nav-${key}`).textContent = label;
  try {
    await begin(await api.start());
  } catch (error) {
    Promise.resolve(fail(error)).catch((e) => warn(e?.message ?? s.error.generic));
  }
  afterFirstScreen();
}

// The first screen for a course that loaded, from one call: the disclaimer
// if it still needs accepting, else home; then anything the learner must be
// told.
function begin({ overview, disclaimer, notices }) {
  fillChrome(overview);
  if (disclaimer) show(disclaimerScreen(disclaimer));
  else show(views.homeView(overview, actions));
  if (notices.length) warn(notices.join(" "));
}

start();
