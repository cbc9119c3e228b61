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

export function disclaimerView(view, { accept, goHome }) {
  const action = view.accepted
    ? h(
        "div",
        { class: "panel panel-done" },
        h("p", { id: "accepted-note" }, s.disclaimer.acceptedOn(s.dateTime(view.accepted_at))),
        button("disclaimer-continue", s.disclaimer.continue, goHome),
      )
    : h("div", { class: "actions" }, button("accept-disclaimer", s.disclaimer.accept, accept));
  return screenOf("disclaimer", s.disclaimer.heading, courseHtml(view.html, { id: "disclaimer-text" }), action);
}

export function homeView(view, { openLesson, goFinished }) {
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
      h("section", { "aria-labelledby": "lessons-heading" }, h("h2", { id: "lessons-heading" }, s.home.lessonsHeading), lessons),
      finished,
    ),
  };
}

export function lessonView(view, { complete, openLesson, goFinished, goHome }) {
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

export function referencesView(refs) {
  return screenOf(
    "references",
    s.references.heading,
    h("p", {}, s.references.intro),
      h(
        "ol",
        { class: "reference-list", id: "reference-list" },
        refs.map((r) =>
          h(
            "li",
            {},
            `${r.authors} (${r.year}). `,
            h("cite", {}, r.title),
            `. ${r.source}.`,
            r.doi_url ? [" ", h("a", { href: r.doi_url, class: "doi" }, `${s.references.doi}: ${r.doi}`)] : null,
            r.added ? [" ", h("strong", { class: "tag tag-added" }, s.references.added)] : null,
          ),
        ),
      ),
  );
}

export function errorView(error, { useBuiltIn } = {}) {
  const lines = String(error?.message ?? s.error.generic).split("\n");
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
            h("ul", { id: "error-problems", class: "problems" }, lines.slice(1).map((l) => h("li", {}, h("code", {}, l)))),
          ]
        : h("p", { id: "error-message" }, lines.join(" ")),
      kind === "pack_content" && useBuiltIn ? button("use-built-in", s.error.useBuiltIn, useBuiltIn) : null,
    ),
  };
}

export function settingsView(preferences, { chooseTextSize }) {
  const options = s.settings.sizes.map((label, step) =>
    h(
      "div",
      { class: "radio" },
      h("input", {
        type: "radio",
        name: "text-size",
        id: `text-size-${step}`,
        value: String(step),
        checked: preferences.text_size === step,
        onchange: () => chooseTextSize(step, label),
      }),
      h("label", { for: `text-size-${step}` }, label),
    ),
  );
  return screenOf(
    "settings",
    s.settings.heading,
    h("p", {}, s.settings.intro),
    h("fieldset", { class: "fieldset" }, h("legend", {}, s.settings.legend), options),
    h("p", { class: "panel", id: "text-size-sample" }, s.settings.sample),
  );
}
