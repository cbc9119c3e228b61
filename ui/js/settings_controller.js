// "Text and colours": each choice sent to Rust, drawn at once from what
// Rust kept, and confirmed in words.

import { api } from "./api.js";
import { reportSave, say } from "./messages.js";
import { fail, register, show } from "./navigation.js";
import { applyPreferences, displayRules, preferences } from "./preferences.js";
import { voiceInfo } from "./listen.js";
import { t } from "./strings.js";
import * as views from "./views.js";

// A display choice: Rust keeps it and returns the preferences to draw.
export function choose(setter, message) {
  return (value, label) =>
    setter(value)
      .then((result) => {
        applyPreferences(result);
        reportSave(result);
        say(message(label));
      })
      .catch(fail);
}

async function showSettings() {
  show(views.settingsView(preferences(), displayRules(), voiceInfo(), {
    chooseTextSize: choose(api.setTextSize, (label) => t("settings.size-saved", { label })),
    chooseTheme: choose(api.setTheme, (label) => t("settings.theme-saved", { label })),
  }));
}

register("settings", showSettings);
