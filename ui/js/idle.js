// On a shared device: after the set time with no key, click, touch, scroll
// or focus change, the session is cleared for the next person. A warning
// comes first; how long before is Rust's rule (at least 20 seconds to
// answer it, WCAG 2.2.1). After a
// clear, nothing more happens until someone uses the app again, so a screen
// left alone is not redrawn over and over.

const ACTIVITY = ["keydown", "click", "pointerdown", "pointermove", "wheel", "scroll", "touchstart", "focusin"];
// These answer the warning. It goes only once the key or click is done, so
// nothing moves under a pointer mid-press.
const ANSWERS = new Set(["keydown", "click"]);

export function watchIdle(seconds, warningSeconds, { onWarn, onActive, onIdle }) {
  const warnAfter = (seconds - warningSeconds) * 1000;
  let last = Date.now();
  // The activity time a warning on screen was given for, or null.
  let warnedFor = null;
  let armed = true;
  const touch = (event) => {
    last = Date.now();
    armed = true;
    if (warnedFor !== null && ANSWERS.has(event.type)) {
      warnedFor = null;
      window.setTimeout(onActive, 0);
    }
  };
  for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
  const timer = window.setInterval(() => {
    if (!armed) return;
    const idle = Date.now() - last;
    if (idle >= seconds * 1000) {
      armed = false;
      warnedFor = null;
      onIdle();
    } else if (idle >= warnAfter && warnedFor !== last) {
      // A new warning, or a fresh count for one left on screen.
      warnedFor = last;
      onWarn(Math.ceil((seconds * 1000 - idle) / 1000));
    }
  }, 1000);
  return () => {
    window.clearInterval(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
  };
}
