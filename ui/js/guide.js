// The guide view: a short everyday page, data in, elements out. Its key
// points first, then its text, then the ways on: back to the everyday
// tools, "Get help now", and printing this page on its own; for a page
// with movements, their one-page sheet to print.

import { courseHtml, h, screenHeading } from "./dom.js";
import { listenControl } from "./listen.js";
import { t } from "./strings.js";
import { button, DATA, keyPoints } from "./views.js";

// "Move with me", for a page with movements: after the key points, before
// the text, so it is found without reading the whole page first.
const moveWithMe = (view, start) =>
  view.move_with_me
    ? h(
        "div",
        { class: "panel move-with-me-start no-print" },
        h("p", {}, t("guide.move-with-me-hint")),
        button("open-move-with-me", t("guide.move-with-me"), () => start(view.id), "button"),
      )
    : null;

export function guideView(view, { goTools, getHelp, print, openSheet, moveWithMe: start }) {
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
      moveWithMe(view, start),
      courseHtml(view.html, { id: "guide-text" }),
      h(
        "ul",
        { class: "lesson-nav", id: "guide-nav" },
        h("li", {}, button("back-to-tools", t("guide.back"), goTools, "link-button")),
        h("li", {}, button("guide-get-help", t("get-help.lesson-link"), getHelp, "link-button")),
        h("li", {}, button("print-guide", t("guide.print"), print, "link-button")),
        view.movement_sheet ? h("li", {}, button("open-movement-sheet", t("guide.print-sheet"), () => openSheet(view.id), "link-button")) : null,
      ),
    ),
  };
}

// The guide's movements on one page to print: its key points (the stop
// rules among them), Rust's sheet, a print button and the way back. Its
// print layout (app.css) fits one A4 page.
export function movementSheetView(view, { back, print }) {
  return {
    title: t("sheet.heading"),
    node: h(
      "article",
      { dataset: { screen: "movement-sheet", guide: view.id } },
      screenHeading(t("sheet.heading")),
      h("p", {}, t("sheet.intro", { guide: view.title })),
      keyPoints(view.key_points_heading, view.key_points, "h2"),
      courseHtml(view.movement_sheet, { id: "movement-sheet", class: "course-text movement-sheet" }),
      h("p", { class: "sheet-more" }, t("sheet.more", { guide: view.title })),
      h(
        "ul",
        { class: "lesson-nav no-print", id: "sheet-nav" },
        h("li", {}, button("print-sheet", t("sheet.print"), print, "button")),
        h("li", {}, button("back-to-guide", t("sheet.back", { guide: view.title }), () => back(view.id), "link-button")),
      ),
    ),
  };
}
