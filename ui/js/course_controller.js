// The course's own screens: home, the disclaimer and accepting it, the
// everyday tools, "All finished?", the references, "Get help now", the
// printed course and how to use the app.

import { api } from "./api.js";
import { reportSave, say } from "./messages.js";
import { fail, go, open, register, show } from "./navigation.js";
import { t } from "./strings.js";
import * as views from "./views.js";

// A tool card: its screen, and for a guide which one.
const openTool = ({ screen, guide }) => (guide ? go(screen, guide) : go(screen));

export const homeScreen = (overview) =>
  views.homeView(overview, {
    openLesson: (id) => go("lesson", id),
    goFinished: () => go("finished"),
    printCourse: () => go("print"),
    openTool,
  });

async function showHome(options) {
  const view = await api.overview();
  if (view.consent_needed) return open("disclaimer", options);
  show(homeScreen(view), options);
}

async function accept() {
  reportSave(await api.acceptDisclaimer());
  await open("home", { keepMessages: true });
}

export const disclaimerScreen = (view) =>
  views.disclaimerView(view, { accept: () => accept().catch(fail), goHome: () => go("home") });

async function showDisclaimer(options) {
  show(disclaimerScreen(await api.disclaimer()), options);
}

// The tools need consent as the lessons do (My plan asks for it).
async function showTools() {
  const view = await api.overview();
  if (view.consent_needed) return open("disclaimer");
  show(views.toolsView(view.tools, { openTool }));
}

async function openNextStep() {
  await api.openNextStep();
  say(t("finished.opened"));
}

async function showFinished() {
  const view = await api.finished();
  show(views.finishedView(view, { openNextStep: () => openNextStep().catch(fail), goHome: () => go("home"), goPlan: () => go("plan") }));
}

// `from`: the lesson whose numbered marker led here; `entry`: the id of the
// reference to land on.
async function showReferences({ from, entry } = {}) {
  show(views.referencesView(await api.references(), { from, openLesson: (id) => go("lesson", id) }));
  const target = entry && document.getElementById(entry);
  if (target) {
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
}

async function showGetHelp() {
  show(views.getHelpView(await api.getHelp(), { print: () => window.print() }));
}

async function showHelp() {
  show(views.helpView({ printCourse: () => go("print") }));
}

async function showPrint() {
  show(views.printView(await api.printCourse(), { print: () => window.print() }));
}

register("home", showHome);
register("disclaimer", showDisclaimer);
register("tools", showTools);
register("finished", showFinished);
register("references", showReferences);
register("get-help", showGetHelp);
register("help", showHelp);
register("print", showPrint);
