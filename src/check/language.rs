//! One language's texts: every one present (or stale, with its source
//! then and now), translations that override nothing, Korean printed in
//! another language, characters no font has.

use std::collections::HashSet;

use crate::error::{Error, Location};
use crate::i18n::{Catalogue, Language, UserCatalogue};
use crate::localize;
use crate::model::{Resume, Source, YearMonth};

use super::Report;

/// Every text of the résumé in `language`, as the build and the
/// translation workflow see it.
pub(super) fn check_language(
    resume: &Resume,
    source: &Source,
    language: Language,
    today: YearMonth,
    complete: bool,
    report: &mut Report,
) {
    let user = match &source.dir {
        Some(dir) => match UserCatalogue::find(dir, language) {
            Ok(files) => files,
            Err(err) => return report.errors.push(err),
        },
        None => Vec::new(),
    };
    let catalogue = match Catalogue::new(language, &user) {
        Ok(catalogue) => catalogue,
        Err(err) => return report.errors.push(err),
    };
    let entries = match localize::texts(resume, source, &catalogue, today) {
        Ok(entries) => entries,
        Err(err) => return report.errors.push(err),
    };
    check_glyphs(source, &user, report);
    report.warnings.extend(foreign_texts(language, &entries));
    let known: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    // Messages of the user's files that no text has: translations of an
    // earlier version of a text, or typos.
    let orphans: Vec<(&UserCatalogue, String, usize)> = if complete {
        user.iter()
            .flat_map(|file| message_ids(&file.text).into_iter().map(move |(id, at)| (file, id, at)))
            .filter(|(_, id, _)| !known.contains(id.as_str()) && !catalogue.is_builtin(id))
            .collect()
    } else {
        // An override of a blanked entry would look like it overrides nothing.
        Vec::new()
    };
    let paired = missing_texts(language, &entries, &orphans, report);
    report.warnings.extend(changed_sources(language, &entries, &user));
    for (file, id, offset) in &orphans {
        if paired.contains(id) {
            continue;
        }
        let end = offset + id.len();
        report.warnings.push(
            Error::new(format!("the message `{id}` overrides nothing"))
                .at(Location::from_span(&file.path, &file.text, *offset..end))
                .with_hint("check its id against `resume i18n missing --lang …` (every text's id) or `resume export --format json` (the labels); terms start with `-`"),
        );
    }
}

/// Texts that would print another language into this one (Hangul in an
/// English document, English prose in a Korean one).
fn foreign_texts(language: Language, entries: &[localize::TextEntry]) -> Vec<Error> {
    let mut warnings = Vec::new();
    for entry in entries.iter().filter(|e| e.foreign_script) {
        let written_in = match entry.source.first() {
            Some((lang, _)) if lang != crate::model::SHARED => format!("written in `{lang}`"),
            _ => "Korean".to_string(),
        };
        let mut warning = Error::warning(format!(
            "this text is {written_in}, but it is printed in `{}` too",
            language.code
        ))
            .with_hint(format!(
                "give it a `{0}` version, or define `{1} = …` in {0}.ftl; write `{{ all = \"…\" }}` if it is meant for every language",
                language.code, entry.id
            ));
        if let Some(location) = &entry.location {
            warning = warning.at(location.clone());
        }
        warnings.push(warning);
    }
    warnings
}

/// Every text without a version in this language, as an error at its
/// place: a stale translation when its old one is the one orphan of its
/// slot (which is then paired, and not reported as overriding nothing).
fn missing_texts(
    language: Language,
    entries: &[localize::TextEntry],
    orphans: &[(&UserCatalogue, String, usize)],
    report: &mut Report,
) -> HashSet<String> {
    let mut paired: HashSet<String> = HashSet::new();
    let missing: Vec<&localize::TextEntry> = entries.iter().filter(|e| !e.translated).collect();
    for entry in &missing {
        // A text whose source changed has a new id; its old translation
        // is the one orphan in the same place of the same list.
        let same_slot: Vec<&(&UserCatalogue, String, usize)> =
            orphans.iter().filter(|(_, id, _)| same_slot(id, &entry.id)).collect();
        let rivals =
            missing.iter().filter(|m| same_slot.iter().any(|(_, id, _)| same_slot_ids(id, &m.id))).count();
        let mut error = match (same_slot.as_slice(), rivals) {
            ([(file, old, _)], 1) => {
                paired.insert(old.clone());
                stale_error(language, entry, file, old)
            }
            _ => {
                let has: Vec<&str> = entry.source.iter().map(|(l, _)| l.as_str()).collect();
                Error::new(format!("this text has no `{}` version (it has: {})", language.code, has.join(", "))).with_hint(
                    format!(
                        "add `{} = \"…\"` to it, or define `{} = …` in {}.ftl; `resume i18n extract --lang {} --write` adds them all",
                        language.code, entry.id, language.code, language.code
                    ),
                )
            }
        };
        if let Some(location) = &entry.location {
            error = error.at(location.clone());
        }
        report.errors.push(error);
    }
    paired
}

/// Translations whose source changed since they were made: a text with a
/// fixed id (a description, a summary, a name, a title) keeps its id when
/// it is edited, so its translation would print the old meaning silently.
/// `i18n extract` writes the source above each message (`# en: …`); when
/// it no longer matches the source, the translation is stale. A warning
/// (`--strict` fails) at the message, with both sources and the translation.
fn changed_sources(
    language: Language,
    entries: &[localize::TextEntry],
    user: &[UserCatalogue],
) -> Vec<Error> {
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut warnings = Vec::new();
    for entry in entries.iter().filter(|e| e.translated && !e.source.is_empty()) {
        for file in user {
            let Some((_, offset)) = message_ids(&file.text).into_iter().find(|(id, _)| *id == entry.id)
            else {
                continue;
            };
            let Some(was) = source_comment_above(&file.text, &entry.id) else { continue };
            let Some((lang, text)) = was.split_once(": ") else { continue };
            let Some((_, now)) = entry.source.iter().find(|(l, _)| l == lang) else { continue };
            if squash(text) == squash(now) {
                continue;
            }
            let translation = message_value(&file.text, &entry.id).unwrap_or_default();
            let detail = format!(
                "  the source was: {lang}: {text}\n  the source is:  {lang}: {now}\n  the `{}` text:   {translation}",
                language.code
            );
            let mut warning = Error::warning(format!(
                "the `{}` translation `{}` is stale: its source changed since it was made",
                language.code, entry.id
            ))
            .with_detail(detail)
            .with_hint(format!(
                "bring the translation up to date, then the `# {lang}: …` comment above it to the source as it is now"
            ))
            .at(Location::from_span(&file.path, &file.text, offset..offset + entry.id.len()));
            if let Some(location) = &entry.location {
                warning.hint = warning
                    .hint
                    .map(|h| format!("{h} (the source is at {}:{})", location.file, location.line));
            }
            warnings.push(warning);
        }
    }
    warnings
}

/// Whether two message ids are the same item's place in one list: the same
/// up to the item's key, and the same after it (`-problem`).
fn same_slot(a: &str, b: &str) -> bool {
    a != b && same_slot_ids(a, b)
}

fn same_slot_ids(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let stem = &a[..a[..common].rfind('-').map_or(0, |i| i + 1)];
    if stem.is_empty() {
        return false;
    }
    let rest = |id: &str| {
        let tail = &id[stem.len()..];
        tail.find('-').map_or(String::new(), |i| tail[i..].to_string())
    };
    !a[stem.len()..].is_empty() && !b[stem.len()..].is_empty() && rest(a) == rest(b)
}

/// A translation of an earlier version of a text: what it said then, what
/// the source says now, and the translation, so it can be brought up to
/// date.
fn stale_error(language: Language, entry: &localize::TextEntry, file: &UserCatalogue, old: &str) -> Error {
    let was = source_comment_above(&file.text, old);
    let now = entry.source.first().map(|(l, t)| format!("{l}: {t}")).unwrap_or_default();
    let translation = message_value(&file.text, old).unwrap_or_default();
    let mut detail = Vec::new();
    if let Some(was) = was {
        detail.push(format!("  the source was: {was}"));
    }
    detail.push(format!("  the source is:  {now}"));
    detail.push(format!("  the `{}` text:   {translation}", language.code));
    Error::new(format!(
        "the `{}` translation of this text is stale: its source changed since `{old}` was written in {}",
        language.code,
        file.path.display()
    ))
    .with_detail(detail.join("\n"))
    .with_hint(format!(
        "bring the translation up to date and rename `{old}` to `{}` in {}",
        entry.id,
        file.path.display()
    ))
}

/// The `# ko: …` comment `i18n extract` wrote above a message, if kept.
fn source_comment_above(text: &str, id: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at =
        lines.iter().position(|l| l.strip_prefix(id).is_some_and(|r| r.trim_start().starts_with('=')))?;
    lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| {
            l.strip_prefix("# ").filter(|c| c.len() > 3 && c.as_bytes()[2] == b':' && !c.contains(" = "))
        })
        .map(str::to_string)
}

/// The first line of a message's value.
fn message_value(text: &str, id: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(id).and_then(|r| r.trim_start().strip_prefix('=')))
        .map(|v| v.trim().to_string())
}

/// Characters no embedded font has, in the résumé's texts and the
/// translation files: `pdf` would refuse them, so `check` says so first.
fn check_glyphs(source: &Source, user: &[UserCatalogue], report: &mut Report) {
    let mut reported: Vec<char> = report
        .errors
        .iter()
        .filter_map(|e| e.message.strip_prefix("no font has a glyph for `")?.chars().next())
        .collect();
    let mut push = |c: char, location: Option<Location>| {
        if reported.contains(&c) {
            return;
        }
        reported.push(c);
        let mut error = Error::new(format!("no font has a glyph for `{c}` (U+{:04X})", c as u32)).with_hint(
            "remove the character, or build with a font that has it (`resume pdf --font-path DIR`); \
             `--allow-missing-glyphs` builds anyway and prints a box",
        );
        if let Some(location) = location {
            error = error.at(location);
        }
        report.errors.push(error);
    };
    // Every text of the résumé, whatever its field: `pdf` refuses any.
    let uncovered = |c: char| !crate::typeset::fonts::covered(c);
    for (c, span) in crate::model::characters::first_in_each_string(source, uncovered) {
        push(c, Some(Location::from_span(&source.path, &source.text, span)));
    }
    for file in user {
        let mut offset = 0;
        for line in file.text.split_inclusive('\n') {
            if !line.trim_start().starts_with('#')
                && let Some((at, c)) = line.char_indices().find(|(_, c)| !crate::typeset::fonts::covered(*c))
            {
                let start = offset + at;
                push(c, Some(Location::from_span(&file.path, &file.text, start..start + c.len_utf8())));
            }
            offset += line.len();
        }
    }
}

/// Message ids defined in a Fluent file, with their byte offsets.
fn message_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next().unwrap_or(' ');
        if first.is_ascii_alphabetic()
            && let Some((id, _)) = line.split_once('=')
        {
            ids.push((id.trim().to_string(), offset));
        }
        offset += line.len();
    }
    ids
}
