//! Letters and their limits: counting as portals count (see [`count`]),
//! limits as portals state them (see [`limit`]), and each answer measured
//! against its limit, for `resume letter count` and `resume check`.

pub mod count;
pub mod limit;

pub use count::{Counts, Encoding};
pub use limit::{Limit, Unit, Verdict, thousands};

use crate::model::{Letter, Resume, Step};

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
