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
            let foreign_script = message.is_none() && self.foreign(text);
            let (location, source) = match text {
                Some(Text::Localized(map)) => {
                    (locate(self.source, &at()), map.iter().map(|(l, t)| (l.clone(), t.clone())).collect())
                }
                Some(Text::Plain(plain)) if foreign_script => {
                    (locate(self.source, &at()), vec![(crate::model::SHARED.to_string(), plain.clone())])
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
                if self.foreign(Some(text)) {
                    self.warn_foreign(id, &at());
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

    /// Whether a text would print Hangul into a document in another
    /// language.
    pub(super) fn foreign(&self, text: Option<&Text>) -> bool {
        self.catalogue.language.code != "ko" && text.is_some_and(Text::is_shared_hangul)
    }

    pub(super) fn warn_foreign(&self, id: &str, at: &[Step]) {
        let lang = self.catalogue.language.code;
        let mut warning = Error::warning(format!("this text is Korean, but the document is in `{lang}`"))
            .with_hint(format!(
                "give it a `{lang}` version (`{{ ko = \"…\", {lang} = \"…\" }}`, or `{id} = …` in {lang}.ftl); \
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
