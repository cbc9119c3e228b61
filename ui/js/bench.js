// Benchmark hooks for scripts/bench. Rust sets window.__BACK_PAIN_COURSE_BENCH__
// only when BACK_PAIN_COURSE_BENCH is in its environment; otherwise every
// function here returns at once and the app behaves exactly as shipped.
//
// "ready": report the first screen once it is painted with its data.
// "timings": also open the longest lesson 100 times through its real button
// and time click -> DOM replaced -> next frame painted, and the command
// round trip alone; the same for "Starting to move" and for each step of
// "Move with me" after its key press; Rust prints the figures, times store
// writes and quits.

import { api } from "./api.js";

const OPENS = 100;
// The display's frame at 60 Hz, to count frames between two timestamps.
const FRAME_MS = 1000 / 60;
const mode = window.__BACK_PAIN_COURSE_BENCH__;
const screen = document.getElementById("screen");
// Modules run in import order, so this is about when app.js starts: every
// module has been fetched and parsed.
const scriptStart = performance.now();

// Where the page's start-up goes: each api call before the first screen, as
// "name@start+duration" on the page's clock. app.js looks each call up on the
// api object, so wrapping them here sees every call it makes.
const steps = [];
if (mode) {
  for (const [name, call] of Object.entries(api)) {
    api[name] = async (...args) => {
      const start = performance.now();
      try {
        return await call(...args);
      } finally {
        steps.push(`${name}@${Math.round(start)}+${Math.round(performance.now() - start)}`);
      }
    };
  }
}

// rAF callbacks run just before a frame is drawn; a task queued from one runs
// after that frame, so resolving there means the new screen has been painted.
// Resolves with the time the frame began, the time it was done, and the
// frame's own timestamp (the same for every callback of one frame).
const nextPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame((stamp) => {
      const frame = performance.now();
      setTimeout(() => resolve({ frame, painted: performance.now(), stamp }), 0);
    }));

const current = () => screen.firstElementChild?.dataset.screen;

// Resolves as soon as the app has put screen `name` into the page.
function screenShown(name) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (current() !== name) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(screen, { childList: true });
  });
}

async function clickAndWait(element, name) {
  const shown = screenShown(name);
  // The first frame after the click, to tell whether it is the one that
  // paints the new screen or the screen waited for a later one.
  const firstFrame = new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  element.click();
  await shown;
  const dom = performance.now();
  // Style and layout now, so the frame below holds only the wait for the
  // display's next refresh and the painting itself.
  screen.getBoundingClientRect();
  const layout = performance.now();
  const { frame, painted, stamp } = await nextPaint();
  const first = await firstFrame;
  // Frames between the first after the click and the one that painted.
  const late = Math.max(0, Math.round((stamp - first) / FRAME_MS));
  return { dom: dom - start, layout: layout - start, frame: frame - start, paint: painted - start, late };
}

// Resolves at the first change anywhere in the screen: a new step, or the
// count's words.
function screenChanged() {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(screen, { childList: true, subtree: true, characterData: true });
  });
}

// As clickAndWait, for an act that changes the screen in place or anew.
async function actAndWait(act) {
  const changed = screenChanged();
  const firstFrame = new Promise((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  act();
  await changed;
  screen.getBoundingClientRect();
  const { painted, stamp } = await nextPaint();
  const first = await firstFrame;
  return { paint: painted - start, late: Math.max(0, Math.round((stamp - first) / FRAME_MS)) };
}

// A key pressed where focus is, as the keyboard sends it.
const press = (key) => document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));

// "Move with me": Space on the first step (a new step: the first
// movement), then OPENS times round: Space to count one, "Next movement"
// (Enter on it is its click), Space to count one, "Previous movement";
// each count taken off again, untimed, so every round counts from none.
async function timeMoveWithMe(series) {
  await clickAndWait(document.getElementById("open-move-with-me"), "move-with-me");
  const record = (kind, t) => {
    series[`${kind}_to_paint`].push(t.paint);
    series[`${kind}_frames_late`].push(t.late);
  };
  record("move_step_new", await actAndWait(() => press(" ")));
  const count = async () => {
    record("move_step_count", await actAndWait(() => press(" ")));
    document.getElementById("move-take-one-off").click();
  };
  for (let i = 0; i < OPENS; i += 1) {
    await count();
    record("move_step_new", await actAndWait(() => document.getElementById("move-next").click()));
    await count();
    record("move_step_new", await actAndWait(() => document.getElementById("move-previous").click()));
  }
}

// "My weeks" with two years of check-ins (104 weeks back from this one,
// two activities rated, pain and both prompts), saved through the real
// command first: then opened OPENS times from the everyday tools. The
// store writes Rust times afterwards save that whole record.
async function timeMyWeeks(series) {
  for (const text of ["Gardening", "Walking to the shop"]) await api.changePlan("activities", null, text);
  const monday = (await api.myWeeks(null)).form.week;
  const start = new Date(`${monday}T12:00:00Z`);
  for (let n = 0; n < 104; n += 1) {
    const week = new Date(start.getTime() - n * 7 * 86400000).toISOString().slice(0, 10);
    await api.saveCheckIn({
      week,
      activities: [
        { activity: "Gardening", rating: n % 11 },
        { activity: "Walking to the shop", rating: (n + 5) % 11 },
      ],
      pain: n % 7,
      pleased: `Week ${n}: walked to the shop and back`,
      next: "Garden for twenty minutes on Saturday",
      replace: false,
    });
  }
  const open = () => document.getElementById("open-tool-my-weeks");
  await clickAndWait(document.getElementById("nav-tools"), "tools");
  await clickAndWait(open(), "my-weeks");
  for (let i = 0; i < OPENS; i += 1) {
    await clickAndWait(document.getElementById("nav-tools"), "tools");
    const t = await clickAndWait(open(), "my-weeks");
    series.open_my_weeks_click_to_paint.push(t.paint);
    series.open_my_weeks_frames_late.push(t.late);
  }
}

async function timeLessonOpens() {
  await api.acceptDisclaimer();
  await clickAndWait(document.getElementById("nav-home"), "home");
  const overview = await api.overview();
  const longest = overview.lessons.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  const open = () => document.getElementById(`open-lesson-${longest.id}`);
  // The first open records the lesson as started (a store write); the rest
  // change nothing, as when a learner rereads a lesson.
  await clickAndWait(open(), "lesson");
  const series = {
    open_lesson_click_to_dom: [],
    open_lesson_click_to_layout: [],
    open_lesson_click_to_frame: [],
    open_lesson_click_to_paint: [],
    open_lesson_frames_late: [],
    open_lesson_round_trip: [],
    open_movements_click_to_paint: [],
    open_movements_frames_late: [],
    move_step_new_to_paint: [],
    move_step_new_frames_late: [],
    move_step_count_to_paint: [],
    move_step_count_frames_late: [],
    open_my_weeks_click_to_paint: [],
    open_my_weeks_frames_late: [],
    frame_interval: [],
  };
  for (let i = 0; i < OPENS; i += 1) {
    await clickAndWait(document.getElementById("back-home"), "home");
    const t = await clickAndWait(open(), "lesson");
    series.open_lesson_click_to_dom.push(t.dom);
    series.open_lesson_click_to_layout.push(t.layout);
    series.open_lesson_click_to_frame.push(t.frame);
    series.open_lesson_click_to_paint.push(t.paint);
    series.open_lesson_frames_late.push(t.late);
  }
  // "Starting to move", with its six movement pictures, from the everyday
  // tools (the first open keeps it as read; the rest change nothing).
  await clickAndWait(document.getElementById("nav-tools"), "tools");
  const moving = () => document.getElementById("open-tool-moving");
  await clickAndWait(moving(), "guide");
  for (let i = 0; i < OPENS; i += 1) {
    await clickAndWait(document.getElementById("back-to-tools"), "tools");
    const t = await clickAndWait(moving(), "guide");
    series.open_movements_click_to_paint.push(t.paint);
    series.open_movements_frames_late.push(t.late);
  }
  await timeMoveWithMe(series);
  await timeMyWeeks(series);
  for (let i = 0; i < OPENS; i += 1) {
    const start = performance.now();
    await api.openLesson(longest.id);
    series.open_lesson_round_trip.push(performance.now() - start);
  }
  // The display's pace with nothing to draw: from just after one frame to
  // just after the next. A click lands anywhere in such an interval, so any
  // "painted" time includes a wait of up to one of these.
  for (let i = 0; i < OPENS; i += 1) {
    const start = performance.now();
    const { painted } = await nextPaint();
    series.frame_interval.push(painted - start);
  }
  return { kind: "timings", lesson: longest.id, series };
}

// Called by app.js once its first screen is in the page.
export async function afterFirstScreen() {
  if (mode !== "ready" && mode !== "timings") return;
  steps.push(`shown@${Math.round(performance.now())}`);
  const { frame } = await nextPaint();
  steps.push(`frame@${Math.round(frame)}`);
  await api.benchReport({
    kind: "ready",
    screen: current() ?? "none",
    page_ms: performance.now(),
    script_ms: scriptStart,
    steps: steps.join(","),
  });
  if (mode === "timings") await api.benchReport(await timeLessonOpens());
}
