// Applies the learner's display choices to the page. The choices, the steps
// and themes there are, and how each is drawn all come from Rust (the
// overview's `display`); this only draws them.

const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
let rules = null;
let current = {};

function themeToDraw(name) {
  const theme = rules?.themes.find((t) => t.name === name) ?? rules?.themes[0];
  if (theme?.draws) return theme.draws;
  return systemDark.matches ? rules?.system_dark : rules?.system_light;
}

// `display`: the rules from the overview, given once the course has loaded.
export function setDisplayRules(display) {
  if (!rules) showWideFigures(display.figure_wide_from);
  rules = display;
}

// A figure shows its wide layout in a column at least this wide (Rust's
// number: a container query takes no variable, so the rule is added to the
// app's stylesheet once, through the CSSOM the CSP allows).
function showWideFigures(from) {
  const sheet = [...document.styleSheets].find((s) => s.href?.endsWith("/css/app.css"));
  if (!sheet || !from) return;
  sheet.insertRule(`@container (min-width: ${from}) { .figure-narrow { display: none; } .figure-wide { display: block; } }`, sheet.cssRules.length);
}

export function displayRules() {
  return rules;
}

export function applyPreferences(next) {
  current = { ...current, ...next };
  if (!rules) return;
  const root = document.documentElement;
  root.style.fontSize = rules.text_sizes[current.text_size] ?? rules.text_sizes[0];
  root.dataset.theme = themeToDraw(current.theme);
}

export function preferences() {
  return current;
}

// "Same as this computer" follows the system when it changes, too.
systemDark.addEventListener("change", () => applyPreferences({}));
