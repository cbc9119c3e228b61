//! A lesson's self-check questions: a ```` ```questions ```` block of TOML at
//! the end of the lesson, checked (choices, one right answer, feedback, the
//! section it points back to, unique ids) with file and line.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::problem::{line_of_offset, plain_text_problem, Problem};
use super::toml_file;

/// The info string that marks a lesson's questions.
pub const QUESTIONS_FENCE: &str = "questions";
pub const MAX_QUESTIONS: usize = 6;
pub const MIN_CHOICES: usize = 2;
pub const MAX_CHOICES: usize = 4;
pub const MAX_PROMPT: usize = 300;
pub const MAX_CHOICE: usize = 120;
pub const MAX_FEEDBACK: usize = 400;
const MAX_ID: usize = 40;

/// One question, as checked; which choice is right stays in Rust until the
/// learner has answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub choices: Vec<String>,
    /// Index into `choices`.
    #[serde(skip)]
    pub answer: usize,
    #[serde(skip)]
    pub feedback: String,
    /// The heading of the part of the lesson that covers it, and its id.
    pub section_title: String,
    pub section_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    question: Vec<Spanned<RawQuestion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    prompt: Spanned<String>,
    choices: Spanned<Vec<String>>,
    answer: Spanned<String>,
    feedback: Spanned<String>,
    section: Spanned<String>,
}

/// Reads the block whose fence is on `fence_line` of `file`; `headings` are
/// the lesson's headings as (text, element id), in order.
pub fn parse_questions(
    file: &str,
    fence_line: usize,
    body: &str,
    headings: &[(String, String)],
) -> Result<Vec<Question>, Vec<Problem>> {
    let first = fence_line + 1;
    let raw: RawBlock = toml_file::parse(file, body, first).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut at = |span: Range<usize>, message: String| {
        let line = line_of_offset(body, span.start) + first - 1;
        problems.push(Problem::at_line(
            file,
            line,
            format!("questions: {message}"),
        ));
    };
    if raw.question.is_empty() || raw.question.len() > MAX_QUESTIONS {
        at(
            0..body.len(),
            format!(
                "a lesson has 1 to {MAX_QUESTIONS} questions, not {}",
                raw.question.len()
            ),
        );
    }
    let mut questions = Vec::new();
    for spanned in &raw.question {
        let q = spanned.get_ref();
        let id = q.id.get_ref().trim();
        let id_ok = !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            at(
                q.id.span(),
                format!("the id {id:?} must be 1 to {MAX_ID} lowercase letters, digits or hyphens"),
            );
        } else if questions.iter().any(|earlier: &Question| earlier.id == id) {
            at(q.id.span(), format!("the id {id:?} is used twice"));
        }
        for (field, text, max) in [
            ("prompt", &q.prompt, MAX_PROMPT),
            ("feedback", &q.feedback, MAX_FEEDBACK),
        ] {
            if let Some(reason) = plain_text_problem(text.get_ref(), max) {
                at(text.span(), format!("`{field}` {reason}"));
            }
        }
        let choices: Vec<String> = q
            .choices
            .get_ref()
            .iter()
            .map(|c| c.trim().to_owned())
            .collect();
        if choices.len() < MIN_CHOICES || choices.len() > MAX_CHOICES {
            at(
                q.choices.span(),
                format!(
                    "a question has {MIN_CHOICES} to {MAX_CHOICES} choices, not {}",
                    choices.len()
                ),
            );
        }
        for choice in &choices {
            if let Some(reason) = plain_text_problem(choice, MAX_CHOICE) {
                at(q.choices.span(), format!("the choice {choice:?} {reason}"));
            }
        }
        let answer = q.answer.get_ref().trim();
        let matching: Vec<usize> = (0..choices.len())
            .filter(|&i| choices[i] == answer)
            .collect();
        if matching.len() != 1 {
            at(
                q.answer.span(),
                format!(
                    "`answer` must be exactly one of the choices, written the same; {answer:?} matches {}",
                    matching.len()
                ),
            );
        }
        let section = q.section.get_ref().trim();
        let heading = headings.iter().find(|(text, _)| text == section);
        if heading.is_none() {
            at(
                q.section.span(),
                format!("`section` {section:?} is not a heading of this lesson; name the heading that covers the answer"),
            );
        }
        if let (Some(&answer), Some((title, anchor))) = (matching.first(), heading) {
            questions.push(Question {
                id: id.to_owned(),
                prompt: q.prompt.get_ref().trim().to_owned(),
                choices,
                answer,
                feedback: q.feedback.get_ref().trim().to_owned(),
                section_title: title.clone(),
                section_id: anchor.clone(),
            });
        }
    }
    if problems.is_empty() {
        Ok(questions)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: &str = r#"[[question]]
id = "scans"
prompt = "Changes on a scan, such as a disc bulge, are common in people with no back pain."
choices = ["True", "False"]
answer = "True"
feedback = "True. Many people with no pain have them, more so with age."
section = "What scans show"

[[question]]
id = "rest"
prompt = "What helps most?"
choices = ["Rest", "Staying active", "A brace"]
answer = "Staying active"
feedback = "Staying active helps."
section = "What helps"
"#;

    fn headings() -> Vec<(String, String)> {
        vec![
            ("What scans show".into(), "section-what-scans-show".into()),
            ("What helps".into(), "section-what-helps".into()),
        ]
    }

    fn problems(body: &str) -> Vec<Problem> {
        parse_questions("lessons/a.md", 20, body, &headings()).unwrap_err()
    }

    #[test]
    fn good_questions_are_read_with_their_answer_and_section() {
        let q = parse_questions("lessons/a.md", 20, BLOCK, &headings()).unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].answer, 1);
        assert_eq!(q[1].section_id, "section-what-helps");
        // The answer and feedback never go to the page with the question.
        let json = serde_json::to_value(&q[0]).unwrap();
        assert!(
            json.get("answer").is_none() && json.get("feedback").is_none(),
            "{json}"
        );
    }

    #[test]
    fn an_answer_that_is_not_exactly_one_choice_is_refused_on_its_line() {
        let p = problems(&BLOCK.replace("answer = \"True\"", "answer = \"Maybe\""));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, Some(25));
        assert!(p[0].message.contains("exactly one of the choices"), "{p:?}");
        let p = problems(&BLOCK.replace("[\"True\", \"False\"]", "[\"True\", \"True\"]"));
        assert!(p[0].message.contains("matches 2"), "{p:?}");
    }

    #[test]
    fn one_choice_or_five_are_refused() {
        let p = problems(&BLOCK.replace("[\"True\", \"False\"]", "[\"True\"]"));
        assert!(
            p.iter()
                .any(|p| p.message.contains("2 to 4 choices, not 1")),
            "{p:?}"
        );
        let p = problems(&BLOCK.replace(
            "[\"Rest\", \"Staying active\", \"A brace\"]",
            "[\"Rest\", \"Staying active\", \"A brace\", \"b\", \"c\"]",
        ));
        assert!(p[0].message.contains("not 5"), "{p:?}");
    }

    #[test]
    fn missing_feedback_duplicate_ids_and_unknown_sections_are_named() {
        let p =
            problems(&BLOCK.replace("feedback = \"Staying active helps.\"", "feedback = \"  \""));
        assert!(
            p[0].message.contains("`feedback` must not be empty"),
            "{p:?}"
        );
        let p = problems(&BLOCK.replace("id = \"rest\"", "id = \"scans\""));
        assert!(p[0].message.contains("used twice"), "{p:?}");
        assert_eq!(p[0].line, Some(30));
        let p = problems(&BLOCK.replace("section = \"What helps\"", "section = \"Nowhere\""));
        assert!(
            p[0].message.contains("not a heading of this lesson"),
            "{p:?}"
        );
    }

    #[test]
    fn markup_and_unknown_fields_are_refused() {
        let p = problems(&BLOCK.replace("What helps most?", "<b>What</b>"));
        assert!(p[0].message.contains("without markup"), "{p:?}");
        let p = problems(&BLOCK.replace("id = \"rest\"", "id = \"rest\"\nscore = 5"));
        assert!(p[0].message.contains("score"), "{p:?}");
    }
}
