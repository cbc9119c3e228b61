// Wiring: which screen is shown, what each button does, and where focus
// goes. Every rule (consent, completion, which link may open) is Rust's.

import { api, changesMade, keptLesson } from "./api.js";
import { afterFirstScreen } from "./bench.js";
import { afterNextPaint, h, screenHeadingId, setScreenHeadingId } from "./dom.js";
import { watchIdle } from "./idle.js";
import { applyPreferences, displayRules, preferences, setDisplayRules } from "./preferences.js";
import { entryEditor, planView, refreshStatus, savePendingNow, showFieldError } from "./plan.js";
import { findVoice, stopReading, toggleReading, voiceInfo } from "./listen.js";
import { questionView } from "./self_check.js";
import { installShortcuts } from "./shortcuts.js";
import { setWords, t } from "./strings.js";
import * as views from "./views.js";

const screen = document.getElementById("screen");
const notices = document.getElementById("notices");
const alerts = document.getElementById("alerts");
const nav = document.getElementById("site-nav");
// The fallback title until the course names itself.
let courseTitle = document.title;
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

// What to say once a change is made: "Saved.", unless this window may
// write nothing (the course is open in another window).
const savedOrNot = (view) => (view.session_only ? t("plan.kept-this-session") : t("plan.saved"));

// A change that could not be saved still happened on screen; the learner is
// told, and Rust retries at the next change.
function reportSave(result) {
  if (result && result.save_error) warn(result.save_error.message);
  return result;
}

function show({ title, node }, { keepMessages = false } = {}) {
  // What was being typed in the plan is saved before its screen goes, and
  // reading aloud stops with the screen it was reading.
  savePendingNow();
  stopReading();
  if (!keepMessages) clearMessages();
  currentLesson = null;
  mount(node);
  screen.removeAttribute("aria-busy");
  // Tell assistive tech (and sighted users) which part of the course this is.
  for (const item of nav.querySelectorAll("[data-nav]")) {
    if (item.dataset.nav === node.dataset.screen) item.setAttribute("aria-current", "page");
    else item.removeAttribute("aria-current");
  }
  document.title = title === courseTitle ? courseTitle : t("chrome.page-title", { screen: title, course: courseTitle });
  window.scrollTo(0, 0);
  // Focus moves to the new screen, named by its heading, so keyboard and
  // screen-reader users start at its top. Not to the h1 itself: Orca (43)
  // ignores focus on a heading, and, its last focus gone with the old
  // screen, then says nothing more, not even the keys pressed.
  node.focus({ preventScroll: true });
}

// Puts a screen in the window as one region named by its heading, which
// can take focus.
function mount(node) {
  Object.assign(node, { id: "current-screen", tabIndex: -1 });
  node.setAttribute("role", "region");
  node.setAttribute("aria-labelledby", screenHeadingId());
  screen.replaceChildren(node);
}

function fail(error) {
  if (error && error.kind === "consent_required") {
    return showDisclaimer().catch((e) => warn(e?.message ?? t("error.generic")));
  }
  if (error && (error.kind === "content" || error.kind === "pack_content")) {
    nav.hidden = true;
    return show(views.errorView(error, {
      useBuiltIn: () => api.useBuiltInCourse().then(start).catch(fail),
    }));
  }
  warn(error?.message ?? t("error.generic"));
}

const actions = {
  goHome: () => showHome().catch(fail),
  goFinished: () => showFinished().catch(fail),
  openLesson: (id) => showLesson(id).catch(fail),
  printCourse: () => showPrint().catch(fail),
  print: () => window.print(),
  getHelp: () => showGetHelp().catch(fail),
  goPlan: () => showPlan().catch(fail),
  async accept() {
    reportSave(await api.acceptDisclaimer());
    await showHome({ keepMessages: true });
  },
  // A self-check answer: the question is drawn again with Rust's feedback,
  // and focus moves to it so a screen reader reads it out.
  async answer(lessonId, questionId, choice) {
    const view = reportSave(await api.answerQuestion(lessonId, questionId, choice));
    document.getElementById(`question-${questionId}`)?.replaceWith(questionView(view, { check: (q, c) => lessonActions.answer(lessonId, q, c) }));
    document.getElementById(`feedback-${questionId}`)?.focus();
  },
  async complete(id) {
    const view = reportSave(await api.completeLesson(id));
    showLessonView(view, { keepMessages: true });
    const next = document.getElementById("next-lesson") || document.getElementById("go-finished");
    next?.focus();
  },
  async openNextStep() {
    await api.openNextStep();
    say(t("finished.opened"));
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
  answer: (lessonId, questionId, choice) => actions.answer(lessonId, questionId, choice).catch(fail),
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

const sameView = (kept, { save_error: _, ...view }) => JSON.stringify(kept) === JSON.stringify(view);

async function showFinished() {
  const view = await api.finished();
  show(views.finishedView(view, { openNextStep: () => actions.openNextStep().catch(fail), goHome: actions.goHome, goPlan: actions.goPlan }));
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
  show(views.settingsView(preferences(), displayRules(), voiceInfo(), {
    chooseTextSize: choose(api.setTextSize, (label) => t("settings.size-saved", { label })),
    chooseTheme: choose(api.setTheme, (label) => t("settings.theme-saved", { label })),
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

// "My plan". The plan on screen, to redraw after a list changes.
let currentPlan = null;
// A list change on its way to Rust.
let planBusy = false;

// A failed change is shown by its field when Rust says what was wrong with
// it; anything else is handled as everywhere.
const planFailed = (fieldId) => (error) => {
  if (error?.kind === "invalid_plan_entry" && showFieldError(fieldId, error.message)) {
    document.getElementById(fieldId)?.focus();
    return;
  }
  if (error?.kind === "invalid_plan_entry") return warn(error.message);
  return fail(error);
};

// Redraws the plan in place (no jump to the top), focus on `focusId`.
function redrawPlan(view, focusId) {
  currentPlan = view;
  const y = window.scrollY;
  mount(planView(view, planActions).node);
  window.scrollTo(0, y);
  document.getElementById(focusId)?.focus();
}

const planActions = {
  print: actions.print,
  goHome: actions.goHome,
  getHelp: actions.getHelp,
  setText(field, text, fieldId) {
    api.changePlan(field, null, text)
      .then((view) => {
        reportSave(view);
        currentPlan = view;
        showFieldError(fieldId, null);
        refreshStatus(view);
        say(savedOrNot(view));
      })
      .catch(planFailed(fieldId));
  },
  add(list, text, fromId) {
    if (planBusy) return;
    planBusy = true;
    api.changePlan(list, null, text)
      .finally(() => { planBusy = false; })
      .then((view) => {
        reportSave(view);
        redrawPlan(view, `plan-add-${list}`);
        const entries = view.steps.find((s) => s.list?.name === list).list.entries;
        say(t("plan.added", { text: entries[entries.length - 1] }));
      })
      .catch(planFailed(fromId.startsWith("plan-add-") ? fromId : `plan-add-${list}`));
  },
  remove(list, index, text) {
    // One change at a time: a double click must not remove two entries
    // (Rust also refuses a removal of an entry that is no longer `text`).
    if (planBusy) return;
    planBusy = true;
    api.changePlan(list, index, null, text)
      .finally(() => { planBusy = false; })
      .then((view) => {
        reportSave(view);
        const left = view.steps.find((s) => s.list?.name === list).list.entries.length;
        redrawPlan(view, left > index ? `plan-change-${list}-${index}` : `plan-add-${list}`);
        say(t("plan.removed", { text }));
      })
      .catch(planFailed(`plan-add-${list}`));
  },
  startEdit(list, index) {
    const entry = currentPlan.steps.find((s) => s.list?.name === list).list.entries[index];
    document.getElementById(`plan-entry-${list}-${index}`)?.replaceWith(entryEditor(list, index, entry, planActions));
    document.getElementById(`plan-edit-${list}-${index}`)?.focus();
  },
  saveEdit(list, index, text, fieldId, before) {
    api.changePlan(list, index, text, before)
      .then((view) => {
        reportSave(view);
        redrawPlan(view, `plan-change-${list}-${index}`);
        say(savedOrNot(view));
      })
      .catch(planFailed(fieldId));
  },
  cancelEdit() {
    const editing = document.querySelector(".plan-entry-editing");
    redrawPlan(currentPlan, editing ? editing.id.replace("plan-entry-", "plan-change-") : "current-screen");
  },
};

async function showPlan() {
  currentPlan = await api.plan();
  show(planView(currentPlan, planActions));
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
        .then((path) => say(path ? t("about.summary-saved", { path }) : t("about.summary-cancelled")))
        .catch(fail),
    deleteData: () => confirmThen(
      { name: "confirm-delete", heading: t("confirm.delete-heading"), text: t("confirm.delete-text"), yes: t("confirm.delete-yes") },
      async () => {
        const overview = await api.deleteMyData();
        applyPreferences(overview.preferences);
        await showDisclaimer();
        say(t("confirm.deleted"));
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
    { name: "confirm-start-over", heading: t("confirm.start-over-heading"), text: t("confirm.start-over-text"), yes: t("confirm.start-over-yes") },
    () => clearForNextPerson(t("confirm.started-over")),
    () => showHome(),
  );
}

// The screens a `#…` link in course text may open (from Rust, at start-up).
let screenAnchors = [];

// Links in course text open in the system browser, through Rust's check;
// the window itself never leaves the app.
screen.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute("href");
  if (href.startsWith("#")) {
    const id = href.slice(1);
    // Course text links to "Get help now" as #get-help: the screens it may
    // name are Rust's list, sent at start-up.
    if (screenAnchors.includes(id) && Object.hasOwn(screens, id)) return screens[id]().catch(fail);
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
  api.openLink(link.href).then(() => say(t("error.link-opened"))).catch(fail);
});

const screens = {
  home: () => showHome(),
  "get-help": showGetHelp,
  plan: showPlan,
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
  listen: toggleReading,
});

function fillChrome(overview) {
  courseTitle = overview.title;
  setDisplayRules(overview.display);
  applyPreferences(overview.preferences);
  document.getElementById("site-title").textContent = overview.title;
  document.getElementById("site-provider").textContent = t("chrome.provided-by", { provider: overview.provider });
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
              h("p", {}, t("confirm.idle-warning", { seconds: left })),
              // Any key, click or touch answers the warning; this is the
              // obvious one.
              h("button", { type: "button", class: "button", id: "still-here" }, t("confirm.still-here")),
            ),
          ),
        onActive: () => document.getElementById("idle-warning")?.remove(),
        onIdle: () => clearForNextPerson(t("confirm.idle-cleared", { duration: overview.idle_timeout_words })).catch(fail),
      })
    : null;
}

// The page's fixed parts, each naming its catalog key in `data-word` (its
// text) or `data-word-label` (its aria-label).
// index.html holds the English for what shows before the catalog arrives
// (a test keeps it equal to en.json); this puts the course's language in.
function fillWords() {
  for (const el of document.querySelectorAll("[data-word]")) el.textContent = t(el.dataset.word);
  for (const el of document.querySelectorAll("[data-word-label]")) el.setAttribute("aria-label", t(el.dataset.wordLabel));
}

async function boot() {
  document.getElementById("start-over").addEventListener("click", startOverAsked);
  try {
    await start(await api.start());
  } catch (error) {
    Promise.resolve(fail(error)).catch((e) => warn(e?.message ?? t("error.generic")));
  }
  afterFirstScreen();
  // Once the first screen is painted: the voices are not needed to draw it,
  // and asking the webview for them first starts its speech engine, which
  // would hold that first frame back (docs/benchmarks.md).
  await afterNextPaint();
  findVoice({
    failed: warn,
    chooseSpeed: choose(api.setReadingSpeed, (label) => t("listen.speed-saved", { label })),
    // "Text and colours" may be on screen, saying it is still looking.
    voiceKnown: () => document.getElementById("listen-offered")?.replaceChildren(views.readingAloudText(voiceInfo())),
  }).catch(() => {});
}

// The start-up data, from one call: the words in the course's language,
// then the course's first screen, or why the course could not load.
function start({ words, language, screen_anchors, screen_heading_id, error, ...course }) {
  setWords(words, language);
  setScreenHeadingId(screen_heading_id);
  screenAnchors = screen_anchors ?? [];
  document.documentElement.lang = language;
  fillWords();
  courseTitle = t("chrome.fallback-title");
  if (error) return fail(error);
  return begin(course);
}

// The first screen for a course that loaded: the disclaimer if it still
// needs accepting, else home; then anything the learner must be told.
function begin({ overview, disclaimer, notices }) {
  fillChrome(overview);
  if (disclaimer) show(disclaimerScreen(disclaimer));
  else show(views.homeView(overview, actions));
  if (notices.length) warn(notices.join(" "));
}

// A window closed while typing in the plan keeps what was typed.
window.addEventListener("pagehide", savePendingNow);

boot();
