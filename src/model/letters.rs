//! Letters: a 자기소개서 (the company's questions, each with its limit and
//! answer) or a cover letter (paragraphs), written once per language like
//! every other text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Text;
use super::{Resume, Step};
use crate::letters::{Counts, Limit, Verdict};

/// A letter for one application (`[[letter]]`), built as
/// `--document letter:ID`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// Kebab-case, unique: how commands name the letter (`kakao`).
    pub id: String,
    /// What the letter is for (`카카오 백엔드 개발자 지원`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Who it goes to (`카카오 채용 담당자님`, `Hiring Manager, Kakao`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Text>,
    /// Whether the PDF prints each answer's count beneath it, as portals
    /// show it (`842 / 1,000자`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub counts: bool,
    /// A 자기소개서's questions, in the company's order.
    #[serde(default, rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// A cover letter's greeting (`Dear Ms. Park,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Text>,
    /// A cover letter's body, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Text>,
    /// A cover letter's sign-off (`Sincerely,`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Text>,
}

/// One question of a 자기소개서 and its answer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as the company asks it.
    pub question: Text,
    /// Its limit as the portal states it (`"1,000자 이내"`,
    /// `{ bytes = 2000, encoding = "euc-kr" }`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
    /// The answer, counted exactly as written (line breaks kept).
    pub answer: Text,
}

/// One answer in one language, counted.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    /// The letter's id.
    pub letter: &'a str,
    /// Which question of the letter, from 0.
    pub index: usize,
    /// The question, in the language asked for (or any).
    pub question: &'a str,
    /// The answer's text in that language.
    pub text: &'a str,
    /// Its counts in every unit.
    pub counts: Counts,
    /// Its limit, with the count in the limit's unit and how it stands.
    pub limit: Option<(&'a Limit, u64, Verdict)>,
    /// Where the answer is in resume.toml.
    pub path: Vec<Step>,
}

/// Every answer of the letters (all, or the one named `id`) in `lang`,
/// in order; an answer without a text in `lang` is passed over.
pub fn answers<'a>(resume: &'a Resume, id: Option<&str>, lang: &str) -> Vec<Answer<'a>> {
    let mut out = Vec::new();
    for (l, letter) in resume.letters.iter().enumerate() {
        if id.is_some_and(|id| id != letter.id) {
            continue;
        }
        out.extend(letter_answers(letter, l, lang));
    }
    out
}

fn letter_answers<'a>(letter: &'a Letter, l: usize, lang: &str) -> Vec<Answer<'a>> {
    let mut out = Vec::new();
    for (index, question) in letter.questions.iter().enumerate() {
        let Some(text) = question.answer.get(lang) else { continue };
        out.push(Answer {
            letter: &letter.id,
            index,
            question: question.question.get(lang).unwrap_or_else(|| question.question.any()),
            text,
            counts: Counts::of(text),
            limit: question.limit.as_ref().map(|limit| (limit, limit.measure(text), limit.verdict(text))),
            path: vec![
                Step::Key("letter"),
                Step::Index(l),
                Step::Key("question"),
                Step::Index(index),
                Step::Key("answer"),
            ],
        });
    }
    out
}
