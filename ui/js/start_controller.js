// Start-up: one call brings the words, the menu and the first screen (or
// why the course could not load); the page's fixed parts are filled in, and
// the disclaimer or home is shown.

import { api } from "./api.js";
import { afterFirstScreen } from "./bench.js";
import { disclaimerScreen, homeScreen } from "./course_controller.js";
import { h, setScreenHeadingId } from "./dom.js";
import { setScreenAnchors } from "./links_controller.js";
import { lookForVoiceAfterFirstPaint } from "./listen_controller.js";
import { warn, warnOf } from "./messages.js";
import { fail, register, setCourseTitle, show, showMenu } from "./navigation.js";
import { applyPreferences, setDisplayRules } from "./preferences.js";
import { watchForSharedDevice } from "./shared_device_controller.js";
import { setWords, t } from "./strings.js";

function fillChrome(overview, menu) {
  setCourseTitle(overview.title);
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
  showMenu(menu);
  watchForSharedDevice(overview);
}

// The page's fixed parts, each naming its catalog key in `data-word` (its
// text) or `data-word-label` (its aria-label).
// index.html holds the English for what shows before the catalog arrives
// (a test keeps it equal to en.json); this puts the course's language in.
function fillWords() {
  for (const el of document.querySelectorAll("[data-word]")) el.textContent = t(el.dataset.word);
  for (const el of document.querySelectorAll("[data-word-label]")) el.setAttribute("aria-label", t(el.dataset.wordLabel));
}

// The start-up data, from one call: the words in the course's language,
// then the course's first screen, or why the course could not load.
function start({ words, language, screen_anchors, guide_link_prefix, screen_heading_id, menu, error, ...course }) {
  setWords(words, language);
  setScreenHeadingId(screen_heading_id);
  setScreenAnchors(screen_anchors, guide_link_prefix);
  document.documentElement.lang = language;
  fillWords();
  setCourseTitle(t("chrome.fallback-title"));
  if (error) return fail(error);
  return begin(course, menu);
}

// The first screen for a course that loaded: the disclaimer if it still
// needs accepting, else home; then anything the learner must be told.
function begin({ overview, disclaimer, notices }, menu) {
  fillChrome(overview, menu);
  show(disclaimer ? disclaimerScreen(disclaimer) : homeScreen(overview));
  if (notices.length) warn(notices.join(" "));
}

// From the error screen of a clinic's pack that could not load.
register("built-in-course", () => api.useBuiltInCourse().then(start));

export async function boot() {
  try {
    await start(await api.start());
  } catch (error) {
    Promise.resolve(fail(error)).catch(warnOf);
  }
  afterFirstScreen();
  await lookForVoiceAfterFirstPaint();
}
