// Links in course text: a `#…` link opens one of the screens Rust lets
// course text name, a heading on the page, or a numbered source on the
// references screen; any other link opens in the system browser through
// Rust's check. The window itself never leaves the app.

import { api } from "./api.js";
import { lessonOnScreen } from "./lesson_controller.js";
import { say } from "./messages.js";
import { fail, go, isScreen } from "./navigation.js";
import { t } from "./strings.js";

// The screens a `#…` link in course text may open (Rust's list, sent at
// start-up).
let screenAnchors = [];
// What a link to a guide starts with after its `#` (Rust's, sent at
// start-up): `#guide/sleep` opens the guide "sleep".
let guidePrefix = null;

export function setScreenAnchors(anchors, guideLinkPrefix) {
  screenAnchors = anchors ?? [];
  guidePrefix = guideLinkPrefix ?? null;
}

function followInPage(id) {
  if (screenAnchors.includes(id) && isScreen(id)) return go(id);
  if (guidePrefix && id.startsWith(guidePrefix)) return go("guide", id.slice(guidePrefix.length));
  const target = document.getElementById(id);
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  } else if (id.startsWith("ref-")) {
    // A numbered source marker: its entry is on the references screen.
    go("references", { from: lessonOnScreen(), entry: id });
  }
}

document.getElementById("screen").addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute("href");
  if (href.startsWith("#")) return followInPage(href.slice(1));
  api.openLink(link.href).then(() => say(t("error.link-opened"))).catch(fail);
});
