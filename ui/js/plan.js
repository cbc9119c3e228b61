// "My plan": four optional steps the learner writes in their own words,
// saved as they go. What a step needs, the limits and the suggestions are
// Rust's (the plan view); this only draws them and reports each change.

import { courseHtml, h, screenHeading } from "./dom.js";
import { t } from "./strings.js";

// "Call" or "Text" before a number, as "Get help now" shows it.
const reach = (line) => (line.by === "text" ? t("get-help.text") : t("get-help.call"));

// The learner's own words: shown as written, not catalog words.
const DATA = { "data-content": "text" };

// How long typing must pause before a box is saved: long enough not to
// save mid-word, short enough that little is at risk.
const TYPING_PAUSE_MS = 1500;
// Saves waiting for that pause, to make at once when the screen changes.
const pendingSaves = new Set();

export function savePendingNow() {
  for (const save of [...pendingSaves]) save();
}

const button = (attrs, label) => h("button", { type: "button", ...attrs }, label);

function statusTag(step) {
  return h(
    "strong",
    { class: `tag ${step.complete ? "tag-completed" : "tag-not_started"}`, id: `plan-status-${step.id}` },
    step.complete ? t("plan.status.complete") : t("plan.status.incomplete"),
  );
}

function fieldError(id) {
  return h("p", { class: "field-error", id: `${id}-error`, hidden: true });
}

// A list step (activities, questions): each entry with Change and Remove,
// a field to add one, and for activities the short list to choose from.
function listStep(step, view, actions) {
  const list = step.list;
  const addId = `plan-add-${list.name}`;
  const entries = list.entries.length
    ? h(
        "ul",
        { class: "plan-list", id: `plan-list-${list.name}` },
        list.entries.map((entry, i) =>
          h(
            "li",
            { class: "plan-entry", id: `plan-entry-${list.name}-${i}` },
            h("span", { class: "plan-entry-text", ...DATA }, entry),
            h(
              "span",
              { class: "plan-entry-actions" },
              button({ class: "link-button", id: `plan-change-${list.name}-${i}`, "aria-label": t("plan.change-label", { text: entry }), onclick: () => actions.startEdit(list.name, i) }, t("plan.change")),
              button({ class: "link-button", id: `plan-remove-${list.name}-${i}`, "aria-label": t("plan.remove-label", { text: entry }), onclick: () => actions.remove(list.name, i, entry) }, t("plan.remove")),
            ),
          ),
        ),
      )
    : h("p", { class: "hint", id: `plan-empty-${list.name}` }, t("plan.empty-list"));
  const input = h("input", {
    type: "text",
    class: "input",
    id: addId,
    maxlength: view.limits.max_entry_chars,
    // What a learner types here is theirs: the engine must not keep it to
    // offer again (on a shared computer, to the next person).
    autocomplete: "off",
    "aria-describedby": `${addId}-error`,
    disabled: list.full,
  });
  const add = () => actions.add(list.name, input.value, addId);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  });
  const suggestions = list.name === "activities" && view.suggestions.length && !list.full
    ? h(
        "ul",
        { class: "plan-suggestions", "aria-label": t("plan.suggestions-label") },
        view.suggestions.map((text, i) =>
          h("li", {}, button({ class: "button button-secondary button-small", id: `plan-suggestion-${i}`, "aria-label": t("plan.add-suggestion", { text }), onclick: () => actions.add(list.name, text, `plan-suggestion-${i}`) }, text)),
        ),
      )
    : null;
  return [
    entries,
    suggestions,
    h(
      "div",
      { class: "plan-add" },
      h("label", { for: addId }, t(`plan.add-own.${list.name}`)),
      fieldError(addId),
      h("div", { class: "plan-add-row" }, input, button({ class: "button", id: `${addId}-button`, onclick: add, disabled: list.full }, t("plan.add"))),
      list.full ? h("p", { class: "hint" }, t("plan.problem.list-full", { max: view.limits.max_entries })) : null,
    ),
  ];
}

// A written step: one labelled box per answer, saved when it is left.
function textStep(step, view, actions) {
  return step.fields.map((field) => {
    const id = `plan-field-${field.name}`;
    const box = h("textarea", {
      class: "input textarea",
      id,
      name: field.name,
      rows: 3,
      maxlength: view.limits.max_text_chars,
      autocomplete: "off",
      "aria-describedby": `${id}-error`,
    });
    box.value = field.value;
    // Saved when the box is left (`change`), or when typing has paused for
    // a moment, so a window closed mid-sentence keeps what was written;
    // each save says "Saved" once, never once per keystroke.
    let saved = field.value;
    let timer = null;
    const save = () => {
      clearTimeout(timer);
      pendingSaves.delete(save);
      if (box.value === saved) return;
      saved = box.value;
      actions.setText(field.name, box.value, id);
    };
    box.addEventListener("input", () => {
      clearTimeout(timer);
      pendingSaves.add(save);
      timer = setTimeout(save, TYPING_PAUSE_MS);
    });
    box.addEventListener("change", save);
    return h("div", { class: "plan-field" }, h("label", { for: id }, t(`plan.field.${field.name}`)), fieldError(id), box);
  });
}

// "Moving more": the movements put in the plan from "Move with me", each
// with its starting amount and picture (Rust's), and a way to take it out.
function chosenMovements(step, view, actions) {
  if (step.id !== "movement") return null;
  const guide = view.movement_guide;
  return h(
    "section",
    { class: "plan-movements", id: "plan-movements", "aria-labelledby": "plan-movements-heading" },
    h("h3", { id: "plan-movements-heading", tabindex: "-1" }, t("plan.movements-heading")),
    step.movements.length
      ? h("ul", { class: "plan-movement-list" }, step.movements.map((m, i) => plannedMovement(m, i, actions)))
      : h("p", { class: "hint", id: "plan-movements-empty" }, guide ? t("plan.movements-hint", { guide: guide.title }) : t("plan.empty-list")),
  );
}

function plannedMovement(movement, i, actions) {
  return h(
    "li",
    { class: "plan-movement", id: `plan-movement-${movement.id}` },
    h("h4", { class: "plan-movement-title" }, h("span", DATA, movement.title)),
    movement.amount ? h("p", {}, h("span", {}, t("movement.amount")), ": ", h("span", DATA, movement.amount)) : h("p", { class: "hint" }, t("plan.movement-gone")),
    movement.picture ? courseHtml(movement.picture, { class: "plan-movement-picture" }) : null,
    button({ class: "link-button no-print", id: `plan-take-out-${i}`, "aria-label": t("plan.take-out-label", { title: movement.title }), onclick: () => actions.takeOut(movement, i) }, t("move.take-out-of-plan")),
  );
}

function helpBox(view, actions) {
  return h(
    "div",
    { class: "panel plan-help", id: "plan-help" },
    h("p", {}, t("plan.help-intro")),
    h("ul", {}, view.help.map((line) => h("li", { class: `help-line-${line.kind}` }, h("span", DATA, line.label), ": ", h("span", {}, reach(line)), " ", h("strong", DATA, line.number)))),
    button({ class: "link-button", id: "plan-get-help", onclick: actions.getHelp }, t("plan.get-help")),
  );
}

// A step as plain text, for printing: its entries, or its written answers.
function printedStep(step) {
  const written = step.fields.filter((f) => f.value);
  let body = null;
  if (step.list && step.list.entries.length) {
    body = h("ul", {}, step.list.entries.map((e) => h("li", DATA, e)));
  } else if (written.length) {
    body = written.map((f) => h("p", {}, h("strong", {}, t(`plan.field.${f.name}`)), h("br"), h("span", { class: "plan-print-text", ...DATA }, f.value)));
  }
  const movements = step.movements.length
    ? h(
        "div",
        { class: "plan-print-movements" },
        h("h3", {}, t("plan.movements-heading")),
        step.movements.map((m) =>
          h(
            "div",
            { class: "plan-print-movement" },
            h("p", {}, h("strong", DATA, m.title), m.amount ? [" ", h("span", DATA, m.amount)] : null),
            m.picture ? courseHtml(m.picture, { class: "plan-movement-picture" }) : null,
          ),
        ),
      )
    : null;
  return h("div", {}, h("h2", {}, t(`plan.step.${step.id}`)), body ?? (movements ? null : h("p", {}, t("plan.empty-list"))), movements);
}

// The plan as plain text with the help numbers, for printing (the form
// itself is not printed).
function printed(view) {
  return h(
    "div",
    { class: "print-only plan-print", id: "plan-print" },
    view.steps.map(printedStep),
    h("h2", {}, t("plan.help-heading")),
    h("ul", {}, view.help.map((line) => h("li", {}, h("span", DATA, line.label), ": ", h("span", {}, reach(line)), " ", h("span", DATA, line.number)))),
  );
}

// The guides that help with a step (Rust's list, from each guide's
// `plan_step`), each opened by a button that names it.
function stepGuides(step, actions) {
  if (!step.guides.length) return null;
  return h(
    "div",
    { class: "plan-guides no-print" },
    h("p", {}, t("plan.guides")),
    h(
      "ul",
      { class: "lesson-nav" },
      step.guides.map((g) =>
        h("li", {}, button({ class: "link-button", id: `plan-guide-${step.id}-${g.id}`, onclick: () => actions.openGuide(g.id) }, h("span", DATA, g.title))),
      ),
    ),
  );
}

export function planView(view, actions) {
  const steps = view.steps.map((step, i) =>
    h(
      "section",
      { class: "plan-step", id: `plan-step-${step.id}`, "aria-labelledby": `plan-step-heading-${step.id}` },
      h("h2", { id: `plan-step-heading-${step.id}` }, t("plan.step-number", { n: i + 1 }), " ", t(`plan.step.${step.id}`)),
      statusTag(step),
      h("p", { class: "hint" }, t(`plan.hint.${step.id}`)),
      step.list ? listStep(step, view, actions) : textStep(step, view, actions),
      chosenMovements(step, view, actions),
      stepGuides(step, actions),
      step.id === "flare_up" ? helpBox(view, actions) : null,
    ),
  );
  return {
    title: t("plan.heading"),
    node: h(
      "div",
      { dataset: { screen: "plan" } },
      screenHeading(t("plan.heading")),
      h("p", { class: "no-print" }, t("plan.intro")),
      h("div", { class: "plan-form" }, steps),
      printed(view),
      h(
        "div",
        { class: "actions no-print" },
        button({ class: "button button-secondary", id: "print-plan", onclick: actions.print }, t("plan.print")),
        button({ class: "link-button", id: "plan-home", onclick: actions.goHome }, t("plan.home")),
      ),
    ),
  };
}

// One list entry being changed: a labelled box with Save and Cancel in
// place of the entry.
export function entryEditor(list, index, text, { saveEdit, cancelEdit }) {
  const id = `plan-edit-${list}-${index}`;
  const box = h("input", { type: "text", class: "input", id, autocomplete: "off", "aria-describedby": `${id}-error` });
  box.value = text;
  const save = () => saveEdit(list, index, box.value, id, text);
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      cancelEdit();
    }
  });
  return h(
    "li",
    { class: "plan-entry plan-entry-editing", id: `plan-entry-${list}-${index}` },
    h("label", { for: id }, t(`plan.entry-label.${list}`, { n: index + 1 })),
    fieldError(id),
    h("div", { class: "plan-add-row" }, box, button({ class: "button", id: `${id}-save`, onclick: save }, t("plan.save")), button({ class: "link-button", id: `${id}-cancel`, onclick: cancelEdit }, t("plan.cancel"))),
  );
}

// After a written answer is saved: each step's mark, updated in place, so
// the box the learner moved on to keeps its focus and its text.
export function refreshStatus(view) {
  for (const step of view.steps) document.getElementById(`plan-status-${step.id}`)?.replaceWith(statusTag(step));
}

// Shows Rust's reason beside the field it is about, or clears it.
export function showFieldError(fieldId, message) {
  const error = document.getElementById(`${fieldId}-error`);
  const field = document.getElementById(fieldId);
  if (!error) return false;
  error.textContent = message ?? "";
  error.hidden = !message;
  if (message) field?.setAttribute("aria-invalid", "true");
  else field?.removeAttribute("aria-invalid");
  return true;
}
