//! The importer's state and what every part of it shares: the notes it
//! gathers with their lines, located errors, texts in the import's
//! language, the person's name, and companies as the Markdown names them.

use std::ops::Range;
use std::path::Path;

use super::outline::{Block, unescape};
use crate::error::{Error, Location, Result};
use crate::model::{Person, Text, YearMonth};

/// A company as the Markdown names it: `kakao/kakaoenterprise(20191201~)`
/// or the export's `kakao → kakaoenterprise (2019.12 ~)` is
/// kakaoenterprise, called kakao until December 2019; the export's career
/// summary also gives its role and location.
#[derive(Debug, Default)]
pub(super) struct CompanyName {
    pub name: String,
    pub formerly: Option<(String, YearMonth)>,
    /// Titles, each with its period when the export gave one, and its team.
    pub roles: Vec<ReadRole>,
    pub location: Option<Text>,
}

impl CompanyName {
    /// Whether a project's company line names this company: by its name,
    /// its former name, or both with the arrow the export prints.
    pub(super) fn is_named(&self, name: &CompanyName) -> bool {
        let former = self.formerly.as_ref().map(|(former, _)| former.as_str());
        self.name == name.name || (name.formerly.is_none() && former == Some(name.name.as_str()))
    }
}

/// A rename as the export prints it: `kakao → kakaoenterprise`, with the
/// month when the career summary gives it (`(2019.12 사명 변경)`,
/// `(renamed Dec 2019)`, and as earlier versions wrote it, `(2019.12 ~)`,
/// `(from Dec 2019)`).
pub(super) fn read_rename(text: &str) -> Option<CompanyName> {
    if let Some(name) = read_formerly(text) {
        return Some(name);
    }
    let (former, rest) = text.split_once(" → ")?;
    let (current, month) = match rest.rfind(" (") {
        Some(open) if rest.ends_with(')') => {
            let inner = &rest[open + 2..rest.len() - 1];
            let inner = inner.trim().trim_end_matches('~').trim();
            let inner = inner.strip_suffix("사명 변경").unwrap_or(inner).trim();
            let inner = ["from ", "renamed "].iter().find_map(|p| inner.strip_prefix(p)).unwrap_or(inner);
            (&rest[..open], super::dates::read_month(inner))
        }
        _ => (rest, None),
    };
    let (former, current) = (former.trim(), current.trim());
    (!former.is_empty() && !current.is_empty()).then(|| CompanyName {
        name: current.to_string(),
        formerly: month.map(|m| (former.to_string(), m)),
        ..CompanyName::default()
    })
}

/// A rename as the English export prints it: `Lumen Labs (formerly
/// Lumen)`, with the month in the career summary (`Lumen Labs (formerly
/// Lumen, renamed Mar 2020)`).
fn read_formerly(text: &str) -> Option<CompanyName> {
    let inner = text.strip_suffix(')')?;
    let (current, rest) = inner.rsplit_once(" (formerly ")?;
    let (former, month) = match rest.rsplit_once(", renamed ") {
        Some((former, month)) => (former, super::dates::read_month(month.trim())),
        None => (rest, None),
    };
    let (former, current) = (former.trim(), current.trim());
    (!former.is_empty() && !current.is_empty()).then(|| CompanyName {
        name: current.to_string(),
        formerly: month.map(|m| (former.to_string(), m)),
        ..CompanyName::default()
    })
}

/// A title as the export's career summary gives it: the title, its
/// period when there were several, and its team.
pub(super) type ReadRole = (Text, Option<crate::model::Period>, Option<Text>);

/// The Markdown importer: the source, where notes go, and the language of
/// its prose.
pub(super) struct Markdown<'a> {
    pub source: &'a str,
    pub file: &'a Path,
    pub lang: &'static str,
    /// The person's name from `--name`, which the seed form does not hold.
    pub name: Option<&'a str>,
    /// What was mended or left out, by line.
    notes: Vec<(usize, String)>,
}

impl<'a> Markdown<'a> {
    /// An importer of `source` (read from `file`) into `lang`, with no
    /// notes yet.
    pub(super) fn new(source: &'a str, file: &'a Path, lang: &'static str, name: Option<&'a str>) -> Self {
        Markdown { source, file, lang, name, notes: Vec::new() }
    }

    pub(super) fn note(&mut self, line: usize, what: impl std::fmt::Display) {
        self.notes.push((line, format!("line {line}: {what}")));
    }

    /// The notes as a reader meets their lines, whatever order the
    /// importer found them in.
    pub(super) fn notes_in_line_order(mut self) -> Vec<String> {
        self.notes.sort_by_key(|(line, _)| *line);
        self.notes.into_iter().map(|(_, note)| note).collect()
    }

    pub(super) fn error(&self, span: Range<usize>, message: String, hint: &str) -> Error {
        Error::new(message).with_hint(hint).at(Location::from_span(self.file, self.source, span))
    }

    /// A text as written in the file's language, its export escapes
    /// undone. In a Korean résumé, a text with no Hangul (`MongoDB`,
    /// `Develop OCR Server`) is the same in every language: kept plain, it
    /// needs no translation.
    pub(super) fn prose(&self, text: &str) -> Text {
        let text = unescape(text);
        if self.lang == "ko" && !crate::model::has_hangul(&text) {
            return Text::Plain(text);
        }
        Text::Localized([(self.lang.to_string(), text)].into())
    }

    /// A name or a value of the stack (`MongoDB`, `redis-cluster`, a
    /// label): the same in every language unless it has Hangul, whatever
    /// the file's language, as the skills summary counts only such values.
    pub(super) fn neutral(&self, text: &str) -> Text {
        let text = unescape(text);
        match crate::model::has_hangul(&text) {
            true => Text::Localized([(self.lang.to_string(), text)].into()),
            false => Text::Plain(text),
        }
    }

    /// The person's name: `--name`, else the export's `# name` heading,
    /// else an error, as a résumé without a name would print an empty
    /// header.
    pub(super) fn person_named(&self, heading: Option<&Block>) -> Result<Person> {
        let given = self.name.map(str::trim).filter(|n| !n.is_empty());
        let from_heading = heading.map(|h| unescape(&h.name)).filter(|n| !n.trim().is_empty());
        let Some(name) = given.map(str::to_string).or(from_heading) else {
            let start = self.source.len() - self.source.trim_start().len();
            let example = if self.lang == "ko" { "홍길동" } else { "Gildong Hong" };
            return Err(self.error(
                start..start,
                "this Markdown does not say whose résumé it is: it has no name for the person".to_string(),
                &format!(
                    "give the name with `--name \"{example}\"`; a file in the export's form starts with `# {example}`"
                ),
            ));
        };
        Ok(Person {
            name: Text::Plain(name),
            headline: None,
            email: None,
            phone: None,
            location: None,
            photo: None,
            name_hanja: None,
            birth_date: None,
            address: None,
            nationality: None,
            visa: None,
            links: vec![],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_reads_as_written_now_and_before() {
        for text in [
            "kakao → kakaoenterprise (2019.12 사명 변경)",
            "kakao → kakaoenterprise (renamed Dec 2019)",
            "kakao → kakaoenterprise (2019.12 ~)",
            "kakao → kakaoenterprise (from Dec 2019)",
            "kakaoenterprise (formerly kakao, renamed Dec 2019)",
        ] {
            let name = read_rename(text).expect(text);
            assert_eq!(name.name, "kakaoenterprise", "{text}");
            let (former, month) = name.formerly.expect(text);
            assert_eq!((former.as_str(), month.to_string().as_str()), ("kakao", "2019-12"), "{text}");
        }
    }
}
