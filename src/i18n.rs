//! Localization: one Fluent bundle per language.
//!
//! The built-in catalogues (`i18n/<lang>/*.ftl`) are embedded in the binary
//! and hold every label, month, date-range form and duration. A user's
//! `<lang>.ftl` beside their `resume.toml` (or in `i18n/` there) is loaded
//! on top and may override any built-in message or define the message of
//! any content text (see [`crate::view`] for the ids). Isolation marks are
//! off: they would land in the PDF's text layer as U+2068/U+2069.

use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use unic_langid::LanguageIdentifier;

use crate::error::{Error, Location, Result};

/// A language the binary ships a catalogue for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language {
    /// The code used in flags, text tables and file names.
    pub code: &'static str,
    /// The built-in catalogue.
    catalogue: &'static str,
}

/// The language a build speaks when nothing asks for one, and the one
/// message ids are keyed from: the résumés this tool is for start in
/// Korean.
pub const DEFAULT_LANGUAGE: &str = "ko";

/// Every built-in language; adding one means adding its folder under
/// `i18n/` and a line here.
pub const LANGUAGES: &[Language] = &[
    Language { code: "ko", catalogue: include_str!("../i18n/ko/resume.ftl") },
    Language { code: "en", catalogue: include_str!("../i18n/en/resume.ftl") },
];

impl Language {
    /// Finds the built-in language for a requested tag such as `ko`,
    /// `ko-KR` or `en-US`.
    pub fn negotiate(requested: &str) -> Result<Language> {
        let available = || LANGUAGES.iter().map(|l| l.code).collect::<Vec<_>>().join(", ");
        let tag: LanguageIdentifier = requested.trim().parse().map_err(|_| {
            Error::new(format!("`{requested}` is not a language tag"))
                .with_hint(format!("the available languages are: {}", available()))
        })?;
        LANGUAGES.iter().copied().find(|l| tag.language.as_str() == l.code).ok_or_else(|| {
            Error::new(format!("no catalogue for the language `{requested}`"))
                .with_hint(format!("the available languages are: {}", available()))
        })
    }

    /// The identifier Fluent uses for plural rules.
    fn identifier(self) -> LanguageIdentifier {
        self.code.parse().expect("built-in language codes are valid")
    }
}

/// A user's translation file, already read.
#[derive(Debug, Clone)]
pub struct UserCatalogue {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// Its Fluent text.
    pub text: String,
}

impl UserCatalogue {
    /// Reads `<lang>.ftl` and `i18n/<lang>.ftl` from the résumé's folder,
    /// whichever exist, in that order.
    pub fn find(dir: &Path, lang: Language) -> Result<Vec<UserCatalogue>> {
        let candidates =
            [dir.join(format!("{}.ftl", lang.code)), dir.join("i18n").join(format!("{}.ftl", lang.code))];
        let mut found = Vec::new();
        for path in candidates {
            let shown = path.strip_prefix(".").map(Path::to_path_buf).unwrap_or_else(|_| path.clone());
            crate::input::refuse_outside(dir, &path, "a translation")
                .map_err(|err| rename(err, &path, &shown))?;
            if let Some(text) =
                crate::input::read_text_without_bom(&path).map_err(|err| rename(err, &path, &shown))?
            {
                found.push(UserCatalogue { path: shown, text });
            }
        }
        Ok(found)
    }
}

/// Messages name a file as the user would type it (`en.ftl`, not `./en.ftl`).
fn rename(mut error: Error, path: &Path, shown: &Path) -> Error {
    error.message = error.message.replace(&path.display().to_string(), &shown.display().to_string());
    if let Some(location) = error.location.as_deref_mut() {
        location.file = shown.display().to_string();
    }
    error
}

/// How deeply placeables (`{ … }`) and call arguments (`( … )`) may nest
/// in a user's Fluent file. Real messages nest two or three deep; Fluent's
/// parser and resolver recurse once per level, so a file nested thousands
/// deep would overflow the stack.
pub const MAX_NESTING: usize = 20;

/// Refuses a Fluent file whose placeables or call arguments nest deeper
/// than [`MAX_NESTING`], before the parser sees it, pointing at the first
/// opener too deep. Every `{` and `(` counts, quoted or not: telling a
/// string literal from text would take a Fluent parser (a `"` in a
/// variant's text opens nothing), and counting too many only errs on the
/// side of refusing. The count starts afresh with each entry (a line that
/// starts at its first column), so brackets left open in one message's text
/// do not add up across the file.
fn check_nesting(file: &UserCatalogue) -> Result<()> {
    let mut depth = 0usize;
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#') {
            depth = 0;
        }
        for (at, c) in line.char_indices() {
            match c {
                '{' | '(' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        let start = offset + at;
                        return Err(Error::new(format!(
                            "{} nests placeables more than {MAX_NESTING} deep",
                            file.path.display()
                        ))
                        .at(Location::from_span(&file.path, &file.text, start..start + 1))
                        .with_hint("a message is plain text with a few `{ $variable }` or `{ -term }` placeables; flatten this one"));
                    }
                }
                '}' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        offset += line.len();
    }
    Ok(())
}

/// The messages and terms a Fluent file defines (`id = …`, `-term = …`),
/// each with its line, in file order; comments are not definitions.
fn definitions(text: &str) -> Vec<(&str, usize)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let body = line.strip_prefix('-').unwrap_or(line);
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end =
            body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(body.len());
        if body[end..].trim_start().starts_with('=') {
            found.push((&line[..end + line.len() - body.len()], n + 1));
        }
    }
    found
}

/// A message defined twice in one file: the bundle would use the last
/// without a word, so it is an error at the second, naming the first.
fn check_duplicates(file: &UserCatalogue) -> Result<()> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (id, line) in definitions(&file.text) {
        if let Some(first) = seen.insert(id, line) {
            let start: usize = file.text.split_inclusive('\n').take(line - 1).map(str::len).sum();
            return Err(Error::new(format!(
                "{} defines `{id}` twice: on line {first} and on line {line}",
                file.path.display()
            ))
            .at(Location::from_span(&file.path, &file.text, start..start + id.len()))
            .with_hint("keep one of the two; a build would silently use the last"));
        }
    }
    Ok(())
}

/// Rewrites the message ids of a Fluent file by `renames` (old id, new
/// id): messages (`old = …`) and messages still waiting as comments
/// (`# old =`). Everything else stays byte for byte. Returns the new text
/// and the renames it made, in file order. A rename onto an id the file
/// already defines is refused, naming both: the file would define it twice.
pub fn upgrade_ids(text: &str, renames: &[(String, String)]) -> Result<(String, Vec<(String, String)>)> {
    let map: std::collections::HashMap<&str, &str> =
        renames.iter().map(|(old, new)| (old.as_str(), new.as_str())).collect();
    let defined = definitions(text);
    for (old, line) in &defined {
        let Some(new) = map.get(old) else { continue };
        if let Some((_, taken)) = defined.iter().find(|(id, _)| id == new) {
            return Err(Error::new(format!(
                "`{old}` (line {line}) would be renamed to `{new}`, which the file already defines (line {taken})"
            ))
            .with_hint("keep one of the two messages, delete the other, and run the upgrade again"));
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut done = Vec::new();
    for line in text.split_inclusive('\n') {
        let (lead, rest) = match line.strip_prefix("# ") {
            Some(rest) => ("# ", rest),
            None => ("", line),
        };
        let id_end =
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
        let (id, after) = rest.split_at(id_end);
        match map.get(id) {
            Some(new) if after.trim_start().starts_with('=') => {
                out.push_str(lead);
                out.push_str(new);
                out.push_str(after);
                done.push((id.to_string(), new.to_string()));
            }
            _ => out.push_str(line),
        }
    }
    Ok((out, done))
}

/// Every message for one language, built-in and the user's.
pub struct Catalogue {
    /// The language this catalogue speaks.
    pub language: Language,
    bundle: FluentBundle<FluentResource>,
    /// The user's files, to locate a message that fails to format.
    user: Vec<UserCatalogue>,
}

impl Catalogue {
    /// Builds the bundle: the built-in catalogue, then the user's files,
    /// whose messages override built-in ones.
    pub fn new(language: Language, user: &[UserCatalogue]) -> Result<Self> {
        let mut bundle = FluentBundle::new(vec![language.identifier()]);
        bundle.set_use_isolating(false);
        let builtin = FluentResource::try_new(language.catalogue.to_string())
            .unwrap_or_else(|_| panic!("the built-in {} catalogue parses", language.code));
        bundle.add_resource(builtin).expect("built-in catalogues have unique ids");
        for file in user {
            check_nesting(file)?;
            check_duplicates(file)?;
            let resource = FluentResource::try_new(file.text.clone()).map_err(|(_, errors)| {
                let first = &errors[0];
                let mut error = Error::new(format!("{} is not valid Fluent: {}", file.path.display(), first.kind))
                    .at(Location::from_span(&file.path, &file.text, first.pos.clone()))
                    .with_hint(
                        "a message is written `message-id = text`; a text still to translate can stay a comment (`# id =`)",
                    );
                // Every error of the file in one run, not one per fix.
                let more: Vec<String> = errors[1..]
                    .iter()
                    .map(|e| {
                        let at = Location::from_span(&file.path, &file.text, e.pos.clone());
                        format!("  also {}:{}:{}: {}", at.file, at.line, at.column, e.kind)
                    })
                    .collect();
                if !more.is_empty() {
                    error = error.with_detail(more.join("\n"));
                }
                error
            })?;
            bundle.add_resource_overriding(resource);
        }
        Ok(Self { language, bundle, user: user.to_vec() })
    }

    /// The user's translation files, to find where a printed character
    /// came from.
    pub fn user_files(&self) -> &[UserCatalogue] {
        &self.user
    }

    /// Whether `id` is one of the built-in catalogue's messages.
    pub fn is_builtin(&self, id: &str) -> bool {
        let needle = format!("\n{id} =");
        format!("\n{}", self.language.catalogue).contains(&needle)
    }

    /// Whether a message with this id exists (built-in or the user's).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats a message, or `None` when it does not exist. A message that
    /// exists but cannot be formatted (an unknown term, say) is an error.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Result<Option<String>> {
        let Some(message) = self.bundle.get_message(id) else { return Ok(None) };
        let Some(pattern) = message.value() else {
            let error = Error::new(format!("the message `{id}` has no value"))
                .with_hint("give it a text after `=`; attributes alone are not printed");
            return Err(match self.definition(id) {
                Some(location) => error.at(location),
                None => error,
            });
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if let Some(first) = errors.first() {
            let error = Error::new(format!(
                "the message `{id}` ({}) cannot be formatted: {first}",
                self.language.code
            ))
            .with_hint("check the terms, messages and variables it refers to");
            return Err(match self.definition(id) {
                Some(location) => error.at(location),
                None => error,
            });
        }
        // Raw or escaped (`{ "\u0001" }`), a control character in a
        // translation is refused as one in the résumé is.
        if let Some(c) = text.chars().find(|c| crate::model::characters::is_forbidden(*c)) {
            let what = format!("the message `{id}` ({})", self.language.code);
            return Err(crate::model::characters::refusal(&what, c, self.definition(id)));
        }
        Ok(Some(text.into_owned()))
    }

    /// Where the user's files define `id` (the last definition wins, as
    /// in the bundle).
    fn definition(&self, id: &str) -> Option<Location> {
        self.user.iter().rev().find_map(|file| {
            let mut offset = 0;
            for line in file.text.split_inclusive('\n') {
                if line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')) {
                    return Some(Location::from_span(&file.path, &file.text, offset..offset + id.len()));
                }
                offset += line.len();
            }
            None
        })
    }

    /// A built-in label or form; these always exist (a test checks every
    /// id the code uses), so a missing one shows its id rather than failing.
    pub fn label(&self, id: &str, args: Option<&FluentArgs>) -> Result<String> {
        Ok(self.format(id, args)?.unwrap_or_else(|| id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_string()).unwrap();
        let mut ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn every_language_has_the_same_ids() {
        let reference = ids(LANGUAGES[0].catalogue);
        assert!(reference.len() > 30);
        for language in LANGUAGES {
            assert_eq!(ids(language.catalogue), reference, "{} differs", language.code);
        }
    }

    #[test]
    fn negotiates_tags() {
        assert_eq!(Language::negotiate("ko-KR").unwrap().code, "ko");
        assert_eq!(Language::negotiate("en-US").unwrap().code, "en");
        let err = Language::negotiate("fr").unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("the available languages are: ko, en"));
        assert!(Language::negotiate("??").is_err());
    }

    #[test]
    fn plural_durations_without_isolation_marks() {
        let en = Catalogue::new(Language::negotiate("en").unwrap(), &[]).unwrap();
        let mut args = FluentArgs::new();
        args.set("years", 1);
        args.set("months", 1);
        assert_eq!(en.label("duration-years-months", Some(&args)).unwrap(), "1 yr 1 mo");
        args.set("years", 4);
        args.set("months", 8);
        assert_eq!(en.label("duration-years-months", Some(&args)).unwrap(), "4 yrs 8 mos");
        let ko = Catalogue::new(Language::negotiate("ko").unwrap(), &[]).unwrap();
        assert_eq!(ko.label("duration-years-months", Some(&args)).unwrap(), "4년 8개월");
    }

    #[test]
    fn user_messages_override_and_errors_are_located() {
        let en = Language::negotiate("en").unwrap();
        let user = UserCatalogue { path: "en.ftl".into(), text: "section-projects = Work\n".into() };
        let catalogue = Catalogue::new(en, &[user]).unwrap();
        assert_eq!(catalogue.label("section-projects", None).unwrap(), "Work");
        let broken = UserCatalogue { path: "en.ftl".into(), text: "ok = fine\nbroken\n".into() };
        let err = Catalogue::new(en, &[broken]).err().unwrap();
        assert_eq!(err.location.unwrap().line, 2);
    }
}
