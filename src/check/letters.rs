//! Every answer of every letter against its limit, in each language it
//! is written in.

use crate::error::Error;
use crate::model::{self, Resume, Source, Step, locate};

use super::Report;

/// Every answer against its limit, in every language it is written in:
/// over the maximum is an error (the portal cuts or refuses it), under the
/// minimum a warning, under 80 % of the maximum a note.
pub(super) fn check_letters(resume: &Resume, source: &Source, report: &mut Report) {
    use crate::letters::{Verdict, thousands};
    for letter in &resume.letters {
        for question in &letter.questions {
            let Some(limit) = &question.limit else { continue };
            // A text written once is one answer, whatever the language.
            let languages: Vec<Option<&str>> = match &question.answer {
                model::Text::Plain(_) => vec![None],
                localized => model::languages_of(localized).into_iter().map(Some).collect(),
            };
            for lang in languages {
                let (text, asked) = match lang {
                    Some(lang) => (question.answer.get(lang), question.question.get(lang)),
                    None => (Some(question.answer.any()), None),
                };
                let Some(text) = text else { continue };
                let n = limit.measure(text);
                let count = format!("{} {}", thousands(n), limit.unit_name());
                let asked = asked.unwrap_or_else(|| question.question.any());
                let what = match lang {
                    Some(lang) => format!("the `{lang}` answer to “{asked}” in the letter `{}`", letter.id),
                    None => format!("the answer to “{asked}” in the letter `{}`", letter.id),
                };
                let problem = match limit.verdict(text) {
                    Verdict::Over(by) => Error::new(format!("{what} is {} over its limit: {count}, {limit}", thousands(by)))
                        .with_hint("shorten it: a portal cuts or refuses an answer over its limit (`resume letter count` shows every count)"),
                    Verdict::Under(by) => Error::warning(format!("{what} is {} short of its minimum: {count}, {limit}", thousands(by)))
                        .with_hint("a portal may refuse an answer under its minimum"),
                    Verdict::Short(room) => Error::new(format!("{what} uses under 80 % of its limit: {count}, {limit}; {} left", thousands(room)))
                        .with_hint("there is room to say more")
                        .into_note(),
                    Verdict::Fits(_) => continue,
                };
                let l = resume
                    .letters
                    .iter()
                    .position(|x| std::ptr::eq(x, letter))
                    .expect("a letter of this résumé");
                let q = letter
                    .questions
                    .iter()
                    .position(|x| std::ptr::eq(x, question))
                    .expect("a question of it");
                let mut path = vec![
                    Step::Key("letter"),
                    Step::Index(l),
                    Step::Key("question"),
                    Step::Index(q),
                    Step::Key("answer"),
                ];
                if let Some(lang) = lang {
                    path.push(Step::Name(lang.to_string()));
                }
                let problem = match locate(source, &path).or_else(|| locate(source, &path[..5])) {
                    Some(location) => problem.at(location),
                    None => problem,
                };
                match problem.severity {
                    crate::error::Severity::Error => report.errors.push(problem),
                    crate::error::Severity::Warning => report.warnings.push(problem),
                    crate::error::Severity::Note => report.notes.push(problem),
                }
            }
        }
    }
}
