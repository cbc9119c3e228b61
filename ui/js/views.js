// One function per screen: data in, elements out. No calls to Rust here; the
// actions are passed in by the screen's controller.

import { h, courseHtml, screenHeading } from "./dom.js";
import { listenControl } from "./listen.js";
import { questionsSection } from "./self_check.js";
import { dateTime, t } from "./strings.js";

export const button = (id, label, onclick, cls = "button", attrs = {}) =>
  h("button", { type: "button", id, class: cls, onclick, ...attrs }, label);

const described = (node, by = "completed-note") => {
  node.setAttribute("aria-describedby", by);
  return node;
};

// Marks where course data (titles, numbers, names) is shown rather than the
// catalog's words ("text": the element's own text; course HTML is marked
// "html" by courseHtml). The e2e word check skips these.
export const DATA = { "data-content": "text" };

// A screen: its name (for tests and styling), its title and h1, its parts.
// `title` is text, or a heading Rust made ({id, text}) for "Listen".
function screenOf(name, title, ...parts) {
  const text = title.text ?? title;
  return { title: text, node: h("div", { dataset: { screen: name } }, screenHeading(text), ...parts) };
}

// Text Rust made with the id it is drawn under ({id, text}).
const shown = (tag, part, attrs = {}) => h(tag, { id: part.id, ...attrs }, part.text);

function stateTag(state, id) {
  return h("strong", { class: `tag tag-${state}`, id }, t(`state.${state}`));
}

export function progressBar(done, total) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const fill = h("div", { class: "progress-fill" });
  // Set through the CSSOM: the CSP forbids inline style attributes.
  fill.style.width = `${percent}%`;
  return h(
    "div",
    { class: "progress" },
    h("p", { id: "progress-text", class: "progress-text" }, t("home.progress", { done, total })),
    h(
      "div",
      {
        id: "progress-bar",
        class: "progress-track",
        role: "progressbar",
        "aria-valuemin": 0,
        "aria-valuemax": total,
        "aria-valuenow": done,
        "aria-valuetext": t("home.progress", { done, total }),
        "aria-labelledby": "progress-text",
      },
      fill,
    ),
  );
}

// The three groups of "Get help now", each with its ways to reach help
// written out as text to read or copy (never a link that dials or opens
// anything). Shown on its own screen (groups as h2) and above the
// disclaimer (as h3). The action comes first (the page's opening), then the
// emergency group; where the numbers work and when they were checked follow
// the groups, so nothing stands between the action and the first sign.
function helpGroups(view, level) {
  return [
    view.fallback_notice ? shown("p", view.fallback_notice, { class: "notice notice-warning" }) : null,
    courseHtml(view.intro_html, { id: "help-intro", class: "course-text help-action" }),
    view.groups.map((group) =>
      h(
        "section",
        { class: `help-group help-${group.kind}`, id: group.id, "aria-labelledby": group.heading.id },
        shown(level, group.heading, DATA),
        group.contacts.map((line) =>
          h(
            "p",
            { class: "help-line", id: line.id },
            `${line.by === "text" ? t("get-help.text") : t("get-help.call")} `,
            h("strong", { class: "help-number", ...DATA }, line.number),
            h("span", { class: "help-label", ...DATA }, line.label),
          ),
        ),
        courseHtml(group.body_html, { class: "course-text help-signs" }),
      ),
    ),
    shown("p", view.region_line, { class: "help-region" }),
    view.checked ? shown("p", view.checked, { class: "help-checked", ...DATA }) : null,
  ];
}

export function getHelpView(view, { print }) {
  return screenOf(
    "get-help",
    view.heading,
    listenControl(view.listen),
    helpGroups(view, "h2"),
    h("div", { class: "actions" }, button("print-help", t("get-help.print"), print, "button button-secondary")),
  );
}

export function disclaimerView(view, { accept, goHome }) {
  const action = view.accepted
    ? h(
        "div",
        { class: "panel panel-done" },
        h("p", { id: "accepted-note" }, t("disclaimer.accepted-on", { date: dateTime(view.accepted_at) })),
        button("disclaimer-continue", t("disclaimer.continue"), goHome),
      )
    : h("div", { class: "actions" }, button("accept-disclaimer", t("disclaimer.accept"), accept));
  // Where to get help comes first, above the legal text and the button, so
  // it is read before anything is accepted.
  return screenOf(
    "disclaimer",
    view.heading,
    listenControl(view.listen),
    h(
      "section",
      { class: "panel panel-help", id: "disclaimer-help", "aria-labelledby": view.help_heading.id },
      shown("h2", view.help_heading),
      helpGroups(view.help, "h3"),
    ),
    shown("p", view.intro, { class: "lead" }),
    courseHtml(view.html, { id: "disclaimer-text" }),
    action,
  );
}

// The menu's entries, as Rust lists them.
export const menuItems = (entries) =>
  entries.map((entry) =>
    h("li", {}, h("button", { type: "button", class: `nav-link nav-${entry.screen}`, id: `nav-${entry.screen}`, dataset: { nav: entry.screen } }, entry.label)),
  );

// The everyday tools, each with what it is for and a button to open it:
// on home, under its h2 (so each is an h3), and on their own screen (h2).
function toolList(tools, openTool, level) {
  return h(
    "ul",
    { class: "tool-list", id: "tool-list" },
    tools.map((tool) =>
      h(
        "li",
        { class: "tool-card", id: `tool-card-${tool.guide ?? tool.screen}` },
        h(level, { class: "tool-title", ...DATA }, tool.title),
        h("p", { class: "tool-summary", ...DATA }, tool.summary),
        h("button", { type: "button", class: "button button-secondary", id: `open-tool-${tool.guide ?? tool.screen}`, "aria-label": tool.open_label, onclick: () => openTool(tool) }, t("tools.open")),
      ),
    ),
  );
}

export function toolsView(tools, { openTool }) {
  return screenOf("tools", t("tools.heading"), h("p", { class: "lead" }, t("tools.intro")), toolList(tools, openTool, "h2"));
}

export function homeView(view, { openLesson, goFinished, printCourse, openTool }) {
  // A week or more since the last check-in: said once, with a way there.
  const weeksDue = view.weeks.due
    ? h(
        "section",
        { class: "panel panel-resume", "aria-labelledby": "weeks-due-heading", id: "weeks-due" },
        h("h2", { id: "weeks-due-heading" }, t("tools.weeks.title")),
        h("p", {}, t("home.weeks-due")),
        button("weeks-due-open", t("home.weeks-due-button"), () => openTool({ screen: "my-weeks" })),
      )
    : null;
  const resume = view.resume
    ? h(
        "section",
        { class: "panel panel-resume", "aria-labelledby": "resume-heading" },
        h("h2", { id: "resume-heading" }, t("home.resume-heading")),
        button("resume", t("home.resume", { title: view.resume.title }), () => openLesson(view.resume.id)),
      )
    : null;

  const lessons = h(
    "ol",
    { class: "lesson-list", id: "lesson-list" },
    view.lessons.map((lesson, i) =>
      h(
        "li",
        { class: "lesson-card", id: `lesson-card-${lesson.id}` },
        h("p", { class: "lesson-number" }, t("home.lesson-number", { n: i + 1 })),
        h("h3", { class: "lesson-title", ...DATA }, lesson.title),
        lesson.summary ? h("p", { class: "lesson-summary", ...DATA }, lesson.summary) : null,
        h(
          "p",
          { class: "lesson-meta" },
          h("span", { class: "lesson-minutes" }, lesson.minutes_words),
          stateTag(lesson.state, `lesson-state-${lesson.id}`),
        ),
        h(
          "button",
          {
            type: "button",
            class: lesson.state === "completed" ? "button button-secondary" : "button",
            id: `open-lesson-${lesson.id}`,
            "aria-label": t(`home.open-label.${lesson.state}`, { title: lesson.title }),
            onclick: () => openLesson(lesson.id),
          },
          t(`home.open.${lesson.state}`),
        ),
      ),
    ),
  );

  const finished = h(
    "section",
    { class: "panel", "aria-labelledby": "finished-heading", id: "finished-panel" },
    h("h2", { id: "finished-heading" }, t("home.finished-heading")),
    view.all_complete
      ? [h("p", {}, t("home.finished-ready")), button("go-finished", t("home.finished-go"), goFinished)]
      : h("p", {}, t("home.finished-locked", { total: view.total })),
  );

  return {
    title: view.title,
    node: h(
      "div",
      { dataset: { screen: "home" } },
      screenHeading(view.title, DATA),
      resume,
      weeksDue,
      progressBar(view.completed, view.total),
      h(
        "section",
        { "aria-labelledby": "who-heading", class: "intro" },
        h("h2", { id: "who-heading" }, t("home.who-for")),
        courseHtml(view.intro_html, { id: "intro-text" }),
        h("p", {}, t("home.total-time", { duration: view.total_minutes_words })),
      ),
      h(
        "section",
        { "aria-labelledby": "lessons-heading" },
        h("h2", { id: "lessons-heading" }, t("home.lessons-heading")),
        lessons,
        button("print-course", t("help.print-course"), printCourse, "link-button"),
      ),
      finished,
      h(
        "section",
        { "aria-labelledby": "tools-heading", id: "tools-panel" },
        h("h2", { id: "tools-heading" }, t("tools.heading")),
        h("p", {}, t("tools.intro")),
        toolList(view.tools, openTool, "h3"),
        view.weeks.on_this_device ? null : h("p", { class: "hint", id: "weeks-shared-device" }, t("home.weeks-shared-device")),
      ),
    ),
  };
}

// The heading and each point come from Rust with the ids "Listen" lights up.
export function keyPoints(heading, points, level = "h2") {
  if (!points.length) return null;
  return h(
    "section",
    { class: "panel key-points", "aria-labelledby": heading.id },
    shown(level, heading),
    h("ul", {}, points.map((point) => shown("li", point, DATA))),
  );
}

export function lessonView(view, { complete, openLesson, goFinished, goHome, print, getHelp, answer, goPlan }) {
  const done = view.state === "completed";
  const footer = h(
    "div",
    { class: "lesson-footer", id: "lesson-footer" },
    done
      ? h("div", { class: "panel panel-done" }, h("p", { id: "completed-note" }, t("lesson.completed-note")))
      : h("div", { class: "actions" }, button("complete-lesson", t("lesson.mark-complete"), () => complete(view.id))),
    // Completing moves focus to the way on, which is described by the note
    // that the lesson is complete, so a screen reader says that too (Orca
    // 43 reads no live region in WebKitGTK).
    done && view.next ? described(button("next-lesson", t("lesson.next", { title: view.next.title }), () => openLesson(view.next.id))) : null,
    done && !view.next && view.all_complete ? described(button("go-finished", t("lesson.finished"), goFinished)) : null,
    view.offers_plan ? button("lesson-make-plan", t("lesson.make-plan"), goPlan, "button button-secondary") : null,
    h(
      "ul",
      { class: "lesson-nav" },
      view.previous
        ? h("li", {}, button("previous-lesson", t("lesson.previous", { title: view.previous.title }), () => openLesson(view.previous.id), "link-button"))
        : null,
      h("li", {}, button("back-home", t("lesson.home"), goHome, "link-button")),
      h("li", {}, button("lesson-get-help", t("get-help.lesson-link"), getHelp, "link-button")),
      h("li", {}, button("print-lesson", t("print.lesson-button"), print, "link-button")),
    ),
  );
  return {
    title: view.title,
    node: h(
      "article",
      { dataset: { screen: "lesson", lesson: view.id } },
      h("p", { class: "caption" }, t("lesson.position", { n: view.position, total: view.total })),
      screenHeading(view.title, DATA),
      h(
        "p",
        { class: "lesson-meta" },
        h("span", { class: "lesson-minutes" }, t("lesson.time", { duration: view.minutes_words })),
        stateTag(view.state, "lesson-state"),
      ),
      listenControl(view.listen),
      keyPoints(view.key_points_heading, view.key_points),
      courseHtml(view.html, { id: "lesson-text" }),
      questionsSection(view.questions, { check: (question, choice) => answer(view.id, question, choice) }),
      footer,
    ),
  };
}

export function finishedView(view, { openNextStep, goHome, goPlan }) {
  const body = view.all_complete
    ? h(
        "div",
        { class: "actions" },
        h("button", { type: "button", id: "open-next-step", class: "button button-start", onclick: openNextStep, ...DATA }, view.next_step_label),
        h("p", { class: "hint", id: "next-step-hint" }, t("finished.opens-in", { url: view.next_step_url })),
      )
    : h("div", { class: "panel" }, h("p", { id: "not-finished" }, t("finished.not-yet", { done: view.completed, total: view.total })));
  return screenOf(
    "finished",
    view.heading,
    listenControl(view.listen),
    courseHtml(view.html, { id: "finished-text" }),
    body,
    shown("h2", view.plan_heading),
    shown("p", view.plan_intro),
    button("finished-make-plan", t("finished.make-plan"), goPlan, "button button-secondary"),
    button("back-home", t("finished.home"), goHome, "link-button"),
  );
}

// A DOI's link says "DOI: …" in the catalog's words; a web page's shows its
// address, which is the pack's data.
function referenceLink(r) {
  if (r.link_label === r.link_url) return h("a", { href: r.link_url, class: "doi shows-address", ...DATA }, r.link_label);
  return h("a", { href: r.link_url, class: "doi" }, r.link_label);
}

// Each entry's id is what the text's numbered markers link to.
function referenceList(refs, id) {
  return h(
    "ol",
    { class: "reference-list", id },
    refs.map((r) =>
      h(
        "li",
        { id: `ref-${r.number}`, tabindex: "-1", ...DATA },
        `${r.authors} (${r.date}). `,
        h("cite", DATA, r.title),
        r.source ? `. ${r.source}.` : ".",
        r.link_url ? [" ", referenceLink(r)] : null,
        r.accessed ? ` ${r.accessed}.` : null,
        r.added ? [" ", h("strong", { class: "tag tag-added" }, t("references.added"))] : null,
      ),
    ),
  );
}

// `from`: the lesson a marker was followed from, to go back to.
export function referencesView(refs, { from, openLesson } = {}) {
  return screenOf(
    "references",
    t("references.heading"),
    from ? button("back-to-lesson", t("references.back", { title: from.title }), () => openLesson(from.id), "link-button") : null,
    h("p", {}, t("references.intro")),
    referenceList(refs, "reference-list"),
  );
}

// A problem as a pack's author needs it: the file and line to go to.
const problemPlace = ({ file, line, message }) => (line ? `${file}:${line}: ${message}` : `${file}: ${message}`);

export function errorView(error, { useBuiltIn } = {}) {
  const kind = error?.kind ?? "unknown";
  const listed = kind === "content" || kind === "pack_content";
  return {
    title: t("error.heading"),
    node: h(
      "div",
      { dataset: { screen: "error", kind } },
      screenHeading(t("error.heading")),
      listed
        ? [
            h("p", {}, kind === "pack_content" ? t("error.pack-intro") : t("error.content-intro")),
            h("ul", { id: "error-problems", class: "problems" }, (error.problems ?? []).map((p) => h("li", {}, h("code", DATA, problemPlace(p))))),
          ]
        : h("p", { id: "error-message" }, error?.message ?? t("error.generic")),
      kind === "pack_content" ? h("p", { class: "notice notice-warning", id: "error-urgent" }, t("error.urgent")) : null,
      kind === "pack_content" && useBuiltIn ? button("use-built-in", t("error.use-built-in"), useBuiltIn) : null,
    ),
  };
}

function radioGroup(name, legend, options, chosen, onChoose) {
  return h(
    "fieldset",
    { class: "fieldset" },
    h("legend", {}, legend),
    options.map(([value, label]) =>
      h(
        "div",
        { class: "radio" },
        h("input", {
          type: "radio",
          name,
          id: `${name}-${value}`,
          value: String(value),
          checked: chosen === value,
          onchange: () => onChoose(value, label),
        }),
        h("label", { for: `${name}-${value}` }, label),
      ),
    ),
  );
}

// `rules`: the steps and themes there are, from Rust; the labels are words.
// Whether "Listen" is offered on this computer, and with which voice.
export function readingAloudText({ state, name }) {
  return state === "ready" ? t("settings.listen-on", { voice: name }) : state === "none" ? t("settings.listen-off") : t("settings.listen-checking");
}

function readingAloud(voice) {
  return [h("h2", { id: "listen-heading" }, t("settings.listen-heading")), h("p", { id: "listen-offered" }, readingAloudText(voice))];
}

export function settingsView(preferences, rules, voice, { chooseTextSize, chooseTheme }) {
  return screenOf(
    "settings",
    t("settings.heading"),
    h("p", {}, t("settings.intro")),
    radioGroup("text-size", t("settings.size-legend"), rules.text_sizes.map((_, step) => [step, t(`settings.size.${step}`)]), preferences.text_size, chooseTextSize),
    h("p", { class: "panel", id: "text-size-sample" }, t("settings.sample")),
    radioGroup("theme", t("settings.theme-legend"), rules.themes.map((theme) => [theme.name, t(`settings.theme.${theme.name}`)]), preferences.theme, chooseTheme),
    readingAloud(voice),
  );
}

// The rows of the keyboard table, in order; each names its keys and what
// they do in the catalog (`help.shortcut.<name>.keys` and `.action`).
const SHORTCUTS = ["tab", "shift-tab", "press", "next", "previous", "home", "help", "listen"];

export function helpView({ printCourse }) {
  return screenOf(
    "help",
    t("help.heading"),
    h("p", {}, t("help.intro")),
    h("h2", {}, t("help.keys-heading")),
    h(
      "table",
      { class: "keys", id: "shortcut-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("help.key-column")), h("th", { scope: "col" }, t("help.action-column")))),
      h("tbody", {}, SHORTCUTS.map((name) => h("tr", {}, h("td", {}, h("kbd", {}, t(`help.shortcut.${name}.keys`))), h("td", {}, t(`help.shortcut.${name}.action`))))),
    ),
    h("h2", {}, t("help.reading-heading")),
    h("p", {}, t("help.reading")),
    h("h2", {}, t("help.print-heading")),
    h("p", {}, t("help.print")),
    printCourse ? button("print-course", t("help.print-course"), printCourse, "button button-secondary") : null,
    h("h2", {}, t("help.privacy-heading")),
    h("p", {}, t("help.privacy")),
  );
}

export function aboutView(about, { saveSummary, deleteData, readHelp, readDisclaimer, readReferences }) {
  const pack = about.pack_folder
    ? t("about.from-pack", { origin: t(`about.origin.${about.origin}`), folder: about.pack_folder })
    : t("about.built-in");
  return screenOf(
    "about",
    t("about.heading"),
    h("p", { id: "about-version" }, t("about.version", { version: about.version })),
    h("h2", {}, t("about.reading-heading")),
    h(
      "ul",
      { class: "link-list" },
      h("li", {}, button("about-help", t("about.help-link"), readHelp, "link-button")),
      h("li", {}, button("about-disclaimer", t("about.disclaimer-link"), readDisclaimer, "link-button")),
      h("li", {}, button("about-references", t("about.references-link"), readReferences, "link-button")),
    ),
    h("h2", {}, t("about.course-heading")),
    about.title ? h("p", { id: "about-course" }, h("strong", DATA, about.title), about.provider ? [" – ", t("chrome.provided-by", { provider: about.provider })] : null) : null,
    h("p", { id: "about-pack", class: "breakable" }, pack),
    about.shared_device ? h("p", { id: "about-shared" }, t("about.shared-device")) : null,
    h("h2", {}, t("about.data-heading")),
    h("p", { id: "about-data", class: "breakable" }, t("about.data-where", { folder: about.data_folder })),
    h("h3", {}, t("about.summary-heading")),
    h("p", {}, t("about.summary-intro")),
    button("save-summary", t("about.summary-button"), saveSummary, "button button-secondary"),
    h("h3", {}, t("about.delete-heading")),
    h("p", {}, t("about.delete-intro")),
    button("delete-data", t("about.delete-button"), deleteData, "button button-warning"),
  );
}

// On a shared device, before the session is cleared for the next person.
export function idleWarningView(secondsLeft) {
  return h(
    "div",
    { class: "notice notice-warning", id: "idle-warning" },
    h("p", {}, t("confirm.idle-warning", { seconds: secondsLeft })),
    // Any key, click or touch answers the warning; this is the obvious one.
    h("button", { type: "button", class: "button", id: "still-here" }, t("confirm.still-here")),
  );
}

// A question before anything is cleared: what will happen, then a clear
// yes and an equally easy no.
export function confirmView({ name, heading, text, yes }, { confirm, cancel }) {
  return screenOf(
    name,
    heading,
    h("p", { class: "panel" }, text),
    h(
      "div",
      { class: "actions" },
      button("confirm-yes", yes, confirm, "button button-warning"),
      " ",
      button("confirm-no", t("confirm.no"), cancel, "button button-secondary"),
    ),
  );
}

// Each lesson's HTML comes from Rust already nested under its h2 and with
// ids of its own (`render::nest_for_print`).
export function printView(view, { print }) {
  return screenOf(
    "print",
    t("print.heading"),
    h("p", { class: "no-print" }, t("print.intro")),
    h("div", { class: "actions no-print" }, button("print-now", t("print.button"), print)),
    h("p", { class: "print-only" }, h("span", DATA, view.title), " – ", t("chrome.provided-by", { provider: view.provider })),
    view.lessons.map((lesson) =>
      h(
        "article",
        { class: "printed-lesson", id: `printed-${lesson.id}` },
        h("h2", {}, t("print.lesson-heading", { n: lesson.position, title: lesson.title })),
        h("p", { class: "caption" }, t("lesson.time", { duration: lesson.minutes_words })),
        keyPoints(lesson.key_points_heading, lesson.key_points, "h3"),
        courseHtml(lesson.html),
      ),
    ),
    view.guides.map((guide) =>
      h(
        "article",
        { class: "printed-lesson printed-guide", id: `printed-guide-${guide.id}` },
        h("h2", {}, t("print.guide-heading", { title: guide.title })),
        h("p", { class: "caption" }, t("lesson.time", { duration: guide.minutes_words })),
        keyPoints(guide.key_points_heading, guide.key_points, "h3"),
        courseHtml(guide.html),
      ),
    ),
    h("section", { class: "printed-references" }, h("h2", {}, t("references.heading")), referenceList(view.references)),
  );
}
