// A lesson's self-check: an answer goes to Rust, and the question is drawn
// again with Rust's feedback, focus on it so a screen reader reads it out.

import { api } from "./api.js";
import { fail } from "./navigation.js";
import { reportSave } from "./messages.js";
import { questionView } from "./self_check.js";

export async function answer(lessonId, questionId, choice) {
  const view = reportSave(await api.answerQuestion(lessonId, questionId, choice));
  const check = (question, chosen) => answer(lessonId, question, chosen).catch(fail);
  document.getElementById(`question-${questionId}`)?.replaceWith(questionView(view, { check }));
  document.getElementById(`feedback-${questionId}`)?.focus();
}
