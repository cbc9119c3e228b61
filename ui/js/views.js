// One function per screen: data in, elements out. No calls to Rust here; the
// actions are passed in by app.js.

import { h, courseHtml } from "./dom.js";
import { strings as s } from "./strings.js";

const button = (id, label, onclick, cls = "button") =>
  h("button", { type: "button", id, class: cls, onclick }, label);

function heading(text, attrs = {}) {
  return h("h1", { id: "screen-heading", tabindex: "-1", ...attrs }, text);
}

// A screen: its name (for tests and styling), its title and h1, its parts.
function screenOf(name, title, ...parts) {
  return { title, node: h("div", { dataset: { screen: name } }, heading(title), ...parts) };
}

function stateTag(state, id) {
  return h("strong", { class: `tag tag-${state}`, id }, s.state[state]);
}

export function progressBar(done, total) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const fill = h("div", { class: "progress-fill" });
  // Set through the CSSOM: the CSP forbids inline style attributes.
  fill.style.width = `${percent}%`;
  return h(
    "div",
    { class: "progress" },
    h("p", { id: "progress-text", class: "progress-text" }, s.home.progress(done, total)),
    h(
      "div",
      {
        id: "progress-bar",
        class: "progress-track",
        role: "progressbar",
        "aria-valuemin": 0,
        "aria-valuemax": total,
        "aria-valuenow": done,
        "aria-valuetext": s.home.progress(done, total),
        "aria-labelledby": "progress-text",
      },
      fill,
    ),
  );
}

// A heading whose inside is course HTML from Rust (comrak, raw HTML off).
function courseHeading(level, id, html) {
  const el = h(level, { id });
  el.innerHTML = html;
  return el;
}

// The three groups of "Get help now", each with its number written out as
// text to read or copy (never a link that dials or opens anything). Shown
// on its own screen (groups as h2) and above the disclaimer (as h3).
function helpGroups(view, level) {
  return [
    view.fallback ? h("p", { class: "notice notice-warning", id: "help-fallback" }, s.getHelp.fallback(view.region)) : null,
    courseHtml(view.intro_html, { id: "help-intro" }),
    h("p", { class: "help-region", id: "help-region" }, s.getHelp.region(view.region)),
    view.groups.map((group) =>
      h(
        "section",
        { class: `help-group help-${group.kind}`, id: `help-${group.kind}`, "aria-labelledby": `help-${group.kind}-heading` },
        courseHeading(level, `help-${group.kind}-heading`, group.heading_html),
        h(
          "p",
          { class: "help-line", id: `help-${group.kind}-line` },
          `${s.getHelp.call} `,
          h("strong", { class: "help-number" }, group.number),
          h("span", { class: "help-label" }, group.label),
        ),
        courseHtml(group.body_html, { class: "course-text help-signs" }),
      ),
    ),
  ];
}

export function getHelpView(view, { print }) {
  return screenOf(
    "get-help",
    s.getHelp.heading,
    helpGroups(view, "h2"),
    h("div", { class: "actions" }, button("print-help", s.getHelp.print, print, "button button-secondary")),
  );
}

export function disclaimerView(view, { accept, goHome }) {
  const action = view.accepted
    ? h(
        "div",
        { class: "panel panel-done" },
        h("p", { id: "accepted-note" }, s.disclaimer.acceptedOn(s.dateTime(view.accepted_at))),
        button("disclaimer-continue", s.disclaimer.continue, goHome),
      )
    : h("div", { class: "actions" }, button("accept-disclaimer", s.disclaimer.accept, accept));
  // Where to get help comes first, above the legal text and the button, so
  // it is read before anything is accepted.
  return screenOf(
    "disclaimer",
    s.disclaimer.heading,
    h("p", { class: "lead" }, s.disclaimer.intro),
    h(
      "section",
      { class: "panel panel-help", id: "disclaimer-help", "aria-labelledby": "disclaimer-help-heading" },
      h("h2", { id: "disclaimer-help-heading" }, s.getHelp.heading),
      helpGroups(view.help, "h3"),
    ),
    courseHtml(view.html, { id: "disclaimer-text" }),
    action,
  );
}

export function homeView(view, { openLesson, goFinished, printCourse }) {
  const resume = view.resume
    ? h(
        "section",
        { class: "panel panel-resume", "aria-labelledby": "resume-heading" },
        h("h2", { id: "resume-heading" }, s.home.resumeHeading),
        button("resume", s.home.resume(view.resume.title), () => openLesson(view.resume.id)),
      )
    : null;

  const lessons = h(
    "ol",
    { class: "lesson-list", id: "lesson-list" },
    view.lessons.map((lesson, i) =>
      h(
        "li",
        { class: "lesson-card", id: `lesson-card-${lesson.id}` },
        h("p", { class: "lesson-number" }, s.home.lessonNumber(i + 1)),
        h("h3", { class: "lesson-title" }, lesson.title),
        lesson.summary ? h("p", { class: "lesson-summary" }, lesson.summary) : null,
        h(
          "p",
          { class: "lesson-meta" },
          h("span", { class: "lesson-minutes" }, s.home.minutes(lesson.minutes)),
          stateTag(lesson.state, `lesson-state-${lesson.id}`),
        ),
        h(
          "button",
          {
            type: "button",
            class: lesson.state === "completed" ? "button button-secondary" : "button",
            id: `open-lesson-${lesson.id}`,
            "aria-label": s.home.openLabel[lesson.state](lesson.title),
            onclick: () => openLesson(lesson.id),
          },
          s.home.open[lesson.state],
        ),
      ),
    ),
  );

  const finished = h(
    "section",
    { class: "panel", "aria-labelledby": "finished-heading", id: "finished-panel" },
    h("h2", { id: "finished-heading" }, s.home.finishedHeading),
    view.all_complete
      ? [h("p", {}, s.home.finishedReady), button("go-finished", s.home.finishedGo, goFinished)]
      : h("p", {}, s.home.finishedLocked(view.total)),
  );

  return {
    title: view.title,
    node: h(
      "div",
      { dataset: { screen: "home" } },
      heading(view.title),
      resume,
      progressBar(view.completed, view.total),
      h(
        "section",
        { "aria-labelledby": "who-heading", class: "intro" },
        h("h2", { id: "who-heading" }, s.home.whoFor),
        courseHtml(view.intro_html, { id: "intro-text" }),
        h("p", {}, s.home.totalTime(view.total_minutes)),
      ),
      h(
        "section",
        { "aria-labelledby": "lessons-heading" },
        h("h2", { id: "lessons-heading" }, s.home.lessonsHeading),
        lessons,
        button("print-course", s.help.printCourse, printCourse, "link-button"),
      ),
      finished,
    ),
  };
}

function keyPoints(points, id, level = "h2") {
  if (!points.length) return null;
  return h(
    "section",
    { class: "panel key-points", "aria-labelledby": id },
    h(level, { id }, s.lesson.keyPoints),
    h("ul", {}, points.map((point) => h("li", {}, point))),
  );
}

export function lessonView(view, { complete, openLesson, goFinished, goHome, print, getHelp }) {
  const done = view.state === "completed";
  const footer = h(
    "div",
    { class: "lesson-footer", id: "lesson-footer" },
    done
      ? h("div", { class: "panel panel-done" }, h("p", { id: "completed-note" }, s.lesson.completedNote))
      : h("div", { class: "actions" }, button("complete-lesson", s.lesson.markComplete, () => complete(view.id))),
    done && view.next ? button("next-lesson", s.lesson.next(view.next.title), () => openLesson(view.next.id)) : null,
    done && !view.next && view.all_complete ? button("go-finished", s.lesson.finished, goFinished) : null,
    h(
      "ul",
      { class: "lesson-nav" },
      view.previous
        ? h("li", {}, button("previous-lesson", s.lesson.previous(view.previous.title), () => openLesson(view.previous.id), "link-button"))
        : null,
      h("li", {}, button("back-home", s.lesson.home, goHome, "link-button")),
      h("li", {}, button("lesson-get-help", s.getHelp.lessonLink, getHelp, "link-button")),
      h("li", {}, button("print-lesson", s.print.lessonButton, print, "link-button")),
    ),
  );
  return {
    title: view.title,
    node: h(
      "article",
      { dataset: { screen: "lesson", lesson: view.id } },
      h("p", { class: "caption" }, s.lesson.position(view.position, view.total)),
      heading(view.title),
      h(
        "p",
        { class: "lesson-meta" },
        h("span", { class: "lesson-minutes" }, s.lesson.time(view.minutes)),
        stateTag(view.state, "lesson-state"),
      ),
      keyPoints(view.key_points, "key-points-heading"),
      courseHtml(view.html, { id: "lesson-text" }),
      footer,
    ),
  };
}

export function finishedView(view, { openNextStep, goHome }) {
  const body = view.all_complete
    ? h(
        "div",
        { class: "actions" },
        button("open-next-step", view.next_step_label, openNextStep, "button button-start"),
        h("p", { class: "hint", id: "next-step-hint" }, s.finished.opensIn(view.next_step_url)),
      )
    : h("div", { class: "panel" }, h("p", { id: "not-finished" }, s.finished.notYet(view.completed, view.total)));
  return screenOf(
    "finished",
    s.finished.heading,
    courseHtml(view.html, { id: "finished-text" }),
    body,
    button("back-home", s.finished.home, goHome, "link-button"),
  );
}

// Each entry's id is what the text's numbered markers link to.
function referenceList(refs, id) {
  return h(
    "ol",
    { class: "reference-list", id },
    refs.map((r) =>
      h(
        "li",
        { id: `ref-${r.number}`, tabindex: "-1" },
        `${r.authors} (${r.year}). `,
        h("cite", {}, r.title),
        `. ${r.source}.`,
        r.doi_url ? [" ", h("a", { href: r.doi_url, class: "doi" }, `${s.references.doi}: ${r.doi}`)] : null,
        r.added ? [" ", h("strong", { class: "tag tag-added" }, s.references.added)] : null,
      ),
    ),
  );
}

// `from`: the lesson a marker was followed from, to go back to.
export function referencesView(refs, { from, openLesson } = {}) {
  return screenOf(
    "references",
    s.references.heading,
    from ? button("back-to-lesson", s.references.back(from.title), () => openLesson(from.id), "link-button") : null,
    h("p", {}, s.references.intro),
    referenceList(refs, "reference-list"),
  );
}

// A problem as a pack's author needs it: the file and line to go to.
const problemPlace = ({ file, line, message }) => (line ? `${file}:${line}: ${message}` : `${file}: ${message}`);

export function errorView(error, { useBuiltIn } = {}) {
  const kind = error?.kind ?? "unknown";
  const listed = kind === "content" || kind === "pack_content";
  return {
    title: s.error.heading,
    node: h(
      "div",
      { dataset: { screen: "error", kind } },
      heading(s.error.heading),
      listed
        ? [
            h("p", {}, kind === "pack_content" ? s.error.packIntro : s.error.contentIntro),
            h("ul", { id: "error-problems", class: "problems" }, (error.problems ?? []).map((p) => h("li", {}, h("code", {}, problemPlace(p))))),
          ]
        : h("p", { id: "error-message" }, error?.message ?? s.error.generic),
      kind === "pack_content" ? h("p", { class: "notice notice-warning", id: "error-urgent" }, s.error.urgent) : null,
      kind === "pack_content" && useBuiltIn ? button("use-built-in", s.error.useBuiltIn, useBuiltIn) : null,
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
export function settingsView(preferences, rules, { chooseTextSize, chooseTheme }) {
  return screenOf(
    "settings",
    s.settings.heading,
    h("p", {}, s.settings.intro),
    radioGroup("text-size", s.settings.legend, rules.text_sizes.map((_, step) => [step, s.settings.sizes[step]]), preferences.text_size, chooseTextSize),
    h("p", { class: "panel", id: "text-size-sample" }, s.settings.sample),
    radioGroup("theme", s.settings.themeLegend, rules.themes.map((t) => [t.name, s.settings.themes[t.name]]), preferences.theme, chooseTheme),
  );
}

export function helpView({ printCourse }) {
  return screenOf(
    "help",
    s.help.heading,
    h("p", {}, s.help.intro),
    h("h2", {}, s.help.keysHeading),
    h(
      "table",
      { class: "keys", id: "shortcut-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, s.help.keyColumn), h("th", { scope: "col" }, s.help.actionColumn))),
      h("tbody", {}, s.help.keys.map(([keys, action]) => h("tr", {}, h("td", {}, h("kbd", {}, keys)), h("td", {}, action)))),
    ),
    h("h2", {}, s.help.readingHeading),
    h("p", {}, s.help.reading),
    h("h2", {}, s.help.printHeading),
    h("p", {}, s.help.print),
    printCourse ? button("print-course", s.help.printCourse, printCourse, "button button-secondary") : null,
    h("h2", {}, s.help.privacyHeading),
    h("p", {}, s.help.privacy),
  );
}

export function aboutView(about, { saveSummary, deleteData }) {
  const pack = about.pack_folder
    ? s.about.fromPack(s.about.origins[about.origin] ?? about.origin, about.pack_folder)
    : s.about.builtIn;
  return screenOf(
    "about",
    s.about.heading,
    h("p", { id: "about-version" }, s.about.version(about.version)),
    h("h2", {}, s.about.courseHeading),
    about.title ? h("p", { id: "about-course" }, h("strong", {}, about.title), about.provider ? ` – ${s.providedBy(about.provider)}` : null) : null,
    h("p", { id: "about-pack", class: "breakable" }, pack),
    about.shared_device ? h("p", { id: "about-shared" }, s.about.sharedDevice) : null,
    h("h2", {}, s.about.dataHeading),
    h("p", { id: "about-data", class: "breakable" }, s.about.dataWhere(about.data_folder)),
    h("h3", {}, s.about.summaryHeading),
    h("p", {}, s.about.summaryIntro),
    button("save-summary", s.about.summaryButton, saveSummary, "button button-secondary"),
    h("h3", {}, s.about.deleteHeading),
    h("p", {}, s.about.deleteIntro),
    button("delete-data", s.about.deleteButton, deleteData, "button button-warning"),
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
      button("confirm-no", s.confirm.no, cancel, "button button-secondary"),
    ),
  );
}

// Each lesson's HTML comes from Rust already nested under its h2 and with
// ids of its own (`render::nest_for_print`).
export function printView(view, { print }) {
  return screenOf(
    "print",
    s.print.heading,
    h("p", { class: "no-print" }, s.print.intro),
    h("div", { class: "actions no-print" }, button("print-now", s.print.button, print)),
    h("p", { class: "print-only" }, view.title, " – ", s.providedBy(view.provider)),
    view.lessons.map((lesson) =>
      h(
        "article",
        { class: "printed-lesson", id: `printed-${lesson.id}` },
        h("h2", {}, s.print.lessonHeading(lesson.position, lesson.title)),
        h("p", { class: "caption" }, s.lesson.time(lesson.minutes)),
        keyPoints(lesson.key_points, `printed-${lesson.id}-key-points`, "h3"),
        courseHtml(lesson.html),
      ),
    ),
    h("section", { class: "printed-references" }, h("h2", {}, s.references.heading), referenceList(view.references)),
  );
}
