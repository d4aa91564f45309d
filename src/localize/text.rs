//! Looking a text up: the user's Fluent message first, then the inline
//! text in the build's language; the missing-text error and the warning for
//! Hangul in another language's document.

use super::{Localizer, Path, TextEntry};
use crate::error::{Error, Result};
use crate::model::{Step, Text, locate};

impl Localizer<'_> {
    /// A content text: the user's Fluent message if there is one, else the
    /// inline text in this language; a text that exists but lacks this
    /// language is an error naming where it is.
    pub(super) fn text(
        &self,
        id: &str,
        text: Option<&Text>,
        at: impl FnOnce() -> Path,
    ) -> Result<Option<String>> {
        let message = self.catalogue.format(id, None)?;
        if let Some(record) = self.record {
            let foreign_script = message.is_none() && self.foreign(id, text);
            let (location, source) = match text {
                Some(Text::Localized(map)) => {
                    (locate(self.source, &at()), map.iter().map(|(l, t)| (l.clone(), t.clone())).collect())
                }
                // Prose in the source language keeps its source beside its
                // translation, so a changed source shows the translation stale.
                Some(Text::Plain(plain))
                    if foreign_script
                        || (self.resume.source_language() != "ko" && self.is_prose(id, plain)) =>
                {
                    let label = match crate::model::has_hangul(plain) {
                        true => crate::model::SHARED.to_string(),
                        false => self.resume.source_language().to_string(),
                    };
                    (locate(self.source, &at()), vec![(label, plain.clone())])
                }
                _ => (None, Vec::new()),
            };
            let translated =
                message.is_some() || text.is_none_or(|t| t.get(self.catalogue.language.code).is_some());
            record.borrow_mut().push(TextEntry {
                id: id.to_string(),
                location,
                source,
                translated,
                foreign_script,
            });
            return Ok(Some(message.unwrap_or_default()));
        }
        if let Some(message) = message {
            return Ok(Some(message));
        }
        let Some(text) = text else { return Ok(None) };
        // The path is built only for a message: a build resolves hundreds
        // of texts and warns about few.
        match text.get(self.catalogue.language.code) {
            Some(value) => {
                if self.foreign(id, Some(text)) {
                    self.warn_foreign(id, text, &at());
                }
                Ok(Some(value.to_string()))
            }
            None => Err(self.missing(id, text, &at())),
        }
    }

    /// Notes that the texts `old<suffix>` are now `new<suffix>`.
    pub(super) fn renamed(&self, old: &str, new: &str, suffixes: &[&str]) {
        if old != new {
            let mut renames = self.renames.borrow_mut();
            renames.extend(suffixes.iter().map(|s| (format!("{old}{s}"), format!("{new}{s}"))));
        }
    }

    /// Whether a text would print another language into this document: a
    /// plain string with Hangul outside a Korean document, or a plain
    /// string of prose in the résumé's source language (`[resume] source`)
    /// outside a document in that language. Names, technologies and links
    /// stay shared.
    pub(super) fn foreign(&self, id: &str, text: Option<&Text>) -> bool {
        let lang = self.catalogue.language.code;
        let Some(Text::Plain(plain)) = text else { return false };
        if lang != "ko" && crate::model::has_hangul(plain) {
            return true;
        }
        let source = self.resume.source_language();
        source != "ko" && lang != source && self.is_prose(id, plain)
    }

    /// Whether a plain text reads as prose to translate rather than a name,
    /// a technology or a link: not a name (of the person or a company), not
    /// a stack fact, and at least two words with letters.
    fn is_prose(&self, id: &str, text: &str) -> bool {
        if id == "person-name" || (id.starts_with("company-") && id.ends_with("-name")) {
            return false;
        }
        let fact = self.resume.projects.iter().any(|p| {
            id.strip_prefix(&format!("project-{}-", p.id)).is_some_and(|rest| {
                rest.starts_with("other-")
                    || crate::model::STACK_FACTS
                        .iter()
                        .any(|f| rest == *f || rest.starts_with(&format!("{f}-")))
            })
        });
        let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
        !fact && words >= 2 && !text.contains("://")
    }

    pub(super) fn warn_foreign(&self, id: &str, text: &Text, at: &[Step]) {
        let lang = self.catalogue.language.code;
        let (written_in, from) = match text {
            Text::Plain(plain) if crate::model::has_hangul(plain) => ("Korean".to_string(), "ko"),
            _ => (format!("written in `{}`", self.resume.source_language()), self.resume.source_language()),
        };
        let mut warning = Error::warning(format!("this text is {written_in}, but the document is in `{lang}`"))
            .with_hint(format!(
                "give it a `{lang}` version (`{{ {from} = \"…\", {lang} = \"…\" }}`, or `{id} = …` in {lang}.ftl); \
                 write `{{ all = \"…\" }}` if it is meant for every language"
            ));
        if let Some(location) = locate(self.source, at) {
            warning = warning.at(location);
        }
        self.warnings.borrow_mut().push(warning);
    }

    /// Like [`Self::text`] for a text that is always there.
    pub(super) fn required(&self, id: &str, text: &Text, at: impl FnOnce() -> Path) -> Result<String> {
        Ok(self.text(id, Some(text), at)?.unwrap_or_default())
    }

    pub(super) fn missing(&self, id: &str, text: &Text, at: &[Step]) -> Error {
        let lang = self.catalogue.language.code;
        let has = crate::model::languages_of(text).join(", ");
        let beside = match &self.source.dir {
            Some(_) => format!("{lang}.ftl beside {}", self.source.path.display()),
            None => format!("{lang}.ftl"),
        };
        let error = Error::new(format!("this text has no `{lang}` version (it has: {has})"))
            .with_hint(format!("add `{lang} = \"…\"` to it, or define the message `{id} = …` in {beside}"));
        match locate(self.source, at) {
            Some(location) => error.at(location),
            None => error,
        }
    }
}
