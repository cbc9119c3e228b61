// Every word the interface shows, in one place, so the app can be translated
// without hunting through code. Course text itself comes from content/.

export const strings = {
  loading: "Loading the course…",
  skipLink: "Skip to content",
  footer: "This course is information, not treatment. Nothing you do here is sent anywhere.",
  fallbackTitle: "Persistent Back Pain Mini Course",
  providedBy: (provider) => `Provided by ${provider}`,
  pageTitle: (screen, course) => `${screen} – ${course}`,
  minutes: (m) => (m === 1 ? "1 minute" : `${m} minutes`),

  nav: { home: "Course home", disclaimer: "Disclaimer", references: "References", settings: "Text size" },

  settings: {
    heading: "Text size",
    intro: "Choose the size that is most comfortable to read. The app remembers it.",
    legend: "Text size",
    sizes: ["Standard", "Larger", "Large", "Very large", "Largest (twice the standard size)"],
    sample: "This is how the course text will look.",
    saved: (label) => `Text size set to ${label}.`,
  },

  disclaimer: {
    heading: "Before you start",
    accept: "I have read this and I accept it",
    acceptedOn: (date) => `You accepted this disclaimer on ${date}.`,
    continue: "Go to the course",
  },

  home: {
    whoFor: "Who this course is for",
    lessonsHeading: "The lessons",
    totalTime: (m) => `The whole course takes about ${strings.minutes(m)}.`,
    progress: (done, total) => `${done} of ${total} lessons completed`,
    resumeHeading: "Welcome back",
    resume: (title) => `Continue where you left off: ${title}`,
    lessonNumber: (n) => `Lesson ${n}`,
    minutes: (m) => strings.minutes(m),
    open: { not_started: "Start lesson", in_progress: "Continue lesson", completed: "Read again" },
    openLabel: { not_started: (t) => `Start lesson: ${t}`, in_progress: (t) => `Continue lesson: ${t}`, completed: (t) => `Read again: ${t}` },
    finishedHeading: "All finished?",
    finishedReady: "You have completed every lesson. Well done.",
    finishedGo: "See your next step",
    finishedLocked: (total) => `When you have completed all ${total} lessons, your next step will be here.`,
  },

  state: { not_started: "Not started", in_progress: "In progress", completed: "Completed" },

  lesson: {
    position: (n, total) => `Lesson ${n} of ${total}`,
    time: (m) => `Time required: ${strings.minutes(m)}`,
    status: (state) => `Status: ${state}`,
    markComplete: "Mark this lesson as complete",
    completedNote: "You have completed this lesson.",
    next: (title) => `Next lesson: ${title}`,
    previous: (title) => `Previous lesson: ${title}`,
    finished: "Go to All finished?",
    home: "Back to course home",
  },

  finished: {
    heading: "All finished?",
    opensIn: (url) => `This opens ${url} in your web browser.`,
    opened: "Your next step has opened in your web browser.",
    notYet: (done, total) => `You have completed ${done} of ${total} lessons. Complete them all to see your next step.`,
    home: "Back to course home",
  },

  references: {
    heading: "References",
    intro: "The information in this course comes from these sources.",
    added: "Added to the original course's list",
    doi: "DOI",
  },

  error: {
    heading: "Sorry, there is a problem",
    contentIntro: "The course could not be loaded because its files have problems. Please tell whoever gave you this app. The problems are:",
    packIntro: "The clinic's course pack could not be loaded because its files have problems. Please tell whoever gave you this app. The problems are:",
    useBuiltIn: "Continue with the standard course instead",
    generic: "Something went wrong. Please close the app and open it again.",
    linkOpened: "The link has opened in your web browser.",
  },

  dateTime: (iso) =>
    new Date(iso).toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" }),
};
