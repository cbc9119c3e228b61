// rAF callbacks run just before a frame is drawn; a task queued from one runs
// after it, so the command is called once the page has been painted (the
// same moment the app reports its first screen).
const scriptMs = performance.now();
requestAnimationFrame(() =>
  setTimeout(() => window.__TAURI__.core.invoke("bench_ready", { pageMs: performance.now(), scriptMs }), 0));
