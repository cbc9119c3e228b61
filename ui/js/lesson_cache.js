// The lesson and guide views Rust last returned, by id, so a lesson or a
// guide opened again can be drawn in the click's own task, with no frame
// spent waiting for the round trip (docs/benchmarks.md). Rust is still asked each time and
// has the last word. The rule for when they are dropped is Rust's: any call
// not on its read-only list (command_names.rs READ_ONLY, sent with the
// start-up data) may change the record, so they are forgotten as it is
// made, and a view that comes back after such a call is not kept: it may be
// from before it.

const kept = new Map();
let changes = 0;
// Until Rust's list comes, every call but the one that brings it counts as
// a change.
let readOnly = new Set(["get_start"]);
// Opening a lesson or a guide changes only its own view, which comes back
// with it: each call's view, by the kind of screen it is for.
const KEEPS = new Map([
  ["open_lesson", "lesson"],
  ["complete_lesson", "lesson"],
  ["open_guide", "guide"],
]);
const OPENS = new Set(["open_lesson", "open_guide"]);

// Before `command` is sent: forgets what it may change. Returns the count
// to hand to `afterCall`.
export function beforeCall(command) {
  if (!readOnly.has(command) && !OPENS.has(command)) {
    kept.clear();
    changes += 1;
  }
  return changes;
}

// After `command` came back with `result`: learns Rust's read-only list
// from the start-up data, and keeps a lesson view if nothing changed while
// it was on its way.
export function afterCall(command, result, before) {
  if (command === "get_start" && Array.isArray(result?.read_only_commands)) {
    readOnly = new Set(result.read_only_commands);
  }
  if (KEEPS.has(command) && changes === before) {
    // A save error belongs to the call that met it, not to the view.
    const { save_error: _, ...view } = result;
    kept.set(`${KEEPS.get(command)}/${view.id}`, view);
  }
}

// The view Rust last returned for this lesson or guide, if nothing since
// may have changed it; else undefined.
export const keptLesson = (id) => kept.get(`lesson/${id}`);
export const keptGuide = (id) => kept.get(`guide/${id}`);

// Whether Rust's answer shows the same as the view kept.
export const sameView = (kept, { save_error: _, ...view }) => JSON.stringify(kept) === JSON.stringify(view);

// Counts the calls that may have changed the record, so a reply can be
// told apart from one that came back after such a change.
export const changesMade = () => changes;
