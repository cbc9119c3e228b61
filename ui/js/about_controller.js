// "About and your data": the course in use, how to use the app, the
// disclaimer and references to read again, saving the progress summary, and deleting the learner's
// data after asking.

import { api } from "./api.js";
import { confirmThen } from "./confirm_controller.js";
import { say } from "./messages.js";
import { fail, go, open, register, show } from "./navigation.js";
import { applyPreferences } from "./preferences.js";
import { t } from "./strings.js";
import { aboutView } from "./views.js";

function saveSummary() {
  api.saveProgressSummary()
    .then((path) => say(path ? t("about.summary-saved", { path }) : t("about.summary-cancelled")))
    .catch(fail);
}

function deleteData() {
  confirmThen(
    { name: "confirm-delete", heading: t("confirm.delete-heading"), text: t("confirm.delete-text"), yes: t("confirm.delete-yes") },
    async () => {
      const overview = await api.deleteMyData();
      applyPreferences(overview.preferences);
      await open("disclaimer");
      say(t("confirm.deleted"));
    },
    () => open("about"),
  );
}

async function showAbout(options) {
  show(aboutView(await api.about(), {
    saveSummary,
    deleteData,
    readHelp: () => go("help"),
    readDisclaimer: () => go("disclaimer"),
    readReferences: () => go("references"),
  }), options);
}

register("about", showAbout);
