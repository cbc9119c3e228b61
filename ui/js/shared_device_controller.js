// A shared device (a clinic's waiting room): "Start over" after asking,
// and the idle clear with its warning first; both leave the disclaimer for
// the next person.

import { api } from "./api.js";
import { confirmThen } from "./confirm_controller.js";
import { watchIdle } from "./idle.js";
import { alertWith, reportSave, say } from "./messages.js";
import { fail, open } from "./navigation.js";
import { t } from "./strings.js";
import { idleWarningView } from "./views.js";

let stopIdleWatch = null;

async function clearForNextPerson(message) {
  reportSave(await api.startOver());
  await open("disclaimer");
  say(message);
}

function startOverAsked() {
  confirmThen(
    { name: "confirm-start-over", heading: t("confirm.start-over-heading"), text: t("confirm.start-over-text"), yes: t("confirm.start-over-yes") },
    () => clearForNextPerson(t("confirm.started-over")),
    () => open("home"),
  );
}

document.getElementById("start-over").addEventListener("click", startOverAsked);

// Set up for the course's settings: on a shared device, the Start over
// button and the idle watch; else neither.
export function watchForSharedDevice(overview) {
  const shared = overview.idle_timeout_seconds;
  document.getElementById("shared-device").hidden = !shared;
  stopIdleWatch?.();
  stopIdleWatch = shared
    ? watchIdle(shared, overview.idle_warning_seconds, {
        onWarn: (left) => alertWith(idleWarningView(left)),
        onActive: () => document.getElementById("idle-warning")?.remove(),
        onIdle: () => clearForNextPerson(t("confirm.idle-cleared", { duration: overview.idle_timeout_words })).catch(fail),
      })
    : null;
}
