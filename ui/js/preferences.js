// Applies the learner's display choices to the page. The choices themselves
// are kept by Rust; this only draws them.

// Text size steps: the standard 18px, then in even steps up to twice that.
const TEXT_SIZES = ["112.5%", "140.625%", "168.75%", "196.875%", "225%"];

const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
let current = { text_size: 0, theme: "system" };

function themeToDraw(theme) {
  if (theme === "system") return systemDark.matches ? "dark" : "light";
  return theme === "high_contrast" ? "high-contrast" : theme;
}

export function applyPreferences(next) {
  current = { ...current, ...next };
  const root = document.documentElement;
  root.style.fontSize = TEXT_SIZES[current.text_size] ?? TEXT_SIZES[0];
  root.dataset.theme = themeToDraw(current.theme);
}

export function preferences() {
  return current;
}

// "Same as this computer" follows the system when it changes, too.
systemDark.addEventListener("change", () => applyPreferences({}));
