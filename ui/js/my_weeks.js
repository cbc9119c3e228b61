// "My weeks": the week's check-in form, the learner's own charts and every
// check-in in a table. What is asked, which weeks may be filled in, the
// charts and every limit are Rust's (the My weeks view); this draws them
// and reads the answers back.

import { h, screenHeading } from "./dom.js";
import { t } from "./strings.js";
import { button, DATA } from "./views.js";

// A group of eleven radio buttons, 0 to 10 (no slider: each is a target of
// its own, and a screen reader says each number), named by its question and
// described by its scale's words; "Clear this answer" takes a pick back.
function ratingGroup(question, legend, scale, max, actions) {
  const { field, chosen } = question;
  const scaleId = `${field}-scale`;
  const radios = [];
  for (let n = 0; n <= max; n += 1) {
    radios.push(
      h(
        "span",
        { class: "rating-choice" },
        h("input", { type: "radio", name: field, id: `${field}-${n}`, value: String(n), checked: chosen === n }),
        h("label", { for: `${field}-${n}` }, t("weeks.rating-label", { n })),
      ),
    );
  }
  return h(
    "fieldset",
    { class: "fieldset rating-group", id: `${field}-group`, "aria-describedby": `${scaleId} ${field}-error` },
    h("legend", {}, legend),
    h("p", { class: "hint", id: scaleId }, scale),
    h("div", { class: "rating-scale" }, radios),
    h("p", { class: "field-error", id: `${field}-error`, hidden: true }),
    button(`${field}-clear`, t("weeks.clear"), () => actions.clear(field), "link-button", { "aria-label": t("weeks.clear-label", { question: legend }) }),
  );
}

function note(question, label, max) {
  const { field, text } = question;
  return h(
    "div",
    { class: "field" },
    h("label", { for: `${field}-text`, class: "label" }, label),
    h("textarea", { class: "input textarea", id: `${field}-text`, maxlength: max, autocomplete: "off", "aria-describedby": `${field}-error`, ...DATA }, text),
    h("p", { class: "field-error", id: `${field}-error`, hidden: true }),
  );
}

// The weeks the learner may fill in or correct, as a list of buttons
// (words that wrap at any width), behind a summary that says what it is.
function weekChooser(view, actions) {
  return h(
    "details",
    { class: "weeks-chooser", id: "weeks-chooser", open: !view.form.is_this_week },
    h("summary", {}, t("weeks.choose-week")),
    h("p", { class: "hint" }, t("weeks.choose-week-hint")),
    h(
      "ul",
      { class: "weeks-list" },
      view.weeks.map((w) =>
        h(
          "li",
          {},
          button(`weeks-open-${w.week}`, w.kept ? t("weeks.choose-week-kept", { week: w.words }) : w.words, () => actions.openWeek(w.week), "link-button", {
            "aria-current": w.week === view.form.week ? "true" : null,
          }),
        ),
      ),
    ),
  );
}

function form(view, actions) {
  const f = view.form;
  const max = view.limits.max_rating;
  const activities = f.activities.length
    ? f.activities.map((q) =>
        ratingGroup(q, f.is_this_week ? t("weeks.activity.legend", { activity: q.activity }) : t("weeks.activity.legend-past", { activity: q.activity }), t("weeks.activity.scale"), max, actions),
      )
    : [h("p", { id: "weeks-no-activities" }, t("weeks.no-activities")), button("weeks-open-plan", t("weeks.open-plan"), actions.openPlan, "button button-secondary")];
  const moved = f.moved_days.length
    ? h("ul", { id: "weeks-moved-days" }, f.moved_days.map((d) => h("li", {}, d)))
    : h("p", { id: "weeks-moved-days" }, t("weeks.moved-none"));
  return h(
    "section",
    { class: "weeks-form", "aria-labelledby": "weeks-form-heading", id: "weeks-form" },
    h("h2", { id: "weeks-form-heading" }, t("weeks.form-heading", { week: f.week_words })),
    weekChooser(view, actions),
    f.kept ? h("p", { class: "panel-note", id: "weeks-kept-note" }, t("weeks.kept-note")) : null,
    f.is_this_week ? null : h("p", { class: "panel-note", id: "weeks-past-note" }, t("weeks.past-week-note")),
    h("h3", { id: "weeks-activities-heading" }, t("weeks.activities-heading")),
    h("p", { class: "hint", id: "weeks-activity-source" }, t("weeks.activity.source")),
    activities,
    h("h3", {}, t("weeks.pain.title")),
    ratingGroup(f.pain, f.is_this_week ? t("weeks.pain.legend") : t("weeks.pain.legend-past"), t("weeks.pain.scale"), max, actions),
    note(f.pleased, t("weeks.pleased.label"), view.limits.max_note_chars),
    note(f.next, t("weeks.next.label"), view.limits.max_note_chars),
    h("h3", {}, t("weeks.moved-heading")),
    moved,
    f.ended_ratings.length ? [h("h3", {}, t("weeks.ended-heading")), h("ul", { id: "weeks-ended" }, f.ended_ratings.map((r) => h("li", DATA, r)))] : null,
    h("p", { class: "field-error", id: "week-error", hidden: true }),
    button("weeks-save", t("weeks.save"), actions.save),
  );
}

function table(view) {
  const { columns, rows } = view.table;
  return h(
    "details",
    { class: "figure-numbers weeks-numbers", id: "weeks-numbers" },
    h("summary", {}, t("weeks.show-numbers")),
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-labelledby": "weeks-table-caption" },
      h(
        "table",
        { id: "weeks-table" },
        h("caption", { id: "weeks-table-caption" }, t("weeks.table-caption")),
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", ...DATA }, c)))),
        h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell, i) => (i === 0 ? h("th", { scope: "row", ...DATA }, cell) : h("td", DATA, cell)))))),
      ),
    ),
  );
}

function trend(view) {
  const charts = view.charts.length
    ? h(
        "div",
        { class: "weeks-charts" },
        view.charts.map((chart, i) => {
          const drawing = h("div", { class: "figure-drawing", "data-content": "html" });
          // Rust drew it (every label escaped there), as course figures are.
          drawing.innerHTML = chart.svg_html;
          return h(
            "figure",
            { class: "figure weeks-chart", id: `weeks-chart-${i}` },
            h("figcaption", { class: "figure-caption" }, h("span", { class: "figure-title", ...DATA }, chart.title), chart.ended ? [" ", h("span", { class: "tag tag-not_started" }, t("weeks.chart-ended"))] : null),
            drawing,
          );
        }),
      )
    : h("p", { id: "weeks-trend-empty" }, t("weeks.trend-empty"));
  return h(
    "section",
    { "aria-labelledby": "weeks-trend-heading", id: "weeks-trend" },
    h("h2", { id: "weeks-trend-heading" }, t("weeks.trend-heading")),
    h("p", {}, t("weeks.trend-intro")),
    charts,
    view.table.rows.length ? table(view) : null,
  );
}

export function myWeeksView(view, actions) {
  return {
    title: t("weeks.title"),
    node: h(
      "div",
      { dataset: { screen: "my-weeks" } },
      screenHeading(t("weeks.title")),
      h(
        "div",
        { class: "panel panel-help" },
        h("p", {}, t("weeks.get-help-line")),
        button("weeks-get-help", t("weeks.get-help"), actions.getHelp, "button button-warning"),
      ),
      h("p", { class: "lead" }, t("weeks.intro")),
      h("p", {}, t("weeks.why")),
      form(view, actions),
      trend(view),
      h(
        "section",
        { "aria-labelledby": "weeks-change-heading", id: "weeks-change" },
        h("h2", { id: "weeks-change-heading" }, t("weeks.change-heading")),
        h("p", {}, t("weeks.change-activities")),
        h("p", {}, t("weeks.change-pain")),
        h("p", {}, t("weeks.change-worse-week")),
        h("p", {}, t("weeks.not-advice")),
      ),
      h(
        "section",
        { "aria-labelledby": "weeks-reminder-heading", id: "weeks-reminder", class: "no-print" },
        h("h2", { id: "weeks-reminder-heading" }, t("weeks.reminder-heading")),
        h("p", {}, t("weeks.reminder-intro")),
        button("weeks-reminder-save", t("weeks.reminder-button"), actions.saveReminder, "button button-secondary"),
      ),
    ),
  };
}

// The answers on screen, as Rust reads them.
export function answersOn(view, replace) {
  const picked = (field) => {
    const checked = document.querySelector(`input[name="${field}"]:checked`);
    return checked ? Number(checked.value) : null;
  };
  const written = (field) => document.getElementById(`${field}-text`)?.value ?? "";
  const f = view.form;
  return {
    week: f.week,
    activities: f.activities.map((q) => ({ activity: q.activity, rating: picked(q.field) })),
    pain: picked(f.pain.field),
    pleased: written(f.pleased.field),
    next: written(f.next.field),
    replace,
  };
}

// Rust's reason shown by its field (or by the week chooser).
export function showFieldError(field, message) {
  for (const el of document.querySelectorAll(".weeks-form .field-error")) el.hidden = true;
  for (const el of document.querySelectorAll(".weeks-form [aria-invalid]")) el.removeAttribute("aria-invalid");
  const box = document.getElementById(`${field}-error`);
  if (!box) return false;
  box.textContent = message;
  box.hidden = false;
  const answer = document.getElementById(`${field}-text`);
  if (answer) answer.setAttribute("aria-invalid", "true");
  for (const radio of document.querySelectorAll(`input[name="${field}"]`)) radio.setAttribute("aria-invalid", "true");
  return true;
}
