// Looks words up in the catalog Rust sends with the first screen
// (`ui/locales/en.json`, overlaid by a clinic pack's own language). No
// words are written here: a missing key shows as itself, so a test sees it.

let catalog = {};
let language = "en";

// `words`: key → text, from the start-up data; `lang`: the course's language.
export function setWords(words, lang) {
  catalog = words;
  language = lang;
}

// The text for `key` with each `{name}` filled from `params`.
export function t(key, params = {}) {
  const text = catalog[key] ?? key;
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// A day as the saved summary writes it ("25 November 2026"), in local time.
export function date(iso) {
  const at = new Date(iso);
  return t("date.day", { day: at.getDate(), month: t(`month.${at.getMonth() + 1}`), year: at.getFullYear() });
}

// A day and its time of day, the time in the course language's own form.
export function dateTime(iso) {
  const time = new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(iso));
  return t("date.at-time", { date: date(iso), time });
}
