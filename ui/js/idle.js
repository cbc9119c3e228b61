// On a shared device: after the set time with no key, click, touch or
// scroll, the session is cleared for the next person.

const ACTIVITY = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "touchstart"];

export function watchIdle(seconds, onIdle) {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
  const timer = window.setInterval(() => {
    if (Date.now() - last >= seconds * 1000) {
      touch();
      onIdle();
    }
  }, 1000);
  return () => {
    window.clearInterval(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
  };
}
