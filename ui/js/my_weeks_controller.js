// "My weeks": opens a week's check-in, saves it (asking first before a
// week's earlier check-in is changed, where the form did not already say
// so), shows Rust's reason by its field, and saves the calendar reminder
// through the system's own dialog.

import { api } from "./api.js";
import { confirmThen } from "./confirm_controller.js";
import { reportSave, say, warn } from "./messages.js";
import { answersOn, myWeeksView, showFieldError } from "./my_weeks.js";
import { beforeLeaving, fail, go, register, show } from "./navigation.js";
import { t } from "./strings.js";

// The view on screen, to read the answers against.
let current = null;
let saving = false;
// Each request's number: an answer that comes back after the learner has
// gone to another screen, or asked for another week, is not drawn.
let latest = 0;
beforeLeaving(() => {
  latest += 1;
});
const stillWanted = (ticket) => ticket === latest;

// Shown again after a save, focus back on Save, where the learner was.
function redraw(view) {
  current = view;
  show(myWeeksView(view, actions));
  const target = document.getElementById("weeks-save");
  target?.focus({ preventScroll: true });
  target?.scrollIntoView({ block: "center" });
}

const refused = (error) => {
  if (error?.kind === "invalid_check_in" && error.field && showFieldError(error.field, error.message)) {
    const group = document.getElementById(`${error.field}-group`);
    // Focus on the question: its chosen answer, or its first.
    const target = group
      ? (group.querySelector("input:checked") ?? group.querySelector("input"))
      : (document.getElementById(`${error.field}-text`) ?? document.querySelector("#weeks-chooser summary"));
    target?.focus();
    return warn(error.message);
  }
  if (error?.kind === "invalid_check_in" || error?.kind === "check_ins_full") {
    showFieldError("week", error.message);
    return warn(error.message);
  }
  return fail(error);
};

// Drawn again, then told: a save that could not be written says so (the
// redraw would clear a warning given before it).
function saved(view) {
  redraw(view);
  reportSave(view);
  if (view.save_error) return;
  say(view.session_only ? t("weeks.kept-this-session") : t("weeks.saved", { week: view.form.week_words }));
}

// One save at a time (a double click saves once); its answer drawn only if
// the learner is still here.
function send(answers) {
  if (saving) return Promise.resolve();
  saving = true;
  const ticket = latest;
  return api
    .saveCheckIn(answers)
    .then((view) => {
      if (stillWanted(ticket)) saved(view);
    })
    .finally(() => {
      saving = false;
    });
}

const actions = {
  getHelp: () => go("get-help"),
  openPlan: () => go("plan"),
  openWeek: (week) => showMyWeeks(week),
  clear(field) {
    for (const radio of document.querySelectorAll(`input[name="${field}"]`)) radio.checked = false;
    document.getElementById(`${field}-0`)?.focus();
  },
  save() {
    // A form showing a week's check-in has said that saving changes it.
    const answers = answersOn(current, current.form.kept);
    send(answers).catch((error) => {
      if (error?.kind !== "check_in_kept") return refused(error);
      // Kept meanwhile (in another window): asked before it is changed.
      const week = current.form.week;
      confirmThen(
        { name: "change-check-in", heading: t("weeks.title"), text: t("weeks.confirm-change", { week: current.form.week_words }), yes: t("weeks.confirm-yes") },
        // Refused even so: the week again, with why.
        () => send({ ...answers, replace: true }).catch((again) => showMyWeeks(week).then(() => refused(again))),
        () => showMyWeeks(week),
      );
    });
  },
  saveReminder() {
    api
      .saveWeeklyReminder()
      .then((path) => {
        if (path) say(t("weeks.reminder-saved", { path }));
      })
      .catch(fail);
  },
};

async function showMyWeeks(week = null) {
  latest += 1;
  const ticket = latest;
  const view = await api.myWeeks(week);
  if (!stillWanted(ticket)) return;
  current = view;
  show(myWeeksView(view, actions));
}

register("my-weeks", showMyWeeks);

// Printed, the table shows every check-in (a closed <details> would not).
window.addEventListener("beforeprint", () => document.getElementById("weeks-numbers")?.setAttribute("open", ""));
