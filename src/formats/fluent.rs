//! Fluent skeletons for the translation workflow: every missing text as a
//! commented message, with its source and where it stands, that `i18n
//! extract` prints or adds to a `.ftl` file in place.

use std::fmt::Write;

use crate::localize::TextEntry;

/// Fluent for every missing text: the text in the languages it has as
/// comments, where it stands, and the message to fill in, itself a comment
/// (`# person-headline =`) until it is filled in and uncommented, so that a
/// file with messages still to translate always parses and builds, the
/// missing texts reported as such.
pub fn skeleton(entries: &[TextEntry], lang: &str) -> String {
    let mut out = format!(
        "# Translations into `{lang}`: for each message below, write the text after `=`\n\
         # and remove the `# ` in front of its id. Keep this file as {lang}.ftl beside\n\
         # resume.toml (`resume i18n extract --lang {lang} --write` adds to it in place).\n"
    );
    out.push_str(&additions(entries, ""));
    out
}

/// The skeleton of the missing texts whose commented message is not in
/// `existing` yet, in document order.
fn additions(entries: &[TextEntry], existing: &str) -> String {
    entries
        .iter()
        .filter(|e| {
            (!e.translated || e.foreign_script) && !existing.lines().any(|line| is_waiting(line, &e.id))
        })
        .map(block)
        .collect()
}

/// `existing` with the missing texts' skeletons put in place: each right
/// after the message (or waiting message) of the text before it in the
/// document, so a new bullet stands beside its neighbours (and the old
/// translation it may replace), not at the end of the file. What has no
/// neighbour in the file goes at the end. Returns the file and how many
/// messages were added.
pub fn merged(entries: &[TextEntry], existing: &str) -> (String, usize) {
    let mut lines: Vec<String> = existing.lines().map(str::to_string).collect();
    let mut added = 0;
    for (n, entry) in entries.iter().enumerate() {
        let missing = !entry.translated || entry.foreign_script;
        if !missing || lines.iter().any(|line| is_waiting(line, &entry.id)) {
            continue;
        }
        // After the nearest earlier text that the file already has.
        let at = entries[..n].iter().rev().find_map(|before| message_end(&lines, &before.id));
        let new: Vec<String> = block(entry).lines().map(str::to_string).collect();
        match at {
            Some(at) => {
                lines.splice(at..at, new);
            }
            None => lines.extend(new),
        }
        added += 1;
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, added)
}

/// The line after the message `id` (given or waiting) and its indented
/// continuation lines.
fn message_end(lines: &[String], id: &str) -> Option<usize> {
    let start = lines.iter().position(|line| {
        is_waiting(line, id) || line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('='))
    })?;
    let continued =
        lines[start + 1..].iter().take_while(|l| l.starts_with(' ') && !l.trim().is_empty()).count();
    Some(start + 1 + continued)
}

/// One missing text's skeleton: a blank line, where it stands, its source,
/// and its message commented out.
fn block(entry: &TextEntry) -> String {
    let mut out = String::new();
    {
        out.push('\n');
        if let Some(location) = &entry.location {
            let _ = writeln!(out, "# {}:{}:{}", location.file, location.line, location.column);
        }
        for (source_lang, text) in &entry.source {
            for (n, line) in text.lines().enumerate() {
                let lead = if n == 0 { format!("{source_lang}: ") } else { "    ".to_string() };
                let _ = writeln!(out, "# {lead}{line}");
            }
        }
        let _ = writeln!(out, "# {} =", entry.id);
    }
    out
}

/// Whether a line is the commented message of `id`, waiting to be filled.
fn is_waiting(line: &str, id: &str) -> bool {
    line.strip_prefix("# ")
        .and_then(|rest| rest.strip_prefix(id))
        .is_some_and(|rest| rest.trim_start().starts_with('='))
}
