// The guide view: a short everyday page, data in, elements out. Its key
// points first, then its text, then the ways on: back to the everyday
// tools, "Get help now", and printing this page on its own.

import { courseHtml, h, screenHeading } from "./dom.js";
import { listenControl } from "./listen.js";
import { t } from "./strings.js";
import { button, DATA, keyPoints } from "./views.js";

export function guideView(view, { goTools, getHelp, print }) {
  return {
    title: view.title,
    node: h(
      "article",
      { dataset: { screen: "guide", guide: view.id } },
      h("p", { class: "caption" }, t("guide.caption")),
      screenHeading(view.title, DATA),
      h("p", { class: "lesson-meta" }, h("span", { class: "lesson-minutes" }, t("lesson.time", { duration: view.minutes_words }))),
      listenControl(view.listen),
      keyPoints(view.key_points_heading, view.key_points),
      courseHtml(view.html, { id: "guide-text" }),
      h(
        "ul",
        { class: "lesson-nav", id: "guide-nav" },
        h("li", {}, button("back-to-tools", t("guide.back"), goTools, "link-button")),
        h("li", {}, button("guide-get-help", t("get-help.lesson-link"), getHelp, "link-button")),
        h("li", {}, button("print-guide", t("guide.print"), print, "link-button")),
      ),
    ),
  };
}
