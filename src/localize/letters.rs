//! A letter in one language: its texts as written, its date, and each
//! answer's limit and count worded as portals word them.

use fluent_bundle::FluentArgs;

use super::Localizer;
use crate::error::{Error, Result};
use crate::letters::{Limit, Unit, Verdict, thousands};
use crate::model::{Step, Text, locate};
use crate::view::{LetterView, QuestionView};

impl Localizer<'_> {
    pub(super) fn letter(&self, id: &str, day: Option<u8>) -> Result<LetterView> {
        let lang = self.catalogue.language.code;
        let Some(index) = self.resume.letters.iter().position(|l| l.id == id) else {
            let ids: Vec<&str> = self.resume.letters.iter().map(|l| l.id.as_str()).collect();
            return Err(Error::new(format!("there is no letter `{id}`")).with_hint(if ids.is_empty() {
                "the résumé has no letters; add a `[[letter]]`".to_string()
            } else {
                format!("the letters are: {}", ids.join(", "))
            }));
        };
        let letter = &self.resume.letters[index];
        // A text of the letter in this language, or an error where it is.
        let text = |t: &Text, path: Vec<Step>| -> Result<String> {
            match t.get(lang) {
                Some(text) => Ok(text.to_string()),
                None => {
                    let error = Error::new(format!("this text of the letter `{id}` has no `{lang}` version"))
                        .with_hint(format!(
                            "add `{lang} = \"…\"` to it, or build the letter in a language it has"
                        ));
                    Err(match locate(self.source, &path) {
                        Some(location) => error.at(location),
                        None => error,
                    })
                }
            }
        };
        let base = |steps: &[Step]| {
            let mut path = vec![Step::Key("letter"), Step::Index(index)];
            path.extend_from_slice(steps);
            path
        };
        let optional = |t: &Option<Text>, key: &'static str| {
            t.as_ref().map(|t| text(t, base(&[Step::Key(key)]))).transpose()
        };
        let mut questions = Vec::new();
        for (n, question) in letter.questions.iter().enumerate() {
            let at = |key: &'static str| base(&[Step::Key("question"), Step::Index(n), Step::Key(key)]);
            let answer = text(&question.answer, at("answer"))?;
            let (limit, count) = match &question.limit {
                Some(limit) => (Some(self.limit(limit)?), Some(self.count(limit, limit.measure(&answer))?)),
                None => (None, None),
            };
            let over =
                question.limit.as_ref().is_some_and(|l| matches!(l.verdict(&answer), Verdict::Over(_)));
            questions.push(QuestionView {
                question: text(&question.question, at("question"))?,
                limit,
                answer,
                count,
                over,
            });
        }
        let mut paragraphs = Vec::new();
        for (n, paragraph) in letter.paragraphs.iter().enumerate() {
            paragraphs.push(text(paragraph, base(&[Step::Key("paragraphs"), Step::Index(n)]))?);
        }
        let kind =
            if letter.questions.is_empty() { "letter-kind-paragraphs" } else { "letter-kind-questions" };
        let mut args = FluentArgs::new();
        args.set("year", self.today.year.to_string());
        args.set("month-name", self.catalogue.label(&format!("month-long-{}", self.today.month), None)?);
        // The day when it is known; a date pinned to a month has none.
        args.set("day", day.map_or_else(|| "none".to_string(), |d| d.to_string()));
        let closing = optional(&letter.closing, "closing")?;
        Ok(LetterView {
            id: id.to_string(),
            kind: self.catalogue.label(kind, None)?,
            title: optional(&letter.title, "title")?,
            addressee: optional(&letter.addressee, "addressee")?,
            date: if questions.is_empty() {
                Some(self.catalogue.label("letter-date", Some(&args))?)
            } else {
                None
            },
            counts: letter.counts,
            questions,
            salutation: optional(&letter.salutation, "salutation")?,
            paragraphs,
            signature: if closing.is_some() { Some(self.person()?.name) } else { None },
            closing,
        })
    }

    fn unit(&self, limit: &Limit) -> Result<String> {
        let id = match limit.unit {
            Unit::Chars { .. } => "letter-unit-chars",
            Unit::Bytes(_) => "letter-unit-bytes",
        };
        self.catalogue.label(id, None)
    }

    /// The limit as the portal wrote it, when it was written as text; else
    /// `1,000자 이내, 공백 포함`, `2,000 bytes max, EUC-KR`. Every writer
    /// sets it in parentheses, so a parenthesis of its own becomes a comma
    /// (`1,000자 이내 (공백 포함)` → `1,000자 이내, 공백 포함`).
    fn limit(&self, limit: &Limit) -> Result<String> {
        if let Some(stated) = &limit.stated {
            return Ok(unnested(stated));
        }
        let mut args = FluentArgs::new();
        args.set("unit", self.unit(limit)?);
        let id = match (limit.min, limit.max) {
            (Some(min), Some(max)) => {
                args.set("min", thousands(min));
                args.set("max", thousands(max));
                "letter-limit-range"
            }
            (Some(min), None) => {
                args.set("min", thousands(min));
                "letter-limit-min"
            }
            (None, max) => {
                args.set("max", thousands(max.unwrap_or_default()));
                "letter-limit-max"
            }
        };
        let range = self.catalogue.label(id, Some(&args))?;
        let what = match limit.unit {
            Unit::Chars { spaces: true } => self.catalogue.label("letter-spaces-with", None)?,
            Unit::Chars { spaces: false } => self.catalogue.label("letter-spaces-without", None)?,
            Unit::Bytes(crate::letters::Encoding::Utf8) => "UTF-8".to_string(),
            Unit::Bytes(crate::letters::Encoding::EucKr) => "EUC-KR".to_string(),
            Unit::Bytes(crate::letters::Encoding::Neis) => "NEIS".to_string(),
        };
        Ok(format!("{range}, {what}"))
    }

    /// `842 / 1,000자`, or `842자` for a limit with only a minimum.
    fn count(&self, limit: &Limit, n: u64) -> Result<String> {
        let mut args = FluentArgs::new();
        args.set("unit", self.unit(limit)?);
        args.set("count", thousands(n));
        match limit.max {
            Some(max) => {
                args.set("max", thousands(max));
                self.catalogue.label("letter-count", Some(&args))
            }
            None => self.catalogue.label("letter-count-plain", Some(&args)),
        }
    }
}

/// A stated limit without parentheses of its own: ` (…)` becomes `, …`.
fn unnested(stated: &str) -> String {
    if !stated.contains('(') {
        return stated.to_string();
    }
    let mut out = String::new();
    for c in stated.chars() {
        match c {
            '(' => {
                let kept = out.trim_end().len();
                out.truncate(kept);
                if !out.is_empty() {
                    out.push_str(", ");
                }
            }
            ')' => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::unnested;

    #[test]
    fn a_stated_limit_loses_its_own_parentheses() {
        assert_eq!(unnested("1,000자 이내 (공백 포함)"), "1,000자 이내, 공백 포함");
        assert_eq!(unnested("1,000 bytes (한글 2바이트)"), "1,000 bytes, 한글 2바이트");
        assert_eq!(unnested("500자 이상"), "500자 이상");
    }
}
