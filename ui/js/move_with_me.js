// "Move with me", data in, elements out: the first step (the guide's key
// points, then what this is), one movement at a time (its count, its
// section of the page with the picture, Listen, My plan), and the end
// ("I did these today"). Every word and every step is Rust's view.

import { courseHtml, h, screenHeading } from "./dom.js";
import { listenControl } from "./listen.js";
import { t } from "./strings.js";
import { button, DATA, keyPoints } from "./views.js";

const screen = (step, ...parts) => h("article", { class: "move-with-me", dataset: { screen: "move-with-me", step } }, ...parts);

const caption = (...parts) => h("p", { class: "caption" }, parts.flatMap((part, i) => (i ? [" · ", part] : [part])));

const sharedDeviceNote = (view) => (view.shared_device ? h("p", { class: "hint", id: "move-shared-device" }, t("move.shared-device")) : null);

// The first step: safety first (the guide's key points and its first
// section, the checks before starting), then how it goes.
export function moveIntroView(view, { start, back, getHelp }) {
  return {
    title: view.heading.text,
    node: screen(
      "intro",
      caption(h("span", DATA, view.guide.title)),
      screenHeading(view.heading.text),
      listenControl(view.listen),
      keyPoints(view.key_points_heading, view.key_points),
      courseHtml(view.opening_html, { id: "move-opening" }),
      h(
        "div",
        { class: "panel panel-help", id: "move-help" },
        h("p", {}, t("plan.help-intro")),
        button("move-get-help", t("plan.get-help"), getHelp, "link-button"),
      ),
      h("p", { id: view.intro.id, class: "move-intro" }, view.intro.text),
      sharedDeviceNote(view),
      h(
        "ul",
        { class: "lesson-nav", id: "move-nav" },
        h("li", {}, button("move-start", t("move.start"), start, "button")),
        h("li", {}, button("move-back", t("move.back", { guide: view.guide.title }), back, "link-button")),
      ),
    ),
  };
}

// The count and its buttons. `most`: the last count Rust gave words for.
export function countPanel(view, count, { countOne, takeOneOff }) {
  const most = view.counts.length - 1;
  return h(
    "section",
    { class: "panel move-count", id: "move-count-panel", "aria-labelledby": "move-count-heading" },
    h("h2", { id: "move-count-heading" }, t("move.count-heading")),
    h("p", { class: "move-count-value", id: "move-count" }, view.counts[count]),
    h(
      "div",
      { class: "move-count-buttons" },
      button("move-count-one", t("move.count-one"), countOne, "button button-large", { disabled: count >= most }),
      // Hidden, not greyed out, when there is nothing to take off.
      button("move-take-one-off", t("move.take-one-off"), takeOneOff, "button button-secondary", { hidden: count === 0 }),
    ),
    h("p", { class: "hint" }, t("move.keys", { guide: view.guide.title })),
  );
}

// "Add to my plan", or that it is there and how to take it out.
export function planBox(view, step, { choose }) {
  const inPlan = view.in_plan.includes(step.id);
  return h(
    "div",
    { class: "move-plan", id: "move-plan" },
    inPlan ? h("p", { id: "move-in-plan" }, t("move.in-plan")) : null,
    inPlan
      ? button("move-take-out-of-plan", t("move.take-out-of-plan"), () => choose(step, false), "link-button")
      : button("move-add-to-plan", t("move.add-to-plan"), () => choose(step, true), "button button-secondary"),
  );
}

// Movement `index`, counted `count` times so far: what to do and its
// picture first, then the count, which is there to help, never a target.
export function moveStepView(view, index, count, actions) {
  const step = view.movements[index];
  const last = index === view.movements.length - 1;
  return {
    title: step.title,
    node: screen(
      String(index + 1),
      caption(t("move.caption"), step.position),
      screenHeading(step.title, DATA),
      listenControl(step.listen),
      courseHtml(step.html, { id: "move-text", class: "course-text move-text" }),
      countPanel(view, count, actions),
      planBox(view, step, actions),
      h(
        "ul",
        { class: "lesson-nav", id: "move-nav" },
        h("li", {}, button("move-next", last ? t("move.finish") : t("move.next"), actions.next, "button")),
        index > 0 ? h("li", {}, button("move-previous", t("move.previous"), actions.previous, "link-button")) : null,
        h("li", {}, button("move-stop", t("move.stop"), actions.stop, "link-button")),
      ),
    ),
  };
}

// What is already kept for today, in Rust's words.
export const doneToday = (today) => h("p", { id: "move-done-today", hidden: !today.done_words }, today.done_words);

// The end: tick what was done (ticked where counted), "I did these today".
export function moveEndView(view, counts, { save, back, goPlan, again }) {
  const boxes = view.movements.map((step, i) =>
    h(
      "div",
      { class: "checkbox" },
      h("input", { type: "checkbox", id: `move-done-${step.id}`, value: step.id, checked: counts[i] > 0 }),
      h("label", { for: `move-done-${step.id}` }, h("span", DATA, step.title)),
    ),
  );
  const chosen = () => boxes.map((box) => box.querySelector("input")).filter((input) => input.checked).map((input) => input.value);
  return {
    title: t("move.end-heading"),
    node: screen(
      "end",
      caption(t("move.caption")),
      screenHeading(t("move.end-heading")),
      h("p", {}, t("move.end-intro", { date: view.today.date })),
      doneToday(view.today),
      h(
        "fieldset",
        { class: "move-done" },
        h("legend", {}, t("move.end-legend")),
        boxes,
      ),
      h("p", { class: "field-error", id: "move-save-error", hidden: true }),
      button("move-save", t("move.save"), () => save(chosen()), "button", { "aria-describedby": "move-save-error" }),
      sharedDeviceNote(view),
      h(
        "ul",
        { class: "lesson-nav", id: "move-nav" },
        h("li", {}, button("move-back", t("move.back", { guide: view.guide.title }), back, "link-button")),
        h("li", {}, button("move-go-to-plan", t("move.go-to-plan"), goPlan, "link-button")),
        h("li", {}, button("move-again", t("move.again"), again, "link-button")),
      ),
    ),
  };
}
