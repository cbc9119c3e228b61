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
      else if (event.key === "h" || event.key === "H") action = home;
      else if (event.key === "l" || event.key === "L") action = listen;
    }
    if (!action) return;
    event.preventDefault();
    action();
  });
}
