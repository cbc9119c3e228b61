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
  duration: (seconds) => (seconds % 60 === 0 ? strings.minutes(seconds / 60) : `${seconds} seconds`),

  nav: {
    home: "Home",
    "get-help": "Get help now",
    disclaimer: "Before you start",
    references: "References",
    settings: "Text and colours",
    help: "Using this app",
    about: "About",
  },

  getHelp: {
    heading: "Get help now",
    call: "Call",
    region: (region) => `The numbers below are for ${region}. If you are somewhere else, call your local emergency number.`,
    fallback: (region) => `The clinic's course could not be loaded, so the app is showing the standard course. These are its numbers for ${region}, not the clinic's. If you are not in ${region}, call your local emergency number.`,
    print: "Print this page",
    lessonLink: "Get help now",
  },

  startOverButton: "Start over for the next person",

  settings: {
    heading: "Text and colours",
    intro: "Choose what is most comfortable to read. The app remembers your choices.",
    legend: "Text size",
    sizes: ["Standard", "Larger", "Large", "Very large", "Largest (twice the standard size)"],
    sample: "This is how the course text will look.",
    saved: (label) => `Text size set to ${label}.`,
    themeLegend: "Colours",
    themes: {
      system: "Same as this computer (light or dark)",
      light: "Light: dark text on a light background",
      dark: "Dark: light text on a dark background",
      high_contrast: "High contrast: white and yellow on black",
    },
    themeSaved: (label) => `Colours set to ${label}.`,
  },

  help: {
    heading: "Using this app",
    intro: "You can use the whole course with a mouse, a touch screen, the keyboard alone, or a screen reader.",
    keysHeading: "Keyboard",
    keys: [
      ["Tab", "Move to the next button or link"],
      ["Shift + Tab", "Move to the previous button or link"],
      ["Enter or Space", "Press the button you are on"],
      ["Alt + Right arrow", "Go to the next lesson (when you are in a lesson)"],
      ["Alt + Left arrow", "Go to the previous lesson (when you are in a lesson)"],
      ["Alt + H", "Go to course home"],
      ["F1", "Show how to use this app"],
    ],
    keyColumn: "Keys",
    actionColumn: "What they do",
    readingHeading: "Reading more comfortably",
    reading: "To make the text bigger or change the colours, choose “Text and colours” at the top of the page.",
    printHeading: "Printing",
    print: "Each lesson has a button to print it or save it as a PDF. You can also print the whole course at once.",
    printCourse: "Print the whole course",
    privacyHeading: "Your privacy",
    privacy: "The course does not use the internet. Your progress is kept only on this computer. You can save a summary or delete your data on the “About and your data” page.",
  },

  about: {
    heading: "About and your data",
    version: (v) => `App version ${v}`,
    courseHeading: "The course in use",
    builtIn: "The standard course, built into the app.",
    fromPack: (origin, folder) => `A clinic's course, from ${folder} (found ${origin}).`,
    origins: {
      command_line: "because it was named when the app was started",
      environment: "through the BACK_PAIN_COURSE_PACK setting",
      beside_app: "in the course-pack folder beside the app",
      system_wide: "in this computer's shared course folder",
    },
    sharedDevice: "This computer is set up to be shared: each person's progress is cleared when they finish or leave.",
    dataHeading: "Your data",
    dataWhere: (folder) => `The app keeps your consent, your progress and your display choices in one place on this computer: ${folder}. Nothing is sent anywhere.`,
    summaryHeading: "Save my progress summary",
    summaryIntro: "Save a short page listing the lessons you have completed, with dates, and your next step. You can take it to your clinician.",
    summaryButton: "Save my progress summary",
    summarySaved: (path) => `Your progress summary was saved to ${path}.`,
    summaryCancelled: "The summary was not saved.",
    deleteHeading: "Delete my data",
    deleteIntro: "This removes everything the app has kept about you: your consent, your progress and your display choices.",
    deleteButton: "Delete my data",
  },

  confirm: {
    startOverHeading: "Start over for the next person?",
    startOverText: "This clears the disclaimer answer and all lesson progress on this computer, so the next person starts fresh.",
    startOverYes: "Yes, clear and start over",
    deleteHeading: "Delete all your data?",
    deleteText: "Your consent, your progress and your display choices will be removed from this computer. This cannot be undone.",
    deleteYes: "Yes, delete my data",
    no: "No, go back",
    startedOver: "The course has been cleared for the next person.",
    deleted: "Your data has been deleted. The course will start from the beginning.",
    idleWarning: (seconds) => `Are you still there? In ${seconds} seconds the course will be cleared for the next person. Press any key or touch the screen to carry on.`,
    stillHere: "I'm still here",
    idleCleared: (minutes) => `The course was cleared after ${minutes} without use, ready for the next person.`,
  },

  print: {
    heading: "The whole course",
    intro: "Press the button to print the course or save it as a PDF. Lessons start on a new page.",
    button: "Print or save as PDF",
    lessonButton: "Print this lesson",
    lessonHeading: (n, title) => `Lesson ${n}: ${title}`,
  },

  disclaimer: {
    heading: "Before you start",
    intro: "Please read this page before the lessons. First, check that you do not need medical help today.",
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
    keyPoints: "Key points",
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
    back: (title) => `Back to the lesson: ${title}`,
    doi: "DOI",
  },

  error: {
    heading: "Sorry, there is a problem",
    contentIntro: "The course could not be loaded because its files have problems. Please tell whoever gave you this app. The problems are:",
    packIntro: "The clinic's course pack could not be loaded because its files have problems. Please tell whoever gave you this app. The problems are:",
    useBuiltIn: "Continue with the standard course instead",
    urgent: "If you need medical help now, call your local emergency number.",
    generic: "Something went wrong. Please close the app and open it again.",
    linkOpened: "The link has opened in your web browser.",
  },

  dateTime: (iso) =>
    new Date(iso).toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" }),
};
