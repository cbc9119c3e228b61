// Wiring only: each controller registers its screens as it loads; this
// loads them all, binds the keyboard shortcuts to what they do, and starts
// the course. Every rule (consent, completion, which link may open) is
// Rust's; how each screen behaves is its controller's.

import "./about_controller.js";
import "./course_controller.js";
import "./guide_controller.js";
import "./move_with_me_controller.js";
import "./my_weeks_controller.js";
import "./plan_controller.js";
import "./settings_controller.js";
import { nextLesson, previousLesson } from "./lesson_controller.js";
import { toggleReading } from "./listen.js";
import { go, menuShown } from "./navigation.js";
import { installShortcuts } from "./shortcuts.js";
import { boot } from "./start_controller.js";

installShortcuts({
  nextLesson,
  previousLesson,
  home: () => menuShown() && go("home"),
  help: () => menuShown() && go("help"),
  listen: toggleReading,
});

boot();
