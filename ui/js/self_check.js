// The self-check questions after a lesson: one group of choices each, a
// button to check the answer, and Rust's feedback with a way back to the
// part of the lesson that covers it. Not a test: no score, try again freely.

import { h } from "./dom.js";
import { t } from "./strings.js";

// Course data: shown as the pack wrote it, not catalog words.
const DATA = { "data-content": "text" };

function feedbackOf(question) {
  const answer = question.answer;
  if (!answer) return null;
  return h(
    "div",
    // A region named by its verdict, so a screen reader says it when focus
    // moves here (Orca ignores focus on a plain block).
    {
      class: `feedback ${answer.correct ? "feedback-right" : "feedback-try-again"}`,
      id: `feedback-${question.id}`,
      tabindex: "-1",
      role: "region",
      "aria-labelledby": `feedback-${question.id}-result`,
    },
    h("p", { id: `feedback-${question.id}-result` }, h("strong", {}, answer.correct ? t("check.right") : t("check.not-quite")), " ", h("span", DATA, answer.feedback)),
    h("p", {}, h("a", { href: `#${question.section_id}` }, t("check.read-again", { section: question.section_title }))),
  );
}

// One question: `check(choice)` sends the chosen answer to Rust.
export function questionView(question, { check }) {
  const name = `question-${question.id}`;
  // Empty until shown: the group is described by it, and a screen reader
  // reads a description even when it is hidden, as if the learner had
  // already made the mistake.
  const error = h("p", { class: "field-error", id: `${name}-error`, hidden: true });
  const chosen = () => {
    const picked = document.querySelector(`input[name="${name}"]:checked`);
    return picked ? Number(picked.value) : null;
  };
  return h(
    "div",
    { class: "question", id: name },
    h(
      "fieldset",
      { class: "fieldset", "aria-describedby": `${name}-error` },
      h("legend", { id: `${name}-prompt`, ...DATA }, question.prompt),
      question.choices.map((choice, i) =>
        h(
          "div",
          { class: "radio" },
          h("input", { type: "radio", name, id: `${name}-${i}`, value: String(i), checked: question.answer?.choice === i }),
          h("label", { for: `${name}-${i}`, ...DATA }, choice),
        ),
      ),
    ),
    error,
    h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        id: `${name}-check`,
        // Every question has this button: the prompt tells them apart.
        "aria-describedby": `${name}-prompt`,
        onclick: () => {
          const choice = chosen();
          error.hidden = choice !== null;
          error.textContent = choice === null ? t("check.choose-first") : "";
          if (choice !== null) {
            check(question.id, choice);
            return;
          }
          error.setAttribute("tabindex", "-1");
          error.focus();
        },
      },
      t("check.check"),
    ),
    feedbackOf(question),
  );
}

// The section after the lesson text; none when the lesson has no questions.
export function questionsSection(questions, actions) {
  if (!questions.length) return null;
  return h(
    "section",
    { class: "self-check", "aria-labelledby": "self-check-heading" },
    h("h2", { id: "self-check-heading" }, t("check.heading")),
    h("p", {}, t("check.intro")),
    questions.map((q) => questionView(q, actions)),
  );
}
