//! Characters no document may carry. XML 1.0 forbids most control
//! characters, so one in a text would make a Word file that Word refuses
//! to open; the others rewrite a terminal when a text export is printed
//! (`ESC c` resets it, `OSC 0` retitles its window). TOML writes them only
//! as escapes (`"\u0001"`), so they are never there by accident: every
//! text of the résumé and of its translations is checked once, where it is
//! read, and refused at its line and column, so that every surface (PDF,
//! Word, exports, the preview) sees only text it can carry.

use toml::de::{DeTable, DeValue};

use super::Source;
use crate::error::{Error, Location};

/// Whether `c` is a character no document may carry: a C0 control other
/// than tab, line feed and carriage return, DEL, a C1 control, or one of
/// the two non-characters XML forbids (U+FFFE, U+FFFF).
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// The error for `what` (a text, a message) holding `c`, at `location`.
pub fn refusal(what: &str, c: char, location: Option<Location>) -> Error {
    let error = Error::new(format!(
        "{what} holds the control character U+{:04X}, which no document can carry \
         (a Word file with it does not open, a terminal printing it is rewritten)",
        u32::from(c)
    ))
    .with_hint("remove it; a line break is written as a real line break or `\\n`, a tab as `\\t`");
    match location {
        Some(location) => error.at(location),
        None => error,
    }
}

/// Every string of the résumé file (keys included) holding a forbidden
/// character, each refused at its place.
pub(super) fn check(source: &Source, problems: &mut Vec<Error>) {
    for (c, span) in first_in_each_string(source, is_forbidden) {
        problems.push(refusal("this text", c, Some(Location::from_span(&source.path, &source.text, span))));
    }
}

/// The first character of each string of the résumé file (keys
/// included) that `wanted` picks, with the string's place: what `check`
/// looks for in every text at once, whatever its field.
pub fn first_in_each_string(
    source: &Source,
    wanted: fn(char) -> bool,
) -> Vec<(char, std::ops::Range<usize>)> {
    let Ok(root) = DeTable::parse(&source.text) else { return Vec::new() };
    let mut found = Vec::new();
    for (key, value) in root.get_ref().iter() {
        strings_in_key(key, wanted, &mut found);
        strings_in(value, wanted, &mut found);
    }
    found
}

type Found = Vec<(char, std::ops::Range<usize>)>;

fn strings_in_key(
    key: &toml::Spanned<std::borrow::Cow<'_, str>>,
    wanted: fn(char) -> bool,
    found: &mut Found,
) {
    if let Some(c) = key.get_ref().chars().find(|c| wanted(*c)) {
        found.push((c, key.span()));
    }
}

fn strings_in(value: &toml::Spanned<DeValue<'_>>, wanted: fn(char) -> bool, found: &mut Found) {
    match value.get_ref() {
        DeValue::String(text) => {
            if let Some(c) = text.chars().find(|c| wanted(*c)) {
                found.push((c, value.span()));
            }
        }
        DeValue::Array(items) => items.iter().for_each(|item| strings_in(item, wanted, found)),
        DeValue::Table(table) => {
            for (key, item) in table.iter() {
                strings_in_key(key, wanted, found);
                strings_in(item, wanted, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_no_document_carries_is_forbidden() {
        for c in ['\u{0}', '\u{1}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{fffe}', '\u{ffff}'] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'é', '한', '漢', '\u{a0}', '\u{fffd}', '😀'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }
}
