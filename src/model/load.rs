//! Reading `resume.toml`: parse, check what types cannot, and point at the
//! culprit when something is wrong.
//!
//! The happy path parses the file once, straight into [`Resume`]. Only when
//! a check fails is the file parsed again, keeping spans, to find the line
//! and column of the offending key ([`locate`]); errors are rare, spans are
//! not free.

use toml::de::DeTable;

use super::Resume;
use super::checks::check;
use super::source::{Source, closest};
use crate::error::{Error, Location, Result};

/// Parses and checks a résumé, failing on the first problem.
pub fn load(source: &Source) -> Result<Resume> {
    let resume: Resume = toml::from_str(&source.text).map_err(|err| syntax_error(source, &err))?;
    let mut problems = Vec::new();
    super::characters::check(source, &mut problems);
    check(&resume, source, &mut problems);
    match problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(resume),
    }
}

/// What [`diagnose`] could make of a résumé file.
#[derive(Debug)]
pub struct Diagnosis {
    /// The model, when the file parses: entries with a type error are
    /// blanked out of it, so the other checks can still run on the rest.
    pub resume: Option<Resume>,
    /// Whether nothing had to be blanked, so that checks which need the
    /// whole résumé (a profile naming an entry, a translation overriding
    /// one) can trust the model.
    pub complete: bool,
    /// The text the model was read from: the file with the broken entries
    /// replaced by spaces, every other byte where it stood, so that paths
    /// into the model locate in it.
    pub read: Source,
    /// Every problem found, in file order within each kind.
    pub problems: Vec<Error>,
}

/// Every problem of a résumé file at once, for `resume check`: all syntax
/// errors; then type errors (an unknown key, a bad period), found one by
/// one by blanking each culprit and reading again; then the checks types
/// cannot express. A required key that had to be blanked is refilled with
/// a placeholder where it fits, so its entry stays in the model for the
/// other checks.
pub fn diagnose(source: &Source) -> Diagnosis {
    let unreadable = |problems| Diagnosis { resume: None, complete: false, read: source.clone(), problems };
    let (_, syntax) = DeTable::parse_recoverable(&source.text);
    if !syntax.is_empty() {
        return unreadable(syntax.iter().map(|err| syntax_error(source, err)).collect());
    }
    let mut text = source.text.clone();
    let mut problems = Vec::new();
    let mut blanked: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for _ in 0..50 {
        match toml::from_str::<Resume>(&text) {
            Ok(resume) => {
                // Blanking keeps every byte offset, so the blanked text
                // locates the remaining entries exactly where they stand.
                let read = Source { text: text.clone(), ..source.clone() };
                let complete = problems.is_empty();
                super::characters::check(&read, &mut problems);
                check(&resume, &read, &mut problems);
                return Diagnosis { resume: Some(resume), complete, read, problems };
            }
            Err(err) => {
                let message = err.message().to_string();
                // A required key blanked for an earlier error is not news:
                // put a placeholder in its place if one fits.
                let earlier =
                    blanked.iter().rposition(|(key, _)| message.contains(&format!("missing field `{key}`")));
                if let Some(index) = earlier {
                    let (key, range) = blanked.remove(index);
                    if refill(&mut text, &key, range) {
                        continue;
                    }
                } else {
                    problems.push(syntax_error(source, &err));
                }
                let Some(span) = err.span() else { return unreadable(problems) };
                // An error on a table header (a missing field) blanks the
                // whole table; any other, the one entry.
                if text[span.start..].starts_with('[') {
                    blank_section(&mut text, span.start);
                } else {
                    match blank_entry(&mut text, span) {
                        Some(entry) => blanked.push(entry),
                        None => return unreadable(problems),
                    }
                }
            }
        }
    }
    unreadable(problems)
}

/// Writes `key = placeholder` into a blanked entry's place, if it fits on
/// its first line: the shortest value of the key's type.
fn refill(text: &mut String, key: &str, range: std::ops::Range<usize>) -> bool {
    let value = match key {
        "period" => "\"100001~\"",
        "until" => "\"100001\"",
        _ => "\"x\"",
    };
    let placeholder = format!("{key}={value}");
    let line_end = text[range.clone()].find('\n').map_or(range.end, |i| range.start + i);
    // Only a key on a line of its own: inside an inline table the blank
    // left a comma that a placeholder would not make valid.
    let at_line_start = text[..range.start].trim_end_matches([' ', '\t']).ends_with('\n');
    if range.is_empty() || !at_line_start || placeholder.len() > line_end - range.start {
        return false;
    }
    text.replace_range(range.start..range.start + placeholder.len(), &placeholder);
    true
}

/// Blanks a table from its header at `start` to the next header.
fn blank_section(text: &mut String, start: usize) {
    let header_end = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
    let end = text[header_end..].find("\n[").map_or(text.len(), |i| header_end + i + 1);
    blank(text, start..end);
}

/// Replaces `range` with spaces, byte for byte, keeping its line breaks,
/// so every later location stays true.
fn blank(text: &mut String, range: std::ops::Range<usize>) {
    let spaces: String = text[range.clone()]
        .chars()
        .map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) })
        .collect();
    text.replace_range(range, &spaces);
}

/// Replaces the `key = value` entry holding `span` with spaces (keeping
/// line breaks, so later locations stay true) and returns its key and where
/// it stood.
fn blank_entry(text: &mut String, span: std::ops::Range<usize>) -> Option<(String, std::ops::Range<usize>)> {
    type Found = Option<(std::ops::Range<usize>, String)>;
    // Table headers make a table's own span cover only `[name]`, so every
    // table is searched; an entry matches when `key = value` holds the span,
    // and the innermost match wins.
    fn find(value: &toml::Spanned<toml::de::DeValue>, at: usize) -> Found {
        if let Some(table) = value.get_ref().as_table() {
            for (key, item) in table.iter() {
                let whole = key.span().start..item.span().end;
                let inner = find(item, at);
                if inner.is_some() {
                    return inner;
                }
                if whole.start <= at && at < whole.end {
                    return Some((whole, key.get_ref().to_string()));
                }
            }
        }
        if let Some(array) = value.get_ref().as_array() {
            return array.iter().find_map(|item| find(item, at));
        }
        None
    }
    let root = DeTable::parse(text).ok()?;
    let mut best = None;
    for (key, item) in root.get_ref().iter() {
        let whole = key.span().start..item.span().end;
        best = find(item, span.start).or_else(|| {
            (whole.start <= span.start && span.start < whole.end).then(|| (whole, key.get_ref().to_string()))
        });
        if best.is_some() {
            break;
        }
    }
    let (range, key) = best?;
    blank(text, range.clone());
    Some((key, range))
}

fn syntax_error(source: &Source, err: &toml::de::Error) -> Error {
    let message = err.message().trim().trim_end_matches('.').to_string();
    let hint = unknown_field_hint(&message).unwrap_or_else(|| {
        "`resume init DIR` writes a commented resume.toml, and `resume schema` the JSON Schema of every field"
            .to_string()
    });
    let mut error = Error::new(lowercase_first(&message)).with_hint(hint);
    if let Some(span) = err.span() {
        error = error.at(Location::from_span(&source.path, &source.text, span));
    }
    error
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// serde words an unknown key as "unknown field `x`, expected one of `a`,
/// `b`"; this turns that into a did-you-mean.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match closest(field, &names) {
        Some(name) => Some(format!("did you mean `{name}`?")),
        None => Some(format!("the keys allowed here are: {}", names.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source { path: "resume.toml".into(), dir: None, text: text.into() }
    }

    const MINIMAL: &str = "[person]\nname = 'A'\n";

    #[test]
    fn loads_a_minimal_file() {
        assert!(load(&source(MINIMAL)).is_ok());
    }

    #[test]
    fn syntax_error_points_at_line_and_column() {
        let err = load(&source("[person]\nname = 'A\n")).unwrap_err();
        let loc = err.location.unwrap();
        assert_eq!(loc.line, 2);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let err = load(&source("[person]\nname = 'A'\nheadlin = 'x'\n")).unwrap_err();
        assert_eq!(err.location.as_ref().unwrap().line, 3);
        assert_eq!(err.hint.as_deref(), Some("did you mean `headline`?"));
    }

    #[test]
    fn duplicate_ids_are_located() {
        let text = format!(
            "{MINIMAL}[[project]]\nid = 'a'\nname = 'x'\ncompany = 'c'\nperiod = '2020-01..'\n\
             [[project]]\nid = 'a'\nname = 'y'\ncompany = 'c'\nperiod = '2020-01..'\n"
        );
        let err = load(&source(&text)).unwrap_err();
        assert_eq!(err.message, "the id `a` is used twice");
        assert_eq!(err.location.unwrap().line, 9);
    }

    #[test]
    fn bad_period_is_located() {
        let text =
            format!("{MINIMAL}[[project]]\nid = 'a'\nname = 'x'\ncompany = 'c'\nperiod = '2020-13..'\n");
        let err = load(&source(&text)).unwrap_err();
        assert!(err.message.contains("`2020-13..` is not a period"), "{}", err.message);
        assert_eq!(err.location.unwrap().line, 7);
    }

    #[test]
    fn bad_link_and_email_are_errors() {
        let err = load(&source("[person]\nname = 'A'\nlinks = ['blog']\n")).unwrap_err();
        assert!(err.message.contains("not a web address"));
        assert_eq!(err.location.unwrap().line, 3);
        let err = load(&source("[person]\nname = 'A'\nemail = 'a.b'\n")).unwrap_err();
        assert!(err.message.contains("not an e-mail address"));
    }

    #[test]
    fn closest_tolerates_small_typos_only() {
        assert_eq!(closest("projcts", &["projects", "skills"]), Some("projects"));
        assert_eq!(closest("xyz", &["projects", "skills"]), None);
    }
}
