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
/// `existing` yet: what `i18n extract --write` appends.
pub fn additions(entries: &[TextEntry], existing: &str) -> String {
    let mut out = String::new();
    for entry in entries.iter().filter(|e| !e.translated || e.foreign_script) {
        if existing.lines().any(|line| is_waiting(line, &entry.id)) {
            continue;
        }
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
