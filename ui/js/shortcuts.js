// Keyboard shortcuts, listed on the help screen. Each uses Alt or a function
// key, so none fires while someone types or uses a screen reader's own
// single-letter keys (WCAG 2.1.4).

export function installShortcuts({ nextLesson, previousLesson, home, help, listen }) {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    let action = null;
    if (event.key === "F1" && !event.altKey && !event.shiftKey) action = help;
    else if (event.altKey && !event.shiftKey) {
      if (event.key === "ArrowRight") action = nextLesson;
      else if (event.key === "ArrowLeft") action = previousLesson;
      else if (isLetter(event, "h")) action = home;
      else if (isLetter(event, "l")) action = listen;
    }
    if (!action) return;
    event.preventDefault();
    action();
  });
}

// The letter `letter` with Alt held. On macOS Option turns H into "˙" and L
// into "¬", so the key's place (`event.code`) counts when what it typed is
// no plain letter; a layout that puts another letter there (Dvorak's D)
// still means that letter.
function isLetter(event, letter) {
  if (event.key.toLowerCase() === letter) return true;
  return event.code === `Key${letter.toUpperCase()}` && !/^[a-z]$/i.test(event.key);
}
