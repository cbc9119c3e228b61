// "Listen": reading stops when its screen goes, and the voice is looked for
// only once the first screen is painted: the voices are not needed to draw
// it, and asking the webview for them first starts its speech engine, which
// would hold that first frame back (docs/benchmarks.md).

import { api } from "./api.js";
import { afterNextPaint } from "./dom.js";
import { findVoice, stopReading, voiceInfo } from "./listen.js";
import { warn } from "./messages.js";
import { beforeLeaving } from "./navigation.js";
import { choose } from "./settings_controller.js";
import { t } from "./strings.js";
import { readingAloudText } from "./views.js";

beforeLeaving(stopReading);

export async function lookForVoiceAfterFirstPaint() {
  await afterNextPaint();
  await findVoice({
    failed: warn,
    chooseSpeed: choose(api.setReadingSpeed, (label) => t("listen.speed-saved", { label })),
    // "Text and colours" may be on screen, saying it is still looking.
    voiceKnown: () => document.getElementById("listen-offered")?.replaceChildren(readingAloudText(voiceInfo())),
  }).catch(() => {});
}
