//! What the lesson screen shows of its self-check questions: each with its
//! choices, and once answered, whether the answer was right and why, with
//! the part of the lesson that covers it.

use serde::Serialize;

use crate::course::load::lesson::Lesson;
use crate::course::LearnerRecord;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub prompt: String,
    pub choices: Vec<String>,
    /// The heading that covers the answer, and its element id.
    pub section_title: String,
    pub section_id: String,
    /// The learner's last answer; the right one is not sent before it.
    pub answer: Option<AnswerView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerView {
    pub choice: usize,
    pub correct: bool,
    pub feedback: String,
}

pub fn questions(lesson: &Lesson, record: &LearnerRecord) -> Vec<QuestionView> {
    (0..lesson.questions.len())
        .map(|i| question(lesson, record, i))
        .collect()
}

pub fn question(lesson: &Lesson, record: &LearnerRecord, index: usize) -> QuestionView {
    let q = &lesson.questions[index];
    QuestionView {
        id: q.id.clone(),
        prompt: q.prompt.clone(),
        choices: q.choices.clone(),
        section_title: q.section_title.clone(),
        section_id: q.section_id.clone(),
        answer: record.answer(&lesson.id, q).map(|choice| AnswerView {
            choice,
            correct: choice == q.answer,
            feedback: q.feedback.clone(),
        }),
    }
}
