// A small helper for building elements without string concatenation, so no
// interface text is ever parsed as HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// The id every screen's <h1> has, from Rust with the start-up data: "Listen"
// lights the heading up by it.
let headingId = "";
export function setScreenHeadingId(id) {
  headingId = id;
}
export const screenHeadingId = () => headingId;

// A screen's <h1>, which takes focus when the screen is shown.
export const screenHeading = (text, attrs = {}) => h("h1", { id: headingId, tabindex: "-1", ...attrs }, text);

// Course text rendered by Rust (comrak, raw HTML off) is the only HTML the
// app inserts. Marked as course content, not interface words.
export function courseHtml(html, attrs = {}) {
  const el = h("div", { class: "course-text", "data-content": "html", ...attrs });
  el.innerHTML = html;
  return el;
}

// Resolves once the next frame has been painted: a callback queued from
// requestAnimationFrame runs just before the frame is drawn, and a task
// queued from there runs after it. A window that is hidden or minimised
// draws no frames, so it also resolves after half a second.
export const afterNextPaint = () =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
