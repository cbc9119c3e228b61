// "Move with me" on screen. The session (which step, each movement's count)
// lives only here, in memory, and ends when its screen goes: another
// screen, the shared device's idle clear or "Start over", or the window
// closing. Space or Enter does the step's main action and Escape stops;
// each new step takes focus and is announced politely. What is kept, and
// what goes in My plan, is Rust's.

import { api } from "./api.js";
import { isReading, toggleReading } from "./listen.js";
import { announce, reportSave, say, warn } from "./messages.js";
import { beforeLeaving, fail, go, register, show } from "./navigation.js";
import { doneToday, moveEndView, moveIntroView, moveStepView, planBox } from "./move_with_me.js";
import { t } from "./strings.js";

// { view, step: "intro" | a movement's index | "end", counts: [] }, or null.
let session = null;
// True while the session draws its own next step, which is no leaving.
let stepping = false;

beforeLeaving(() => {
  if (!stepping) session = null;
});

// Shows a step of the session: focus at its top (navigation's rule), then
// its announcement, for a screen reader; a reading under way carries on
// with the new step.
function draw(screenView, announcement) {
  const carryOn = isReading();
  stepping = true;
  try {
    show(screenView);
  } finally {
    stepping = false;
  }
  if (announcement) announce(announcement);
  if (carryOn) toggleReading();
}

const mostCount = () => session.view.counts.length - 1;

// Whether `mine`, a session at step `at` when a call to Rust began, is
// still on screen there: an answer that comes after the learner moved on
// is not drawn (or acted on) over what they moved to.
const stillAt = (mine, at) => session === mine && session.step === at;

function showIntro() {
  session.step = "intro";
  draw(moveIntroView(session.view, actions));
}

function showStep(index) {
  const { view } = session;
  if (index < 0) return showIntro();
  if (index >= view.movements.length) return showEnd();
  session.step = index;
  draw(moveStepView(view, index, session.counts[index], actions), view.movements[index].announce);
}

// The end, with the learner's day as Rust has it now (a session can run
// past midnight).
async function showEnd() {
  const mine = session;
  const { step } = mine;
  const fresh = await api.moveWithMe(mine.view.guide.id);
  if (!stillAt(mine, step)) return;
  mine.view.today = fresh.today;
  mine.step = "end";
  draw(moveEndView(mine.view, mine.counts, actions), t("move.end-heading"));
}

// One more, or one fewer, at the learner's pace: the count's words and its
// buttons change in place, so focus stays where it is (from a button that
// can no longer be pressed it moves on: to "Next movement" at the most, to
// "Count one" at none). At the most, nothing more is counted and the count
// is said again.
function recount(by) {
  const { view, counts, step } = session;
  const count = Math.min(mostCount(), Math.max(0, counts[step] + by));
  counts[step] = count;
  document.getElementById("move-count").textContent = view.counts[count];
  const more = document.getElementById("move-count-one");
  const fewer = document.getElementById("move-take-one-off");
  const leaving = document.activeElement;
  more.disabled = count >= mostCount();
  fewer.hidden = count === 0;
  if (leaving === more && more.disabled) document.getElementById("move-next")?.focus();
  if (leaving === fewer && fewer.hidden) more.focus();
  announce(view.counts[count]);
}

async function choose(step, chosen) {
  const mine = session;
  const at = mine.step;
  const plan = reportSave(await api.chooseMovement(step.id, chosen));
  mine.view.in_plan = plan.in_plan;
  if (!stillAt(mine, at)) return;
  document.getElementById("move-plan")?.replaceWith(planBox(mine.view, step, actions));
  document.getElementById(chosen ? "move-take-out-of-plan" : "move-add-to-plan")?.focus();
  say(chosen ? t("move.added-to-plan", { title: step.title }) : t("move.taken-out-of-plan", { title: step.title }));
}

// Rust's reasons for not keeping them, shown by the boxes and said.
const REFUSALS = new Set(["no_movements_chosen", "unknown_movement", "movement_days_full"]);

async function save(ids) {
  const mine = session;
  try {
    const today = reportSave(await api.keepMovementsDone(ids));
    if (!stillAt(mine, "end")) return;
    mine.view.today = today;
    document.getElementById("move-done-today")?.replaceWith(doneToday(today));
    document.getElementById("move-save-error").hidden = true;
    // In a window that may write nothing (the course is open in another),
    // the day is kept for now only, and the learner is told so.
    say(today.session_only ? t("plan.kept-this-session") : today.saved_words);
  } catch (err) {
    if (!REFUSALS.has(err?.kind)) return fail(err);
    if (!stillAt(mine, "end")) return;
    const error = document.getElementById("move-save-error");
    error.textContent = err.message;
    error.hidden = false;
    warn(err.message);
  }
}

const backToGuide = () => go("guide", session.view.guide.id);

const actions = {
  start: () => showStep(0),
  back: backToGuide,
  stop: backToGuide,
  next: () => Promise.resolve(showStep(session.step + 1)).catch(fail),
  previous: () => showStep(session.step - 1),
  countOne: () => recount(1),
  takeOneOff: () => recount(-1),
  choose: (step, chosen) => choose(step, chosen).catch(fail),
  save,
  goPlan: () => go("plan"),
  getHelp: () => go("get-help"),
  again() {
    session.counts.fill(0);
    showIntro();
  },
};

// Keys pressed on a control do what that control does; elsewhere on the
// screen Space or Enter does the step's main action.
const CONTROLS = "button, a, input, select, textarea, summary, label";

document.addEventListener("keydown", (event) => {
  if (!session || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (!document.querySelector('[data-screen="move-with-me"]')) return;
  const onControl = event.target.closest?.(CONTROLS);
  if (event.key === "Escape" && !event.target.closest?.("input, select, textarea")) {
    event.preventDefault();
    actions.stop();
    return;
  }
  if ((event.key !== " " && event.key !== "Enter") || onControl || event.repeat) return;
  const { step } = session;
  const main = step === "intro" ? actions.start : typeof step === "number" ? actions.countOne : null;
  if (!main) return;
  // Space would scroll the page.
  event.preventDefault();
  main();
});

// Opened anew each time: a session left is gone. An answer that comes
// after the learner went elsewhere draws nothing.
let opening = 0;
beforeLeaving(() => {
  if (!stepping) opening += 1;
});

async function open(guide) {
  const mine = ++opening;
  const view = await api.moveWithMe(guide);
  if (mine !== opening) return;
  session = { view, step: "intro", counts: view.movements.map(() => 0) };
  showIntro();
}

register("move-with-me", open);
