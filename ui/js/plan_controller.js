// "My plan": each change sent to Rust as it is made, the plan redrawn in
// place after a list changes, and Rust's reason shown by the field it is
// about.

import { api } from "./api.js";
import { reportSave, say, warn } from "./messages.js";
import { beforeLeaving, fail, go, mount, register, show } from "./navigation.js";
import { entryEditor, planView, refreshStatus, savePendingNow, showFieldError } from "./plan.js";
import { t } from "./strings.js";

// What was being typed is saved before its screen goes, and when the
// window closes.
beforeLeaving(savePendingNow);
window.addEventListener("pagehide", savePendingNow);

// The plan on screen, to redraw after a list changes.
let currentPlan = null;
// A list change on its way to Rust.
let planBusy = false;

// What to say once a change is made: "Saved.", unless this window may
// write nothing (the course is open in another window).
const savedOrNot = (view) => (view.session_only ? t("plan.kept-this-session") : t("plan.saved"));

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

const listOf = (view, list) => view.steps.find((s) => s.list?.name === list).list.entries;

// One list change at a time: a double click must not remove two entries
// (Rust also refuses a removal of an entry that is no longer as shown).
function oneAtATime(change) {
  if (planBusy) return null;
  planBusy = true;
  return change().finally(() => {
    planBusy = false;
  });
}

const planActions = {
  print: () => window.print(),
  goHome: () => go("home"),
  openGuide: (id) => go("guide", id),
  getHelp: () => go("get-help"),
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
    oneAtATime(() => api.changePlan(list, null, text))
      ?.then((view) => {
        reportSave(view);
        redrawPlan(view, `plan-add-${list}`);
        const entries = listOf(view, list);
        say(t("plan.added", { text: entries[entries.length - 1] }));
      })
      .catch(planFailed(fromId.startsWith("plan-add-") ? fromId : `plan-add-${list}`));
  },
  remove(list, index, text) {
    oneAtATime(() => api.changePlan(list, index, null, text))
      ?.then((view) => {
        reportSave(view);
        const left = listOf(view, list).length;
        redrawPlan(view, left > index ? `plan-change-${list}-${index}` : `plan-add-${list}`);
        say(t("plan.removed", { text }));
      })
      .catch(planFailed(`plan-add-${list}`));
  },
  takeOut(movement, index) {
    oneAtATime(() => api.chooseMovement(movement.id, false))
      ?.then((view) => {
        reportSave(view);
        const left = view.in_plan.length;
        redrawPlan(view, left > index ? `plan-take-out-${index}` : "plan-movements-heading");
        say(t("move.taken-out-of-plan", { title: movement.title }));
      })
      .catch(fail);
  },
  startEdit(list, index) {
    const entry = listOf(currentPlan, list)[index];
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

register("plan", showPlan);
