//! `resume check --fix`: the style findings whose replacement is certain,
//! written into the file in place. Each replacement goes into the exact
//! characters of a string written without escapes, so every comment, key
//! order, quote and line of the file stays as it was; a text written with
//! escapes, or a replacement its quotes could not hold, is left for the
//! user. The new file must read as the same résumé with the new words,
//! or nothing is written.

use crate::model::Source;

use super::texts;

/// A line the fixes changed: its number, and the line before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedLine {
    /// 1-based.
    pub number: usize,
    /// As it was.
    pub before: String,
    /// As it is now.
    pub after: String,
}

/// The file with every certain fix applied, and the lines that changed;
/// `None` when nothing could be fixed.
pub fn fix(source: &Source) -> Option<(String, Vec<ChangedLine>)> {
    let resume = crate::model::diagnose(source).resume;
    let settings = super::Settings::read(source, resume.as_ref());
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for text in texts(&source.text) {
        if super::NOT_PROSE.contains(&text.field()) || text.keys.first().is_some_and(|k| k == "profile") {
            continue;
        }
        let quote = source.text[text.span.clone()].chars().next().unwrap_or('"');
        for finding in super::certain(&text.value, &settings.casing) {
            let span = text.source_span(&source.text, finding.range.clone());
            let exact = span.len() == finding.range.len() && span != text.span;
            if settings.allows(&source.text, text.span.start, span.start, finding.rule, false) {
                continue;
            }
            // What the quotes hold as written: no quote, backslash or line
            // break in the replacement.
            let holds = !finding.replacement.contains([quote, '\\', '\n', '\r']);
            if exact && holds {
                edits.push((span, finding.replacement.clone()));
            }
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut fixed = source.text.clone();
    let mut last_start = usize::MAX;
    for (span, replacement) in edits {
        if span.end > last_start {
            continue;
        }
        last_start = span.start;
        fixed.replace_range(span, &replacement);
    }
    // The fixed file must still read, as many texts as before.
    let before = texts(&source.text).len();
    let parsed: Result<toml::Table, _> = fixed.parse();
    if parsed.is_err() || texts(&fixed).len() != before {
        return None;
    }
    let changed = source
        .text
        .lines()
        .zip(fixed.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(n, (a, b))| ChangedLine { number: n + 1, before: a.to_string(), after: b.to_string() })
        .collect();
    Some((fixed, changed))
}

/// Each Korean translation file with its certain fixes applied: its path,
/// new text and changed lines. Fluent values are written as they read,
/// so every finding's place is exact.
pub fn fix_translations(source: &Source) -> Vec<(std::path::PathBuf, String, Vec<ChangedLine>)> {
    let resume = crate::model::diagnose(source).resume;
    let settings = super::Settings::read(source, resume.as_ref());
    let mut out = Vec::new();
    for file in super::translation_files(source) {
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (range, value) in super::fluent::values(&file.text) {
            for finding in super::certain_in(value, file.language, &settings.casing) {
                let span = range.start + finding.range.start..range.start + finding.range.end;
                let allowed = settings.allows(&file.text, range.start, span.start, finding.rule, true);
                if !allowed && !finding.replacement.contains(['{', '}', '\n']) {
                    edits.push((span, finding.replacement));
                }
            }
        }
        if edits.is_empty() {
            continue;
        }
        edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        let mut fixed = file.text.clone();
        let mut last_start = usize::MAX;
        for (span, replacement) in edits {
            if span.end <= last_start {
                last_start = span.start;
                fixed.replace_range(span, &replacement);
            }
        }
        let changed = file
            .text
            .lines()
            .zip(fixed.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(n, (a, b))| ChangedLine { number: n + 1, before: a.to_string(), after: b.to_string() })
            .collect();
        out.push((file.path, fixed, changed));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source { path: "resume.toml".into(), dir: None, text: text.to_string() }
    }

    #[test]
    fn fixes_go_into_the_words_and_nothing_else_moves() {
        let text = "# my résumé\n[person]\nname = \"x\"  # the name\nsummary = { ko = \"etcd 의 노드를 실행 되는 대로\" }\n\n# bullets\n[[project]]\nid = 'a'\nresponsibilities = [\n  '조회등을 구현',\n]\n";
        let (fixed, changed) = fix(&source(text)).unwrap();
        assert_eq!(
            fixed,
            "# my résumé\n[person]\nname = \"x\"  # the name\nsummary = { ko = \"etcd의 노드를 실행되는 대로\" }\n\n# bullets\n[[project]]\nid = 'a'\nresponsibilities = [\n  '조회 등을 구현',\n]\n"
        );
        assert_eq!(changed.iter().map(|c| c.number).collect::<Vec<_>>(), [4, 10]);
    }

    #[test]
    fn a_text_with_escapes_is_left_for_the_user() {
        let text = "summary = { ko = \"etcd 의\\t노드\" }\n";
        assert_eq!(fix(&source(text)), None);
    }
}
