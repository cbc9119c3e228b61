// "Listen": reads a screen aloud with the webview's own speech, part by
// part, lighting up the part being read. What is read, its parts and its
// sections come from Rust (each screen's `listen` view); so does the choice
// of voice (`choose_voice`) and the rate of each speed. Nothing here goes
// over the network: Rust allows only voices that speak on this computer.

import { api } from "./api.js";
import { h } from "./dom.js";
import { displayRules, preferences } from "./preferences.js";
import { t } from "./strings.js";

const synth = window.speechSynthesis;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

// "checking" until the voices are known, then "ready" or "none".
let voiceState = "checking";
let voice = null;
// The reading in progress: { id, view, index, paused }, or null.
let reading = null;
let nextId = 1;
// What app.js does: show a message when reading could not go on, save a
// speed the learner chose, and tell the page the voice is known.
let handlers = { failed: () => {}, chooseSpeed: () => {}, voiceKnown: () => {} };

const control = () => document.getElementById("listen");

// The computer's voices, as the webview lists them once it has them (some
// fill the list a moment after start-up).
function offeredVoices() {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener("voiceschanged", done, { once: true });
    setTimeout(done, 2000);
  });
}

// Asks Rust which voice may read; shows the control once one may.
export async function findVoice(given) {
  handlers = given;
  if (!synth) {
    voiceState = "none";
    handlers.voiceKnown();
    return;
  }
  const voices = await offeredVoices();
  const offered = voices.map((v) => ({ name: v.name, lang: v.lang, local_service: v.localService, default: v.default }));
  const choice = await api.chooseVoice(offered).catch(() => ({ voice: null }));
  voice = voices.find((v) => v.name === choice.voice) ?? null;
  voiceState = voice ? "ready" : "none";
  const shown = control();
  if (shown) shown.hidden = !voice;
  handlers.voiceKnown();
}

// For the display settings screen: whether Listen is offered, and why not.
export function voiceInfo() {
  return { state: voiceState, name: voice?.name ?? null };
}

// The button and "Reading: …" line, as the reading now stands.
function showState() {
  const status = document.getElementById("listen-status");
  const play = document.getElementById("listen-play");
  const stop = document.getElementById("listen-stop");
  if (!status || !play || !stop) return;
  // Focus never goes down with what is hidden (Stop once reading ends, the
  // choices while it reads): it moves to the one button that stays.
  const hiding = reading ? control().querySelector(".listen-options") : stop;
  if (hiding.contains(document.activeElement)) play.focus();
  const section = reading ? reading.view.sections[reading.view.parts[reading.index].section].title : "";
  status.textContent = !reading ? "" : reading.paused ? t("listen.paused", { section }) : t("listen.reading", { section });
  play.textContent = !reading ? t("listen.play") : reading.paused ? t("listen.resume") : t("listen.pause");
  stop.hidden = !reading;
  control().toggleAttribute("data-reading", Boolean(reading));
}

function light(target) {
  for (const el of document.querySelectorAll(".listen-current")) el.classList.remove("listen-current");
  const el = target && document.getElementById(target);
  if (!el) return;
  el.classList.add("listen-current");
  el.scrollIntoView({ block: "center", behavior: reducedMotion.matches ? "auto" : "smooth" });
}

function rate() {
  const speed = displayRules()?.reading_speeds.find((s) => s.name === preferences().reading_speed);
  return speed?.rate ?? 1;
}

// Says part `index` of the reading `id`, then the next, to the end.
function say(id, index) {
  if (reading?.id !== id) return;
  const { parts } = reading.view;
  if (index >= parts.length) return stopReading();
  reading.index = index;
  const utterance = new SpeechSynthesisUtterance(parts[index].text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = rate();
  utterance.addEventListener("start", () => {
    if (reading?.id !== id) return;
    light(parts[index].target);
    showState();
  });
  // The next part is spoken after this event, not in it: WebKitGTK never
  // ends an utterance spoken from inside the last one's "end".
  utterance.addEventListener("end", () => setTimeout(() => say(id, index + 1), 0));
  utterance.addEventListener("error", (event) => {
    // Stopping or restarting a reading cancels its utterance: not a failure.
    if (reading?.id !== id || event.error === "interrupted" || event.error === "canceled") return;
    stopReading();
    handlers.failed(t("listen.failed"));
  });
  synth.speak(utterance);
}

// Cancelling leaves a paused synthesiser paused (WebView2 then never starts
// the next utterance): it is resumed, with nothing left to say.
function cancelSpeech() {
  synth.cancel();
  if (synth.paused) synth.resume();
}

function start(view, from) {
  cancelSpeech();
  reading = { id: nextId++, view, index: from, paused: false };
  say(reading.id, from);
  showState();
}

// Stops reading aloud, if it is: on leaving a screen, at the shared
// device's time-out, at "Start over" and at "Delete my data" (each of which
// changes the screen), and when the window goes.
export function stopReading() {
  if (!reading && !synth?.speaking) return;
  reading = null;
  cancelSpeech();
  light(null);
  showState();
}

function pause() {
  reading.paused = true;
  synth.pause();
  showState();
}

function resume() {
  reading.paused = false;
  synth.resume();
  showState();
}

// Whether a reading is under way (paused or not).
export const isReading = () => Boolean(reading);

// Listen, Pause or Carry on, as the one button shows; also Alt + L.
export function toggleReading() {
  const el = control();
  if (!el || el.hidden) return;
  if (!reading) start(el.listenView, Number(document.getElementById("listen-from").value));
  else if (reading.paused) resume();
  else pause();
}

// The control for a screen's `listen` view: hidden until (and unless) a
// voice may read.
export function listenControl(view) {
  const speeds = displayRules()?.reading_speeds ?? [];
  const chosen = preferences().reading_speed;
  const el = h(
    "div",
    { class: "listen no-print", id: "listen", role: "group", "aria-label": t("listen.label"), hidden: voiceState !== "ready" },
    h(
      "div",
      { class: "listen-buttons" },
      h("button", { type: "button", class: "button button-secondary", id: "listen-play", onclick: toggleReading }, t("listen.play")),
      h("button", { type: "button", class: "button button-secondary", id: "listen-stop", hidden: true, onclick: stopReading }, t("listen.stop")),
    ),
    h(
      "div",
      { class: "listen-options" },
      h(
        "p",
        { class: "listen-option" },
        h("label", { for: "listen-from" }, t("listen.from")),
        h("select", { id: "listen-from" }, view.sections.map((s) => h("option", { value: s.part, "data-content": "text" }, s.title))),
      ),
      h(
        "p",
        { class: "listen-option" },
        h("label", { for: "listen-speed" }, t("listen.speed")),
        h(
          "select",
          { id: "listen-speed", onchange: (event) => handlers.chooseSpeed(event.target.value, event.target.selectedOptions[0].textContent) },
          speeds.map((s) => h("option", { value: s.name, selected: s.name === chosen }, t(`listen.speed.${s.name}`))),
        ),
      ),
    ),
    h("p", { class: "listen-status", id: "listen-status", "data-content": "text" }),
  );
  el.listenView = view;
  return el;
}

window.addEventListener("pagehide", stopReading);
